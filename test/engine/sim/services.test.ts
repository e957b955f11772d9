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
  it('ASG-02: a scale outside the group\'s sizes is refused as SetDesiredCapacity refuses it; an unknown group is named', () => {
    const loaded = loadSubmissionPath(WEB);
    expect(messages(() => run(loaded, scenario(600, [{ to: 'Alb', port: 80, steps: [[0, 1]] }], [
      { at: 20, action: 'scale', group: 'WebGroup', desired: 7 },
      { at: 30, action: 'scale', group: 'WebGrup', desired: 6 },
    ])))).toEqual([
      'Desired capacity:7 must be between the specified min size:2 and max size:6 of WebGroup',
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
    // ASG-05: the group replaces them in the zone left.
    expect(r.intervals.at(-1)!.instances).toEqual({ 'us-east-1a': 0, 'us-east-1b': 4 });
  });
});

describe('databases and DNS names in scenarios', () => {
  it('a private DNS name of the submission is a traffic end; promoting a primary is refused as AWS does; misspelt names get the ones there are', () => {
    const loaded = loadSubmissionPath(join(import.meta.dirname, '../../fixtures/services/rds/warm-standby'));
    expect(loaded.ok).toBe(true);
    expect(messages(() => run(loaded, scenario(600, [{ to: 'db.internal.example.com', port: 3306, steps: [[0, 1]] }], [
      { at: 10, action: 'fail', target: { kind: 'database', name: 'us-east-1/Databse' } },
      { at: 20, action: 'promote', resource: 'Database' },
      { at: 30, action: 'promote', resource: 'Replika' },
    ])))).toEqual([
      'the submission has no database named us-east-1/Databse (its databases: Database, Replica)',
      'Database is not a read replica, so it cannot be promoted (PromoteReadReplica answers InvalidDBInstanceState); promote one of its replicas: Replica',
      expect.stringMatching(/^the submission has no read replica named Replika; did you mean Replica\? \(its databases: /),
    ]);
  });
});
