import type { Cloud } from '../cloud.js';
import type { DbInstance } from '../rds/db-instance.js';
import { databaseCapacity, RDS_TIMINGS } from './dr-timings.js';
import { SimError } from './errors.js';
import { type EndRef, UNBILLED_DATABASE } from './network-view.js';
import type { Claim, FailureAt, Participant, Route, SimContext } from './participant.js';
import { databaseName, databases, findDatabase } from './rds-find.js';
import { restoreOptions, restoreSource } from './rds-restore.js';
import { lostAt, type RestoreSpare } from './rds-restore-room.js';
import type { RecoveryPointLedger } from './recovery-points.js';
import type { DatabaseResult } from './result.js';
import type { ActionEvent, Protocol, ScenarioPath, Target } from './scenario.js';

/** `absent`: a restore's new instance that no restore has made (yet); `restoring`: one being made. */
type Status = 'available' | 'failing-over' | 'promoting' | 'down' | 'absent' | 'restoring';

/** A stretch during which a writer (a primary, or a promoted replica) accepted no writes. */
interface WriteOutage {
  start: number;
  end: number | null;
  /** The replica whose promotion ended it, when that is how writes came back. */
  promoted?: DbState;
  /** The restored instance that ended it, when a restore brought writes back. */
  restored?: DbState;
}

export interface DbState {
  db: DbInstance;
  name: string;
  zone?: string;
  standbyZone?: string;
  role: 'primary' | 'replica' | 'promoted' | 'restored';
  status: Status;
  hostFailed: boolean;
  /** Bumped whenever a pending failover or promotion no longer applies. */
  epoch: number;
  outages: WriteOutage[];
  source?: DbState;
  /** When a replica's source stopped replicating to it (lost, not failing over). */
  sourceLostAt?: number;
  promotedAt?: number;
  /** A restore's new instance: the database it restores, the writes it lacks, from what, when it was made. */
  spareOf?: DbState;
  restorePoint?: number;
  restoreHow?: string;
  restoredAt?: number;
  /** A lost database: the new instance a restore made (or is making) of it. */
  restoredAs?: DbState;
  /** A lost database: the replica the failover runbook promoted for it, where the application now points. */
  followedBy?: DbState;
}

interface Timer {
  id: string;
  epoch: number;
  kind: 'failover' | 'promoted' | 'restored';
}

/**
 * RDS over time (RDS-02, RDS-05, RDS-08, RDS-10). A database goes down with its zone, its
 * region or `fail database D` (its primary host). A Multi-AZ database whose standby's zone is
 * up fails over to it in RDS_TIMINGS.multiAzFailoverSeconds: the endpoint keeps its name and
 * points at the standby, and no write is lost (the standby is synchronous). A single-AZ one is
 * down until what failed recovers, and comes back with its data. `promote: Replica` stops
 * replication and reboots the replica; after the promotion time it is a standalone writable
 * database at its own endpoint (the old primary's name does not move to it). A database is a
 * traffic end on its interface, serving the requests a second of its class (dr-timings.ts);
 * while it is down, failing over or rebooting, requests to it are dropped. `restore:` (and the
 * failover runbook) brings a lost database back as a new instance at a new endpoint
 * (rds-restore-room.ts, restoreSource), writable after RDS_TIMINGS.restoreSeconds.
 */
export class RdsParticipant implements Participant {
  readonly service = 'RDS';
  private readonly states = new Map<string, DbState>();
  private readonly regionsDown = new Set<string>();
  private readonly zonesDown = new Set<string>();

  constructor(
    private readonly ledger?: RecoveryPointLedger,
    /** The new instances restores may make (rds-restore-room.ts); none when the scenario restores nothing. */
    private readonly spares: readonly RestoreSpare[] = [],
    /**
     * When the scenario restores (or runs the failover runbook), a database's end follows its
     * writes: to the instance a restore made, or the replica the runbook promoted, as the
     * application is pointed at the new endpoint. Otherwise the end is its own interface.
     */
    private readonly follows = false,
  ) {}

