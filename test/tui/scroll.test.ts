import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyOf } from '../../src/tui/input.js';
import { applyScroll, clampOffset, maxOffset, positionLabel, revealOffset, scrollMove, type ScrollMove } from '../../src/tui/scroll.js';

describe('scrolling a column of lines', () => {
  it('never scrolls past the point where the last line is at the bottom', () => {
    expect(maxOffset(100, 20)).toBe(80);
    expect(maxOffset(10, 20)).toBe(0);
    expect(clampOffset(-5, 100, 20)).toBe(0);
    expect(clampOffset(95, 100, 20)).toBe(80);
    expect(clampOffset(33.7, 100, 20)).toBe(33);
  });

  it('moves by a line, by a page that keeps one line in view, and to either end', () => {
    expect(applyScroll(10, 'down', 100, 20)).toBe(11);
    expect(applyScroll(10, 'up', 100, 20)).toBe(9);
    expect(applyScroll(10, 'pageDown', 100, 20)).toBe(29);
    expect(applyScroll(29, 'pageUp', 100, 20)).toBe(10);
    expect(applyScroll(40, 'top', 100, 20)).toBe(0);
    expect(applyScroll(0, 'bottom', 100, 20)).toBe(80);
    expect(applyScroll(0, 'up', 100, 20)).toBe(0);
    expect(applyScroll(80, 'down', 100, 20)).toBe(80);
  });

  it('labels the position: "all" when everything fits, else 0% to 100%', () => {
    expect(positionLabel(0, 10, 20)).toBe('all');
    expect(positionLabel(0, 100, 20)).toBe('0%');
    expect(positionLabel(40, 100, 20)).toBe('50%');
    expect(positionLabel(80, 100, 20)).toBe('100%');
  });

  it('moves as little as possible to bring a line into view', () => {
    expect(revealOffset(10, 15, 100, 20)).toBe(10);
    expect(revealOffset(10, 5, 100, 20)).toBe(5);
    expect(revealOffset(10, 40, 100, 20)).toBe(21);
    expect(revealOffset(0, 99, 100, 20)).toBe(80);
  });

  it('reads ↑↓ j k, PgUp PgDn Space b, g G Home End', () => {
    const cases: [string, Parameters<typeof keyOf>[0], ScrollMove | undefined][] = [
      ['', { upArrow: true }, 'up'],
      ['k', {}, 'up'],
      ['', { downArrow: true }, 'down'],
      ['j', {}, 'down'],
      ['', { pageUp: true }, 'pageUp'],
      ['b', {}, 'pageUp'],
      ['', { pageDown: true }, 'pageDown'],
      [' ', {}, 'pageDown'],
      ['g', {}, 'top'],
      ['', { home: true }, 'top'],
      ['G', { shift: true }, 'bottom'],
      ['', { end: true }, 'bottom'],
      ['x', {}, undefined],
      ['j', { ctrl: true }, undefined],
    ];
    for (const [input, key, move] of cases) expect(scrollMove(input, keyOf(key)), `${JSON.stringify(input)} ${JSON.stringify(key)}`).toBe(move);
  });

  it('keeps the offset in range whatever the moves', () => {
    const move = fc.constantFrom<ScrollMove>('up', 'down', 'pageUp', 'pageDown', 'top', 'bottom');
    fc.assert(
      fc.property(fc.nat(500), fc.integer({ min: 1, max: 60 }), fc.array(move, { maxLength: 40 }), (total, height, moves) => {
        let offset = 0;
        for (const m of moves) {
          offset = applyScroll(offset, m, total, height);
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThanOrEqual(Math.max(0, total - height));
        }
      }),
    );
  });
});
