import type { Cloud } from '../cloud.js';
import { ELBV2 } from '../elbv2/kinds.js';
import type { LoadBalancer } from '../elbv2/load-balancer.js';
import { findLoadBalancer, findTargetGroup, lbLabel } from './elb-find.js';
import { lbRoute, type TargetState } from './elb-shares.js';
import { lbAnswer, type LbAnswer, type LbTarget } from './lb-paths.js';
import type { EndRef } from './network-view.js';
import type { Claim, Participant, Route, SimContext } from './participant.js';
import { SimError } from './errors.js';
import type { Protocol, ScenarioPath, Target } from './scenario.js';

export const ELB_SERVICE = 'Elastic Load Balancing';

/**
 * Elastic Load Balancing over time: a load balancer is a traffic end (by logical id, name, ARN
 * or DNS name) and a failure target (failing it drops every request sent to it). Its requests
 * go over its nodes to its targets as elb-shares.ts spreads them.
 */
export class ElbParticipant implements Participant {
  readonly service = ELB_SERVICE;
  private readonly failed = new Set<string>();
  private readonly answers = new Map<string, LbAnswer>();

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

  fail(ctx: SimContext, claim: Claim): void {
    this.failed.add(claim.key);
    ctx.emit('failed', claim.resource, `${claim.label} failed: every request sent to it is dropped`);
  }

  recover(ctx: SimContext, claim: Claim): void {
    const was = this.failed.delete(claim.key);
    ctx.emit('recovered', claim.resource, `${claim.label} recovered${was ? '' : ' (it had not failed)'}`);
  }

  route(ctx: SimContext, end: Extract<EndRef, { kind: 'service' }>, port: number, protocol: Protocol): Route {
    const lb = this.lb(ctx.cloud, end.id);
    if (this.failed.has(`lb:${lb.arn}`)) return { shares: [], dropped: `load balancer ${lbLabel(lb)} is down` };
    return lbRoute(lb, this.answer(ctx.cloud, lb, port, protocol), (t) => this.state(t)).route;
  }

  /** The state of a target now; every registered target is healthy. */
  protected state(t: LbTarget): TargetState {
    void t;
    return 'healthy';
  }

  protected lb(cloud: Cloud, arn: string): LoadBalancer {
    return cloud.table(ELBV2.loadBalancer).get(arn)!;
  }

  protected answer(cloud: Cloud, lb: LoadBalancer, port: number, protocol: Protocol): LbAnswer {
    const key = `${lb.arn}|${port}|${protocol}`;
    let a = this.answers.get(key);
    if (!a) {
      a = lbAnswer(cloud, lb, port, protocol);
      this.answers.set(key, a);
    }
    return a;
  }
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
