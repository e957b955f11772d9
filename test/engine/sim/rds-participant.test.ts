import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RDS_TIMINGS } from '../../../src/engine/sim/dr-timings.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { countsAddUp, run, scenario, SIM } from './support.js';

const warm = () => loadSubmissionPath(join(SIM, 'dr-warm-standby'));
const backupOnly = () => loadSubmissionPath(join(SIM, 'dr-backup-only'));
const toDb = { from: 'us-east-1/App', to: 'us-east-1/Database', port: 3306, steps: [[0, 20]] as [number, number][] };

describe('RDS in the simulation', () => {
  it('PRC-06: a database is billed while it runs, not while its region is lost (as instances are not)', () => {
    const up = run(backupOnly(), scenario(3600, [toDb]));
    // App (t3.micro, PRC-01) and Database (db.t3.micro, PRC-06) for an hour.
    expect(up.cost.total).toBeCloseTo(0.0104 + 0.017, 4);
    const lost = run(backupOnly(), scenario(3600, [toDb], [{ at: 1800, action: 'fail', target: { kind: 'region', name: 'us-east-1' } }]));
    expect(lost.cost.total).toBeCloseTo((0.0104 + 0.017) / 2, 4);
  });

  it('RDS-02: a Multi-AZ primary whose zone fails fails over to the standby in 120 s; the endpoint keeps its name; no write is lost', () => {
    const loaded = warm();
    expect(loaded.ok).toBe(true);
    const r = run(loaded, scenario(1800, [toDb], [{ at: 600, action: 'fail', target: { kind: 'az', name: 'us-east-1a' } }], 300));
    const started = r.events.find((e) => e.what === 'database-failover-started')!;
    const done = r.events.find((e) => e.what === 'database-failed-over')!;
    expect(started.at).toBe(600);
    expect(done.at).toBe(600 + RDS_TIMINGS.multiAzFailoverSeconds);
    expect(done.detail).toMatch(/standby in us-east-1b: its endpoint shop-db\..*\.us-east-1\.rds\.amazonaws\.com keeps its name/);
    const db = r.databases.find((d) => d.id === 'Database')!;
    expect(db).toMatchObject({ role: 'primary', recoveryPoint: 0, recoveryTime: 120 });
    expect(r.ends[0].recoveryTime).toBe(120);
    expect(r.ends[0].dropped).toBe(20 * 120);
    expect(r.intervals.at(-1)!.databases).toMatchObject({ Database: 'writable in us-east-1b' });
    expect(countsAddUp(r)).toBe(true);
  });

  it('RDS-02: fail database fails the primary host over to the standby; recover does not move it back', () => {
    const r = run(warm(), scenario(1800, [toDb], [
      { at: 100, action: 'fail', target: { kind: 'database', name: 'Database' } },
      { at: 900, action: 'recover', target: { kind: 'database', name: 'Database' } },
    ]));
    expect(r.events.filter((e) => e.what === 'database-failed-over').map((e) => e.at)).toEqual([220]);
    expect(r.databases[0]).toMatchObject({ id: 'Database', recoveryPoint: 0, recoveryTime: 120 });
  });

  it('RDS-10: a single-AZ database is down until its zone recovers and comes back with its data', () => {
    const r = run(backupOnly(), scenario(3600, [toDb], [
      { at: 600, action: 'fail', target: { kind: 'az', name: 'us-east-1a' } },
      { at: 1500, action: 'recover', target: { kind: 'az', name: 'us-east-1a' } },
    ]));
    expect(r.events.find((e) => e.what === 'database-down')!.detail).toMatch(/no standby \(single-AZ\)/);
    expect(r.databases[0]).toMatchObject({ recoveryPoint: 0, recoveryTime: 900 });
    expect(r.ends[0].recoveryTime).toBe(900);
  });

  it('RDS-08: a single-AZ database lost for good in a region that is up loses what a point-in-time restore cannot bring back: 5 minutes', () => {
    const r = run(backupOnly(), scenario(3600, [toDb], [{ at: 600, action: 'fail', target: { kind: 'az', name: 'us-east-1a' } }]));
    expect(r.databases[0]).toMatchObject({ recoveryPoint: RDS_TIMINGS.pitrLogSeconds, recoveryTime: null });
    expect(r.databases[0].outcome).toMatch(/point-in-time restore .* new endpoint/);
    expect(r.ends[0].recoveryTime).toBeNull();
  });

  it('DR-02 warm standby, RDS-05: a region is lost, the cross-region replica is promoted in 300 s at its own endpoint; the recovery point is its lag', () => {
    const r = run(warm(), scenario(7200, [{ from: 'us-west-2/App', to: 'Replica', port: 3306, steps: [[0, 20]] }], [
      { at: 1800, action: 'fail', target: { kind: 'region', name: 'us-east-1' } },
      { at: 2400, action: 'promote', resource: 'Replica' },
    ], 600));
    expect(r.events.find((e) => e.what === 'replication-stopped')!.at).toBe(1800);
    const promoted = r.events.find((e) => e.what === 'replica-promoted')!;
    expect(promoted.at).toBe(2400 + RDS_TIMINGS.promotionSeconds);
    expect(promoted.detail).toMatch(/own endpoint replica-.*\.us-west-2\.rds\.amazonaws\.com; Database's name shop-db\..* does not move to it/);
    const [primary, replica] = r.databases;
    expect(primary).toMatchObject({ id: 'Database', recoveryPoint: RDS_TIMINGS.replicaLagSeconds.crossRegion, recoveryTime: 2700 - 1800 });
    expect(replica).toMatchObject({ id: 'Replica', role: 'promoted replica', recoveryPoint: RDS_TIMINGS.replicaLagSeconds.crossRegion });
    // Reads keep being served by the replica until it reboots for the promotion.
    expect(r.ends[0].dropped).toBe(20 * RDS_TIMINGS.promotionSeconds);
    expect(countsAddUp(r)).toBe(true);
  });

  it('DR-04: without a replica or a promotion, a region loss leaves the backup copy in the other region: its age is the recovery point', () => {
    const r = run(warm(), scenario(7200, [], [{ at: 1800, action: 'fail', target: { kind: 'region', name: 'us-east-1' } }]));
    // Not promoted: the replica still holds the data up to its lag.
    expect(r.databases[0].recoveryPoint).toBe(RDS_TIMINGS.replicaLagSeconds.crossRegion);
    expect(r.databases[0].outcome).toMatch(/promote it to take writes/);
  });

  it('a replica that is down cannot be promoted; a primary promoted is refused before the run', () => {
    const r = run(warm(), scenario(3600, [], [
      { at: 60, action: 'fail', target: { kind: 'region', name: 'us-west-2' } },
      { at: 120, action: 'promote', resource: 'Replica' },
    ]));
    expect(r.events.find((e) => e.what === 'promotion-refused')!.detail).toBe('Replica is unavailable (region us-west-2 is down), so it cannot be promoted');
  });

  it('a database serves the requests a second of its class (db.t3.micro: 100); the rest are dropped', () => {
    const r = run(warm(), scenario(60, [{ ...toDb, steps: [[0, 150]] }]));
    expect(r.ends[0]).toMatchObject({ sent: 9000, served: 6000, dropped: 3000 });
  });

  it('the same scenario gives the same bytes', () => {
    const s = scenario(7200, [toDb], [
      { at: 1800, action: 'fail', target: { kind: 'region', name: 'us-east-1' } },
      { at: 2400, action: 'promote', resource: 'Replica' },
    ]);
    expect(JSON.stringify(run(warm(), s))).toBe(JSON.stringify(run(warm(), s)));
  });
});
