import type { Cloud } from '../cloud.js';
import { ELBV2 } from '../elbv2/kinds.js';
import type { LoadBalancer } from '../elbv2/load-balancer.js';
import { findLoadBalancer, findTargetGroup, groupLabel, lbLabel } from './elb-find.js';
import { TargetHealth } from './elb-health.js';
import { lbRoute, type TargetState } from './elb-shares.js';
import { groupTargets, lbAnswer, type LbAnswer, type LbNode, lbNodes, type LbTarget } from './lb-paths.js';
import type { EndRef } from './network-view.js';
import type { Claim, Participant, Route, SimContext } from './participant.js';
import { SimError } from './errors.js';
import type { Protocol, ScenarioPath, Target } from './scenario.js';

export const ELB_SERVICE = 'Elastic Load Balancing';

/** A registered target of a target group that a load balancer uses, with its health. */
interface Tracked {
  info: LbTarget;
  lb: LoadBalancer;
  health: TargetHealth;
}

type Timer = { kind: 'health'; key: string; generation: number; to: TargetState } | { kind: 'drained'; key: string; generation: number };

/**
 * Elastic Load Balancing over time: a load balancer is a traffic end (by logical id, name, ARN
 * or DNS name) and a failure target (failing it drops every request sent to it). Its requests
 * go over its nodes in service (a node is down with its zone) to its targets as elb-shares.ts
 * spreads them. Each target group health-checks its targets (elb-health.ts); the targets of
 * the submission start healthy when their checks pass (they were deployed before the scenario
 * starts) and unhealthy when they do not. Until a target that went down fails its checks, the
 * requests sent to it are dropped (the network no longer reaches it). Auto scaling registers
 * and deregisters its instances (`register`, `deregister`: draining for the group's
 * deregistration delay, ELB-19) and reads their health (`healthOf`).
 */
export class ElbParticipant implements Participant {
  readonly service = ELB_SERVICE;
  private readonly failed = new Set<string>();
  private readonly answers = new Map<string, LbAnswer>();
  /** Each load balancer's nodes, found once: the cloud played does not change, and a health check asks for them. */
  private readonly nodes = new Map<string, LbNode[]>();
  private targets?: Map<string, Tracked>;
  private readonly openGroups = new Set<string>();
  /** Instances that are not registered when the scenario starts (a group's instances not launched). */
  private readonly unregistered = new Set<string>();
  private readonly unhealthyListeners: ((ctx: SimContext, instanceId: string) => void)[] = [];

  /** Calls `f` when an instance target becomes unhealthy (auto scaling's ELB health check). */
  onTargetUnhealthy(f: (ctx: SimContext, instanceId: string) => void): void {
    this.unhealthyListeners.push(f);
  }

  resolveEnd(cloud: Cloud, text: string, path: ScenarioPath): EndRef | undefined {
    const lb = findLoadBalancer(cloud, text);
    if (lb) return { kind: 'service', name: text, service: ELB_SERVICE, id: lb.arn };
    const part = partOfLoadBalancer(cloud, text);
    if (part) throw new SimError('InvalidEnd', `${text} is ${part.noun}, which is not a traffic end; send the traffic to its load balancer${part.lb ? ` (${part.lb})` : ''}`, path);
    return undefined;
  }

  claim(cloud: Cloud, target: Target, path: ScenarioPath): Claim | undefined {
    if (target.kind !== 'resource') return undefined;
    const lb = findLoadBalancer(cloud, target.name);
    if (!lb) {
      const part = partOfLoadBalancer(cloud, target.name);
      if (part) throw new SimError('NotFailable', `${target.name} is ${part.noun}, which does not fail on its own; fail its load balancer${part.lb ? ` (${part.lb})` : ''}, its targets, their zone or their region`, path);
      return undefined;
    }
    return { key: `lb:${lb.arn}`, resources: [], label: `load balancer ${lbLabel(lb)}`, resource: lb.logicalId ?? lb.arn };
  }

  /** Before the run: these instances are not registered at the start (their group has not launched them). */
  startUnregistered(instanceIds: Iterable<string>): void {
    for (const id of instanceIds) this.unregistered.add(id);
  }

  start(ctx: SimContext): void {
    this.targets = new Map();
    for (const group of ctx.cloud.table(ELBV2.targetGroup).values()) {
      const lb = group.loadBalancerArns.length ? ctx.cloud.table(ELBV2.loadBalancer).get(group.loadBalancerArns[0]) : undefined;
      if (!lb) continue;
      for (const info of groupTargets(ctx.cloud, group)) {
        const registered = !(info.instanceId && this.unregistered.has(info.instanceId));
        const up = registered && this.checkPasses(ctx, lb, info) === true;
        this.targets.set(info.key, { info, lb, health: new TargetHealth(group.healthCheck, registered ? (up ? 'healthy' : 'unhealthy') : 'unused', up, 0) });
      }
    }
    this.noteFailOpen(ctx);
  }

