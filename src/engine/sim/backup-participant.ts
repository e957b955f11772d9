import { BACKUP } from '../backup/kinds.js';
import type { BackupRule } from '../backup/plan.js';
import { scheduledTimes } from '../backup/schedule.js';
import { coveredResources } from '../backup/selection.js';
import type { Cloud } from '../cloud.js';
import type { DbInstance } from '../rds/db-instance.js';
import { RDS } from '../rds/kinds.js';
import { BACKUP_TIMINGS, RDS_TIMINGS, SIM_EPOCH_UTC_MS } from './dr-timings.js';
import type { Claim, Participant, SimContext } from './participant.js';
import { databaseName } from './rds-find.js';
import type { RecoveryPointLedger } from './recovery-points.js';
import { MAX_DURATION } from './scenario.js';

/** One rule backing up one database. */
interface Job {
  rule: BackupRule;
  db: DbInstance;
  name: string;
  /** Scheduled start times on the sim clock, ascending, and the next to play. */
  times: number[];
  next: number;
}

type Timer = { kind: 'start'; job: number } | { kind: 'done' | 'copied'; job: number; at: number; generation: string; copy?: number };

/** How far back the recovery points made before the scenario starts are assumed to exist. */
const BEFORE_START = 8 * 24 * 3600;

/**
 * AWS Backup over time (BAK-02 to BAK-06) for the databases its selections cover. Each rule
 * starts a job at every time its schedule gives (UTC; the clock's 0 is SIM_EPOCH_UTC_MS); the
 * recovery point holds the data as of the start and is usable BACKUP_TIMINGS.jobSeconds later,
 * in the rule's vault, in the database's region. Each copy action then copies it to its
 * vault in the other region, usable BACKUP_TIMINGS.copySeconds after the backup completed. A
 * job whose database is unavailable is skipped; a job or copy whose region (either one for a
 * copy) fails before it completes fails. The submission is taken to have run before the
 * scenario: the points of the last 8 days of schedule exist at 0. Continuous backup rules
 * restore to any moment up to RDS_TIMINGS.pitrLogSeconds before. Other resource types a
 * selection covers (instances) are not played.
 */
