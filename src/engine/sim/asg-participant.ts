import type { AutoScalingGroup } from '../autoscaling/group.js';
import { AUTOSCALING } from '../autoscaling/kinds.js';
import type { ScheduledAction } from '../autoscaling/policy.js';
import type { Cloud } from '../cloud.js';
import { isRegion } from '../regions.js';
import { DEFAULT_INSTANCE_TYPE, type RateOf, rateOf } from './capacity.js';
import type { ElbParticipant } from './elb-participant.js';
import { SimError } from './errors.js';
import { type GroupPool, rebalanceMargin } from './asg-spares.js';
import { activityOf, type AlarmPlay, groupAlarms, type MinuteMetrics } from './asg-alarms.js';
import { combine, METRIC_PERIOD, Tracking } from './asg-tracking.js';
import type { Claim, InterfaceLoad, Participant, SimContext } from './participant.js';
import type { ScenarioEvent, ScenarioPath, Target } from './scenario.js';
import { clockSeconds, cronTimes } from './sim-clock.js';

/** ASG-12 (UNCONFIRMED, the course's figure): seconds from a launch to InService (boot and application start). */
export const LAUNCH_SECONDS = 90;
/**
 * ASG-04: an instance that fails (itself, or with its zone) is impaired, not stopped: its status
 * checks fail and Auto Scaling "waits a few minutes for AWS to recover it" before it marks it
 * unhealthy. The course takes 3 minutes (UNCONFIRMED).
 */
export const IMPAIRED_SECONDS = 180;

type MemberState = 'spare' | 'pending' | 'in-service' | 'draining' | 'terminated';

interface Member {
  id: string;
  name: string;
  zone: string;
  eniId?: string;
  rps: number;
  state: MemberState;
  inServiceAt: number;
  generation: number;
  rebalance?: boolean;
  /** Since when another participant holds it down (its status checks fail). */
  impairedSince?: number;
  /** Integrals over the current metric period: CPU percent × seconds, requests. */
  cpuSeconds: number;
  requests: number;
}

interface Run {
  group: AutoScalingGroup;
  label: string;
  pool: GroupPool;
  members: Member[];
  desired: number;
  min: number;
  max: number;
  warmup: number;
  tracking: Tracking[];
  launchBlocked: boolean;
  alarms: AlarmPlay[];
  /** ASG-09: the last simple scaling activity: the instances it launched and its cooldown. */
  simple?: { launched: string[]; cooldown: number; at: number };
}

type Timer =
  | { kind: 'in-service'; group: string; id: string; generation: number }
  | { kind: 'terminated'; group: string; id: string; generation: number }
  | { kind: 'grace-over'; group: string; id: string; generation: number }
  | { kind: 'impaired'; group: string; id: string; generation: number }
  | { kind: 'metric'; group: string }
  | { kind: 'scheduled'; group: string; action: ScheduledAction };

export const ASG_SERVICE = 'EC2 Auto Scaling';

/**
 * EC2 Auto Scaling over time. Every instance a group may launch exists in the simulated copy
 * (asg-spares.ts); those not launched are held down. A launch takes LAUNCH_SECONDS to InService,
 * when the instance registers with the group's target groups (ELB-23); a scale-in deregisters
 * first, draining for the deregistration delay, then terminates (ASG-03). Launches go to the
 * available zone with the fewest instances; a scale-in takes the newest instance of the zone
 * with the most (ASG-05, the default termination policy's zone rule, then the newest so that
 * the result is deterministic). An instance that is down (its zone or itself failed) is
 * unhealthy at once and replaced (ASG-04, EC2 check); with HealthCheckType ELB one its target
 * group finds unhealthy is replaced too, after the grace period. When a zone comes back, the
 * group rebalances: it launches in the emptiest zone first, then terminates in the fullest, up
 * to the rebalancing margin above MaxSize. Desired capacity follows the scenario's `scale`,
 * target-tracking policies (asg-tracking.ts) and scheduled actions (sim-clock.ts).
 */
export class AsgParticipant implements Participant {
  readonly service = ASG_SERVICE;
  private readonly runs = new Map<string, Run>();
  private held = new Set<string>();
  private loads: ReadonlyMap<string, InterfaceLoad> = new Map();
  private loadSince = 0;