  claim(cloud: Cloud, target: Target, path: ScenarioPath): Claim | undefined {
    if (target.kind !== 'database' && target.kind !== 'resource') return undefined;
    const db = findDatabase(cloud, target.name);
    // Not found: the simulation's own message names the databases there are (prepare.ts).
    if (!db) return undefined;
    const name = databaseName(cloud, db);
    return { key: `database:${db.id}`, resources: [db.id], label: `database ${name}`, resource: name };
  }

  claimAction(cloud: Cloud, event: ActionEvent, failures: readonly FailureAt[] = []): boolean {
    if (event.action === 'restore') return this.claimRestore(cloud, event, failures);
    if (event.action !== 'promote') return false;
    const db = findDatabase(cloud, event.resource);
    if (!db) return false;
    if (!db.replicaOf) {
      throw new SimError('InvalidDBInstanceState', `${databaseName(cloud, db)} is not a read replica, so it cannot be promoted (PromoteReadReplica answers InvalidDBInstanceState); promote one of its replicas${replicasOf(cloud, db).length ? `: ${replicasOf(cloud, db).map((r) => databaseName(cloud, r)).join(', ')}` : ''}`, event.path);
    }
    return true;
  }

  private claimRestore(cloud: Cloud, event: Extract<ActionEvent, { action: 'restore' }>, failures: readonly FailureAt[]): boolean {
    const db = findDatabase(cloud, event.resource);
    if (!db) return false;
    const name = databaseName(cloud, db);
    const spare = this.spares.find((x) => x.db.id === db.id);
    if (spare) {
      const src = databases(cloud).find((d) => d.id === spare.sourceId);
      throw new SimError('InvalidDBInstanceState', `${name} is the new instance a restore makes; restore the database it restores${src ? `, ${databaseName(cloud, src)}` : ''}`, event.path);
    }
    if (db.replicaOf) {
      throw new SimError('InvalidDBInstanceState', `${name} is a read replica; a replica is promoted (promote: ${name}), and a restore brings back the database it replicates`, event.path);
    }
    const mine = this.spares.filter((x) => x.sourceId === db.id);
    if (event.region !== undefined && !mine.some((x) => x.region === event.region)) {
      const regions = [...new Set([...cloud.vpcs.values()].map((v) => v.region))].sort();
      const why = regions.includes(event.region)
        ? `${event.region} has no DB subnet group to put it in (one with the logical id of ${name}'s, or the only one there)`
        : `the submission has nothing in ${event.region}`;
      throw new SimError('InvalidRestoreRegion', `${name} cannot be restored in ${event.region}: ${why}; it can be restored in ${mine.map((x) => x.region).join(', ') || 'no region (it has no DB subnet group)'}`, event.path);
    }
    if (lostAt(db, event.at, failures) === undefined) {
      throw new SimError(
        'DatabaseNotLost',
        `${name} is not lost at ${event.at} s: no failure of its region (${db.region}), its zone${db.availabilityZone ? ` (${db.availabilityZone})` : ''} or the database itself holds then; a restore brings back a lost database, so fail it before (fail: region ${db.region}) or restore it later`,
        event.path,
      );
    }
    return true;
  }

  resolveEnd(cloud: Cloud, text: string, path: ScenarioPath): EndRef | undefined {
    const db = findDatabase(cloud, text);
    if (!db) return undefined;
    if (!db.networkInterfaceId) {
      throw new SimError('InvalidEnd', `${text} is a database in the default VPC, which the virtual cloud does not model, so it cannot receive traffic; give it a DBSubnetGroupName of the submission`, path);
    }
    if (this.follows && !db.replicaOf && !this.spares.some((x) => x.db.id === db.id)) return { kind: 'service', name: text, service: this.service, id: db.id };
    return { kind: 'interface', name: text, eniId: db.networkInterfaceId };
  }

