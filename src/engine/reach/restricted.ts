import type { Cloud } from '../cloud.js';
import { IntervalSet } from '../intervals.js';
import { addressSetToCidrs, describeSources } from './describe-sets.js';
import type { FlowSet } from './space.js';

/** Port ranges that only some internet addresses get through, in words and as blocks. */
export interface Restriction {
  protocol: 'tcp' | 'udp' | 'icmp';
  ports: IntervalSet;
  addresses: string[];
  /** In words: "203.0.113.10/32", "every internet address except …". */
  sources: string;
}

/** Every port boundary a rule names: within one atom every port is treated alike. */
export function portBoundaries(cloud: Cloud): number[] {
  const b = new Set<number>([0, 65536]);
  for (const g of cloud.securityGroups.values()) {
    for (const r of [...g.ingress, ...g.egress]) {
      if (r.protocol === 'tcp' || r.protocol === 'udp') {
        b.add(r.fromPort);
        b.add(r.toPort + 1);
      }
    }
  }
  for (const a of cloud.networkAcls.values()) {
    for (const e of a.entries) {
      if (e.portFrom !== undefined) {
        b.add(e.portFrom);
        b.add(e.portTo! + 1);
      }
    }
  }
  return [...b].sort((x, y) => x - y);
}

function splitByAtoms(set: IntervalSet, cuts: number[]): IntervalSet[] {
  const out: IntervalSet[] = [];
  for (const [a, z] of set.intervals) {
    let start = a;
    for (const c of cuts) {
      if (c <= start) continue;
      if (c > z) break;
      out.push(IntervalSet.of(start, c - 1));
      start = c;
    }
    out.push(IntervalSet.of(start, z));
  }
  return out;
}

/**
 * For a row with the internet at one end: per atom of service ports, the internet addresses
 * whose flows get through, when they are not all of them; neighbouring atoms with the same
 * addresses are one range.
 *
 * Read from the flows of the one question over all ports, not asked again per atom: the walk
 * is exact, so the flows that get through on a port range are the flows that get through,
 * restricted to that range. Every port bound in those flows is a bound some rule names (the
 * question's own are 0 and 65535), so each atom lies inside or outside each box of flows, and
 * the addresses of an atom are those of the boxes that hold its first port.
 */
export function restrictions(protocol: 'tcp' | 'udp', flows: FlowSet, ports: IntervalSet, full: IntervalSet, cuts: number[]): Restriction[] {
  const out: Restriction[] = [];
  const boxes = flows.boxes;
  // Which boxes hold a port changes only where a box's ports start or end.
  const changes = [...new Set(boxes.flatMap((b) => b.p.intervals.flatMap(([a, z]) => [a, z + 1])))].sort((a, b) => a - b);
  let next = 0;
  let lastKey = '';
  let last: { addresses: string[]; sources: string; whole: boolean } | undefined;
  for (const piece of splitByAtoms(ports, cuts)) {
    const at = piece.min!;
    let moved = !last;
    while (next < changes.length && changes[next] <= at) {
      next++;
      moved = true;
    }
    if (moved) {
      let x = IntervalSet.EMPTY;
      const holding: number[] = [];
      for (let i = 0; i < boxes.length; i++) if (boxes[i].p.has(at)) holding.push(i);
      const key = holding.join(',');
      if (key !== lastKey || !last) {
        for (const i of holding) x = x.union(boxes[i].x);
        const whole = x.equals(full);
        last = { addresses: whole ? [] : addressSetToCidrs(x), sources: whole ? '' : describeSources(x, full), whole };
        lastKey = key;
      }
    }
    if (!last) continue;
    if (last.whole) continue;
    const prev = out[out.length - 1];
    if (prev && prev.addresses.join() === last.addresses.join() && prev.ports.intervals[prev.ports.intervals.length - 1][1] + 1 === at) out[out.length - 1] = { ...prev, ports: prev.ports.union(piece) };
    else out.push({ protocol, ports: piece, addresses: last.addresses, sources: last.sources });
  }
  return out;
}
