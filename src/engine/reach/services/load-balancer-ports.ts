import type { Cloud } from '../../cloud.js';
import { IntervalSet } from '../../intervals.js';
import { listenerPaths, listenersOf, nodeInterfaces, targetInterface, targetPort } from '../../elbv2/forward.js';
import type { Listener } from '../../elbv2/listener.js';
import type { LoadBalancer } from '../../elbv2/load-balancer.js';
import type { NetworkInterface } from '../../model.js';
import type { ResolvedEndpoint } from '../endpoints.js';
import { answerFlow } from '../trace.js';
import type { Walker } from '../walker.js';
import { crossesZones, forwardedGroups, forwardingPaths } from './load-balancer-leg.js';
import { SERVICE_CLIENT_PORTS } from './legs.js';

/**
 * The TCP ports on which a client reaches a target through a load balancer, answered
 * symbolically for `reach`: one question per node for every listener port at once, then, per
 * listener the node receives, whether some target it forwards to answers the node. It follows
 * the same rules as the trace (load-balancer-leg.ts) and is checked against it port by port.
 * The node → target legs do not depend on the client, so `targetLegs` can be shared across
 * clients.
 */
export type TargetLegCache = Map<string, boolean>;

export function loadBalancerPorts(cloud: Cloud, lb: LoadBalancer, from: ResolvedEndpoint, walker: Walker, targetLegs: TargetLegCache = new Map()): IntervalSet {
  if (from.kind === 'internet' && lb.scheme === 'internal') return IntervalSet.EMPTY;
  const listeners = listenersOf(cloud, lb).filter((l) => l.protocol !== 'UDP');
  if (listeners.length === 0) return IntervalSet.EMPTY;
  const asked = IntervalSet.from(listeners.map((l) => [l.port, l.port] as [number, number]));
  const only = lb.scheme === 'internet-facing' ? 'public' : 'private';
  const nodes = nodeInterfaces(cloud, lb)
    .filter(({ eni }) => !(from.kind === 'interface' && from.eni.id === eni.id))
    .map(({ zone, eni }) => ({ zone, eni, ports: answerFlow(cloud, { from, to: { kind: 'interface', eni, name: zone, only }, protocol: 'tcp', ports: asked }, walker, { brief: true }).ports }));
  const zones = lb.nodes.map((n) => n.availabilityZone);
  const cross = crossesZones(lb);
  let out = IntervalSet.EMPTY;
  for (const l of listeners) {
    const receiving = nodes.filter((n) => n.ports.has(l.port));
    if (receiving.length && serves(cloud, l, receiving, zones, cross, walker, targetLegs)) out = out.union(IntervalSet.point(l.port));
  }
  return out;
}

function serves(cloud: Cloud, l: Listener, nodes: { zone: string; eni: NetworkInterface }[], zones: string[], cross: boolean, walker: Walker, cache: TargetLegCache): boolean {
  for (const group of forwardedGroups(forwardingPaths(listenerPaths(cloud, l)))) {
    for (const t of group.targets) {
      const eni = targetInterface(cloud, group, t);
      const port = targetPort(group, t);
      if (!eni || port === undefined) continue;
      const zone = cloud.subnets.get(eni.subnetId)?.availabilityZone ?? '';
      if (!zones.includes(zone)) continue;
      for (const n of nodes) {
        if (!cross && n.zone !== zone) continue;
        const key = `${n.eni.id}|${eni.id}|${port}`;
        let ok = cache.get(key);
        if (ok === undefined) {
          ok = answerFlow(cloud, { from: { kind: 'interface', eni: n.eni, name: n.zone }, to: { kind: 'interface', eni, name: eni.id, only: 'private' }, protocol: 'tcp', ports: IntervalSet.point(port), clientPorts: SERVICE_CLIENT_PORTS }, walker, { brief: true }).reachable;
          cache.set(key, ok);
        }
        if (ok) return true;
      }
    }
  }
  return false;
}
