import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioErrors } from '../../../src/engine/sim/index.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { instanceTypesOf } from '../../../src/formats/instance-types.js';
import { run, scenario } from './support.js';

const WEB = join(import.meta.dirname, '../../fixtures/services/elbasg/web.yaml');

const messages = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioErrors) return e.errors.map((x) => x.message);
    throw e;
  }
  return [];
};

describe('services the engine models but the simulation does not play yet', () => {
  it('scaling a group is refused as not modelled yet in the simulation', () => {
    const loaded = loadSubmissionPath(WEB);
    expect(messages(() => run(loaded, scenario(600, [{ to: 'Alb', port: 80, steps: [[0, 1]] }], [
      { at: 10, action: 'fail', target: { kind: 'resource', name: 'Alb' } },
      { at: 20, action: 'scale', group: 'WebGroup', desired: 6 },
      { at: 30, action: 'scale', group: 'WebGrup', desired: 6 },
    ])))).toEqual([
      'not modelled yet: needs EC2 Auto Scaling in the simulation: WebGroup is an auto scaling group, which the virtual cloud loads but the simulation does not play yet, so its desired capacity cannot be set',
      'the submission has no auto scaling group named WebGrup; did you mean WebGroup? (its groups: WebGroup)',
    ]);
  });

  it("DR-07: a group's instances fail with their zone like any instance, with the type their launch template gives (ASG-01)", () => {
    const loaded = loadSubmissionPath(WEB);
    const types = instanceTypesOf(loaded);
    const members = [...loaded.cloud.instances.values()].filter((i) => i.tags['aws:autoscaling:groupName'] !== undefined);
    expect(members.length).toBe(4);
    for (const m of members) expect(types.get(m.logicalId ?? m.id)).toBe('t3.micro');
    const r = run(loaded, scenario(600, [], [{ at: 300, action: 'fail', target: { kind: 'az', name: 'us-east-1a' } }]));
    expect(r.intervals[0].instances).toEqual({ 'us-east-1a': 2, 'us-east-1b': 2 });
    expect(r.intervals.at(-1)!.instances).toEqual({ 'us-east-1a': 0, 'us-east-1b': 2 });
  });
});

describe('databases and DNS names, modelled but not played yet', () => {
  it('promote, fail database and a DNS name of the submission are refused as not played yet in the simulation', () => {
    const loaded = loadSubmissionPath(join(import.meta.dirname, '../../fixtures/services/rds/warm-standby'));
    expect(loaded.ok).toBe(true);
    expect(messages(() => run(loaded, scenario(600, [{ to: 'db.internal.example.com', port: 3306, steps: [[0, 1]] }], [
      { at: 10, action: 'fail', target: { kind: 'database', name: 'us-east-1/Database' } },
      { at: 20, action: 'promote', resource: 'Replica' },
      { at: 30, action: 'promote', resource: 'Replika' },
    ])))).toEqual([
      expect.stringMatching(/^not modelled yet: needs (Route 53|RDS) in the simulation: db\.internal\.example\.com is /),
      expect.stringMatching(/^not modelled yet: needs RDS in the simulation: us-east-1\/Database is a database, .*so its failure cannot be played/),
      'not modelled yet: needs RDS in the simulation: Replica is a database, which the virtual cloud loads but the simulation does not play yet, so it cannot be promoted',
      expect.stringMatching(/^the submission has no read replica named Replika; did you mean Replica\? \(its databases: /),
    ]);
  });
});
