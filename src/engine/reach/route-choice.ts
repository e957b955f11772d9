import { type Cidr, lastAddress } from '../address.js';
import type { Cloud } from '../cloud.js';
import { effectiveRoutes } from '../ec2/prefix-list.js';
import { IntervalSet } from '../intervals.js';
import type { Route, RouteTable, Subnet } from '../model.js';
import { cidrSet } from './filters.js';
import { type Addr, matchAddr } from './packet.js';
import { FlowSet } from './space.js';
import type { Branch, Outcome } from './walker-types.js';
import type { WalkerBase } from './walker-base.js';

/** What to do with the flows a route takes (the walker's next step). */
export type Follow = (b: Branch, table: RouteTable, subnet: Subnet, r: Route) => Outcome[];

/**
 * A route table read once per walker: its routes longest prefix first, a lookup by address,
 * and for each route the addresses it decides (its block less the longer blocks inside it).
 */
export interface RouteIndex {
  routes: Route[];
  regions: IntervalSet[];
  /** Addresses no route covers. */
  uncovered: IntervalSet;
  /** Per prefix length (longest first), the route of each network. */
  byPrefix: { mask: number; routes: Map<number, Route> }[];
  /** Routes with the same target together: their regions in one set, under the longest route. */
  byTarget: { route: Route; region: IntervalSet }[];
}

const maskOf = (prefix: number): number => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

export function routeIndex(table: RouteTable, cloud: Cloud): RouteIndex {
  // A prefix list's routes come after the table's own, so a route to a block wins at equal length.
  const routes = [...effectiveRoutes(cloud, table)].sort((a, b2) => b2.destination.prefix - a.destination.prefix);
  // Blocks nest or are disjoint: sweep them by start (the enclosing first) with a stack of
  // open blocks, so each block learns the blocks directly inside it.
  const order = routes.map((r, i) => i).sort((i, j) => routes[i].destination.network - routes[j].destination.network || routes[i].destination.prefix - routes[j].destination.prefix || i - j);
  const inner = routes.map((): Cidr[] => []);
  const top: Cidr[] = [];
  const stack: number[] = [];
  const seen = new Set<string>();
  const decided = new Set<number>();
  for (const i of order) {
    const c = routes[i].destination;
    const key = `${c.network}/${c.prefix}`;
    if (seen.has(key)) continue; // a second route for one block never decides (the first does)
    seen.add(key);
    decided.add(i);
    while (stack.length && lastAddress(routes[stack[stack.length - 1]].destination) < c.network) stack.pop();
    if (stack.length) inner[stack[stack.length - 1]].push(c);
    else top.push(c);
    stack.push(i);
  }
  const regions = routes.map((r, i) => (decided.has(i) ? cidrSet(r.destination).subtract(blocks(inner[i])) : IntervalSet.EMPTY));
  const byPrefix: RouteIndex['byPrefix'] = [];
  for (const r of routes) {
    let level = byPrefix[byPrefix.length - 1];
    const mask = maskOf(r.destination.prefix);
    if (!level || level.mask !== mask) byPrefix.push((level = { mask, routes: new Map() }));
    if (!level.routes.has(r.destination.network)) level.routes.set(r.destination.network, r);
  }
  const byTarget = new Map<string, { route: Route; parts: IntervalSet[] }>();
  routes.forEach((r, i) => {
    if (regions[i].isEmpty) return;
    const key = JSON.stringify(r.target);
    const t = byTarget.get(key);
    if (t) t.parts.push(regions[i]);
    else byTarget.set(key, { route: r, parts: [regions[i]] });
  });
  return {
    routes,
    regions,
    uncovered: IntervalSet.of(0, 0xffffffff).subtract(blocks(top)),
    byPrefix,
    byTarget: [...byTarget.values()].map((t) => ({ route: t.route, region: IntervalSet.from(t.parts.flatMap((p) => p.intervals)) })),
  };
}

const blocks = (list: Cidr[]): IntervalSet => IntervalSet.from(list.map((c) => [c.network, lastAddress(c)] as [number, number]));

/** The route for one destination address: the longest prefix that holds it. */
function lookup(index: RouteIndex, ip: number): Route | undefined {
  for (const level of index.byPrefix) {
    const r = level.routes.get((ip & level.mask) >>> 0);
    if (r) return r;
  }
  return undefined;
}

/** Route lookup in a subnet's route table, longest prefix first; splits a free destination by route. */
export function chooseRoutes(w: WalkerBase, b: Branch, subnet: Subnet, follow: Follow): Outcome[] {
  if (b.ttl-- <= 0) {
    return [w.dropped(b, { component: 'route-table', id: subnet.id, detail: 'routing loop' }, { code: 'RoutingLoop', subnet: subnet.id })];
  }
  const table = w.cloud.routeTableOf(subnet.id);
  let index = w.routeIndexes.get(table);
  if (!index) w.routeIndexes.set(table, (index = routeIndex(table, w.cloud)));
  const dst = b.packet.dst;
  const results: Outcome[] = [];
  if (dst.kind === 'const') {
    const r = lookup(index, dst.ip);
    if (!r) return [noRoute(w, b, table, subnet)];
    return follow(b, table, subnet, r);
  }
  // A summary needs the flows, not which route of several to one target took them: one
  // branch per target. A trace keeps one branch per route, to show the route it took.
  const parts = w.opts.brief ? index.byTarget : index.routes.map((route, i) => ({ route, region: index.regions[i] }));
  for (const { route, region } of parts) {
    const m = matchAddr(dst, region);
    if (m === false) continue;
    const part = m === true ? b.flows : b.flows.restrict(m);
    if (part.isEmpty) continue;
    results.push(...follow(w.fork(b, part), table, subnet, route));
  }
  const remaining = index.uncovered.isEmpty ? FlowSet.EMPTY : b.flows.restrict({ x: index.uncovered });
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
