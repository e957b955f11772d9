import type { Cloud } from '../cloud.js';
import type { NetworkInterface } from '../ec2/network-interface.js';
import { parseIp } from '../address.js';
import type { Action, ForwardAction } from './actions.js';
import { ELBV2 } from './kinds.js';
import type { Listener, ListenerRule } from './listener.js';
import type { LoadBalancer } from './load-balancer.js';
import type { Target, TargetGroup } from './target-group.js';

/**
 * What a load balancer does with a connection that arrives on a port: the listener on that port
 * (at most one, ELB-12), the actions it may take (the default rule and, on an application load
 * balancer, its rules by priority), the target groups those actions forward to, and each
 * target's address and port. The one place that answers it: the trace, `reach`, `describe` and
 * the simulation all ask here.
 */

/** The listeners of a load balancer, by port. */
export function listenersOf(cloud: Cloud, lb: LoadBalancer): Listener[] {
  return [...cloud.table(ELBV2.listener).values()].filter((l) => l.loadBalancerArn === lb.arn).sort((a, b) => a.port - b.port);
}

/** The listener on a port, if there is one. */
export function listenerOn(cloud: Cloud, lb: LoadBalancer, port: number): Listener | undefined {
  return listenersOf(cloud, lb).find((l) => l.port === port);
}

/** A listener's rules besides the default one, by priority. */
export function rulesOf(cloud: Cloud, l: Listener): ListenerRule[] {
  return [...cloud.table(ELBV2.rule).values()].filter((r) => r.listenerArn === l.arn).sort((a, b) => a.priority - b.priority);
}

/** The action that decides (forward, redirect or fixed-response), after any authenticate step. */
export function terminalAction(actions: readonly Action[]): Action | undefined {
  return [...actions].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).find((a) => a.type === 'forward' || a.type === 'redirect' || a.type === 'fixed-response');
}

/** One way a listener can answer: its default rule (`rule` undefined) or one of its rules. */
export interface ListenerPath {
  listener: Listener;
  rule?: ListenerRule;
  action: Action | undefined;
  /** The target groups of a forward action, with their weights; empty for redirect and fixed-response. */
  targetGroups: { group: TargetGroup; weight: number }[];
}

/** The default rule first, then the rules by priority: every way a connection on the listener may go. */
export function listenerPaths(cloud: Cloud, l: Listener): ListenerPath[] {
  const path = (actions: readonly Action[], rule?: ListenerRule): ListenerPath => {
    const action = terminalAction(actions);
    return { listener: l, ...(rule ? { rule } : {}), action, targetGroups: action?.type === 'forward' ? forwardGroups(cloud, action) : [] };
  };
  return [path(l.defaultActions), ...rulesOf(cloud, l).map((r) => path(r.actions, r))];
}

/** The target groups a forward action sends to; a weight of 0 still counts as a group, which receives nothing. */
export function forwardGroups(cloud: Cloud, a: ForwardAction): { group: TargetGroup; weight: number }[] {
  const out: { group: TargetGroup; weight: number }[] = [];
  for (const t of a.targetGroups) {
    const group = cloud.table(ELBV2.targetGroup).get(t.arn);
    if (group) out.push({ group, weight: t.weight });
  }
  return out;
}

/** The port a target receives traffic on: its own, else the target group's (ELB-14). */
export function targetPort(group: TargetGroup, t: Target): number | undefined {
  return t.port ?? group.port;
}

/**
 * The network interface traffic to a target arrives at: an instance's primary interface, or the
 * interface that holds an ip target's private address in the group's VPC. Undefined for a Lambda
 * or ALB target, an address outside the VPC (a peered or on-premises address), or a target that
 * is gone (an instance deleted in a simulated failure).
 */
export function targetInterface(cloud: Cloud, group: TargetGroup, t: Target): NetworkInterface | undefined {
  if (group.targetType === 'instance') {
    const inst = cloud.instances.get(t.id);
    const eniId = inst?.networkInterfaceIds[0];
    return eniId ? cloud.interfaces.get(eniId) : undefined;
  }
  if (group.targetType === 'ip' && group.vpcId) {
    try {
      return cloud.interfaceByPrivateIp(group.vpcId, parseIp(t.id));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The network interfaces of a load balancer's nodes, one per enabled zone, in the order of its zones. */
export function nodeInterfaces(cloud: Cloud, lb: LoadBalancer): { zone: string; eni: NetworkInterface }[] {
  const out: { zone: string; eni: NetworkInterface }[] = [];
  for (const n of lb.nodes) {
    const eni = cloud.interfaces.get(n.networkInterfaceId);
    if (eni) out.push({ zone: n.availabilityZone, eni });
  }
  return out;
}
