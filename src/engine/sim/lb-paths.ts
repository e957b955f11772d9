import type { Cloud } from '../cloud.js';
import { listenerOn, listenerPaths, nodeInterfaces, targetInterface, targetPort } from '../elbv2/forward.js';
import type { LoadBalancer } from '../elbv2/load-balancer.js';
import type { Target, TargetGroup } from '../elbv2/target-group.js';
import type { EndRef } from './network-view.js';
import type { Protocol } from './scenario.js';

/**
 * The static path of a request to a load balancer, from the loaded submission (forward.ts
 * answers what the load balancer does with a connection on a port): the node of each enabled
 * zone, which the client reaches on the listener port, and the targets a node forwards to, with
 * the interface and port each receives on. Scenario requests carry no host, path or header, so
 * the listener's default rule answers them (ELB-13: the default rule is evaluated last, when no
 * rule's conditions match). Health and shares over time are the participant's (elb-participant.ts).
 */

export interface LbNode {
  zone: string;
  end: EndRef;
}

export interface LbTarget {
  /** `<target group arn>|<target id>|<port>`: stable over the run. */
  key: string;
  group: TargetGroup;
  target: Target;
  /** The interface it receives on; undefined when not in the VPC (a Lambda, a peered address). */
  end?: Extract<EndRef, { kind: 'interface' }>;
  port?: number;
  zone?: string;
  /** The instance behind it, for an instance target. */
  instanceId?: string;
}

export type LbAnswer =
  | { kind: 'forward'; listenerPort: number; protocol: Protocol; nodes: LbNode[]; groups: { group: TargetGroup; weight: number; targets: LbTarget[] }[] }
  | { kind: 'answered'; listenerPort: number; protocol: Protocol; nodes: LbNode[]; action: string }
  | { kind: 'refused'; reason: string };

const lbName = (lb: LoadBalancer): string => lb.logicalId ?? lb.name;

/** What happens to requests to a load balancer on a port. */
export function lbAnswer(cloud: Cloud, lb: LoadBalancer, port: number, protocol: Protocol): LbAnswer {
  const listener = listenerOn(cloud, lb, port);
  if (!listener) return { kind: 'refused', reason: `${lbName(lb)} has no listener on port ${port}, so it refuses the connection` };
  const lp = listener.protocol.toUpperCase();
  const speaks: Protocol[] = lp === 'UDP' ? ['udp'] : lp === 'TCP_UDP' ? ['tcp', 'udp'] : ['tcp'];
  if (!speaks.includes(protocol)) return { kind: 'refused', reason: `the listener of ${lbName(lb)} on port ${port} is ${listener.protocol}, not ${protocol}` };
  const nodes = lbNodes(cloud, lb);
  const main = listenerPaths(cloud, listener)[0];
  if (main.action?.type !== 'forward') {
    return { kind: 'answered', listenerPort: port, protocol, nodes, action: main.action?.type ?? 'no action' };
  }
  const groups = main.targetGroups.map(({ group, weight }) => ({ group, weight, targets: groupTargets(cloud, group) }));
  return { kind: 'forward', listenerPort: port, protocol, nodes, groups };
}

/**
 * The nodes of a load balancer, one per enabled zone, as ends. An internet-facing load
 * balancer's name resolves to its nodes' public addresses (ELB-01), for clients inside its VPC
 * too, so they reach it over the internet, as `trace` follows them; an internal one's nodes are
 * reached at their private addresses.
 */
export function lbNodes(cloud: Cloud, lb: LoadBalancer): LbNode[] {
  const only = lb.scheme === 'internet-facing' ? ({ only: 'public' } as const) : {};
  return nodeInterfaces(cloud, lb).map(({ zone, eni }) => ({ zone, end: { kind: 'interface' as const, name: `${lbName(lb)} node in ${zone}`, eniId: eni.id, ...only } }));
}

/** A target group's registered targets, with where each receives. */
export function groupTargets(cloud: Cloud, group: TargetGroup): LbTarget[] {
  return group.targets.map((t): LbTarget => {
    const eni = targetInterface(cloud, group, t);
    const inst = group.targetType === 'instance' ? cloud.instances.get(t.id) : undefined;
    const zone = t.availabilityZone ?? inst?.availabilityZone ?? (eni ? cloud.subnets.get(eni.subnetId)?.availabilityZone : undefined);
    const p = targetPort(group, t);
    return {
      key: `${group.arn}|${t.id}|${p ?? ''}`,
      group,
      target: t,
      ...(eni ? { end: { kind: 'interface' as const, name: inst?.logicalId ?? t.id, eniId: eni.id } } : {}),
      ...(p !== undefined ? { port: p } : {}),
      ...(zone ? { zone } : {}),
      ...(inst ? { instanceId: inst.id } : {}),
    };
  });
}

/** Cross-zone load balancing for a target group (ELB-06): an ALB's is on unless its group turns it off; an NLB's follows its attribute (off by default). */
export function crossZone(lb: LoadBalancer, group: TargetGroup): boolean {
  const tg = group.attributes['load_balancing.cross_zone.enabled'];
  if (tg === 'true') return true;
  if (tg === 'false') return false;
  if (lb.type === 'application') return true;
  return lb.attributes['load_balancing.cross_zone.enabled'] === 'true';
}
