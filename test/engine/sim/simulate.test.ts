import { describe, expect, it } from 'vitest';
import { ScenarioErrors, simulate } from '../../../src/engine/sim/index.js';
import { countsAddUp, run, scenario, twoRegions, twoZones } from './support.js';

const web = { to: 'WebA', port: 80, steps: [[0, 3]] as [number, number][] };
const appOut = { from: 'AppB', to: 'internet', port: 443, steps: [[0, 1]] as [number, number][] };
const failZoneA = { at: 1800, action: 'fail' as const, target: { kind: 'az' as const, name: 'us-east-1a' } };
const recoverZoneA = { at: 5400, action: 'recover' as const, target: { kind: 'az' as const, name: 'us-east-1a' } };

const refusal = (f: () => unknown): { code: string; message: string }[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioErrors) return e.errors.map((x) => ({ code: x.code, message: x.message }));
    throw e;
  }
  return [];
};

describe('simulate: EC2 failures over time', () => {
  it('DR-07: a failed zone takes down its instances and NAT gateway; with one NAT gateway the other zone loses the internet too', () => {
    const r = run(twoZones(false), scenario(7200, [web, appOut], [failZoneA, recoverZoneA]));
    const [toWeb, fromApp] = r.ends;
    expect(toWeb.recoveryTime).toBe(3600);
    expect(fromApp.recoveryTime).toBe(3600);
    expect(fromApp.outages).toEqual([{ start: 1800, cause: 'zone us-east-1a', served: 5400, full: 5400 }]);
    const down = r.events.find((e) => e.what === 'unreachable' && e.resource === 'internet');
    expect(down?.detail).toMatch(/blackhole/);
    expect(r.events[0]).toMatchObject({ at: 1800, what: 'failed', resource: 'us-east-1a' });
    expect(r.events[0].detail).toBe('zone us-east-1a failed: 2 instances (WebA, AppA), 1 NAT gateway (NatA) down');
    const during = r.intervals.find((row) => row.start === 1800)!;
    expect(during.instances).toEqual({ 'us-east-1a': 0, 'us-east-1b': 2 });
    expect(during.ends[1]).toEqual({ sent: 120, served: 0, dropped: 120 });
    expect(countsAddUp(r)).toBe(true);
  });

  it('DR-07: with one NAT gateway per zone, the other zone keeps the internet (no recovery time: nothing it depends on failed)', () => {
    const r = run(twoZones(true), scenario(7200, [web, appOut], [failZoneA, recoverZoneA]));
    const [toWeb, fromApp] = r.ends;
    expect(toWeb.recoveryTime).toBe(3600);
    expect('recoveryTime' in fromApp).toBe(false);
    expect(fromApp).toMatchObject({ sent: 7200, served: 7200, dropped: 0, outages: [] });
  });

  it('DR-08: a failed region takes down everything in it and nothing in the other region', () => {
    const loaded = twoRegions();
    const r = run(loaded, scenario(3600, [
      { to: 'us-east-1/Web', port: 443, steps: [[0, 2]] },
      { to: 'us-west-2/Web', port: 443, steps: [[0, 2]] },
    ], [{ at: 600, action: 'fail', target: { kind: 'region', name: 'us-east-1' } }]));
    expect(r.ends[0].recoveryTime).toBeNull();
    expect(r.ends[0]).toMatchObject({ sent: 7200, served: 1200, dropped: 6000 });
    expect('recoveryTime' in r.ends[1]).toBe(false);
    expect(r.ends[1].dropped).toBe(0);
    expect(r.events[0].detail).toMatch(/^region us-east-1 failed: 1 instance \(Web\), 1 internet gateway \(Igw\) down$/);
  });

  it('a failed NAT gateway makes the routes to it blackholes until it recovers', () => {
    const r = run(twoZones(false), scenario(3600, [appOut], [
      { at: 600, action: 'fail', target: { kind: 'resource', name: 'NatA' } },
      { at: 900, action: 'recover', target: { kind: 'resource', name: 'NatA' } },
    ]));
    expect(r.ends[0]).toMatchObject({ sent: 3600, served: 3300, dropped: 300, recoveryTime: 300, fullRecoveryTime: 300 });
  });

  it('a recovery brings back only what that failure took down: an instance failed on its own stays down', () => {
    const r = run(twoZones(false), scenario(3600, [web], [
      { at: 600, action: 'fail', target: { kind: 'instance', name: 'WebA' } },
      { at: 700, action: 'fail', target: { kind: 'az', name: 'us-east-1a' } },
      { at: 800, action: 'recover', target: { kind: 'az', name: 'us-east-1a' } },
    ]));
    expect(r.ends[0].recoveryTime).toBeNull();
    expect(r.events.find((e) => e.what === 'recovered')?.detail).toMatch(/still down \(another failure\)/);
  });

  it('serves an instance up to its capacity (t3.micro: 5 requests a second) and drops the rest, saying so on the timeline', () => {
    const r = run(twoZones(), scenario(600, [{ to: 'WebA', port: 80, steps: [[0, 2], [60, 8], [120, 2]] }]));
    expect(r.ends[0]).toMatchObject({ sent: 2 * 540 + 8 * 60, served: 2 * 540 + 5 * 60, dropped: 3 * 60 });
    expect(r.events.map((e) => [e.at, e.what])).toEqual([
      [60, 'over-capacity'],
      [120, 'within-capacity'],
    ]);
    expect(r.events[0].detail).toBe('internet → WebA tcp 80: 8 requests a second offered, 5 served (WebA serves 5 a second); the rest are dropped');
    expect('recoveryTime' in r.ends[0]).toBe(false);
  });

  it('flows to the same instance share its capacity in proportion to what they offer', () => {
    const r = run(twoZones(), scenario(100, [
      { to: 'WebA', port: 80, steps: [[0, 6]] },
      { from: 'WebB', to: 'WebA', port: 80, steps: [[0, 4]] },
    ]));
    expect(r.ends.map((e) => e.served)).toEqual([300, 200]);
  });

  it('counts whole requests from fractional rates, and sent = served + dropped in every interval', () => {
    const r = run(twoZones(), scenario(7200, [{ to: 'WebA', port: 80, steps: [[0, 0.16], [3600, 1333], [3900, 0.16]] }], [failZoneA]));
    expect(countsAddUp(r)).toBe(true);
    expect(r.ends[0].sent).toBe(Math.floor(0.16 * 6900 + 1333 * 300));
    expect(r.intervals.length).toBe(60);
  });

  it('the same scenario gives the same bytes, and the loaded submission is left as it was', () => {
    const loaded = twoZones();
    const before = [loaded.cloud.instances.size, loaded.cloud.natGateways.size, loaded.cloud.interfaces.size];
    const s = scenario(7200, [web, appOut], [failZoneA, recoverZoneA]);
    const a = JSON.stringify(run(loaded, s));
    const b = JSON.stringify(run(loaded, s));
    expect(a).toBe(b);
    expect([loaded.cloud.instances.size, loaded.cloud.natGateways.size, loaded.cloud.interfaces.size]).toEqual(before);
  });

  it('costs what is in service, by the second: PRC-01 instances, PRC-02 public addresses, PRC-03 the NAT gateway', () => {
    const loaded = twoZones();
    const calm = run(loaded, scenario(3600, [web]));
    // 2 × t3.micro + 2 × t3.small + 1 NAT gateway + 3 public IPv4 addresses (2 web servers, the NAT's elastic IP)
    const hourly = 2 * 0.0104 + 2 * 0.0208 + 0.045 + 3 * 0.005;
    expect(calm.cost.hourlyAtStart).toBeCloseTo(hourly, 6);
    expect(calm.cost.total).toBeCloseTo(hourly, 4);
    const failed = run(loaded, scenario(3600, [web], [{ at: 0, action: 'fail', target: { kind: 'az', name: 'us-east-1a' } }]));
    // Down: WebA, AppA, the NAT gateway and WebA's address; the elastic IP stays allocated and billed.
    expect(failed.cost.total).toBeCloseTo(hourly - 0.0104 - 0.0208 - 0.045 - 0.005, 4);
  });

  it('reports at most 60 intervals unless the scenario asks for its own', () => {
    expect(run(twoZones(), scenario(7200, [web])).interval).toBe(120);
    expect(run(twoZones(), scenario(86400, [web])).interval).toBe(1800);
    const fine = run(twoZones(), scenario(600, [web], [], 1));
    expect(fine.intervals.length).toBe(600);
  });

  it('refuses, all at once, what it cannot play: unknown ends and zones, and services not modelled yet', () => {
    const loaded = twoZones();
    const errors = refusal(() =>
      simulate(loaded.cloud, scenario(3600, [{ to: 'WebC', port: 80, steps: [[0, 1]] }, { to: 'api.example.com', port: 443, steps: [[0, 1]] }], [
        { at: 10, action: 'fail', target: { kind: 'az', name: 'us-east-1c' } },
        { at: 20, action: 'fail', target: { kind: 'database', name: 'Db' } },
        { at: 30, action: 'promote', resource: 'ReplicaDb' },
        { at: 40, action: 'scale', group: 'WebGroup', desired: 4 },
        { at: 50, action: 'fail', target: { kind: 'resource', name: 'WebSg' } },
      ])),
    );
    expect(errors.map((e) => e.code)).toEqual(['UnknownEnd', 'UnknownEnd', 'UnknownZone', 'UnknownResource', 'UnknownResource', 'UnknownResource', 'NotFailable']);
    expect(errors[0].message).toMatch(/Did you mean WebA\?/);
    expect(errors[1].message).toBe('api.example.com is a DNS name that the submission does not serve (no record of its hosted zones, no load balancer or database answers at it); give a name it serves, or an instance');
    expect(errors[3].message).toBe('the submission has no database named Db (it has none)');
    expect(errors[4].message).toBe('the submission has no read replica named ReplicaDb (it has no databases)');
    expect(errors[5].message).toBe('the submission has no auto scaling group named WebGroup (it has none)');
    expect(errors[6].message).toMatch(/is a security group, which does not fail on its own/);
  });

  it('names the service a resource of an unmodelled type waits for', () => {
    const loaded = twoZones();
    loaded.cloud.createUnmodelled('us-east-1', 'AWS::RDS::DBInstance', { logicalId: 'PrimaryDb' });
    const errors = refusal(() =>
      simulate(loaded.cloud, scenario(600, [{ to: 'PrimaryDb', port: 3306, steps: [[0, 1]] }], [{ at: 10, action: 'fail', target: { kind: 'database', name: 'PrimaryDb' } }])),
    );
    expect(errors.map((e) => e.message)).toEqual([
      'not modelled yet: needs RDS: PrimaryDb is an AWS::RDS::DBInstance; it becomes a traffic end once RDS is modelled',
      'not modelled yet: needs RDS: PrimaryDb is an AWS::RDS::DBInstance, which the virtual cloud does not model yet, so its failure cannot be played',
    ]);
  });

  it('has no databases when the submission has none, and says only what plays of what it has', () => {
    const r = run(twoZones(), scenario(60, [web]));
    expect(r.databases).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/^EC2 failures play out/);
    expect(r.notes.join(' ')).not.toMatch(/RDS plays out|Load balancers play|Route 53 plays|CloudFront sends/);
  });
});