  constructor(
    pools: readonly GroupPool[],
    private readonly instanceTypes: ReadonlyMap<string, string>,
    private readonly elb: ElbParticipant | undefined,
    private readonly cloud: Cloud,
    private readonly rate: RateOf = rateOf(),
  ) {
    for (const pool of pools) this.addRun(pool);
    elb?.onTargetUnhealthy((ctx, instanceId) => this.elbUnhealthy(ctx, instanceId));
    elb?.startUnregistered(pools.flatMap((p) => [...p.byZone.values()].flat().filter((id) => !p.initial.includes(id))));
  }

  claim(cloud: Cloud, target: Target, path: ScenarioPath): Claim | undefined {
    if (target.kind !== 'resource') return undefined;
    const g = findGroup(cloud, target.name);
    const lt = [...cloud.table(AUTOSCALING.launchTemplate).values()].find((t) => t.logicalId === target.name || t.id === target.name);
    if (g || lt) {
      throw new SimError('NotFailable', `${target.name} is ${g ? 'an auto scaling group' : 'a launch template'}, which does not fail on its own; fail the group's instances, their zone or their region`, path);
    }
    return undefined;
  }

  claimAction(cloud: Cloud, event: Extract<ScenarioEvent, { action: 'promote' | 'scale' }>): boolean {
    if (event.action !== 'scale') return false;
    const g = findGroup(cloud, event.group);
    if (!g) return false;
    if (!Number.isInteger(event.desired) || event.desired < g.minSize || event.desired > g.maxSize) {
      throw new SimError('ValidationError', `Desired capacity:${event.desired} must be between the specified min size:${g.minSize} and max size:${g.maxSize} of ${g.logicalId ?? g.name}`, event.path);
    }
    return true;
  }

  start(ctx: SimContext): void {
    for (const run of this.runs.values()) {
      if (run.tracking.length || run.alarms.length) ctx.after(METRIC_PERIOD, this, { kind: 'metric', group: run.group.name } satisfies Timer);
      for (const action of ctx.cloud.table(AUTOSCALING.scheduledAction).values()) {
        if (action.group !== run.group.name) continue;
        for (const t of scheduleOf(action, Infinity)) if (t >= 0) ctx.after(Math.max(1, t), this, { kind: 'scheduled', group: run.group.name, action } satisfies Timer);
      }
    }
    this.publish(ctx);
  }

  act(ctx: SimContext, event: Extract<ScenarioEvent, { action: 'promote' | 'scale' }>): void {
    if (event.action !== 'scale') return;
    const run = this.runs.get(findGroup(ctx.cloud, event.group)!.name)!;
    this.setDesired(ctx, run, event.desired, 'the scenario set the desired capacity');
  }

  /**
   * The failover runbook's compute step (DR-02): each group of `region` is scaled to the
   * desired capacity of its counterpart (the group with the same logical id in another
   * region's template), else to its MaxSize, never above MaxSize; a group already at or over
   * that is left as it is. Each step is on the timeline.
   */
  scaleForFailover(ctx: SimContext, region: string, cause: string): void {
    const groups = [...ctx.cloud.table(AUTOSCALING.group).values()];
    for (const run of this.runs.values()) {
      if (run.group.region !== region) continue;
      const twin = run.group.logicalId === undefined ? undefined : groups.find((g) => g.region !== region && g.logicalId === run.group.logicalId);
      const wanted = twin ? (this.runs.get(twin.name)?.desired ?? twin.desiredCapacity) : run.max;
      const target = Math.min(run.max, wanted);
      const why = twin ? `${cause}: the desired capacity of ${twin.logicalId} in ${twin.region}${wanted > run.max ? `, held to MaxSize ${run.max}` : ''}` : `${cause}: no counterpart in another region, so its MaxSize`;
      if (target > run.desired) this.setDesired(ctx, run, target, why);
      else ctx.emit('failover-step', run.label, `${run.label} keeps its desired capacity ${run.desired} (${why} is ${target})`);
    }
  }

  observe(ctx: SimContext): void {
    for (const run of this.runs.values()) {
      for (const m of run.members) {
        if (m.state !== 'pending' && m.state !== 'in-service') continue;
        const down = ctx.heldByOthers(this, m.id);
        if (down && m.impairedSince === undefined) {
          m.impairedSince = ctx.now;
          ctx.after(IMPAIRED_SECONDS, this, { kind: 'impaired', group: run.group.name, id: m.id, generation: m.generation } satisfies Timer);
        } else if (!down) m.impairedSince = undefined;
      }
      this.reconcile(ctx, run, 'a zone is available again');
    }
  }

