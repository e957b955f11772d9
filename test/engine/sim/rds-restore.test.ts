import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RDS_TIMINGS } from '../../../src/engine/sim/dr-timings.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { simulateSubmission } from '../../../src/formats/scenario/simulate-submission.js';
import { countsAddUp, SIM } from './support.js';

const backupOnly = () => loadSubmissionPath(join(SIM, 'dr-backup-only'));
const backupAndRestore = () => loadSubmissionPath(join(SIM, 'dr-strategies', 'backup-and-restore'));
const noBackups = () => loadSubmissionPath(join(SIM, 'no-backups.yaml'));

const play = (loaded: ReturnType<typeof backupOnly>, text: string) => simulateSubmission(loaded, text, 'drill.yaml');

/** A scenario: 10 queries a second from each client to the database, a failure at 10 minutes, a restore at 15. */
function drill(clients: string[], fail: string, restore: string): string {
  const traffic = clients.map((c) => `  - from: ${c}\n    to: Database\n    port: 3306\n    rps: 10\n`).join('');
  return `duration: 1h\ninterval: 1m\ntraffic:\n${traffic}events:\n  - at: 10m\n    fail: ${fail}\n  - at: 15m\n    restore: ${restore}\n`;
}

describe('restore: a lost database comes back as a new instance', () => {
  it('RDS-08: in its own region, from its automated backups, losing the 300 s of logs not uploaded; its clients are served again at the new endpoint', () => {
    const { result: r, diagnostics } = play(backupOnly(), drill(['App'], 'database Database', 'Database'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const started = r!.events.find((e) => e.what === 'restore-started')!;
    const done = r!.events.find((e) => e.what === 'database-restored')!;
    expect(started.at).toBe(15 * 60);
    expect(done.at).toBe(15 * 60 + RDS_TIMINGS.restoreSeconds);
    expect(started.detail).toMatch(/point-in-time restore from its automated backups in us-east-1/);
    const [primary, restored] = r!.databases;
    expect(primary).toMatchObject({ id: 'Database', recoveryPoint: RDS_TIMINGS.pitrLogSeconds, recoveryTime: 5 * 60 + RDS_TIMINGS.restoreSeconds });
    expect(restored).toMatchObject({ id: 'Database-restored', role: 'restored', region: 'us-east-1', recoveryPoint: RDS_TIMINGS.pitrLogSeconds });
    expect(restored.endpoint).not.toBe(primary.endpoint);
    expect(done.detail).toContain(`NEW endpoint ${restored.endpoint}`);
    // Down from the failure until the restore is done, then served again from the same client.
    const [app] = r!.ends;
    expect(app.recoveryTime).toBe(5 * 60 + RDS_TIMINGS.restoreSeconds);
    expect(app.dropped).toBe(10 * (5 * 60 + RDS_TIMINGS.restoreSeconds));
    expect(countsAddUp(r!)).toBe(true);
  });

  it('BAK-06: its region lost, from the newest copy completed in the other region, and there; clients of that region are served', () => {
    const { result: r } = play(backupAndRestore(), drill(['subnet:us-west-2/PrivateA', 'subnet:us-east-1/PrivateA'], 'region us-east-1', 'Database'));
    const [primary, restored] = r!.databases;
    // The daily backup of 05:00 UTC the day before (19 h before the clock's 0) is the newest
    // copy usable in us-west-2: today's has not run yet.
    const pointAt = -19 * 3600;
    expect(primary).toMatchObject({ recoveryPoint: 10 * 60 - pointAt, recoveryTime: 5 * 60 + RDS_TIMINGS.restoreSeconds });
    expect(primary.outcome).toMatch(/vault dr-vault \(us-west-2, a copy/);
    expect(restored).toMatchObject({ id: 'us-west-2/Database-restored', region: 'us-west-2', role: 'restored' });
    expect(restored.endpoint).toMatch(/\.us-west-2\.rds\.amazonaws\.com$/);
    const [west, east] = r!.ends;
    // The client in us-west-2 had no way to the database in us-east-1; it reaches the restored one.
    expect(west.served).toBe(10 * (3600 - 15 * 60 - RDS_TIMINGS.restoreSeconds));
    // The client in us-east-1 went down with its region.
    expect(east.served).toBe(10 * 10 * 60);
    // Restored in us-west-2, the new instance is billed from the restore on.
    const billed = (t: number) => r!.intervals.find((i) => i.end === t)!.cost;
    const hour = (a: number, b: number) => (billed(b) - billed(a)) / ((b - a) / 3600);
    expect(hour(2400, 3600) - hour(1200, 2100)).toBeCloseTo(0.017, 4);
  });

  it('with no recovery point usable anywhere, the restore is refused on the timeline: the data is gone', () => {
    const { result: r, diagnostics } = play(noBackups(), drill(['App'], 'database Database', 'Database'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const refused = r!.events.find((e) => e.what === 'restore-refused')!;
    expect(refused).toMatchObject({ at: 15 * 60, resource: 'Database' });
    expect(refused.detail).toMatch(/no recovery point is usable now .*its data is gone/);
    expect(r!.events.some((e) => e.what === 'database-restored')).toBe(false);
    expect(r!.databases).toHaveLength(1);
    expect(r!.databases[0]).toMatchObject({ recoveryPoint: null, recoveryTime: null });
  });

  it('in a region named, only there: a lost region has no point to restore from', () => {
    const { result: r } = play(backupAndRestore(), drill(['subnet:us-west-2/PrivateA'], 'region us-east-1', 'Database in us-east-1'));
    expect(r!.events.find((e) => e.what === 'restore-refused')!.detail).toMatch(/no recovery point is usable now in us-east-1/);
  });

  it('refuses a second restore of a database already being restored, on the timeline', () => {
    const twice = `${drill(['App'], 'database Database', 'Database')}  - at: 16m\n    restore: Database\n`;
    const { result: r } = play(backupOnly(), twice);
    expect(r!.events.filter((e) => e.what === 'restore-refused').map((e) => e.detail)).toEqual(['Database is not restored: it is being restored as Database-restored']);
  });

  it('refuses on the timeline a Multi-AZ database that is failing over, not lost (RDS-02)', () => {
    const text = 'duration: 1h\ntraffic:\n  - from: us-east-1/WebB\n    to: Database\n    port: 3306\n    rps: 1\nevents:\n  - at: 10m\n    fail: az us-east-1a\n  - at: 11m\n    restore: Database\n';
    const { result: r, diagnostics } = play(loadSubmissionPath(join(SIM, 'dr-dns')), text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r!.events.find((e) => e.what === 'restore-refused')!.detail).toBe('Database is not restored: it is not lost (it is failing over to its standby)');
    expect(r!.databases.find((d) => d.id === 'Database')).toMatchObject({ recoveryPoint: 0, recoveryTime: 120 });
  });

  it('a restore whose region is lost before it completes fails; the database stays lost', () => {
    const text = `${drill(['subnet:us-west-2/PrivateA'], 'region us-east-1', 'Database')}  - at: 20m\n    fail: region us-west-2\n`;
    const { result: r } = play(backupAndRestore(), text);
    expect(r!.events.find((e) => e.what === 'restore-failed')).toMatchObject({ at: 20 * 60, resource: 'us-west-2/Database-restored' });
    expect(r!.events.some((e) => e.what === 'database-restored')).toBe(false);
    expect(r!.databases.map((d) => d.id)).toEqual(['Database']);
    expect(r!.databases[0].recoveryTime).toBeNull();
    expect(r!.ends[0].served).toBe(0);
  });

  it('refuses, at its line and column, a restore of a database the submission lacks, one not lost then, a replica, and a region with no place for it', () => {
    const text = [
      'duration: 1h',
      'traffic:',
      '  - to: www.example.com',
      '    port: 80',
      '    rps: 1',
      'events:',
      '  - at: 5m',
      '    restore: Database',
      '  - at: 10m',
      '    fail: region us-east-1',
      '  - at: 11m',
      '    restore: Databse',
      '  - at: 12m',
      '    restore: Replica',
      '  - at: 13m',
      '    restore: Database in eu-west-1',
      '',
    ].join('\n');
    const { result, diagnostics } = play(loadSubmissionPath(join(SIM, 'dr-strategies', 'pilot-light')), text);
    expect(result).toBeUndefined();
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.line])).toEqual([
      ['DatabaseNotLost', 8],
      ['UnknownResource', 12],
      ['InvalidDBInstanceState', 14],
      ['InvalidRestoreRegion', 16],
    ]);
    expect(errors[0].message).toMatch(/Database is not lost at 300 s: no failure of its region \(us-east-1\)/);
    expect(errors[1].message).toMatch(/no database named Databse; did you mean Database\?/);
    expect(errors[2].message).toMatch(/Replica is a read replica; a replica is promoted/);
    expect(errors[3].message).toMatch(/the submission has nothing in eu-west-1; it can be restored in us-east-1, us-west-2/);
    expect(errors.every((d) => d.file === 'drill.yaml' && (d.column ?? 0) > 0)).toBe(true);
  });

  it('parses restore: D and restore: D in R, and refuses other forms', () => {
    const { diagnostics } = play(backupOnly(), 'duration: 1h\ntraffic:\n  - from: App\n    to: Database\n    port: 3306\n    rps: 1\nevents:\n  - at: 5m\n    restore: Database from yesterday\n');
    expect(diagnostics.find((d) => d.code === 'InvalidEvent')?.message).toMatch(/restore names one database, and optionally the region/);
  });

  it('the same scenario gives the same bytes', () => {
    const text = drill(['subnet:us-west-2/PrivateA'], 'region us-east-1', 'Database');
    expect(JSON.stringify(play(backupAndRestore(), text).result)).toBe(JSON.stringify(play(backupAndRestore(), text).result));
  });
});