  /** A database's end, when it follows its writes: the interface of the instance that takes them now. */
  route(ctx: SimContext, end: Extract<EndRef, { kind: 'service' }>, port: number, protocol: Protocol): Route {
    this.init(ctx.cloud);
    const s = this.states.get(end.id)!;
    const w = s.restoredAs ?? s.followedBy ?? s;
    const to: EndRef = { kind: 'interface', name: w === s ? end.name : w.name, eniId: w.db.networkInterfaceId! };
    return { shares: [{ share: 1, legs: [{ from: 'client', to, port, protocol }], to, port, protocol }] };
  }

  start(ctx: SimContext): void {
    this.init(ctx.cloud);
  }

  /** The databases as loaded: all available. Also before start, when the state before anything happens is evaluated. */
  private init(cloud: Cloud): void {
    if (this.states.size > 0) return;
    const spareIds = new Set(this.spares.map((x) => x.db.id));
    for (const db of databases(cloud)) {
      if (spareIds.has(db.id)) continue;
      this.states.set(db.id, {
        db,
        name: databaseName(cloud, db),
        ...(db.availabilityZone ? { zone: db.availabilityZone } : {}),
        ...(db.standby ? { standbyZone: db.standby.availabilityZone } : {}),
        role: db.replicaOf ? 'replica' : 'primary',
        status: 'available',
        hostFailed: false,
        epoch: 0,
        outages: [],
      });
    }
    for (const s of this.states.values()) {
      const src = s.db.replicaOf?.id;
      if (src) s.source = this.states.get(src);
    }
    for (const x of this.spares) {
      const of = this.states.get(x.sourceId)!;
      const many = this.spares.filter((y) => y.sourceId === x.sourceId).length > 1;
      this.states.set(x.db.id, {
        db: x.db,
        name: `${many ? `${x.region}/` : ''}${of.name.slice(of.name.indexOf('/') + 1)}-restored`,
        ...(x.db.availabilityZone ? { zone: x.db.availabilityZone } : {}),
        ...(x.db.standby ? { standbyZone: x.db.standby.availabilityZone } : {}),
        role: 'restored',
        status: 'absent',
        hostFailed: false,
        epoch: 0,
        outages: [],
        spareOf: of,
      });
    }
  }

  witness(ctx: SimContext, claim: Claim, action: 'fail' | 'recover'): void {
    const [kind, name] = [claim.key.slice(0, claim.key.indexOf(':')), claim.key.slice(claim.key.indexOf(':') + 1)];
    const set = kind === 'region' ? this.regionsDown : kind === 'az' ? this.zonesDown : undefined;
    if (!set) return;
    if (action === 'fail') set.add(name);
    else set.delete(name);
    this.settle(ctx);
  }

  fail(ctx: SimContext, claim: Claim): void {
    const s = this.states.get(claim.resources[0])!;
    ctx.emit('failed', s.name, `database ${s.name} failed: its primary host in ${s.zone ?? s.db.region} stops`);
    s.hostFailed = true;
    this.settle(ctx);
  }

  recover(ctx: SimContext, claim: Claim): void {
    const s = this.states.get(claim.resources[0])!;
    ctx.emit('recovered', s.name, `database ${s.name} recovered${s.hostFailed ? '' : ' (it had not failed, or it had failed over already)'}`);
    s.hostFailed = false;
    this.settle(ctx);
  }

  act(ctx: SimContext, event: ActionEvent): void {
    if (event.action !== 'promote' && event.action !== 'restore') return;
    const s = this.stateOf(ctx.cloud, event.resource);
    if (!s) return;
    if (event.action === 'restore') this.restore(ctx, s, event.region, '');
    else this.promote(ctx, s, '');
  }

  private promote(ctx: SimContext, s: DbState, by: string): boolean {
    if (s.role === 'promoted' || s.status === 'promoting') {
      ctx.emit('promotion-refused', s.name, `${by}${s.name} is already ${s.role === 'promoted' ? 'a standalone database' : 'being promoted'}; nothing to promote`);
      return false;
    }
    if (s.status !== 'available') {
      ctx.emit('promotion-refused', s.name, `${by}${s.name} is unavailable (${this.whereDown(s)}), so it cannot be promoted`);
      return false;
    }
    s.status = 'promoting';
    s.epoch++;
    ctx.after(RDS_TIMINGS.promotionSeconds, this, { id: s.db.id, epoch: s.epoch, kind: 'promoted' } satisfies Timer);
    ctx.emit('promotion-started', s.name, `${by}promoting read replica ${s.name}: replication stops and it reboots (${RDS_TIMINGS.promotionSeconds} s, RDS-05); it is unavailable until then`);
    this.publish(ctx);
    return true;
  }

