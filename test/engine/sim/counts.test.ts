import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestCounter } from '../../../src/engine/sim/counts.js';
import { EventQueue } from '../../../src/engine/sim/queue.js';

describe('whole requests from rates', () => {
  it('sent = served + dropped in every interval, none negative, and the totals stay within one request of the exact amounts', () => {
    const segment = fc.record({ rate: fc.double({ min: 0, max: 2000, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }), seconds: fc.integer({ min: 0, max: 400 }), close: fc.boolean() });
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 60 }), (segs) => {
        const c = new RequestCounter();
        let sent = 0;
        let served = 0;
        let exactSent = 0;
        let exactServed = 0;
        for (const s of segs) {
          c.add(s.rate, s.rate * s.share, s.seconds);
          exactSent += s.rate * s.seconds;
          exactServed += s.rate * s.share * s.seconds;
          if (s.close) {
            const t = c.take();
            expect(t.sent).toBe(t.served + t.dropped);
            expect(t.served).toBeGreaterThanOrEqual(0);
            expect(t.dropped).toBeGreaterThanOrEqual(0);
            sent += t.sent;
            served += t.served;
          }
        }
        const t = c.take();
        sent += t.sent;
        served += t.served;
        expect(Math.abs(sent - exactSent)).toBeLessThanOrEqual(1 + 1e-6 * exactSent);
        expect(Math.abs(served - exactServed)).toBeLessThanOrEqual(1 + 1e-6 * exactSent);
      }),
      // Seeded, as the project's other property tests are: PROPERTY_SEED and PROPERTY_RUNS explore further.
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100), seed: Number(process.env.PROPERTY_SEED ?? 20261202) },
    );
  });

  it('0.16 requests a second for a minute is 9 whole requests, then 10 the next minute', () => {
    const c = new RequestCounter();
    c.add(0.16, 0.16, 60);
    expect(c.take()).toEqual({ sent: 9, served: 9, dropped: 0 });
    c.add(0.16, 0.16, 60);
    expect(c.take()).toEqual({ sent: 10, served: 10, dropped: 0 });
  });
});

describe('the event queue', () => {
  it('gives items by time, and items of the same time in the order they were added', () => {
    const q = new EventQueue<string>();
    [[30, 'a'], [10, 'b'], [30, 'c'], [0, 'd'], [10, 'e']].forEach(([t, x]) => q.push(t as number, x as string));
    const out: string[] = [];
    while (q.size) out.push(q.pop()!.item);
    expect(out).toEqual(['d', 'b', 'e', 'a', 'c']);
  });
});

describe('the capacity table', () => {
  it("the basic server serves 5 requests a second at full CPU; 4 a second is 80 %; a type missing from the table counts as the basic server", async () => {
    const { capacityOf, cpuPercent, CAPACITY } = await import('../../../src/engine/sim/capacity.js');
    expect(CAPACITY['t3.micro'].rps).toBe(5);
    expect(CAPACITY['m1.small'].rps).toBe(5);
    expect(cpuPercent(4, 't3.micro')).toBe(80);
    expect(cpuPercent(9, 't3.micro')).toBe(100);
    expect(capacityOf('x9.huge')).toMatchObject({ rps: 5, assumed: true });
  });
});
