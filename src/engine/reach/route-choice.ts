import type { Route, RouteTable, Subnet } from '../model.js';
import { cidrSet } from './filters.js';
import { type Addr, matchAddr } from './packet.js';
import { FlowSet } from './space.js';
import type { Branch, Outcome } from './walker-types.js';
import type { WalkerBase } from './walker-base.js';

/** What to do with the flows a route takes (the walker's next step). */
export type Follow = (b: Branch, table: RouteTable, subnet: Subnet, r: Route) => Outcome[];

/** Route lookup in a subnet's route table, longest prefix first; splits a free destination by route. */
export function chooseRoutes(w: WalkerBase, b: Branch, subnet: Subnet, follow: Follow): Outcome[] {
  if (b.ttl-- <= 0) {
    return [w.dropped(b, { component: 'route-table', id: subnet.id, detail: 'routing loop' }, { code: 'RoutingLoop', subnet: subnet.id })];
  }
  const table = w.cloud.routeTableOf(subnet.id);
  const routes = [...table.routes].sort((a, b2) => b2.destination.prefix - a.destination.prefix);
  const dst = b.packet.dst;
  const results: Outcome[] = [];
  if (dst.kind === 'const') {
    const r = routes.find((rt) => cidrSet(rt.destination).has(dst.ip));
    if (!r) return [noRoute(w, b, table, subnet)];
    return follow(b, table, subnet, r);
  }
  let remaining = b.flows;
  for (const r of routes) {
    if (remaining.isEmpty) break;
    const m = matchAddr(dst, cidrSet(r.destination));
    if (m === false) continue;
    const part = m === true ? remaining : remaining.restrict(m);
    if (part.isEmpty) continue;
    remaining = m === true ? FlowSet.EMPTY : remaining.exclude(m);
    results.push(...follow(w.fork(b, part), table, subnet, r));
  }
  if (!remaining.isEmpty) results.push(noRoute(w, w.fork(b, remaining), table, subnet));
  return results;
}

function noRoute(w: WalkerBase, b: Branch, table: RouteTable, subnet: Subnet): Outcome {
  const t = w.sampleText(b.flows, b.packet);
  const isInternet = b.packet.dst.kind === 'x' || !isPrivateDestination(w, b.packet.dst);
  const { peer, many } = w.peerOf(b.packet.dst, b.flows);
  return w.dropped(
    b,
    { component: 'route-table', id: table.id, logicalId: table.logicalId, detail: `no route to ${t.dst}` },
    { code: 'NoRoute', routeTable: table.id, subnet: subnet.id, leg: b.mode, destination: peer, ...(many ? { many } : {}), towardsInternet: isInternet },
  );
}

function isPrivateDestination(w: WalkerBase, a: Addr): boolean {
  if (a.kind !== 'const') return false;
  for (const v of w.cloud.vpcs.values()) if (v.cidrs.some((c) => cidrSet(c).has(a.ip))) return true;
  return false;
}
