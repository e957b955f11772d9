import type { NetworkInterface, Subnet } from '../model.js';
import type { Hop } from './hops.js';
import type { Addr, Port } from './packet.js';
import type { Branch, Outcome, Walker } from './walker.js';

/**
 * Routing loops, caught at the first repeated hop. Routing is deterministic: where a packet
 * goes next depends only on where it is (the route table of a subnet, or a forwarding
 * instance), its addresses and the translations it carries. When a flow comes back to the
 * same place in the same state, everything after repeats too and it never arrives (AWS
 * forwards it until its time to live runs out), so the walk stops there and names the cycle.
 */

export interface LoopMark {
  key: string;
  /** The number of hops on the path when the flow was there. */
  at: number;
}

export type LoopPlace = { kind: 'route-table'; subnet: Subnet } | { kind: 'forwarder'; eni: NetworkInterface };

const addr = (a: Addr): string => (a.kind === 'const' ? String(a.ip) : 'x');
const port = (p: Port): string => (p.kind === 'const' ? String(p.port) : p.dim);

function stateKey(b: Branch, place: LoopPlace): string {
  const p = b.packet;
  const where = place.kind === 'route-table' ? `rt:${place.subnet.id}` : `fwd:${place.eni.id}`;
  const nat = b.nat ? `${b.nat.nat.id}:${addr(b.nat.innerSrc)}:${port(b.nat.innerPort)}` : '';
  // What NAT instances recorded matters only to replies (which only take records away), so a
  // request that NAT instances keep translating round a cycle still repeats.
  const nats = b.mode === 'reply' ? (b.fwd?.nats ?? []).map((r) => `${r.networkInterface}:${addr(r.innerSrc)}:${port(r.innerPort)}`).join(',') : '';
  return [where, b.mode, addr(p.src), addr(p.dst), port(p.srcPort), port(p.dstPort), nat, nats].join('|');
}

/** The resources that make up the cycle: route tables, forwarding instances, gateways and peerings on the way. */
function cycleOf(hops: readonly Hop[]): { ids: string[]; names: string[] } {
  const ids: string[] = [];
  const names: string[] = [];
  for (const h of hops) {
    if (h.action !== 'route' && h.action !== 'forward' && h.action !== 'translate') continue;
    if (ids[ids.length - 1] === h.id) continue;
    ids.push(h.id);
    names.push(h.logicalId ?? h.id);
  }
  return { ids, names };
}

/** A loop's drop when the flow was here before in the same state; undefined otherwise (and the place is remembered). */
export function loopAt(w: Walker, b: Branch, place: LoopPlace): Outcome | undefined {
  const key = stateKey(b, place);
  const mark = b.seen?.find((m) => m.key === key);
  if (!mark) {
    b.seen = [...(b.seen ?? []), { key, at: b.hops.length }];
    return undefined;
  }
  const { ids, names } = cycleOf(b.hops.slice(mark.at));
  const where =
    place.kind === 'route-table'
      ? (() => {
          const table = w.cloud.routeTableOf(place.subnet.id);
          return { component: 'route-table' as const, id: table.id, logicalId: table.logicalId };
        })()
      : w.ownerHop(place.eni);
  return w.dropped(
    b,
    { ...where, detail: `routing loop: back here after ${names.join(' → ')}` },
    {
      code: 'RoutingLoop',
      subnet: place.kind === 'route-table' ? place.subnet.id : place.eni.subnetId,
      at: where.id,
      cycle: ids,
      leg: b.mode,
    },
  );
}
