import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntervalSet, type Interval } from '../../src/engine/intervals.js';

/**
 * IntervalSet against a brute-force model: a Set<number> over a small universe, so every
 * member can be listed and compared.
 */

const UNIVERSE = 64;
const RUNS = { numRuns: 600 };

const point = fc.integer({ min: 0, max: UNIVERSE - 1 });
// Pairs in any order: from() must drop reversed pairs rather than misread them.
const pairs = fc.array(fc.tuple(point, point), { maxLength: 8 });

const toSet = (pairsList: readonly Interval[]): Set<number> => {
  const s = new Set<number>();
  for (const [a, b] of pairsList) for (let x = a; x <= b; x++) s.add(x);
  return s;
};
const members = (set: IntervalSet): Set<number> => toSet(set.intervals);
const sameSet = (a: Set<number>, b: Set<number>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

/** Sorted, disjoint, not touching: the canonical form that equals() relies on. */
function expectCanonical(set: IntervalSet): void {
  set.intervals.forEach(([a, b], i) => {
    expect(a).toBeLessThanOrEqual(b);
    if (i > 0) expect(a).toBeGreaterThan(set.intervals[i - 1][1] + 1);
  });
}

function expectModel(set: IntervalSet, model: Set<number>): void {
  expectCanonical(set);
  expect(sameSet(members(set), model)).toBe(true);
  expect(set.size).toBe(model.size);
  expect(set.isEmpty).toBe(model.size === 0);
  expect(set.min).toBe(model.size === 0 ? undefined : Math.min(...model));
}

describe('IntervalSet construction', () => {
  it('from() holds exactly the listed points, in canonical form', () => {
    fc.assert(
      fc.property(pairs, (p) => expectModel(IntervalSet.from(p), toSet(p))),
      RUNS,
    );
  });

  it('merges touching and overlapping intervals', () => {
    expect(IntervalSet.from([[5, 9], [1, 4], [8, 12], [20, 20]]).intervals).toEqual([[1, 12], [20, 20]]);
  });

  it('of(), point() and EMPTY', () => {
    expect(IntervalSet.of(3, 7).intervals).toEqual([[3, 7]]);
    expect(IntervalSet.of(7, 3).isEmpty).toBe(true);
    expect(IntervalSet.point(4).intervals).toEqual([[4, 4]]);
    expect(IntervalSet.EMPTY.size).toBe(0);
    expect(IntervalSet.EMPTY.min).toBeUndefined();
  });

  it('counts the whole IPv4 space', () => {
    const all = IntervalSet.of(0, 4294967295);
    expect(all.size).toBe(4294967296);
    expect(all.has(4294967295)).toBe(true);
    expect(all.subtract(IntervalSet.point(0)).size).toBe(4294967295);
  });
});

describe('IntervalSet operations agree with a Set<number> model', () => {
  it('union', () => {
    fc.assert(
      fc.property(pairs, pairs, (p, q) => {
        const model = new Set([...toSet(p), ...toSet(q)]);
        expectModel(IntervalSet.from(p).union(IntervalSet.from(q)), model);
      }),
      RUNS,
    );
  });

  it('intersect', () => {
    fc.assert(
      fc.property(pairs, pairs, (p, q) => {
        const b = toSet(q);
        const model = new Set([...toSet(p)].filter((x) => b.has(x)));
        expectModel(IntervalSet.from(p).intersect(IntervalSet.from(q)), model);
      }),
      RUNS,
    );
  });

  it('subtract', () => {
    fc.assert(
      fc.property(pairs, pairs, (p, q) => {
        const b = toSet(q);
        const model = new Set([...toSet(p)].filter((x) => !b.has(x)));
        expectModel(IntervalSet.from(p).subtract(IntervalSet.from(q)), model);
      }),
      RUNS,
    );
  });

  it('has', () => {
    fc.assert(
      fc.property(pairs, fc.integer({ min: -2, max: UNIVERSE + 1 }), (p, x) => {
        expect(IntervalSet.from(p).has(x)).toBe(toSet(p).has(x));
      }),
      RUNS,
    );
  });

  it('size', () => {
    fc.assert(
      fc.property(pairs, (p) => {
        expect(IntervalSet.from(p).size).toBe(toSet(p).size);
      }),
      RUNS,
    );
  });

  it('equals', () => {
    // Small universe so that equal sets written differently come up often.
    const tiny = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { maxLength: 4 });
    fc.assert(
      fc.property(tiny, tiny, (p, q) => {
        const a = IntervalSet.from(p);
        const b = IntervalSet.from(q);
        const model = sameSet(toSet(p), toSet(q));
        expect(a.equals(b)).toBe(model);
        expect(b.equals(a)).toBe(model);
      }),
      RUNS,
    );
  });

  it('isSubsetOf', () => {
    fc.assert(
      fc.property(pairs, pairs, (p, q) => {
        const b = toSet(q);
        expect(IntervalSet.from(p).isSubsetOf(IntervalSet.from(q))).toBe([...toSet(p)].every((x) => b.has(x)));
      }),
      RUNS,
    );
  });

  it('set identities hold: (A − B) ∪ (A ∩ B) = A', () => {
    fc.assert(
      fc.property(pairs, pairs, (p, q) => {
        const a = IntervalSet.from(p);
        const b = IntervalSet.from(q);
        expect(a.subtract(b).union(a.intersect(b)).equals(a)).toBe(true);
        expect(a.subtract(b).intersect(b).isEmpty).toBe(true);
      }),
      RUNS,
    );
  });
});