  timer(ctx: SimContext, payload: unknown): void {
    const p = payload as Timer;
    const run = this.runs.get(p.group);
    if (!run) return;
    if (p.kind === 'metric') return this.evaluateMetrics(ctx, run);
    if (p.kind === 'scheduled') return this.scheduled(ctx, run, p.action);
    const m = run.members.find((x) => x.id === p.id);
    if (!m || m.generation !== p.generation) return;
    if (p.kind === 'in-service' && m.state === 'pending') {
      m.state = 'in-service';
      m.inServiceAt = ctx.now;
      ctx.emit('in-service', run.label, `${m.name} is in service in ${m.zone}${run.group.targetGroupArns.length ? ', registered with its target groups' : ''}`);
      this.elb?.register(ctx, m.id);
      if (m.rebalance) {
        m.rebalance = false;
        const victim = this.pickToTerminate(run);
        if (victim) this.scaleIn(ctx, run, victim, 'rebalancing the zones (AZRebalance)');
      }
      this.reconcile(ctx, run, 'keeping the desired capacity');
      ctx.changed();
    } else if (p.kind === 'terminated' && m.state === 'draining') {
      this.terminateNow(ctx, run, m);
      this.publish(ctx);
    } else if (p.kind === 'impaired' && (m.state === 'pending' || m.state === 'in-service') && ctx.heldByOthers(this, m.id)) {
      ctx.emit('instance-unhealthy', run.label, `${m.name} is unhealthy: its status checks have failed for ${IMPAIRED_SECONDS} s (EC2 health check); terminating and replacing it`);
      this.terminateNow(ctx, run, m);
      this.reconcile(ctx, run, 'replacing an unhealthy instance');
      ctx.changed();
    } else if (p.kind === 'grace-over' && m.state === 'in-service' && this.elb?.healthOf(m.id) === 'unhealthy') {
      this.elbUnhealthy(ctx, m.id);
    }
  }

  load(ctx: SimContext, byInterface: ReadonlyMap<string, InterfaceLoad>): void {
    this.integrate(ctx.now);
    this.loads = byInterface;
  }

  capacity(): undefined {
    return undefined;
  }

  /** In-service instances per group and zone, and each group's desired capacity. */
  sample(): Record<string, Record<string, number>> {
    if (this.runs.size === 0) return {};
    const instances: Record<string, number> = {};
    const desired: Record<string, number> = {};
    for (const run of this.runs.values()) {
      for (const z of run.group.availabilityZones) instances[`${run.label}/${z}`] = run.members.filter((m) => m.zone === z && m.state === 'in-service').length;
      desired[run.label] = run.desired;
    }
    return { groupInstances: instances, desiredCapacity: desired };
  }

  private addRun(pool: GroupPool): void {
    const g = pool.group;
    const policies = [...this.cloud.table(AUTOSCALING.policy).values()].filter((p) => p.group === g.name && p.policyType === 'TargetTrackingScaling' && p.targetTracking && !p.targetTracking.custom);
    const members: Member[] = [];
    for (const [zone, ids] of pool.byZone) {
      for (const id of ids) {
        const inst = this.cloud.instances.get(id)!;
        const name = inst.logicalId ?? id;
        const initial = pool.initial.includes(id);
        members.push({ id, name, zone, eniId: inst.networkInterfaceIds[0], rps: this.rate(this.instanceTypes.get(name) ?? DEFAULT_INSTANCE_TYPE), state: initial ? 'in-service' : 'spare', inServiceAt: -Infinity, generation: 0, cpuSeconds: 0, requests: 0 });
        if (!initial) this.held.add(id);
      }
    }
    // ASG-10: a policy's warm-up, else the group's default, else its cooldown.
    const warmup = g.defaultInstanceWarmup !== undefined && g.defaultInstanceWarmup >= 0 ? g.defaultInstanceWarmup : g.cooldown;
    this.runs.set(g.name, { group: g, label: g.logicalId ?? g.name, pool, members, desired: g.desiredCapacity, min: g.minSize, max: g.maxSize, warmup, tracking: policies.map((p) => new Tracking(p)), launchBlocked: false, alarms: groupAlarms(this.cloud, g, warmup) });
  }

  private publish(ctx: SimContext): void {
    // setDown keeps a copy of its own.
    ctx.setDown(this, this.held);
  }