  /**
   * Restores a lost database (RDS-08, BAK-05): from the newest recovery point usable now in a
   * region that is up (`only`, when named), as a new instance in that region, writable after
   * RDS_TIMINGS.restoreSeconds at its own, new endpoint. Refused on the timeline when it is
   * not lost, is restored already, or no point is usable (its data is gone).
   */
  private restore(ctx: SimContext, s: DbState, only: string | undefined, by: string): boolean {
    const open = s.outages.at(-1);
    const refuse = (why: string): false => {
      ctx.emit('restore-refused', s.name, `${by}${s.name} is not restored: ${why}`);
      return false;
    };
    if (s.restoredAs) return refuse(`it is ${s.restoredAs.status === 'restoring' ? 'being restored' : 'restored already'} as ${s.restoredAs.name}`);
    if (s.role !== 'primary' || s.status !== 'down' || !open || open.end !== null) {
      return refuse(`it is not lost (${s.status === 'failing-over' ? 'it is failing over to its standby' : s.status === 'available' ? 'it is available' : this.describe(s)})`);
    }
    const spareIn = (region: string): DbState | undefined => [...this.states.values()].find((x) => x.spareOf === s && x.db.region === region && x.status === 'absent' && this.up(x.zone, region));
    const src = restoreSource(this, s, open.start, ctx.now, this.ledger, (region) => (only === undefined || region === only) && spareIn(region) !== undefined);
    if (!src) {
      return refuse(
        `no recovery point is usable now${only ? ` in ${only}` : ''} in a region that is up (no automated backups in its own region while it is up, no AWS Backup point or copy there), so its data is gone`,
      );
    }
    const spare = spareIn(src.region)!;
    spare.status = 'restoring';
    spare.epoch++;
    spare.restorePoint = open.start - src.pointAt;
    spare.restoreHow = src.how;
    s.restoredAs = spare;
    ctx.after(RDS_TIMINGS.restoreSeconds, this, { id: spare.db.id, epoch: spare.epoch, kind: 'restored' } satisfies Timer);
    ctx.emit(
      'restore-started',
      s.name,
      `${by}restoring ${s.name} from ${src.how} into ${src.region} as a new instance ${spare.db.identifier} (${RDS_TIMINGS.restoreSeconds} s, a course assumption: RDS-10 gives no figure); it will lack the last ${spare.restorePoint} s of writes before the loss`,
    );
    this.publish(ctx);
    return true;
  }

  /**
   * The failover runbook's data steps in `region` (DR-02): each lost database with a replica
   * there gets it promoted (and the application follows it); every other lost database is
   * restored there. The seconds until the last of them is writable (0 when none started).
   */
  runbook(ctx: SimContext, region: string): number {
    let wait = 0;
    const by = `failover to ${region}: `;
    for (const s of [...this.states.values()]) {
      const open = s.outages.at(-1);
      if (s.role !== 'primary' || s.status !== 'down' || s.restoredAs || s.followedBy || !open || open.end !== null) continue;
      const replica = [...this.states.values()].find((r) => r.source === s && r.role === 'replica' && r.db.region === region);
      if (replica) {
        if (this.promote(ctx, replica, by)) {
          s.followedBy = replica;
          wait = Math.max(wait, RDS_TIMINGS.promotionSeconds);
        }
      } else if (this.restore(ctx, s, region, by)) wait = Math.max(wait, RDS_TIMINGS.restoreSeconds);
    }
    return wait;
  }

