import { CLOCK_ORIGIN } from './sim-clock.js';

/**
 * The timings and assumptions the simulation plays for databases and backups, as data, each
 * with its source (aws-semantics-services.md items). Where AWS gives a range or no figure, the
 * value is the course's decision, said so here and in README.md.
 */
export const RDS_TIMINGS = {
  /**
   * Multi-AZ failover: "typically 60–120 seconds" (RDS-02). The simulation plays the upper end,
   * the time a drill should plan for. The endpoint keeps its name and points at the standby.
   */
  multiAzFailoverSeconds: 120,
  /** Read-replica promotion: "a few minutes" (RDS-05); decided: 5 minutes, the replica unavailable while it reboots. */
  promotionSeconds: 300,
  /**
   * Replica lag, the writes a replica lacks when its source is lost (RDS-05, RDS-10). AWS
   * publishes no figure ("seconds typical"): UNCONFIRMED, decided 1 s in the same region and
   * 5 s across regions (the higher lag AWS says to expect, RDS-04).
   */
  replicaLagSeconds: { sameRegion: 1, crossRegion: 5 },
  /** Point-in-time restore from automated backups: transaction logs uploaded every 5 minutes (RDS-08). */
  pitrLogSeconds: 300,
  /**
   * A restore (point-in-time from automated backups, RDS-08, or from an AWS Backup recovery
   * point or copy, BAK-05) makes a new instance; how long it takes AWS does not publish
   * ("size-dependent", RDS-10's table: UNCONFIRMED). Decided: 20 minutes for a course-sized
   * database, whatever its class, the time a drill should plan for. The new instance is down
   * until then.
   */
  restoreSeconds: 1200,
} as const;

export const BACKUP_TIMINGS = {
  /**
   * From a backup job's scheduled start to its recovery point being usable: UNCONFIRMED (it
   * depends on the size); decided 10 minutes for a course-sized database. The job starts at its
   * scheduled time (within the start window, BAK-02), and the point holds the data as of then.
   */
  jobSeconds: 600,
  /** A copy job to another region, from the backup's completion (BAK-04: timing UNCONFIRMED; RDS-09 "can take hours"): decided 1 hour. */
  copySeconds: 3600,
} as const;

/**
 * The simulation clock's 0 in UTC, for schedules written in UTC (backup rules' cron): the
 * clock auto scaling's scheduled actions use (sim-clock.ts), 00:00 UTC on Monday 1 January
 * 2024. Nothing reads the wall clock.
 */
export const SIM_EPOCH_UTC_MS = CLOCK_ORIGIN;

/**
 * Requests a second a database serves, by the size of its class (db.t3.micro → micro): an
 * assumption the course states, like the instance table (capacity.ts); AWS publishes none.
 * A micro serves 100 simple queries a second; each size up doubles it.
 */
const DB_SIZES = ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'];

export function databaseCapacity(instanceClass: string): number {
  const size = instanceClass.split('.').at(-1) ?? '';
  const i = DB_SIZES.indexOf(size);
  return i < 0 ? 100 : 100 * 2 ** i;
}