  private active(run: Run): Member[] {
    return run.members.filter((m) => m.state === 'pending' || m.state === 'in-service');
  }

  /** What counts toward the desired capacity: a rebalancing launch is extra until it is in service and another goes. */
  private counted(run: Run): Member[] {
    return this.active(run).filter((m) => !(m.rebalance && m.state === 'pending'));
  }

  private setDesired(ctx: SimContext, run: Run, desired: number, cause: string): void {
    const d = Math.min(run.max, Math.max(run.min, desired));
    if (d === run.desired) return;
    ctx.emit('desired-capacity', run.label, `${run.label}: desired capacity ${run.desired} → ${d} (${cause})`);
    run.desired = d;
    this.reconcile(ctx, run, cause);
  }

  /** Launches or scales in until the group has its desired capacity; then rebalances its zones. */
  private reconcile(ctx: SimContext, run: Run, cause: string): void {
    let counted = this.counted(run);
    while (counted.length < run.desired) {
      if (!this.launch(ctx, run, cause)) break;
      counted = this.counted(run);
    }
    while (counted.length > run.desired) {
      const victim = this.pickToTerminate(run);
      if (!victim) break;
      this.scaleIn(ctx, run, victim, cause);
      counted = this.counted(run);
    }
    if (counted.length === run.desired && !this.active(run).some((m) => m.state === 'pending')) this.rebalance(ctx, run);
    this.publish(ctx);
  }

  private zoneCounts(ctx: SimContext, run: Run): Map<string, number> {
    const counts = new Map<string, number>();
    for (const z of [...run.group.availabilityZones].sort()) {
      if (run.members.some((m) => m.zone === z && m.state === 'spare' && !ctx.heldByOthers(this, m.id))) counts.set(z, 0);
    }
    for (const m of this.active(run)) if (counts.has(m.zone)) counts.set(m.zone, counts.get(m.zone)! + 1);
    return counts;
  }

  private launch(ctx: SimContext, run: Run, cause: string, rebalance = false): boolean {
    const counts = this.zoneCounts(ctx, run);
    let zone: string | undefined;
    for (const [z, n] of counts) if (zone === undefined || n < counts.get(zone)!) zone = z;
    const m = zone === undefined ? undefined : run.members.find((x) => x.zone === zone && x.state === 'spare' && !ctx.heldByOthers(this, x.id));
    if (!m) {
      if (!run.launchBlocked) ctx.emit('launch-failed', run.label, `${run.label} cannot launch: none of its zones (${run.group.availabilityZones.join(', ')}) is available`);
      run.launchBlocked = true;
      return false;
    }
    run.launchBlocked = false;
    m.state = 'pending';
    m.generation++;
    m.rebalance = rebalance;
    this.held.delete(m.id);
    ctx.emit('scaling-launch', run.label, `Launching ${m.name} in ${m.zone}: ${cause}`);
    ctx.after(LAUNCH_SECONDS, this, { kind: 'in-service', group: run.group.name, id: m.id, generation: m.generation } satisfies Timer);
    return true;
  }