  timer(ctx: SimContext, payload: unknown): void {
    const t = payload as Timer;
    const s = this.states.get(t.id);
    if (!s || s.epoch !== t.epoch) return;
    if (t.kind === 'restored') {
      const src = s.spareOf!;
      s.status = 'available';
      s.restoredAt = ctx.now;
      ctx.emit(
        'database-restored',
        s.name,
        `${src.name} is restored as ${s.name}, a new writable instance in ${s.zone ?? s.db.region} at a NEW endpoint ${s.db.dnsName}; ${src.name}'s endpoint ${src.db.dnsName} does not move to it: point the application at the new endpoint (traffic to ${src.name} goes there now); it lacks the last ${s.restorePoint} s of writes`,
      );
      const open = src.outages.at(-1);
      if (open && open.end === null) {
        open.end = ctx.now;
        open.restored = s;
      }
    } else if (t.kind === 'failover') {
      const old = s.zone;
      [s.zone, s.standbyZone] = [s.standbyZone, old];
      s.hostFailed = false;
      s.status = 'available';
      ctx.emit('database-failed-over', s.name, `${s.name} failed over to its standby in ${s.zone}: its endpoint ${s.db.dnsName} keeps its name and now points there (clients reconnect); no write was lost (synchronous standby)`);
      this.writesBack(ctx, s);
    } else {
      s.role = 'promoted';
      s.status = 'available';
      s.promotedAt = ctx.now;
      const src = s.source;
      ctx.emit(
        'replica-promoted',
        s.name,
        `${s.name} is a standalone, writable database at its own endpoint ${s.db.dnsName}${src ? `; ${src.name}'s name ${src.db.dnsName} does not move to it: ${src.followedBy === s ? `the runbook points the application at the new endpoint (traffic to ${src.name} goes there now)` : 'point the application (or a DNS record) at the new endpoint'}` : ''}`,
      );
      const open = src?.outages.at(-1);
      if (src && open && open.end === null) {
        open.end = ctx.now;
        open.promoted = s;
      }
    }
    this.settle(ctx);
  }

  capacity(ctx: SimContext, to: EndRef): number | undefined {
    if (to.kind !== 'interface') return undefined;
    this.init(ctx.cloud);
    const s = [...this.states.values()].find((x) => x.db.networkInterfaceId === to.eniId);
    if (!s) return undefined;
    return s.status === 'available' ? databaseCapacity(s.db.instanceClass) : 0;
  }

  sample(ctx: SimContext): Record<string, Record<string, string>> {
    this.init(ctx.cloud);
    if (this.states.size === 0) return {};
    const out: Record<string, string> = {};
    for (const s of this.states.values()) if (!s.spareOf) out[s.name] = this.describe(s);
    return { databases: out };
  }

  databases(ctx: SimContext): DatabaseResult[] {
    return [...this.states.values()].filter((s) => s.status !== 'absent').map((s) => this.result(ctx, s));
  }

  private stateOf(cloud: Cloud, name: string): DbState | undefined {
    const db = findDatabase(cloud, name);
    return db ? this.states.get(db.id) : undefined;
  }

  private up(zone: string | undefined, region: string): boolean {
    return !this.regionsDown.has(region) && (zone === undefined || !this.zonesDown.has(zone));
  }

  private whereDown(s: DbState): string {
    if (this.regionsDown.has(s.db.region)) return `region ${s.db.region} is down`;
    if (s.zone && this.zonesDown.has(s.zone)) return `zone ${s.zone} is down`;
    return 'its primary host failed';
  }

