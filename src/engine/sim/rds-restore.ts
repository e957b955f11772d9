import { RDS_TIMINGS } from './dr-timings.js';
import { type DbState, lagOf, type RdsParticipant } from './rds-participant.js';
import type { RecoveryPointLedger } from './recovery-points.js';

export interface RestoreOption {
  /** Seconds of writes it would lose. */
  point: number;
  how: string;
}

/**
 * What could bring back a lost database that did not recover within the scenario, and the
 * writes each would lose (RDS-10, BAK-06): a live replica of it (its lag, once promoted), a
 * point-in-time restore from its automated backups while its region is up (RDS-08: logs every
 * 5 minutes), and AWS Backup's recovery points that were usable when it was lost, in a region
 * that is up at the end (only copies count when its own region is lost): for a database no
 * played restore brought back, the data a restore would have.
 */
export function restoreOptions(rds: RdsParticipant, s: DbState, lostAt: number, ledger: RecoveryPointLedger | undefined): RestoreOption | undefined {
  const options: RestoreOption[] = [];
  for (const r of rds.replicas(s)) {
    options.push({ point: lagOf(r), how: `its replica ${r.name} holds the data up to ${lagOf(r)} s before the loss; promote it to take writes` });
  }
  if (s.db.backupRetentionPeriod > 0 && rds.regionUp(s.db.region)) {
    options.push({ point: RDS_TIMINGS.pitrLogSeconds, how: `a point-in-time restore from its automated backups in ${s.db.region} (a new instance at a new endpoint) would lose up to ${RDS_TIMINGS.pitrLogSeconds} s of writes` });
  }
  const p = ledger?.latest(s.db.id, lostAt, (region) => rds.regionUp(region));
  if (p) {
    options.push({ point: lostAt - p.pointAt, how: `a restore from the recovery point of ${pointTime(p.pointAt)} in vault ${p.vault} (${p.region}${p.copy ? ', a copy' : ''}) would lose ${lostAt - p.pointAt} s of writes (a new instance at a new endpoint)` });
  }
  options.sort((a, b) => a.point - b.point);
  return options[0];
}

/** The recovery point a played restore uses: where it is, the data time it holds, and how it is told. */
export interface RestoreSource {
  region: string;
  /** The data time it holds (seconds on the clock). */
  pointAt: number;
  how: string;
}

/**
 * The newest recovery point a restore at time `now` can use for a database lost at `lostAt`,
 * in a region that is up and `where` allows (the one the scenario names; one the database can be placed in): a point-in-time
 * restore from its automated backups in its own region (RDS-08: the logs of up to 300 s before
 * the loss are not uploaded yet), else AWS Backup's points and copies (BAK-05, BAK-06; the
 * ledger knows which were usable: a copy still in flight when the region was lost failed).
 * A point made after the loss holds nothing newer than the loss. Ties go to its own region.
 */
export function restoreSource(rds: RdsParticipant, s: DbState, lostAt: number, now: number, ledger: RecoveryPointLedger | undefined, where: (region: string) => boolean): RestoreSource | undefined {
  const allowed = (region: string): boolean => rds.regionUp(region) && where(region);
  const found: RestoreSource[] = [];
  if (s.db.backupRetentionPeriod > 0 && allowed(s.db.region)) {
    found.push({ region: s.db.region, pointAt: lostAt - RDS_TIMINGS.pitrLogSeconds, how: `a point-in-time restore from its automated backups in ${s.db.region} (RDS-08: up to ${RDS_TIMINGS.pitrLogSeconds} s of logs not uploaded)` });
  }
  for (const p of [ledger?.latest(s.db.id, lostAt, allowed), ledger?.latest(s.db.id, now, allowed)]) {
    if (!p || p.pointAt > lostAt) continue;
    found.push({ region: p.region, pointAt: p.pointAt, how: `the recovery point of ${pointTime(p.pointAt)} in vault ${p.vault} (${p.region}${p.copy ? ', a copy' : ''}; BAK-05)` });
  }
  found.sort((a, b) => b.pointAt - a.pointAt || Number(b.region === s.db.region) - Number(a.region === s.db.region));
  return found[0];
}

/** When a recovery point was made: seconds into the scenario, or before it began (the backups of the days before). */
export function pointTime(at: number): string {
  return at >= 0 ? `${at} s` : `${-at} s before the scenario began`;
}