describe('simulate: the start of the clock', () => {
  it('a failure at 0 is a failure: the end it takes down gets a recovery time', () => {
    const r = run(twoZones(), scenario(600, [web], [
      { at: 0, action: 'fail', target: { kind: 'az', name: 'us-east-1a' } },
      { at: 120, action: 'recover', target: { kind: 'az', name: 'us-east-1a' } },
    ]));
    expect(r.ends[0]).toMatchObject({ recoveryTime: 120, sent: 1800, served: 1440, dropped: 360 });
  });

  it('an end that is never reachable says why at 0, and has no recovery time (nothing failed)', () => {
    const r = run(twoZones(), scenario(600, [{ to: 'AppA', port: 8080, steps: [[0, 1]] }]));
    expect(r.events[0]).toMatchObject({ at: 0, what: 'unreachable', resource: 'AppA' });
    expect(r.ends[0]).toMatchObject({ sent: 600, served: 0, dropped: 600 });
    expect('recoveryTime' in r.ends[0]).toBe(false);
  });
});

describe('simulate: a scenario built in code is checked too', () => {
  it('refuses times outside the scenario and steps that go back, as the file reader does', () => {
    const loaded = twoZones();
    const errors = refusal(() =>
      simulate(loaded.cloud, scenario(600, [{ to: 'WebA', port: 80, steps: [[0, 1], [0, 2], [700, -1]] }], [{ at: 601, action: 'fail', target: { kind: 'az', name: 'us-east-1a' } }])),
    );
    expect(errors.map((e) => e.code)).toEqual(['TimeBeyondDuration', 'InvalidTraffic', 'InvalidTraffic']);
  });
});
