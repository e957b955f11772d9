import { IntervalSet } from '../intervals.js';

/**
 * Sets of flows, exact. A question about a flow has four free variables:
 *   x — the address of the endpoint that is a range (an internet host), else a single address;
 *   p — the service port the request is sent to (one port for `trace`, all for `reach`);
 *   c — the client's source port (its ephemeral range);
 *   n — the source port a NAT gateway picks (1024–65535).
 * Everything else about a packet is a constant of the path. Every filter the packet meets
 * constrains at most an address variable and a port variable, so the flows that survive are a
 * finite union of boxes (products of interval sets), and set operations on boxes are exact.
 */
export type Dim = 'x' | 'p' | 'c' | 'n';
export const DIMS: readonly Dim[] = ['x', 'p', 'c', 'n'];

export type Box = Readonly<Record<Dim, IntervalSet>>;
/** A constraint names only the dimensions it restricts; the others are unrestricted. */
export type Constraint = Partial<Record<Dim, IntervalSet>>;

export class FlowSet {
  private constructor(readonly boxes: readonly Box[]) {}

  static readonly EMPTY = new FlowSet([]);

  static of(box: Box): FlowSet {
    return DIMS.some((d) => box[d].isEmpty) ? FlowSet.EMPTY : new FlowSet([box]);
  }

  get isEmpty(): boolean {
    return this.boxes.length === 0;
  }

  /** Flows of this set that satisfy the constraint. */
  restrict(c: Constraint): FlowSet {
    const out: Box[] = [];
    for (const b of this.boxes) {
      const nb = { ...b } as Record<Dim, IntervalSet>;
      let empty = false;
      for (const d of DIMS) {
        const r = c[d];
        if (r) {
          nb[d] = b[d].intersect(r);
          if (nb[d].isEmpty) {
            empty = true;
            break;
          }
        }
      }
      if (!empty) out.push(nb);
    }
    return out.length === 0 ? FlowSet.EMPTY : new FlowSet(out);
  }

  /** Flows of this set that do not satisfy the constraint. */
  exclude(c: Constraint): FlowSet {
    const dims = DIMS.filter((d) => c[d] !== undefined);
    if (dims.length === 0) return FlowSet.EMPTY;
    const out: Box[] = [];
    for (const b of this.boxes) {
      // b − c = ⋃_i (b with dims before i inside c, dim i outside c)
      const prefix = { ...b } as Record<Dim, IntervalSet>;
      for (const d of dims) {
        const outside = prefix[d].subtract(c[d]!);
        if (!outside.isEmpty) out.push({ ...prefix, [d]: outside });
        prefix[d] = prefix[d].intersect(c[d]!);
        if (prefix[d].isEmpty) break;
      }
    }
    return out.length === 0 ? FlowSet.EMPTY : new FlowSet(out);
  }

  union(o: FlowSet): FlowSet {
    if (o.isEmpty) return this;
    if (this.isEmpty) return o;
    return new FlowSet([...this.boxes, ...o.boxes]);
  }

  /** Flows in both sets (box by box; `o` is usually a filter's small verdict). */
  intersect(o: FlowSet): FlowSet {
    if (this.isEmpty || o.isEmpty) return FlowSet.EMPTY;
    if (o.boxes.length === 1) return this.restrict(o.boxes[0]);
    const out: Box[] = [];
    for (const b of this.boxes) for (const box of o.boxes) out.push(...this.restrictBox(b, box));
    return out.length === 0 ? FlowSet.EMPTY : new FlowSet(out);
  }

  private restrictBox(b: Box, c: Box): Box[] {
    const nb = {} as Record<Dim, IntervalSet>;
    for (const d of DIMS) {
      nb[d] = b[d].intersect(c[d]);
      if (nb[d].isEmpty) return [];
    }
    return [nb];
  }

  /**
   * The same flows in fewer boxes: boxes that differ in one variable only become one. For
   * verdicts computed once and reused; the order of boxes (and so `sample`) may change.
   */
  compact(): FlowSet {
    let boxes = this.boxes;
    for (let changed = true; changed && boxes.length > 1; ) {
      changed = false;
      for (const d of DIMS) {
        // Boxes equal in every variable but d become one, with the union of their d.
        const groups = new Map<string, Record<Dim, IntervalSet>>();
        for (const box of boxes) {
          const key = DIMS.filter((o) => o !== d)
            .map((o) => box[o].intervals.join(';'))
            .join('|');
          const g = groups.get(key);
          if (g) g[d] = g[d].union(box[d]);
          else groups.set(key, { ...box });
        }
        if (groups.size < boxes.length) changed = true;
        boxes = [...groups.values()];
      }
    }
    return boxes.length === 0 ? FlowSet.EMPTY : new FlowSet(boxes);
  }

  /** The values of one variable that some flow of the set takes. */
  project(d: Dim): IntervalSet {
    let s = IntervalSet.EMPTY;
    for (const b of this.boxes) s = s.union(b[d]);
    return s;
  }

  /** A flow of the set (the smallest value of each variable in the first box). */
  sample(): Record<Dim, number> | undefined {
    const b = this.boxes[0];
    if (!b) return undefined;
    return { x: b.x.min!, p: b.p.min!, c: b.c.min!, n: b.n.min! };
  }

  /** True when every flow of `o` is in this set. */
  covers(o: FlowSet): boolean {
    let rest = o;
    for (const b of this.boxes) {
      rest = rest.exclude(b);
      if (rest.isEmpty) return true;
    }
    return rest.isEmpty;
  }
}
