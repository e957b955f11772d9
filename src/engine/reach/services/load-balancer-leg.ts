import type { Cloud } from '../../cloud.js';
import { IntervalSet } from '../../intervals.js';
import type { Action } from '../../elbv2/actions.js';
import { listenerOn, listenerPaths, listenersOf, nodeInterfaces, targetInterface, targetPort, type ListenerPath } from '../../elbv2/forward.js';
import type { Listener } from '../../elbv2/listener.js';
import type { LoadBalancer } from '../../elbv2/load-balancer.js';
import type { TargetGroup } from '../../elbv2/target-group.js';
import type { NetworkInterface } from '../../model.js';
import { describePorts } from '../describe-sets.js';
import type { ResolvedEndpoint } from '../endpoints.js';
import type { Drop, Hop } from '../hops.js';
import type { FlowProtocol } from '../packet.js';
import { answerFlow, DEFAULT_CLIENT_PORTS, type FlowAnswer } from '../trace.js';
import { Walker } from '../walker.js';
import { type Chain, type LegContext, SERVICE_CLIENT_PORTS, serviceHop, serviceStop, stopped, type TargetVerdict, vpcLeg } from './legs.js';

/**
 * A load balancer as AWS takes a connection (ELB-01, 05, 06, 09, 12, 13, 14): the client
 * reaches a node's interface in some zone on the listener port (the load balancer's security
 * groups, the subnets' network ACLs, internet-facing or internal); the listener on that port
 * takes it; its rule forwards to target groups (a redirect or fixed response is answered by
 * the load balancer itself); a node opens a connection from its private address to each
 * target on the target's port, so the target's security group must allow the load balancer's
 * group or the node's address. An ALB balances across zones always; an NLB only when its
 * `load_balancing.cross_zone.enabled` attribute is true. A target in a zone the load balancer
 * is not enabled in receives nothing.
 *
 * `loadBalancerReach` is the function other parts call: which targets of this load balancer
 * a client reaches on this port, and from which node.
 */

export interface NodeVerdict {
  zone: string;
  networkInterface: string;
  reachable: boolean;
  answer: FlowAnswer;
}

export interface LoadBalancerReach extends Chain {
  /** The listener on the port, when there is one. */
  listener?: Listener;
  /** The client's leg to each node. */
  nodes: NodeVerdict[];
  /** Every target of every target group the listener forwards to. */
  targets: TargetVerdict[];
}

export interface LoadBalancerQuestion {
  protocol?: FlowProtocol;
  clientPorts?: IntervalSet;
  walker?: Walker;
  /** How the load balancer is printed (its logical id by default). */
  name?: string;
}

/** Which targets of `lb` a client at `from` reaches on `port`, through which node; the path shown and the first drop. */
export function loadBalancerReach(cloud: Cloud, lb: LoadBalancer, from: ResolvedEndpoint, port: number, q: LoadBalancerQuestion = {}): LoadBalancerReach {
  const ctx: LegContext = { cloud, walker: q.walker ?? new Walker(cloud), protocol: q.protocol ?? 'tcp', clientPorts: q.clientPorts ?? DEFAULT_CLIENT_PORTS };
  return loadBalancerLeg(ctx, lb, from, port, q.name ?? lb.logicalId ?? lb.name);
}

const nodeName = (name: string, zone: string): string => `${name} node in ${zone}`;

function answerText(a: Action | undefined): string {
  if (!a) return 'no action';
  if (a.type === 'redirect') return `a ${a.statusCode.replace('HTTP_', '')} redirect to ${a.protocol}://${a.host}:${a.port}${a.path}`;
  if (a.type === 'fixed-response') return `a fixed response ${a.statusCode}${a.contentType ? ` (${a.contentType})` : ''}`;
  return a.type;
}

function pathText(p: ListenerPath): string {
  const rule = p.rule ? `rule ${p.rule.logicalId ?? p.rule.id} (priority ${p.rule.priority})` : 'default rule';
  if (p.targetGroups.length) return `${rule}: forward to ${p.targetGroups.map((g) => `${g.group.logicalId ?? g.group.name}${p.targetGroups.length > 1 ? ` (weight ${g.weight})` : ''}`).join(', ')}`;
  return `${rule}: answers ${answerText(p.action)}`;
}

