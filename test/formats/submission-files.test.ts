import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSubmission } from '../../src/formats/submission-files.js';

const TEMPLATE = 'Resources:\n  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n';
let root: string;

function dir(name: string, files: Record<string, string | Buffer>): string {
  const d = path.join(root, name);
  fs.mkdirSync(d, { recursive: true });
  for (const [f, content] of Object.entries(files)) fs.writeFileSync(path.join(d, f), content);
  return d;
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlab-submission-'));
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('readSubmission: a single file', () => {
  it('reads a template with no region', () => {
    const d = dir('single', { 'vpc.yaml': TEMPLATE });
    const r = readSubmission(path.join(d, 'vpc.yaml'));
    expect(r.diagnostics).toEqual([]);
    expect(r.templates).toEqual([{ file: path.join(d, 'vpc.yaml'), text: TEMPLATE }]);
  });

  it('reports a missing path without throwing', () => {
    const r = readSubmission(path.join(root, 'nope.yaml'));
    expect(r.templates).toEqual([]);
    expect(r.diagnostics).toEqual([
      { severity: 'error', code: 'FileNotFound', message: 'no such file or folder', file: path.join(root, 'nope.yaml') },
    ]);
  });

  it('refuses an empty file and a whitespace-only file', () => {
    const d = dir('empty', { 'a.yaml': '', 'b.yaml': ' \n\n' });
    expect(readSubmission(path.join(d, 'a.yaml')).diagnostics[0]).toMatchObject({ code: 'EmptyFile', message: 'the file is empty' });
    expect(readSubmission(path.join(d, 'b.yaml')).diagnostics[0].code).toBe('EmptyFile');
  });

  it('refuses binary content: NUL bytes and invalid UTF-8', () => {
    const d = dir('binary', {
      'nul.yaml': Buffer.from([0x52, 0x65, 0x00, 0x01]),
      'latin1.yaml': Buffer.from('Description: caf\xe9\n', 'latin1'),
      'utf16.yaml': Buffer.from('\ufeffResources:', 'utf16le'),
    });
    expect(readSubmission(path.join(d, 'nul.yaml')).diagnostics[0]).toMatchObject({ code: 'BinaryFile' });
    expect(readSubmission(path.join(d, 'latin1.yaml')).diagnostics[0].message).toBe('the file is not UTF-8 text; save it as UTF-8');
    expect(readSubmission(path.join(d, 'utf16.yaml')).diagnostics[0].message).toContain('UTF-16');
  });

  it('checks the size before reading, with AWS\'s 1 MB limit by default', () => {
    const d = dir('big', { 'big.yaml': `# ${'x'.repeat(1024 * 1024)}\n${TEMPLATE}` });
    const r = readSubmission(path.join(d, 'big.yaml'));
    expect(r.templates).toEqual([]);
    expect(r.diagnostics[0].code).toBe('FileTooLarge');
    expect(r.diagnostics[0].message).toContain('at most 1 MB');
    expect(readSubmission(path.join(d, 'big.yaml'), { maxBytes: 2 * 1024 * 1024 }).templates).toHaveLength(1);
    expect(readSubmission(path.join(dir('small', { 't.yaml': TEMPLATE }), 't.yaml'), { maxBytes: 10 }).diagnostics[0].message).toContain(
      'at most 10 bytes',
    );
  });

  it('refuses a symbolic link given directly', () => {
    const d = dir('direct-link', { 'real.yaml': TEMPLATE });
    fs.symlinkSync(path.join(d, 'real.yaml'), path.join(d, 'link.yaml'));
    expect(readSubmission(path.join(d, 'link.yaml')).diagnostics[0].code).toBe('SymbolicLink');
  });

  // root reads every file whatever its mode, so the case cannot be produced there.
  it.skipIf(process.getuid?.() === 0)('reports a permission problem as a diagnostic', () => {
    const d = dir('perm', { 'locked.yaml': TEMPLATE });
    fs.chmodSync(path.join(d, 'locked.yaml'), 0o000);
    try {
      expect(readSubmission(path.join(d, 'locked.yaml')).diagnostics[0]).toMatchObject({ code: 'PermissionDenied' });
    } finally {
      fs.chmodSync(path.join(d, 'locked.yaml'), 0o644);
    }
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe instead of hanging on it', () => {
    const d = dir('fifo', {});
    const fifo = path.join(d, 'us-east-1.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(readSubmission(fifo).diagnostics[0].code).toBe('NotAFile');
    expect(readSubmission(d).diagnostics[0].code).toBe('NotAFile');
  });
});

describe('readSubmission: a folder', () => {
  it('reads one template per region, ignoring other files', () => {
    const d = dir('multi', {
      'us-east-1.yaml': TEMPLATE,
      'eu-west-1.json': '{"Resources": {}}',
      'README.md': '# notes',
      '.DS_Store': Buffer.from([0, 1, 2]),
      '._us-east-1.yaml': Buffer.from([0, 5, 22, 7]),
    });
    const r = readSubmission(d);
    expect(r.diagnostics).toEqual([]);
    expect(r.templates.map((t) => [path.basename(t.file), t.region])).toEqual([
      ['eu-west-1.json', 'eu-west-1'],
      ['us-east-1.yaml', 'us-east-1'],
    ]);
  });

  it('reads a single template of another name with no region', () => {
    const d = dir('one', { 'solution.template': TEMPLATE, 'notes.txt': 'x' });
    const r = readSubmission(d);
    expect(r.templates).toEqual([{ file: path.join(d, 'solution.template'), text: TEMPLATE }]);
  });

  it('refuses several templates not named by region, saying how to name them', () => {
    const d = dir('several', { 'a.yaml': TEMPLATE, 'b.yml': TEMPLATE });
    const r = readSubmission(d);
    expect(r.templates).toEqual([]);
    expect(r.diagnostics[0].code).toBe('AmbiguousTemplates');
    expect(r.diagnostics[0].message).toContain('such as us-east-1.yaml and eu-west-1.yaml');
  });

  it('warns about a template beside region templates that is not named after a region', () => {
    const d = dir('typo', { 'us-east-1.yaml': TEMPLATE, 'eu-wset-1.yaml': TEMPLATE });
    const r = readSubmission(d);
    expect(r.templates.map((t) => t.region)).toEqual(['us-east-1']);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'IgnoredFile' });
    expect(r.diagnostics[0].message).toContain('did you mean eu-west-1.yaml?');
  });

  it('refuses two templates for the same region', () => {
    const d = dir('dup', { 'us-east-1.yaml': TEMPLATE, 'us-east-1.json': '{}' });
    const r = readSubmission(d);
    expect(r.templates).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'DuplicateRegion' });
  });

  it('reports a folder with no template', () => {
    const d = dir('none', { 'README.md': 'hi' });
    expect(readSubmission(d).diagnostics[0]).toMatchObject({ code: 'NoTemplate', file: d });
  });

  it('never follows a symbolic link out of the folder, and names it', () => {
    const outside = dir('outside', { 'secret.yaml': 'Resources: {X: {Type: Custom::Secret}}\n' });
    const d = dir('links', { 'us-east-1.yaml': TEMPLATE, 'inner.txt': TEMPLATE });
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(d, 'eu-west-1.yaml'));
    fs.symlinkSync('/etc/passwd', path.join(d, 'us-west-2.yaml'));
    fs.symlinkSync(path.join(d, 'inner.txt'), path.join(d, 'ap-south-1.yaml'));
    fs.symlinkSync(path.join(d, 'missing'), path.join(d, 'sa-east-1.yaml'));
    const r = readSubmission(d);
    expect(r.templates.map((t) => t.region).sort()).toEqual(['ap-south-1', 'us-east-1']);
    const links = r.diagnostics.filter((x) => x.code === 'SymbolicLink');
    expect(links.map((x) => path.basename(x.file!)).sort()).toEqual(['eu-west-1.yaml', 'sa-east-1.yaml', 'us-west-2.yaml']);
    expect(links.find((x) => x.file!.endsWith('eu-west-1.yaml'))!.message).toContain('outside the submission folder');
    expect(r.templates.some((t) => t.text.includes('Custom::Secret') || t.text.includes('root:'))).toBe(false);
  });

  it('checks each file in a folder for size, emptiness and binary content', () => {
    const d = dir('bad-files', {
      'us-east-1.yaml': '',
      'us-east-2.yaml': Buffer.from([0xff, 0xfe, 0x00]),
      'us-west-1.yaml': TEMPLATE,
    });
    const r = readSubmission(d, { maxBytes: 1000 });
    expect(r.templates.map((t) => t.region)).toEqual(['us-west-1']);
    expect(r.diagnostics.map((x) => [path.basename(x.file!), x.code])).toEqual([
      ['us-east-1.yaml', 'EmptyFile'],
      ['us-east-2.yaml', 'BinaryFile'],
    ]);
  });
});
