import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instantiate, studentParameters } from '../../src/content/labs.js';
import { lineText } from '../../src/content/markdown/index.js';
import { displayWidth } from '../../src/content/markdown/width.js';
import { checkTemplate, defaultFolder, diagramOf, gradeLines, resolvePath, shownPath, templateOf, withoutTreeLines, writeStarter } from '../../src/tui/lab-actions.js';
import { fixtureLabs, tempDir } from './support/fixtures.js';

const lab = fixtureLabs()[0];

describe('paths typed on the lab screen', () => {
  it('are relative to the working folder; ~ is the home folder', () => {
    expect(resolvePath('./public-web', '/work/me')).toBe('/work/me/public-web');
    expect(resolvePath('/tmp/x', '/work/me')).toBe('/tmp/x');
    expect(resolvePath('~/labs', '/work/me')).toBe(join(homedir(), 'labs'));
    expect(shownPath('/work/me/public-web/template.yaml', '/work/me')).toBe('public-web/template.yaml');
    expect(shownPath('/elsewhere/t.yaml', '/work/me')).toBe('/elsewhere/t.yaml');
    expect(defaultFolder(lab)).toBe('./public-web');
    expect(templateOf('./public-web/')).toBe('./public-web/template.yaml');
  });
});

describe('writing the starter', () => {
  it("writes template.yaml and BRIEF.md with the student's values", () => {
    const cwd = tempDir();
    const w = writeStarter(lab, 's1', './public-web', cwd);
    expect(w.ok).toBe(true);
    expect(w.message).toBe('Wrote public-web/template.yaml and public-web/BRIEF.md. Edit the template, then press c to check it.');
    const template = readFileSync(join(cwd, 'public-web/template.yaml'), 'utf8');
    expect(template).toBe(instantiate(lab.starter, lab, 's1'));
    expect(template).toContain(`CidrBlock: ${studentParameters(lab, 's1').vpcCidr}`);
    expect(readFileSync(join(cwd, 'public-web/BRIEF.md'), 'utf8')).toContain('| Student | s1 |');
  });

  it('never overwrites a file that exists', () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'public-web'));
    writeFileSync(join(cwd, 'public-web/template.yaml'), 'my work');
    const w = writeStarter(lab, undefined, 'public-web', cwd);
    expect(w.ok).toBe(false);
    expect(w.message).toMatch(/^public-web\/template.yaml exists; your work is not overwritten/);
    expect(readFileSync(join(cwd, 'public-web/template.yaml'), 'utf8')).toBe('my work');
  });

  it('says why a folder cannot be written', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'file'), 'x');
    const w = writeStarter(lab, undefined, 'file/sub', cwd);
    expect(w.ok).toBe(false);
    expect(w.message).toMatch(/^Cannot write into file\/sub: /);
    expect(writeStarter(lab, undefined, '  ', cwd)).toEqual({ ok: false, message: 'No folder given; nothing was written.' });
  });
});

describe('checking a template', () => {
  it('grades the starter: each check with its verdict, the failing hop and the hint', () => {
    const cwd = tempDir();
    writeStarter(lab, 's1', './public-web', cwd);
    const outcome = checkTemplate(lab, './public-web/template.yaml', 's1', cwd);
    expect(outcome.message).toBe('Score 1/4: 1 check to fix.');
    const r = outcome.result!;
    expect(r.status).toBe('graded');
    expect(r.submission).toBe('public-web/template.yaml');
    expect(r.checks.find((c) => c.id === 'web-from-internet')?.evidence?.trace?.drop?.hop).toBeDefined();
    const lines = gradeLines(r, 'Lab 1: A public web server', 80).map(lineText);
    expect(lines).toContain('✓ 1/1  Exactly one VPC');
    expect(lines).toContain('✗ 0/3  The internet reaches the web server on port 80');
    expect(lines.some((l) => /^\s+Stops at: route table /.test(l))).toBe(true);
    expect(lines.some((l) => /^\s+Hint: A public subnet's route table/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toBe('Score: 1/4 — 1 check to fix.');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
  });

  it('marks the verdicts in colour and with ✓ ✗, so either alone tells them apart', () => {
    const cwd = tempDir();
    writeStarter(lab, undefined, 'pw', cwd);
    const lines = gradeLines(checkTemplate(lab, 'pw/template.yaml', undefined, cwd).result!, 'Lab', 80);
    const fail = lines.find((l) => lineText(l).startsWith('✗'))!;
    expect(fail.segments[0]).toEqual({ text: '✗', style: { bold: true, color: 'red' } });
  });

  it('says when there is no file, and when the template does not load', () => {
    const cwd = tempDir();
    expect(checkTemplate(lab, 'nope/template.yaml', undefined, cwd)).toEqual({
      message: 'nope/template.yaml: no such file. Press w to write the starter, or e to give the path of your template.',
    });
    writeFileSync(join(cwd, 'bad.yaml'), 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/33\n');
    const bad = checkTemplate(lab, 'bad.yaml', undefined, cwd);
    expect(bad.result?.status).toBe('invalid');
    expect(bad.message).toMatch(/^Not graded: /);
  });
});

describe('the diagram of a template', () => {
  it('draws the topology, with tree lines or, for screen readers, without', () => {
    const cwd = tempDir();
    writeStarter(lab, undefined, 'pw', cwd);
    const d = diagramOf(lab, 'pw/template.yaml', cwd, 80, true);
    expect(d.ok).toBe(true);
    const text = d.lines.map(lineText);
    expect(text[0]).toBe('Region us-east-1');
    expect(text.some((l) => l.includes('VPC Vpc  10.0.0.0/16'))).toBe(true);
    expect(text.some((l) => /[├└│]/.test(l))).toBe(true);
    const plain = diagramOf(lab, 'pw/template.yaml', cwd, 80, false).lines.map(lineText);
    expect(plain.some((l) => /[├└│─]/.test(l))).toBe(false);
    expect(plain.some((l) => l.includes('- VPC Vpc'))).toBe(true);
    expect(withoutTreeLines('│  ├─ subnet A')).toBe('    - subnet A');
  });

  it('lists the errors, with file and line, when the template does not load', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'bad.yaml'), 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/33\n');
    const d = diagramOf(lab, 'bad.yaml', cwd, 80, true);
    expect(d.ok).toBe(false);
    expect(lineText(d.lines[0])).toBe('bad.yaml does not load, so there is no diagram:');
    expect(d.lines.map(lineText).join('\n')).toMatch(/✗ bad\.yaml:5:\d+: error /);
    expect(diagramOf(lab, 'missing.yaml', cwd, 80, true).message).toMatch(/^missing.yaml: no such file/);
  });
});