export class BackupParticipant implements Participant {
  readonly service = 'AWS Backup';
  private jobs: Job[] = [];
  private readonly regionsDown = new Set<string>();
  private readonly zonesDown = new Set<string>();
  /** Failures per region so far: a job spanning a failure of its region fails. */
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly ledger: RecoveryPointLedger,
    /** Databases that do not exist until a restore makes them (rds-restore-room.ts): not backed up from the start. */
    private readonly notYet: ReadonlySet<string> = new Set(),
  ) {}

  start(ctx: SimContext): void {
    this.jobs = jobsOf(ctx.cloud).filter((j) => !this.notYet.has(j.db.id));
    this.jobs.forEach((job, i) => {
      this.ledger.protectedIds.add(job.db.id);
      if (job.rule.continuous) this.ledger.addContinuous(job.db.id, job.db.region, job.rule.targetVault, -BEFORE_START);
      for (const at of job.times.filter((t) => t < 0)) this.record(job, at, at + BACKUP_TIMINGS.jobSeconds);
      job.next = job.times.findIndex((t) => t >= 0);
      if (job.next >= 0 && job.times[job.next] === 0) this.timer(ctx, { kind: 'start', job: i });
      else if (job.next >= 0) this.schedule(ctx, i);
    });
  }

  witness(ctx: SimContext, claim: Claim, action: 'fail' | 'recover'): void {
    const sep = claim.key.indexOf(':');
    const [kind, name] = [claim.key.slice(0, sep), claim.key.slice(sep + 1)];
    const set = kind === 'region' ? this.regionsDown : kind === 'az' ? this.zonesDown : undefined;
    if (!set) return;
    if (action === 'recover') {
      set.delete(name);
      return;
    }
    set.add(name);
    if (kind === 'region') {
      this.failures.set(name, (this.failures.get(name) ?? 0) + 1);
      this.ledger.stopContinuous(name, ctx.now);
    }
  }

  timer(ctx: SimContext, payload: unknown): void {
    const t = payload as Timer;
    const job = this.jobs[t.job];
    if (t.kind === 'start') {
      const at = job.times[job.next];
      job.next = job.next + 1 < job.times.length ? job.next + 1 : -1;
      if (job.next >= 0) this.schedule(ctx, t.job);
      if (!this.available(job.db)) {
        ctx.emit('backup-skipped', job.name, `backup rule ${job.rule.name}: ${job.name} is unavailable, so no recovery point is made`);
        return;
      }
      ctx.after(BACKUP_TIMINGS.jobSeconds, this, { kind: 'done', job: t.job, at, generation: this.generation([job.db.region]) } satisfies Timer);
      return;
    }
    if (t.kind === 'done') {
      if (this.generation([job.db.region]) !== t.generation) {
        ctx.emit('backup-failed', job.name, `backup rule ${job.rule.name}: the job for ${job.name} failed with region ${job.db.region}`);
        return;
      }
      this.ledger.add({ resourceId: job.db.id, region: job.db.region, vault: job.rule.targetVault, pointAt: t.at, usableAt: ctx.now, ...deleteAt(job.rule.lifecycle?.deleteAfterDays, t.at), copy: false });
      ctx.changed();
      ctx.emit('backup-completed', job.name, `backup rule ${job.rule.name}: recovery point of ${job.name} as of ${t.at} s in vault ${job.rule.targetVault} (${job.db.region})`);
      job.rule.copyActions.forEach((c, k) => {
        ctx.after(BACKUP_TIMINGS.copySeconds, this, { kind: 'copied', job: t.job, at: t.at, copy: k, generation: this.generation([job.db.region, c.destinationRegion]) } satisfies Timer);
      });
      return;
    }
    const c = job.rule.copyActions[t.copy!];
    const vault = c.destinationVaultArn.slice(c.destinationVaultArn.lastIndexOf(':') + 1);
    if (this.generation([job.db.region, c.destinationRegion]) !== t.generation) {
      ctx.emit('copy-failed', job.name, `backup rule ${job.rule.name}: the copy of ${job.name}'s recovery point of ${t.at} s to ${c.destinationRegion} failed (a region failed during the copy)`);
      return;
    }
    this.ledger.add({ resourceId: job.db.id, region: c.destinationRegion, vault, pointAt: t.at, usableAt: ctx.now, ...deleteAt(c.lifecycle?.deleteAfterDays, t.at), copy: true });
    ctx.changed();
    ctx.emit('copy-completed', job.name, `backup rule ${job.rule.name}: ${job.name}'s recovery point of ${t.at} s copied to vault ${vault} (${c.destinationRegion})`);
  }

  /** The data time of the newest usable recovery point of each database, per region that holds one. */
  sample(ctx: SimContext): Record<string, Record<string, number>> {
    if (this.jobs.length === 0) return {};
    const out: Record<string, number> = {};
    const regions = [...new Set(this.jobs.flatMap((j) => [j.db.region, ...j.rule.copyActions.map((c) => c.destinationRegion)]))].sort();
    for (const job of this.jobs) {
      for (const region of regions) {
        const p = this.ledger.latest(job.db.id, ctx.now, (r) => r === region, RDS_TIMINGS.pitrLogSeconds);
        if (p) out[`${job.name} in ${region}`] = Math.max(out[`${job.name} in ${region}`] ?? -Infinity, p.pointAt);
      }
    }
    return { recoveryPoints: out };
  }

  private schedule(ctx: SimContext, i: number): void {
    const job = this.jobs[i];
    ctx.after(Math.max(1, job.times[job.next] - ctx.now), this, { kind: 'start', job: i } satisfies Timer);
  }

  /** The points of a job made before the scenario, with their copies. */
  private record(job: Job, at: number, usableAt: number): void {
    this.ledger.add({ resourceId: job.db.id, region: job.db.region, vault: job.rule.targetVault, pointAt: at, usableAt, ...deleteAt(job.rule.lifecycle?.deleteAfterDays, at), copy: false });
    for (const c of job.rule.copyActions) {
      const vault = c.destinationVaultArn.slice(c.destinationVaultArn.lastIndexOf(':') + 1);
      this.ledger.add({ resourceId: job.db.id, region: c.destinationRegion, vault, pointAt: at, usableAt: usableAt + BACKUP_TIMINGS.copySeconds, ...deleteAt(c.lifecycle?.deleteAfterDays, at), copy: true });
    }
  }

  private available(db: DbInstance): boolean {
    if (this.regionsDown.has(db.region)) return false;
    const zones = [db.availabilityZone, db.standby?.availabilityZone].filter((z): z is string => z !== undefined);
    return zones.length === 0 || zones.some((z) => !this.zonesDown.has(z));
  }

  private generation(regions: string[]): string {
    return regions.map((r) => `${this.failures.get(r) ?? 0}${this.regionsDown.has(r) ? 'd' : ''}`).join(',');
  }
}

function deleteAt(days: number | undefined, at: number): { deleteAt?: number } {
  return days === undefined ? {} : { deleteAt: at + days * 86_400 };
}

/** Every (rule, database) pair of the submission's plans and selections, with its times. */
function jobsOf(cloud: Cloud): Job[] {
  const jobs: Job[] = [];
  const from = SIM_EPOCH_UTC_MS - BEFORE_START * 1000;
  const to = SIM_EPOCH_UTC_MS + MAX_DURATION * 1000;
  for (const plan of cloud.table(BACKUP.plan).values()) {
    const selections = [...cloud.table(BACKUP.selection).values()].filter((s) => s.planId === plan.planId);
    const dbs = new Map<string, DbInstance>();
    for (const s of selections) {
      for (const c of coveredResources(cloud, s)) {
        const db = cloud.table(RDS.dbInstance).get(c.id);
        if (db) dbs.set(db.id, db);
      }
    }
    for (const rule of plan.rules) {
      const times = scheduledTimes(rule.schedule, from, to, SIM_EPOCH_UTC_MS).map((ms) => (ms - SIM_EPOCH_UTC_MS) / 1000);
      for (const db of dbs.values()) jobs.push({ rule, db, name: databaseName(cloud, db), times, next: -1 });
    }
  }
  return jobs;
}