  observe(ctx: SimContext): void {
    for (const t of this.tracked()) {
      if (t.health.state === 'unused' || t.health.state === 'draining') continue;
      const up = this.checkPasses(ctx, t.lb, t.info);
      if (up === undefined || up === t.health.up) continue;
      t.health.up = up;
      this.schedule(ctx, t);
    }
  }

  timer(ctx: SimContext, payload: unknown): void {
    const p = payload as Timer;
    const t = this.targets?.get(p.key);
    if (!t || t.health.generation !== p.generation) return;
    const name = `${t.info.end?.name ?? t.info.target.id} in ${groupLabel(t.info.group)}`;
    if (p.kind === 'drained') {
      t.health.state = 'unused';
      ctx.emit('target-deregistered', groupLabel(t.info.group), `${name}: deregistered after its deregistration delay of ${drainSeconds(t)} s`);
    } else {
      const was = t.health.state;
      t.health.state = p.to;
      const hc = t.health.check;
      ctx.emit(
        p.to === 'healthy' ? 'target-healthy' : 'target-unhealthy',
        groupLabel(t.info.group),
        p.to === 'healthy'
          ? `${name} is healthy: ${was === 'initial' ? 'its first health check passed' : `${hc.healthyThreshold} health checks in a row passed (every ${hc.intervalSeconds} s)`}`
          : `${name} is unhealthy: ${hc.unhealthyThreshold} health checks in a row failed (every ${hc.intervalSeconds} s, timeout ${hc.timeoutSeconds} s)`,
      );
    }
    ctx.changed();
    this.noteFailOpen(ctx);
    if (p.kind === 'health' && p.to === 'unhealthy' && t.info.instanceId) for (const f of this.unhealthyListeners) f(ctx, t.info.instanceId);
  }

  route(ctx: SimContext, end: Extract<EndRef, { kind: 'service' }>, port: number, protocol: Protocol): Route {
    const lb = ctx.cloud.table(ELBV2.loadBalancer).get(end.id)!;
    if (this.failed.has(`lb:${lb.arn}`)) return { shares: [], dropped: `load balancer ${lbLabel(lb)} is down` };
    const answer = this.answer(ctx.cloud, lb, port, protocol);
    const live = answer.kind === 'refused' ? answer : { ...answer, nodes: answer.nodes.filter((n) => n.end.kind !== 'interface' || !ctx.down.has(n.end.eniId)) };
    return lbRoute(lb, live, (t) => this.targets?.get(t.key)?.health.state ?? 'unused').route;
  }

  /** Registers an instance with every target group that lists it (ELB-23): `initial` until its first check passes. */
  register(ctx: SimContext, instanceId: string): void {
    for (const t of this.tracked()) {
      if (t.info.instanceId !== instanceId) continue;
      t.health.state = 'initial';
      t.health.registeredAt = ctx.now;
      t.health.up = this.checkPasses(ctx, t.lb, t.info) === true;
      this.schedule(ctx, t);
    }
    ctx.changed();
  }

  /** Deregisters an instance (ELB-19): draining, no new requests, for the longest deregistration delay of its groups, returned. */
  deregister(ctx: SimContext, instanceId: string): number {
    let longest = 0;
    for (const t of this.tracked()) {
      if (t.info.instanceId !== instanceId || t.health.state === 'unused' || t.health.state === 'draining') continue;
      t.health.state = 'draining';
      t.health.generation++;
      const delay = drainSeconds(t);
      longest = Math.max(longest, delay);
      ctx.emit('target-draining', groupLabel(t.info.group), `${t.info.end?.name ?? instanceId} in ${groupLabel(t.info.group)} is draining: no new requests for ${delay} s`);
      if (delay > 0) ctx.after(delay, this, { kind: 'drained', key: t.info.key, generation: t.health.generation } satisfies Timer);
      else t.health.state = 'unused';
    }
    ctx.changed();
    this.noteFailOpen(ctx);
    return longest;
  }

  /** An instance's health as its target groups see it: unhealthy when any of them says so; undefined when none has it registered. */
  healthOf(instanceId: string): TargetState | undefined {
    let out: TargetState | undefined;
    for (const t of this.tracked()) {
      if (t.info.instanceId !== instanceId || t.health.state === 'unused') continue;
      if (t.health.state === 'unhealthy') return 'unhealthy';
      out = t.health.state;
    }
    return out;
  }

