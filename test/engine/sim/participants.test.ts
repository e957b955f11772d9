import { describe, expect, it } from 'vitest';
import { defaultParticipants, Ec2Participant, simulate, type Claim, type EndRef, type Participant, type SimContext } from '../../../src/engine/sim/index.js';
import { instanceTypesOf } from '../../../src/formats/scenario/simulate-submission.js';
import { scenario, twoZones } from './support.js';

/**
 * A service plugs into the simulation through the participant interface alone: it claims an
 * action and a failure target, schedules its own timers, reports events and what it samples,
 * and says what an end it owns can serve. This one stands for a group that launches a server
 * 90 s after it is scaled, as auto scaling will.
 */
class LaunchingGroup implements Participant {
  readonly service = 'test group';
  private launched = false;
  constructor(private readonly endEni: string) {}
  claim(_cloud: unknown, target: { kind: string; name: string }): Claim | undefined {
    return target.kind === 'database' && target.name === 'Db' ? { key: 'db', resources: [], label: 'database Db', resource: 'Db' } : undefined;
  }
  claimAction(_cloud: unknown, e: { action: string; group?: string }): boolean {
    return e.action === 'scale' && e.group === 'Group';
  }
  act(ctx: SimContext): void {
    ctx.emit('scaled', 'Group', 'Group: desired 1, launching');
    ctx.after(90, this, 'launched');
  }
  timer(ctx: SimContext, payload: unknown): void {
    this.launched = payload === 'launched';
    ctx.changed();
    ctx.emit('in-service', 'Group', 'Group: an instance is in service');
  }
  fail(ctx: SimContext, claim: Claim): void {
    ctx.emit('failed', claim.resource, `${claim.label} failed`);
  }
  capacity(_ctx: SimContext, to: EndRef): number | undefined {
    return to.kind === 'interface' && to.eniId === this.endEni ? (this.launched ? 5 : 0) : undefined;
  }
  sample(): Record<string, Record<string, number>> {
    return { groups: { Group: this.launched ? 1 : 0 } };
  }
}

describe('the participant interface', () => {
  it('EC2 and Elastic Load Balancing play by default', () => {
    const participants = defaultParticipants({ instanceTypes: new Map() });
    expect(participants.map((p) => p.service)).toEqual(['EC2', 'Elastic Load Balancing']);
    expect(participants[0]).toBeInstanceOf(Ec2Participant);
  });

  it('a participant claims its actions and targets, runs its timers, reports events and samples, and sets the capacity of its ends', () => {
    const loaded = twoZones();
    const webB = loaded.cloud.instances.get(loaded.resources.find((r) => r.logicalId === 'WebB')!.ref!)!;
    const group = new LaunchingGroup(webB.networkInterfaceIds[0]);
    const types = instanceTypesOf(loaded);
    const r = simulate(
      loaded.cloud,
      scenario(600, [{ to: 'WebB', port: 80, steps: [[0, 3]] }], [
        { at: 100, action: 'scale', group: 'Group', desired: 1 },
        { at: 300, action: 'fail', target: { kind: 'database', name: 'Db' } },
      ], 60),
      { instanceTypes: types, participants: [group, new Ec2Participant(types)] },
    );
    expect(r.events.map((e) => [e.at, e.what, e.resource])).toEqual([
      [0, 'over-capacity', 'WebB'],
      [100, 'scaled', 'Group'],
      [190, 'in-service', 'Group'],
      [190, 'within-capacity', 'WebB'],
      [300, 'failed', 'Db'],
    ]);
    expect(r.ends[0]).toMatchObject({ sent: 1800, served: 3 * 410, dropped: 3 * 190 });
    expect(r.intervals[2]).toMatchObject({ start: 120, groups: { Group: 0 }, instances: { 'us-east-1a': 2, 'us-east-1b': 2 } });
    expect(r.intervals[3]).toMatchObject({ start: 180, groups: { Group: 1 } });
  });
});
