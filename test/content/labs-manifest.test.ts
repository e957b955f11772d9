import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArgs, instantiate, LabError, loadLab, parseLabManifest, studentParameters } from '../../src/content/labs.js';

const GOOD = `id: demo
title: Demo
order: 1
region: us-east-1
summary: A demo lab.
parameters:
  adminIp: { kind: ip, description: admin, within: 198.51.100.0/24 }
  appPort: { kind: port, description: port, choices: [8080, 8443, 9000] }
  vpcCidr: { kind: cidr, description: block, choices: [10.0.0.0/16, 10.1.0.0/16] }
checks:
  - id: web
    title: Web
    kind: reachable
    args: { from: '\${adminIp}', to: 'role:web', port: '\${appPort}' }
    points: 2
    pass: ok
    fail: not ok
    hint: try
`;

describe('lab manifests', () => {
  it('parses a manifest and fills a student\'s parameters deterministically', () => {
    const lab = parseLabManifest(GOOD, 'lab.yaml', '/x');
    expect(lab.maxScore).toBe(2);
    const a = studentParameters(lab, 'alice');
    expect(studentParameters(lab, 'alice')).toEqual(a);
    expect(String(a.adminIp)).toMatch(/^198\.51\.100\.(\d+)$/);
    expect([8080, 8443, 9000]).toContain(a.appPort);
    expect(studentParameters(lab)).toEqual({ adminIp: '198.51.100.1', appPort: 8080, vpcCidr: '10.0.0.0/16' });
    const args = checkArgs(lab.checks[0], a);
    expect(args.port).toBe(a.appPort);
    expect(args.from).toBe(a.adminIp);
    lab.brief = 'Your address is {{adminIp}}; lab {{lab}}; you are {{student}}.';
    expect(instantiate(lab.brief, lab, 'alice')).toBe(`Your address is ${a.adminIp}; lab demo; you are alice.`);
    expect(instantiate(lab.brief, lab)).toContain('you are anonymous');
  });
  it.each([
    [GOOD.replace('kind: reachable', 'kind: reachble'), /kind "reachble", which does not exist; did you mean reachable\?/],
    [GOOD.replace("port: '${appPort}'", "prot: 80"), /has no argument "prot"; did you mean port\?/],
    [GOOD.replace('points: 2', 'points: -1'), /needs "points", a positive number/],
    [GOOD.replace('    hint: try\n', ''), /needs "hint"/],
    [GOOD.replace('kind: port,', 'kind: number,'), /kind "number"; use one of cidr, ip, port, choice/],
    [GOOD.replace("'${adminIp}'", "'${adminIP}'"), /uses \$\{adminIP\}, which is not a parameter/],
    [GOOD.replace('10.1.0.0/16]', '10.1.0.5/16]'), /not a CIDR block without host bits/],
    ['id: [', /not valid YAML/],
  ])('refuses a broken manifest with the file, the line and what would be valid (%#)', (text, message) => {
    expect(() => parseLabManifest(text, 'labs/demo/lab.yaml', '/x')).toThrow(message);
    try {
      parseLabManifest(text, 'labs/demo/lab.yaml', '/x');
    } catch (e) {
      expect(e).toBeInstanceOf(LabError);
      expect((e as Error).message).toMatch(/^labs\/demo\/lab\.yaml/);
    }
  });
  it('loadLab names the nearest lab for a typo, and checks the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'labs-'));
    mkdirSync(join(dir, 'demo'));
    writeFileSync(join(dir, 'demo', 'lab.yaml'), GOOD);
    expect(() => loadLab('demo', dir)).toThrow(/has no brief\.md/);
    writeFileSync(join(dir, 'demo', 'brief.md'), '# Demo');
    writeFileSync(join(dir, 'demo', 'starter.yaml'), 'Resources: {}');
    expect(loadLab('demo', dir).title).toBe('Demo');
    expect(() => loadLab('dmeo', dir)).toThrow(/did you mean demo\?/);
  });
});