  /** Brings each database's status in line with what is down now. */
  private settle(ctx: SimContext): void {
    for (const s of this.states.values()) {
      if (s.status === 'absent') continue;
      if (s.status === 'restoring') {
        if (this.up(s.zone, s.db.region)) continue;
        s.status = 'absent';
        s.epoch++;
        if (s.spareOf) delete s.spareOf.restoredAs;
        ctx.emit('restore-failed', s.name, `the restore of ${s.spareOf?.name} into ${s.db.region} failed: ${this.whereDown(s)}`);
        continue;
      }
      const primaryOk = this.up(s.zone, s.db.region) && !s.hostFailed;
      const standbyOk = s.db.multiAz && s.standbyZone !== undefined && this.up(s.standbyZone, s.db.region);
      if (s.status === 'available' && !primaryOk) {
        if (standbyOk) this.startFailover(ctx, s);
        else this.goDown(ctx, s, `${s.name} is down (${this.whereDown(s)})${s.db.multiAz ? ', and so is its standby' : ': it has no standby (single-AZ)'}; requests to it are dropped until it recovers`);
      } else if (s.status === 'failing-over' && !standbyOk) {
        this.goDown(ctx, s, `${s.name}'s failover stopped: its standby in ${s.standbyZone} is down too`);
      } else if (s.status === 'promoting' && !this.up(s.zone, s.db.region)) {
        this.goDown(ctx, s, `${s.name} went down while being promoted (${this.whereDown(s)}); it stays a replica`);
      } else if (s.status === 'down') {
        if (primaryOk) {
          s.status = 'available';
          ctx.emit('database-available', s.name, `${s.name} is available again in ${s.zone ?? s.db.region}, with its data (its storage survived)`);
          this.writesBack(ctx, s);
        } else if (standbyOk) this.startFailover(ctx, s);
      }
    }
    this.publish(ctx);
  }

  private startFailover(ctx: SimContext, s: DbState): void {
    s.status = 'failing-over';
    s.epoch++;
    ctx.after(RDS_TIMINGS.multiAzFailoverSeconds, this, { id: s.db.id, epoch: s.epoch, kind: 'failover' } satisfies Timer);
    ctx.emit('database-failover-started', s.name, `${s.name}'s primary is lost (${this.whereDown(s)}): Multi-AZ failover to the standby in ${s.standbyZone} (${RDS_TIMINGS.multiAzFailoverSeconds} s, RDS-02)`);
    this.writesLost(ctx, s);
  }

  private goDown(ctx: SimContext, s: DbState, detail: string): void {
    const wasPromoting = s.status === 'promoting';
    s.status = 'down';
    s.epoch++;
    ctx.emit('database-down', s.name, detail);
    if (!wasPromoting) this.writesLost(ctx, s);
    for (const r of this.states.values()) {
      if (r.source !== s || r.role !== 'replica' || r.sourceLostAt !== undefined) continue;
      r.sourceLostAt = ctx.now;
      ctx.emit('replication-stopped', r.name, `${r.name} no longer receives ${s.name}'s writes; it holds them up to ${lagOf(r)} s before the loss (replica lag); writes fail until a replica is promoted or ${s.name} recovers`);
    }
  }

  private writesLost(ctx: SimContext, s: DbState): void {
    if (s.role === 'replica') return;
    const last = s.outages.at(-1);
    if (last && last.end === null) return;
    s.outages.push({ start: ctx.now, end: null });
  }

  private writesBack(ctx: SimContext, s: DbState): void {
    const last = s.outages.at(-1);
    if (last && last.end === null) last.end = ctx.now;
    for (const r of this.states.values()) if (r.source === s && r.role === 'replica' && r.status === 'available') delete r.sourceLostAt;
  }

  /** The interfaces of the databases that cannot answer now: down, failing over or rebooting. */
  private publish(ctx: SimContext): void {
    const ids = new Set<string>();
    for (const s of this.states.values()) {
      if (s.status !== 'available' && s.db.networkInterfaceId) ids.add(s.db.networkInterfaceId);
      if (s.status === 'down') ids.add(`${UNBILLED_DATABASE}${s.db.id}`);
      // A restore's instance not made yet does not exist: neither reached nor billed.
      if (s.status === 'absent' || s.status === 'restoring') ids.add(s.db.id);
    }
    ctx.setDown(this, ids);
  }

  private describe(s: DbState): string {
    const r = s.restoredAs;
    if (r && s.status !== 'available') return r.status === 'restoring' ? `being restored in ${r.db.region}` : `restored as ${r.name} in ${r.zone ?? r.db.region}`;
    if (s.status === 'absent') return 'not restored';
    if (s.status === 'restoring') return 'restoring';
    if (s.status === 'down') return 'down';
    if (s.status === 'failing-over') return 'failing over';
    if (s.status === 'promoting') return 'promoting';
    const where = s.zone ?? s.db.region;
    return s.role === 'replica' ? `replica in ${where} (read only)` : `writable in ${where}`;
  }