export function loadBalancerLeg(ctx: LegContext, lb: LoadBalancer, from: ResolvedEndpoint, port: number, name: string): LoadBalancerReach {
  const { cloud } = ctx;
  const base = { nodes: [] as NodeVerdict[], targets: [] as TargetVerdict[] };
  const lbHop = { component: 'load-balancer' as const, id: lb.arn, logicalId: name };
  if (ctx.protocol !== 'tcp' && ctx.protocol !== 'udp') {
    return { ...base, ...stopped([], serviceStop(`${from.name} → ${name}`, { ...lbHop, detail: `${ctx.protocol} is not served` }, { code: 'NotATcpService', service: name, protocol: ctx.protocol }), 0) };
  }
  if (from.kind === 'internet' && lb.scheme === 'internal') {
    return { ...base, ...stopped([], serviceStop(`${from.name} → ${name}`, { ...lbHop, detail: 'internal: its nodes have private addresses only' }, { code: 'LoadBalancerInternal', loadBalancer: name }), 0) };
  }
  // The DNS name of an internet-facing load balancer resolves to the nodes' public addresses, of an internal one to their private ones (ELB-01).
  const only = lb.scheme === 'internet-facing' ? 'public' : 'private';
  let outcomes = 0;
  const nodes: NodeVerdict[] = nodeInterfaces(cloud, lb).map(({ zone, eni }) => {
    const answer = vpcLeg(ctx, from, { kind: 'interface', eni, name: nodeName(name, zone), only }, port, `${from.name} → ${nodeName(name, zone)}`);
    outcomes += answer.outcomes;
    return { zone, networkInterface: eni.id, reachable: answer.reachable, answer };
  });
  base.nodes = nodes;
  const reached = nodes.filter((n) => n.reachable);
  if (reached.length === 0) {
    const shown = nodes[0]?.answer;
    let drop = shown?.drop;
    // The load balancer's own group drops a port it has no listener on: the listener is the thing to fix.
    if (drop && drop.cause.code === 'SecurityGroupNoInboundRule' && drop.cause.networkInterface === nodes[0].networkInterface && !listenerOn(cloud, lb, port)) {
      const groups = lb.securityGroupIds.map((g) => cloud.securityGroups.get(g)?.logicalId ?? g);
      const s = serviceStop(drop.hop.leg ?? '', { component: 'listener', id: lb.arn, logicalId: name, detail: '' }, { code: 'ListenerMissing', loadBalancer: name, port, listeners: listenersOf(cloud, lb).map((l) => `${l.protocol}:${l.port}`), securityGroups: groups });
      drop = { ...drop, cause: s.drop.cause, reason: s.drop.reason, fix: s.drop.fix };
    }
    return { ...base, reachable: false, hops: shown?.path ?? [], drop, first: shown, outcomes, explanation: drop?.reason ?? `${name} has no node.` };
  }
  const node = reached[0];
  const hops: Hop[] = [...node.answer.path];
  const first = node.answer;

  const listenerLeg = `${nodeName(name, node.zone)}: listener and rules`;
  const listener = listenerOn(cloud, lb, port);
  if (!listener) {
    const listeners = listenersOf(cloud, lb).map((l) => `${l.protocol}:${l.port}`);
    const s = serviceStop(listenerLeg, { component: 'listener', id: lb.arn, logicalId: name, detail: `no listener on port ${port}${listeners.length ? ` (listeners: ${listeners.join(', ')})` : ''}` }, { code: 'ListenerMissing', loadBalancer: name, port, listeners });
    return { ...base, ...stopped(hops, s, outcomes, first) };
  }
  const udp = listener.protocol === 'UDP' || listener.protocol === 'TCP_UDP';
  if ((ctx.protocol === 'udp' && !udp) || (ctx.protocol === 'tcp' && listener.protocol === 'UDP')) {
    const s = serviceStop(listenerLeg, { component: 'listener', id: listener.id, logicalId: listener.logicalId, detail: `${listener.protocol}:${port} does not take ${ctx.protocol}` }, { code: 'ListenerProtocolMismatch', loadBalancer: name, port, listenerProtocol: listener.protocol, protocol: ctx.protocol });
    return { ...base, listener, ...stopped(hops, s, outcomes, first) };
  }
  const paths = listenerPaths(cloud, listener);
  const forwarding = paths.filter((p) => p.targetGroups.some((g) => g.weight > 0 || p.targetGroups.length === 1));
  const others = paths.filter((p) => !forwarding.includes(p));
  hops.push(serviceHop(listenerLeg, { component: 'listener', id: listener.id, logicalId: listener.logicalId, detail: `${listener.protocol}:${listener.port}; ${paths.map(pathText).join('; ')}` }));
  if (forwarding.length === 0) {
    const s = serviceStop(listenerLeg, { component: 'listener', id: listener.id, logicalId: listener.logicalId, detail: `answered by the load balancer: ${answerText(paths[0].action)}` }, { code: 'LoadBalancerAnswers', loadBalancer: name, port, answer: answerText(paths[0].action) });
    return { ...base, listener, ...stopped(hops, s, outcomes, first) };
  }

  const groups: TargetGroup[] = [];
  for (const p of forwarding) for (const g of p.targetGroups) if ((g.weight > 0 || p.targetGroups.length === 1) && !groups.includes(g.group)) groups.push(g.group);
  const zones = lb.nodes.map((n) => n.availabilityZone);
  const crossZone = lb.type === 'application' || lb.attributes['load_balancing.cross_zone.enabled'] === 'true';
  const targets: TargetVerdict[] = [];
  let shownOk: { group: TargetGroup; hops: Hop[] } | undefined;
  let shownFail: { group: TargetGroup; hops: Hop[]; drop: Drop } | undefined;
  for (const group of groups) {
    const gName = group.logicalId ?? group.name;
    const groupHop = (detail: string): Hop => serviceHop(listenerLeg, { component: 'target-group', id: group.id, logicalId: group.logicalId, detail });
    if (group.targets.length === 0) {
      const s = serviceStop(listenerLeg, { component: 'target-group', id: group.id, logicalId: group.logicalId, detail: 'no registered targets' }, { code: 'TargetGroupEmpty', loadBalancer: name, targetGroup: gName });
      targets.push({ targetGroup: gName, target: '(none)', reachable: false, reason: s.drop.reason, cause: s.drop.cause });
      shownFail ??= { group, hops: [s.hop], drop: s.drop };
      continue;
    }
    for (const t of group.targets) {
      const eni = targetInterface(cloud, group, t);
      const tPort = targetPort(group, t);
      const tName = targetName(cloud, group, t.id, eni);
      const verdict: TargetVerdict = { targetGroup: gName, target: tName, port: tPort, reachable: false };
      targets.push(verdict);
      const fail = (s: { hop: Hop; drop: Drop }, before: Hop[] = []): void => {
        verdict.reason = s.drop.reason;
        verdict.cause = s.drop.cause;
        shownFail ??= { group, hops: [groupHop(`${tName} on port ${tPort}`), ...before, s.hop], drop: s.drop };
      };
      if (!eni || tPort === undefined) {
        fail(serviceStop(listenerLeg, { component: 'target-group', id: group.id, logicalId: group.logicalId, detail: `${tName} is not traced` }, { code: 'TargetNotTraced', targetGroup: gName, target: tName, why: group.targetType === 'instance' || group.targetType === 'ip' ? 'it has no network interface in the VPC (gone, or an address outside the VPC)' : `a ${group.targetType} target is not a network interface` }));
        continue;
      }
      const zone = cloud.subnets.get(eni.subnetId)?.availabilityZone ?? '';
      verdict.zone = zone;
      if (!zones.includes(zone)) {
        fail(serviceStop(listenerLeg, { component: 'target-group', id: group.id, logicalId: group.logicalId, detail: `${tName} is in ${zone}, not an enabled zone` }, { code: 'TargetZoneNotEnabled', loadBalancer: name, target: tName, zone, zones }));
        continue;
      }
      const eligible = reached.filter((n) => crossZone || n.zone === zone);
      if (eligible.length === 0) {
        fail(serviceStop(listenerLeg, { component: 'target-group', id: group.id, logicalId: group.logicalId, detail: `no reachable node in ${zone}` }, { code: 'TargetNotInNodeZone', loadBalancer: name, target: tName, zone }));
        continue;
      }
      let firstFail: FlowAnswer | undefined;
      let firstFailNode: NodeVerdict | undefined;
      for (const n of eligible) {
        const nodeEni = cloud.interfaces.get(n.networkInterface)!;
        const a = vpcLeg(ctx, { kind: 'interface', eni: nodeEni, name: nodeName(name, n.zone) }, { kind: 'interface', eni, name: tName, only: 'private' }, tPort, `${nodeName(name, n.zone)} → ${tName}`, SERVICE_CLIENT_PORTS);
        outcomes += a.outcomes;
        if (a.reachable) {
          verdict.reachable = true;
          verdict.node = n.zone;
          // The hops shown follow the node the client reached when it can serve the target.
          if (!shownOk) shownOk = { group, hops: [groupHop(`${tName} on port ${tPort}${preservesClientIp(lb, group) ? clientIpNote : ''}`), ...(n === node ? [] : [serviceHop(listenerLeg, { component: 'load-balancer', id: lb.arn, logicalId: name, detail: `cross-zone: the node in ${n.zone} serves it` })]), ...a.path] };
          break;
        }
        if (!firstFail) {
          firstFail = a;
          firstFailNode = n;
        }
      }
      if (!verdict.reachable && firstFail && firstFail.drop) {
        const refined = refineTargetDrop(ctx, lb, name, gName, tName, eni, tPort, firstFailNode!, firstFail);
        verdict.reason = refined.reason;
        verdict.cause = refined.cause;
        shownFail ??= { group, hops: [groupHop(`${tName} on port ${tPort}`), ...firstFail.path.slice(0, -1), { ...firstFail.drop.hop, cause: refined.cause }], drop: { ...firstFail.drop, ...refined } };
      }
    }
  }
  const ok = targets.filter((t) => t.reachable);
  if (shownOk) {
    hops.push(...shownOk.hops);
    const explanation = `${from.name} can reach ${name} on ${ctx.protocol} port ${port}: listener ${listener.protocol}:${listener.port} forwards to ${groups.map((g) => g.logicalId ?? g.name).join(', ')}, and ${ok.length} of ${targets.length} target${targets.length === 1 ? '' : 's'} answer${ok.length === 1 ? 's' : ''} (${ok.map((t) => `${t.target}:${t.port}`).join(', ')}).${others.length ? ` Other rules answer themselves: ${others.map(pathText).join('; ')}.` : ''}`;
    return { reachable: true, hops, first, outcomes, explanation, listener, nodes, targets };
  }
  hops.push(...shownFail!.hops);
  return { reachable: false, hops, drop: shownFail!.drop, first, outcomes, explanation: shownFail!.drop.reason, listener, nodes, targets };
}

