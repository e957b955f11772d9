/** Choice parameters drawn as a set: `with: <other>` takes the other's index. */
import { describe, expect, it } from 'vitest';
import { LabError, parseLabManifest, studentParameters } from '../../src/content/labs.js';

const manifest = (params: string): string => `id: sets
title: Sets
order: 1
region: us-east-1
summary: Values that come together.
parameters:
${params}
checks:
  - id: vpc
    title: A VPC
    kind: resource-count
    args: { type: 'AWS::EC2::VPC', min: 1 }
    points: 1
    pass: ok
    fail: not ok
    hint: add one
`;

const SETS = `  workload: { kind: choice, description: workload, choices: [orders, catalog, reports, archive] }
  rto: { kind: choice, description: recovery time, with: workload, choices: [5m, 15m, 1h, 4h] }
  budget: { kind: choice, description: budget, with: rto, choices: [9, 7, 5, 3] }
  vpcCidr: { kind: choice, description: block, choices: [10.0.0.0/16, 10.1.0.0/16, 10.2.0.0/16] }`;

describe('choice parameters drawn with another', () => {
  const lab = parseLabManifest(manifest(SETS), 'lab.yaml', '/x');

  it('records which parameter each is drawn with', () => {
    expect(lab.parameters.map((p) => [p.name, p.with])).toEqual([
      ['workload', undefined],
      ['rto', 'workload'],
      ['budget', 'rto'],
      ['vpcCidr', undefined],
    ]);
  });

  it('hands every student a whole set: the values at one index, also through a chain', () => {
    const workloads = ['orders', 'catalog', 'reports', 'archive'];
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const v = studentParameters(lab, `student-${i}`);
      const at = workloads.indexOf(String(v.workload));
      expect(at, JSON.stringify(v)).toBeGreaterThanOrEqual(0);
      expect(v.rto).toBe(['5m', '15m', '1h', '4h'][at]);
      expect(v.budget).toBe([9, 7, 5, 3][at]);
      seen.add(String(v.workload));
    }
    expect(seen.size).toBe(4);
    expect(studentParameters(lab)).toEqual({ workload: 'orders', rto: '5m', budget: 9, vpcCidr: '10.0.0.0/16' });
  });

  it('draws nothing of its own: the parameters after it get what they would get without it', () => {
    const without = parseLabManifest(manifest(SETS.split('\n').filter((l) => !l.includes('with:')).join('\n')), 'lab.yaml', '/x');
    for (const s of ['alice', 'bob', 's1234567']) {
      const a = studentParameters(lab, s);
      const b = studentParameters(without, s);
      expect([a.workload, a.vpcCidr]).toEqual([b.workload, b.vpcCidr]);
    }
  });

  it.each([
    [SETS.replace('with: workload, choices: [5m, 15m, 1h, 4h]', 'with: workload, choices: [5m, 15m, 1h]'), /parameter rto has 3 choices and workload, which it is drawn with, has 4; give both the same number/],
    [SETS.replace('with: workload', 'with: workloads'), /parameter rto is drawn with "workloads", which is not a parameter declared before it; did you mean workload\?/],
    [SETS.replace('with: rto', 'with: vpcCidr'), /parameter budget is drawn with "vpcCidr", which is not a parameter declared before it/],
    [SETS.replace('with: rto', 'with: budget'), /parameter budget cannot be drawn "with" itself/],
    [`  port: { kind: port, description: port, choices: [80, 443, 8080, 8443] }\n${SETS.replace('with: workload', 'with: port')}`, /parameter rto is drawn with port, which is of kind port; "with" names a choice parameter/],
    [`${SETS}\n  appPort: { kind: port, description: port, with: workload, choices: [80, 443, 8080, 8443] }`, /parameter appPort \(kind port\) cannot take "with"/],
  ])('refuses a set that cannot be drawn, naming the file and line (%#)', (params, message) => {
    const text = manifest(params);
    expect(() => parseLabManifest(text, 'labs/sets/lab.yaml', '/x')).toThrow(message);
    try {
      parseLabManifest(text, 'labs/sets/lab.yaml', '/x');
    } catch (e) {
      expect(e).toBeInstanceOf(LabError);
      expect((e as Error).message).toMatch(/^labs\/sets\/lab\.yaml:\d+: parameter/);
    }
  });
});
