import { describe, expect, it } from 'vitest';
import { IntervalSet } from '../../../src/engine/intervals.js';
import { createRng } from '../../../src/engine/random.js';
import { type Box, DIMS, FlowSet } from '../../../src/engine/reach/space.js';

/** Flow sets over small ranges, so membership can be checked value by value. */
function randomSet(rng: ReturnType<typeof createRng>, boxes: number): FlowSet {
  let s = FlowSet.EMPTY;
  for (let i = 0; i < boxes; i++) {
    const dim = () => {
      const a = rng.int(0, 5);
      return IntervalSet.of(a, a + rng.int(0, 3));
    };
    s = s.union(FlowSet.of({ x: dim(), p: dim(), c: dim(), n: rng.int(0, 1) ? IntervalSet.of(0, 8) : dim() } as Box));
  }
  return s;
}

const has = (s: FlowSet, v: Record<string, number>): boolean => s.boxes.some((b) => DIMS.every((d) => b[d].has(v[d])));

function* points() {
  for (let x = 0; x <= 8; x++) for (let p = 0; p <= 8; p++) for (let c = 0; c <= 8; c += 2) for (let n = 0; n <= 8; n += 4) yield { x, p, c, n };
}

describe('FlowSet', () => {
  it('intersect keeps exactly the flows in both, and compact keeps exactly the same flows', () => {
    const rng = createRng('space');
    for (let round = 0; round < 60; round++) {
      const a = randomSet(rng, rng.int(0, 5));
      const b = randomSet(rng, rng.int(0, 5));
      const both = a.intersect(b);
      const compact = a.compact();
      expect(compact.boxes.length).toBeLessThanOrEqual(a.boxes.length);
      for (const v of points()) {
        expect(has(both, v)).toBe(has(a, v) && has(b, v));
        expect(has(compact, v)).toBe(has(a, v));
      }
    }
  });

  it('compact makes boxes that differ in one variable one box', () => {
    const box = (p: [number, number]): Box => ({ x: IntervalSet.point(1), p: IntervalSet.of(...p), c: IntervalSet.of(0, 9), n: IntervalSet.of(0, 9) });
    const s = FlowSet.of(box([1, 2])).union(FlowSet.of(box([5, 6]))).union(FlowSet.of(box([3, 4])));
    const c = s.compact();
    expect(c.boxes.length).toBe(1);
    expect(c.boxes[0].p.equals(IntervalSet.of(1, 6))).toBe(true);
  });
});
