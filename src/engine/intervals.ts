/**
 * A set of integers held as sorted, disjoint, non-adjacent closed intervals. Used for sets
 * of addresses (0 … 2^32-1) and of ports (0 … 65535) in the symbolic reachability engine.
 */
export type Interval = readonly [number, number];

export class IntervalSet {
  private constructor(readonly intervals: readonly Interval[]) {}

  static readonly EMPTY = new IntervalSet([]);

  static of(lo: number, hi: number): IntervalSet {
    return lo > hi ? IntervalSet.EMPTY : new IntervalSet([[lo, hi]]);
  }

  static point(n: number): IntervalSet {
    return new IntervalSet([[n, n]]);
  }

  static from(list: Iterable<Interval>): IntervalSet {
    const sorted = [...list].filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
    const out: [number, number][] = [];
    for (const [a, b] of sorted) {
      const last = out[out.length - 1];
      if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
      else out.push([a, b]);
    }
    return new IntervalSet(out);
  }

  get isEmpty(): boolean {
    return this.intervals.length === 0;
  }

  get size(): number {
    let n = 0;
    for (const [a, b] of this.intervals) n += b - a + 1;
    return n;
  }

  get min(): number | undefined {
    return this.intervals[0]?.[0];
  }

  has(n: number): boolean {
    let lo = 0;
    let hi = this.intervals.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.intervals[mid];
      if (n < a) hi = mid - 1;
      else if (n > b) lo = mid + 1;
      else return true;
    }
    return false;
  }

  union(o: IntervalSet): IntervalSet {
    if (o.isEmpty) return this;
    if (this.isEmpty) return o;
    return IntervalSet.from([...this.intervals, ...o.intervals]);
  }

  intersect(o: IntervalSet): IntervalSet {
    if (this === o || o.covers(this)) return this;
    if (this.covers(o)) return o;
    const out: Interval[] = [];
    let i = 0;
    let j = 0;
    while (i < this.intervals.length && j < o.intervals.length) {
      const [a1, b1] = this.intervals[i];
      const [a2, b2] = o.intervals[j];
      const lo = Math.max(a1, a2);
      const hi = Math.min(b1, b2);
      if (lo <= hi) out.push([lo, hi]);
      if (b1 < b2) i++;
      else j++;
    }
    return out.length === 0 ? IntervalSet.EMPTY : new IntervalSet(out);
  }

  subtract(o: IntervalSet): IntervalSet {
    if (o.isEmpty || this.isEmpty) return this;
    const out: Interval[] = [];
    let j = 0;
    for (const [a, b] of this.intervals) {
      let lo = a;
      while (j < o.intervals.length && o.intervals[j][1] < lo) j++;
      let k = j;
      while (k < o.intervals.length && o.intervals[k][0] <= b) {
        const [c, d] = o.intervals[k];
        if (c > lo) out.push([lo, c - 1]);
        lo = Math.max(lo, d + 1);
        if (d >= b) break;
        k++;
      }
      if (lo <= b) out.push([lo, b]);
    }
    return out.length === 0 ? IntervalSet.EMPTY : new IntervalSet(out);
  }

  /** True when this set is one interval holding every value of `o` (a cheap test). */
  private covers(o: IntervalSet): boolean {
    if (this.intervals.length !== 1 || o.intervals.length === 0) return false;
    const [a, b] = this.intervals[0];
    return a <= o.intervals[0][0] && o.intervals[o.intervals.length - 1][1] <= b;
  }

  equals(o: IntervalSet): boolean {
    if (this.intervals.length !== o.intervals.length) return false;
    return this.intervals.every(([a, b], i) => a === o.intervals[i][0] && b === o.intervals[i][1]);
  }

  isSubsetOf(o: IntervalSet): boolean {
    return this.subtract(o).isEmpty;
  }
}