  private result(ctx: SimContext, s: DbState): DatabaseResult {
    const base = { id: s.name, region: s.db.region, role: s.role === 'promoted' ? 'promoted replica' : s.role, endpoint: s.db.dnsName } as const;
    if (s.role === 'restored') {
      const of = s.spareOf!.name;
      const outcome =
        s.restoredAt === undefined
          ? `being restored from ${s.restoreHow} at the end; it will lack the last ${s.restorePoint} s of ${of}'s writes`
          : `restored at ${s.restoredAt} s from ${s.restoreHow}: a new instance at its own endpoint, lacking the last ${s.restorePoint} s of ${of}'s writes${s.status === 'available' ? '' : ` (${this.describe(s)} at the end)`}`;
      return { ...base, recoveryPoint: s.restorePoint ?? null, outcome };
    }
    if (s.role !== 'primary') {
      const lost = s.promotedAt !== undefined && s.sourceLostAt !== undefined && s.sourceLostAt <= s.promotedAt;
      const outcome =
        s.role === 'promoted'
          ? `promoted at ${s.promotedAt} s${lost ? `, after its source was lost: it lacks the last ${lagOf(s)} s of writes (replica lag)` : ''}; it answers at its own endpoint`
          : s.sourceLostAt !== undefined
            ? `its source was lost at ${s.sourceLostAt} s and it was not promoted: it holds the data up to ${lagOf(s)} s before, read only`
            : `a read replica to the end${s.status === 'available' ? '' : ` (${this.describe(s)} at the end)`}`;
      return { ...base, recoveryPoint: lost || (s.role === 'replica' && s.sourceLostAt !== undefined) ? lagOf(s) : 0, outcome };
    }
    if (s.outages.length === 0) return { ...base, recoveryPoint: 0, outcome: s.status === 'available' ? 'in service throughout' : `${this.describe(s)} at the end` };
    let point: number | null = 0;
    let time: number | null = 0;
    const told: string[] = [];
    for (const o of s.outages) {
      time = time === null || o.end === null ? null : Math.max(time, o.end - o.start);
      let p: number | null;
      if (o.end !== null && o.restored) {
        p = o.restored.restorePoint ?? 0;
        told.push(`restored as ${o.restored.name} from ${o.restored.restoreHow}, writable at ${o.end} s at a new endpoint, losing the last ${p} s of writes`);
      } else if (o.end !== null && o.promoted) {
        p = lagOf(o.promoted);
        told.push(`writes went to ${o.promoted.name}, promoted at ${o.end} s, losing the last ${p} s of writes (its replica lag)`);
      } else if (o.end !== null) {
        p = 0;
        told.push(`lost at ${o.start} s, writable again at ${o.end} s with no write lost`);
      } else {
        const best = restoreOptions(this, s, o.start, this.ledger);
        p = best ? best.point : null;
        told.push(`lost at ${o.start} s and not recovered: ${best ? best.how : 'no replica, backup or copy outside what failed, so its data is gone'}`);
      }
      point = point === null || p === null ? null : Math.max(point, p);
    }
    return { ...base, recoveryPoint: point, recoveryTime: time, outcome: told.join('; ') };
  }

  /** For restore options: is that region up, and the live replicas of a database. */
  regionUp(region: string): boolean {
    return !this.regionsDown.has(region);
  }

  replicas(s: DbState): DbState[] {
    return [...this.states.values()].filter((r) => r.source === s && r.role === 'replica' && r.status === 'available');
  }
}

export function lagOf(s: DbState): number {
  return s.db.replicaOf?.crossRegion ? RDS_TIMINGS.replicaLagSeconds.crossRegion : RDS_TIMINGS.replicaLagSeconds.sameRegion;
}

function replicasOf(cloud: Cloud, db: DbInstance): DbInstance[] {
  return databases(cloud).filter((d) => d.replicaOf?.id === db.id);
}