  /** The newest instance of the zone with the most (pending ones first). */
  private pickToTerminate(run: Run): Member | undefined {
    const active = this.counted(run);
    const counts = new Map<string, number>();
    for (const m of active) counts.set(m.zone, (counts.get(m.zone) ?? 0) + 1);
    let zone: string | undefined;
    for (const [z, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) if (zone === undefined || n > counts.get(zone)!) zone = z;
    const inZone = active.filter((m) => m.zone === zone);
    return inZone.find((m) => m.state === 'pending') ?? inZone.at(-1);
  }

  private scaleIn(ctx: SimContext, run: Run, m: Member, cause: string): void {
    m.generation++;
    ctx.emit('scaling-terminate', run.label, `Terminating ${m.name} in ${m.zone}: ${cause}`);
    const delay = m.state === 'in-service' ? this.elb?.deregister(ctx, m.id) ?? 0 : 0;
    if (delay > 0) {
      m.state = 'draining';
      ctx.after(delay, this, { kind: 'terminated', group: run.group.name, id: m.id, generation: m.generation } satisfies Timer);
    } else this.terminateNow(ctx, run, m);
  }

  private terminateNow(ctx: SimContext, run: Run, m: Member): void {
    if (m.state === 'in-service') this.elb?.deregister(ctx, m.id);
    m.state = 'terminated';
    m.generation++;
    this.held.add(m.id);
    // A terminated instance's place in the pool can be launched again, as a new instance would be.
    const spare = run.members.indexOf(m);
    run.members.splice(spare, 1);
    run.members.push({ ...m, state: 'spare', generation: m.generation + 1, inServiceAt: -Infinity, impairedSince: undefined, cpuSeconds: 0, requests: 0 });
  }

  private rebalance(ctx: SimContext, run: Run): void {
    const counts = this.zoneCounts(ctx, run);
    if (counts.size < 2) return;
    const values = [...counts.values()];
    if (Math.max(...values) - Math.min(...values) <= 1) return;
    if (this.active(run).length + 1 > run.max + rebalanceMargin(run.max)) return;
    this.launch(ctx, run, 'rebalancing the zones (AZRebalance): launching in the emptiest zone before terminating in the fullest', true);
  }

  private elbUnhealthy(ctx: SimContext, instanceId: string): void {
    for (const run of this.runs.values()) {
      if (run.group.healthCheckType !== 'ELB') continue;
      const m = run.members.find((x) => x.id === instanceId && x.state === 'in-service');
      if (!m) continue;
      const graceEnds = m.inServiceAt + run.group.healthCheckGracePeriod;
      if (ctx.now < graceEnds) {
        ctx.after(graceEnds - ctx.now, this, { kind: 'grace-over', group: run.group.name, id: m.id, generation: m.generation } satisfies Timer);
        continue;
      }
      ctx.emit('instance-unhealthy', run.label, `${m.name} is unhealthy: its target group reports it unhealthy (ELB health check); terminating and replacing it`);
      this.terminateNow(ctx, run, m);
      this.reconcile(ctx, run, 'replacing an unhealthy instance');
      ctx.changed();
    }
  }

  private integrate(now: number): void {
    const span = now - this.loadSince;
    this.loadSince = now;
    if (span <= 0) return;
    for (const run of this.runs.values()) {
      for (const m of run.members) {
        if (m.state !== 'in-service' || !m.eniId) continue;
        const l = this.loads.get(m.eniId);
        if (!l) continue;
        m.cpuSeconds += Math.min(100, (100 * l.served) / m.rps) * span;
        m.requests += l.offered * span;
      }
    }
  }

  /** One datapoint a minute of each target-tracking policy's metric, over the instances past their warm-up. */
  private evaluateMetrics(ctx: SimContext, run: Run): void {
    this.integrate(ctx.now);
    const inService = run.members.filter((m) => m.state === 'in-service');
    const measured = inService.filter((m) => ctx.now - m.inServiceAt >= run.warmup + METRIC_PERIOD);
    const warming = this.active(run).length - measured.length;
    const cpu = measured.length ? measured.reduce((n, m) => n + m.cpuSeconds, 0) / METRIC_PERIOD / measured.length : undefined;
    const requests = measured.length ? measured.reduce((n, m) => n + m.requests, 0) / measured.length : undefined;
    if (run.alarms.length) this.evaluateAlarms(ctx, run, this.minuteMetrics(ctx, run));
    for (const m of run.members) {
      m.cpuSeconds = 0;
      m.requests = 0;
    }
    const wants = run.tracking.map((t) => t.datapoint(t.metric === 'ASGAverageCPUUtilization' ? cpu : t.metric === 'ALBRequestCountPerTarget' ? requests : undefined, measured.length, warming));
    const want = combine(wants, run.desired);
    if (want) this.setDesired(ctx, run, want.desired, `target tracking: ${want.why}`);
    ctx.after(METRIC_PERIOD, this, { kind: 'metric', group: run.group.name } satisfies Timer);
  }

  private minuteMetrics(ctx: SimContext, run: Run): MinuteMetrics {
    const past = (warmup: number) => run.members.filter((m) => m.state === 'in-service' && ctx.now - m.inServiceAt >= warmup + METRIC_PERIOD);
    return {
      cpu: (w) => {
        const ms = past(w);
        return ms.length ? ms.reduce((n, m) => n + m.cpuSeconds, 0) / METRIC_PERIOD / ms.length : undefined;
      },
      requests: (w) => {
        const ms = past(w);
        return ms.length ? ms.reduce((n, m) => n + m.requests, 0) / ms.length : undefined;
      },
      warming: (w) => this.active(run).length - past(w).length,
    };
  }

  /** Alarms on the group's metrics (asg-alarms.ts): state changes, then each policy of an alarm in ALARM at each evaluation. */
  private evaluateAlarms(ctx: SimContext, run: Run, metrics: MinuteMetrics): void {
    for (const play of run.alarms) {
      const { changed, evaluated } = play.minute(metrics);
      if (changed) ctx.emit('alarm-state', run.label, `alarm ${play.label} → ${play.state} (${play.alarm.metricName} ${play.last === undefined ? 'no data' : round1(play.last)}, ${play.alarm.comparison} ${play.alarm.threshold}, ${play.alarm.datapointsToAlarm} of ${play.alarm.evaluationPeriods} datapoints)`);
      if (!evaluated || play.state !== 'ALARM') continue;
      for (const policy of play.policies) {
        if (policy.policyType === 'SimpleScaling' && this.simpleBusy(ctx, run)) continue;
        const warmup = policy.estimatedInstanceWarmup ?? run.warmup;
        const activity = activityOf(play, policy, run.desired, metrics.warming(warmup), { min: run.min, max: run.max });
        if (!activity) continue;
        const before = new Set(this.active(run).map((m) => m.id));
        this.setDesired(ctx, run, activity.desired, activity.why);
        if (policy.policyType === 'SimpleScaling') {
          run.simple = { launched: this.active(run).filter((m) => !before.has(m.id)).map((m) => m.id), cooldown: policy.cooldown ?? run.group.cooldown, at: ctx.now };
        }
      }
    }
  }

  /** ASG-09: a simple scaling activity holds further ones until its launches are in service and the cooldown after the last has passed. */
  private simpleBusy(ctx: SimContext, run: Run): boolean {
    const s = run.simple;
    if (!s) return false;
    const launched = run.members.filter((m) => s.launched.includes(m.id));
    if (launched.some((m) => m.state === 'pending')) return true;
    const done = Math.max(s.at, ...launched.map((m) => (Number.isFinite(m.inServiceAt) ? m.inServiceAt : s.at)));
    return ctx.now < done + s.cooldown;
  }

  /** ASG-11: sets the limits and the desired capacity the action gives; the limits bound the desired. */
  private scheduled(ctx: SimContext, run: Run, a: ScheduledAction): void {
    if (a.minSize !== undefined) run.min = a.minSize;
    if (a.maxSize !== undefined) run.max = a.maxSize;
    const desired = Math.min(run.max, Math.max(run.min, a.desiredCapacity ?? run.desired));
    ctx.emit('scheduled-action', run.label, `scheduled action ${a.logicalId ?? a.name}: ${[a.minSize !== undefined ? `MinSize ${a.minSize}` : '', a.maxSize !== undefined ? `MaxSize ${a.maxSize}` : '', a.desiredCapacity !== undefined ? `DesiredCapacity ${a.desiredCapacity}` : ''].filter(Boolean).join(', ')}`);
    if (desired !== run.desired) this.setDesired(ctx, run, desired, `scheduled action ${a.logicalId ?? a.name}`);
    else this.reconcile(ctx, run, `scheduled action ${a.logicalId ?? a.name}`);
  }
}

/** When a scheduled action fires on the simulation's clock: its StartTime, or its Recurrence between StartTime and EndTime. */
export function scheduleOf(a: ScheduledAction, duration: number): number[] {
  const from = a.startTime ? clockSeconds(a.startTime) : 0;
  const until = a.endTime ? clockSeconds(a.endTime) : Infinity;
  if (!a.recurrence) return a.startTime ? [from] : [];
  const limit = Math.min(duration, 30 * 86400);
  return (cronTimes(a.recurrence, limit) ?? []).filter((t) => t >= from && t <= until);
}

function round1(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** The group a scenario names: by logical id or name, `region/LogicalId` telling two regions' groups apart. */
function findGroup(cloud: Cloud, name: string): AutoScalingGroup | undefined {
  const slash = name.lastIndexOf('/');
  const prefix = slash > 0 ? name.slice(0, slash) : undefined;
  const bare = slash >= 0 ? name.slice(slash + 1) : name;
  const region = prefix !== undefined && isRegion(prefix) ? prefix : undefined;
  const found = [...cloud.table(AUTOSCALING.group).values()].filter((g) => (!region || g.region === region) && (g.logicalId === bare || g.name === bare));
  return found.length === 1 ? found[0] : undefined;
}