  /** Healthy targets per target group and zone. */
  sample(): Record<string, Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of this.tracked()) {
      const k = `${groupLabel(t.info.group)}/${t.info.zone ?? 'no zone'}`;
      out[k] = (out[k] ?? 0) + (t.health.state === 'healthy' ? 1 : 0);
    }
    return Object.keys(out).length ? { healthyTargets: out } : {};
  }

  fail(ctx: SimContext, claim: Claim): void {
    this.failed.add(claim.key);
    ctx.emit('failed', claim.resource, `${claim.label} failed: every request sent to it is dropped`);
  }

  recover(ctx: SimContext, claim: Claim): void {
    const was = this.failed.delete(claim.key);
    ctx.emit('recovered', claim.resource, `${claim.label} recovered${was ? '' : ' (it had not failed)'}`);
  }

  private tracked(): Iterable<Tracked> {
    return this.targets?.values() ?? [];
  }

  private schedule(ctx: SimContext, t: Tracked): void {
    t.health.generation++;
    const next = t.health.transition(ctx.now);
    if (next) ctx.after(next.at - ctx.now, this, { kind: 'health', key: t.info.key, generation: t.health.generation, to: next.to } satisfies Timer);
  }

  /** Does a health check pass now: the target is up and a node in service reaches it on the check port? Undefined when no node is in service to check. */
  private checkPasses(ctx: SimContext, lb: LoadBalancer, info: LbTarget): boolean | undefined {
    if (!info.end || info.port === undefined) return false;
    if (info.instanceId && ctx.down.has(info.instanceId)) return false;
    let nodes = this.nodes.get(lb.arn);
    if (!nodes) this.nodes.set(lb.arn, (nodes = lbNodes(ctx.cloud, lb)));
    const node = nodes.find((n) => n.end.kind === 'interface' && !ctx.down.has(n.end.eniId));
    if (!node) return undefined;
    const hc = info.group.healthCheck;
    const port = hc.port === 'traffic-port' ? info.port : Number(hc.port);
    return ctx.reaches(node.end, info.end, port, 'tcp');
  }

  /** ELB-17: the timeline says when a target group starts and stops failing open. */
  private noteFailOpen(ctx: SimContext): void {
    const byGroup = new Map<string, Tracked[]>();
    for (const t of this.tracked()) {
      if (t.health.state === 'unused' || t.health.state === 'draining') continue;
      const list = byGroup.get(t.info.group.arn) ?? [];
      list.push(t);
      byGroup.set(t.info.group.arn, list);
    }
    for (const [arn, list] of byGroup) {
      const open = list.every((t) => t.health.state !== 'healthy') && list.some((t) => t.health.state === 'unhealthy');
      const g = groupLabel(list[0].info.group);
      if (open && !this.openGroups.has(arn)) {
        this.openGroups.add(arn);
        ctx.emit('fail-open', g, `every registered target of ${g} is unhealthy: ${lbLabel(list[0].lb)} fails open and routes to all of them`);
      } else if (!open && this.openGroups.has(arn)) {
        this.openGroups.delete(arn);
        ctx.emit('fail-open-ended', g, `${g} has a healthy target again: requests go to its healthy targets only`);
      }
    }
    for (const arn of [...this.openGroups]) if (!byGroup.has(arn)) this.openGroups.delete(arn);
  }

  private answer(cloud: Cloud, lb: LoadBalancer, port: number, protocol: Protocol): LbAnswer {
    const key = `${lb.arn}|${port}|${protocol}`;
    let a = this.answers.get(key);
    if (!a) {
      a = lbAnswer(cloud, lb, port, protocol);
      this.answers.set(key, a);
    }
    return a;
  }
}

function drainSeconds(t: Tracked): number {
  const v = Number(t.info.group.attributes['deregistration_delay.timeout_seconds'] ?? '300');
  return Number.isFinite(v) && v >= 0 ? v : 300;
}

/** A target group or a listener named by the text, with its load balancer's name. */
function partOfLoadBalancer(cloud: Cloud, text: string): { noun: string; lb?: string } | undefined {
  const lbOf = (arn: string | undefined): string | undefined => {
    const lb = arn ? cloud.table(ELBV2.loadBalancer).get(arn) : undefined;
    return lb ? lbLabel(lb) : undefined;
  };
  const tg = findTargetGroup(cloud, text);
  if (tg) return { noun: 'a target group', lb: lbOf(tg.loadBalancerArns[0]) };
  const listener = [...cloud.table(ELBV2.listener).values()].find((l) => l.logicalId === text.trim() || l.arn === text.trim());
  if (listener) return { noun: 'a listener', lb: lbOf(listener.loadBalancerArn) };
  return undefined;
}
