import type { LoadBalancer } from '../elbv2/load-balancer.js';
import { groupLabel, lbLabel } from './elb-find.js';
import { crossZone, type LbAnswer, type LbTarget } from './lb-paths.js';
import type { Route, RouteShare } from './participant.js';

/** ELB-16, ELB-19: a target's state. `unused`: not registered now (a group's instance not launched). */
export type TargetState = 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused';

/**
 * How a load balancer spreads requests over its targets now (ELB-06, ELB-17): each enabled
 * zone's node gets an equal share (DNS round robin over the node addresses); a node sends a
 * forward's target groups their weights' shares, and within a group spreads requests evenly
 * (round robin) over the healthy targets of every enabled zone with cross-zone load balancing,
 * of its own zone without. A target that is `initial`, `unhealthy`, `draining` or `unused` gets
 * no new requests, except that a group with no healthy target fails open: an ALB routes to all
 * its registered targets; an NLB drops a zone without a healthy target from DNS (its node gets
 * no share) and fails open only when no zone has one.
 */
export function lbRoute(lb: LoadBalancer, answer: LbAnswer, state: (t: LbTarget) => TargetState): { route: Route; failOpen: string[] } {
  if (answer.kind === 'refused') return { route: { shares: [], dropped: answer.reason }, failOpen: [] };
  const port = answer.listenerPort;
  const protocol = answer.protocol;
  if (answer.nodes.length === 0) return { route: { shares: [], dropped: `${lbLabel(lb)} has no node in service` }, failOpen: [] };
  if (answer.kind === 'answered') {
    // A redirect or a fixed response: the node answers itself.
    const share = 1 / answer.nodes.length;
    return { route: { shares: answer.nodes.map((n) => ({ share, legs: [{ from: 'client', to: n.end, port, protocol }], to: n.end, port, protocol })) }, failOpen: [] };
  }
  const enabled = new Set(answer.nodes.map((n) => n.zone));
  const weights = answer.groups.reduce((n, g) => n + g.weight, 0);
  const failOpen: string[] = [];
  const shares: RouteShare[] = [];
  const reasons: string[] = [];
  // Per group: the targets that may get requests (registered, reachable by the nodes' zones).
  const perGroup = answer.groups.map((g) => {
    const live = g.targets.filter((t) => t.end && t.port !== undefined && t.zone !== undefined && enabled.has(t.zone) && !['unused', 'draining'].includes(state(t)));
    const healthy = live.filter((t) => state(t) === 'healthy');
    const open = healthy.length === 0 && live.length > 0;
    if (open) failOpen.push(groupLabel(g.group));
    if (live.length === 0) reasons.push(`${groupLabel(g.group)} has no registered target in an enabled zone`);
    return { ...g, healthy, receiving: open ? live : healthy, cross: crossZone(lb, g.group) };
  });
  // NLB: a zone whose node has no healthy target to send to is taken out of DNS (ELB-17), unless every zone is.
  let nodes = answer.nodes;
  if (lb.type === 'network') {
    const serving = nodes.filter((n) => perGroup.some((g) => g.healthy.some((t) => g.cross || t.zone === n.zone)));
    if (serving.length > 0) nodes = serving;
  }
  const nodeShare = 1 / nodes.length;
  for (const node of nodes) {
    for (const g of perGroup) {
      const groupShare = weights > 0 ? g.weight / weights : 1 / perGroup.length;
      const to = g.cross ? g.receiving : g.receiving.filter((t) => t.zone === node.zone);
      if (to.length === 0 || groupShare === 0) continue;
      const each = (nodeShare * groupShare) / to.length;
      for (const t of to) {
        shares.push({
          share: each,
          legs: [
            { from: 'client', to: node.end, port, protocol },
            { from: node.end, to: t.end!, port: t.port!, protocol },
          ],
          to: t.end!,
          port: t.port!,
          protocol,
        });
      }
    }
  }
  return { route: { shares, dropped: reasons[0] ?? `${lbLabel(lb)} has no target to send these requests to (no target in the node's zone, and cross-zone load balancing is off)` }, failOpen };
}