const clientIpNote = '; the target sees the client\'s address (client IP preservation, ELB-11), which this trace does not model: it traces from the node\'s address';

/** ELB-11: an NLB keeps the client's address for instance targets, and for ip targets when the attribute says so. */
function preservesClientIp(lb: LoadBalancer, group: TargetGroup): boolean {
  if (lb.type !== 'network') return false;
  return group.targetType === 'instance';
}

function targetName(cloud: Cloud, group: TargetGroup, id: string, eni: NetworkInterface | undefined): string {
  if (group.targetType === 'instance') {
    const inst = cloud.instances.get(id);
    return inst?.logicalId ?? id;
  }
  return eni?.logicalId ? `${id} (${eni.logicalId})` : id;
}

/** A target's security group drop, said as the load balancer question it is: the wrong port, or the load balancer's group not allowed. */
function refineTargetDrop(ctx: LegContext, lb: LoadBalancer, name: string, gName: string, tName: string, eni: NetworkInterface, port: number, node: NodeVerdict, a: FlowAnswer): Pick<Drop, 'cause' | 'reason' | 'fix'> {
  const drop = a.drop!;
  if (drop.cause.code !== 'SecurityGroupNoInboundRule' || drop.cause.networkInterface !== eni.id) return drop;
  const nodeEni = ctx.cloud.interfaces.get(node.networkInterface)!;
  const open = answerFlow(ctx.cloud, { from: { kind: 'interface', eni: nodeEni, name: node.zone }, to: { kind: 'interface', eni, name: tName, only: 'private' }, protocol: ctx.protocol, ports: IntervalSet.of(1, 65535), clientPorts: SERVICE_CLIENT_PORTS }, ctx.walker, { brief: true });
  const s = open.reachable
    ? serviceStop('', { component: 'target-group', id: gName, detail: '' }, { code: 'TargetPortClosed', loadBalancer: name, targetGroup: gName, target: tName, port, openPorts: `port${open.ports.size > 1 ? 's' : ''} ${describePorts(open.ports)}` })
    : serviceStop('', { component: 'target-group', id: gName, detail: '' }, { code: 'TargetSecurityGroupDeniesLoadBalancer', loadBalancer: name, target: tName, port, loadBalancerGroups: lb.securityGroupIds, targetGroups: eni.securityGroupIds });
  return { cause: s.drop.cause, reason: s.drop.reason, fix: s.drop.fix };
}
