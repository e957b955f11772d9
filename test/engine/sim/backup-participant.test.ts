import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_TIMINGS } from '../../../src/engine/sim/dr-timings.js';
import { RecoveryPointLedger } from '../../../src/engine/sim/recovery-points.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { run, scenario, SIM } from './support.js';

const backupOnly = () => loadSubmissionPath(join(SIM, 'dr-backup-only'));
const warm = () => loadSubmissionPath(join(SIM, 'dr-warm-standby'));
const H = 3600;

describe('AWS Backup in the simulation', () => {
  it('BAK-02: a daily cron(0 5 ? * * *) rule makes its recovery point at 05:00 UTC of the clock (0 = 00:00 UTC), usable 10 minutes later', () => {
    const r = run(backupOnly(), scenario(8 * H, []));
    const done = r.events.filter((e) => e.what === 'backup-completed');
    expect(done.map((e) => e.at)).toEqual([5 * H + BACKUP_TIMINGS.jobSeconds]);
    expect(done[0].detail).toBe('backup rule daily: recovery point of Database as of 18000 s in vault app-vault (us-east-1)');
  });

  it('BAK-04: the copy to the other region is usable an hour after the backup completed', () => {
    const r = run(backupOnly(), scenario(8 * H, []));
    expect(r.events.find((e) => e.what === 'copy-completed')!.at).toBe(5 * H + BACKUP_TIMINGS.jobSeconds + BACKUP_TIMINGS.copySeconds);
    expect(r.intervals.at(-1)!.recoveryPoints).toEqual({ 'Database in us-east-1': 18000, 'Database in us-west-2': 18000 });
  });

  it('BAK-06, DR-04: after a region loss only copies in the other region count; a copy still under way when the region fails never completes', () => {
    // 6 h: the 05:00 backup completed (05:10) but its copy (06:10) had not, so the newest copy is yesterday's 05:00.
    const early = run(backupOnly(), scenario(12 * H, [], [{ at: 6 * H, action: 'fail', target: { kind: 'region', name: 'us-east-1' } }]));
    expect(early.databases[0]).toMatchObject({ recoveryPoint: 6 * H + 19 * H, recoveryTime: null });
    expect(early.databases[0].outcome).toMatch(/vault dr-vault \(us-west-2, a copy\)/);
    expect(early.events.find((e) => e.what === 'copy-failed')!.detail).toMatch(/recovery point of 18000 s to us-west-2 failed/);
    // 7 h: today's copy completed at 06:10.
    const late = run(backupOnly(), scenario(12 * H, [], [{ at: 7 * H, action: 'fail', target: { kind: 'region', name: 'us-east-1' } }]));
    expect(late.databases[0].recoveryPoint).toBe(2 * H);
  });

  it('BAK-02: an hourly rule makes a point every hour; a job for a database that is down is skipped', () => {
    const r = run(warm(), scenario(4 * H, [], [{ at: 90 * 60, action: 'fail', target: { kind: 'region', name: 'us-east-1' } }]));
    expect(r.events.filter((e) => e.what === 'backup-completed').map((e) => e.at)).toEqual([600, H + 600]);
    expect(r.events.filter((e) => e.what === 'backup-skipped').map((e) => e.at)).toEqual([2 * H, 3 * H, 4 * H]);
  });

  it('BAK-03: a recovery point past its DeleteAfterDays is not restored from', () => {
    const ledger = new RecoveryPointLedger();
    ledger.add({ resourceId: 'db', region: 'us-west-2', vault: 'v', pointAt: 0, usableAt: 600, deleteAt: 86_400, copy: true });
    expect(ledger.latest('db', 3600, () => true)?.pointAt).toBe(0);
    expect(ledger.latest('db', 86_400, () => true)).toBeUndefined();
    expect(ledger.latest('db', 300, () => true)).toBeUndefined();
  });
});
