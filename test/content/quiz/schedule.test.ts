import { describe, expect, it } from 'vitest';
import { cardKey, isDue, isStoredCard, review } from '../../../src/content/quiz/schedule.js';
import { orderForReview } from '../../../src/content/quiz/select.js';

const T0 = new Date('2026-01-05T10:00:00Z');
const minutes = (n: number): Date => new Date(T0.getTime() + n * 60_000);
const days = (n: number): Date => new Date(T0.getTime() + n * 86_400_000);

describe('review', () => {
  it('brings a wrong answer back sooner than a right one', () => {
    const wrong = review(undefined, false, T0);
    const right = review(undefined, true, T0);
    expect(Date.parse(wrong.due)).toBeLessThan(Date.parse(right.due));
    expect(Date.parse(wrong.due)).toBeGreaterThan(T0.getTime());
    expect(wrong.stability).toBeLessThan(right.stability);
  });

  it('spaces a card further out with every right answer', () => {
    let card = review(undefined, true, T0);
    const gaps: number[] = [];
    let now = T0;
    for (let i = 0; i < 4; i++) {
      now = new Date(card.due);
      const next = review(card, true, now);
      gaps.push(Date.parse(next.due) - now.getTime());
      card = next;
    }
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
  });

  it('counts a lapse when a learned card is missed', () => {
    let card = review(undefined, true, T0);
    card = review(card, true, new Date(card.due));
    card = review(card, true, new Date(card.due));
    expect(card.state).toBe(2);
    const missed = review(card, false, new Date(card.due));
    expect(missed.lapses).toBe(1);
  });

  it('stores plain JSON that round-trips and validates', () => {
    const card = review(review(undefined, true, T0), false, days(1));
    const copy = JSON.parse(JSON.stringify(card));
    expect(isStoredCard(copy)).toBe(true);
    expect(review(copy, true, days(2))).toEqual(review(card, true, days(2)));
    expect(isStoredCard({ ...copy, due: 'soon' })).toBe(false);
    expect(isStoredCard({ ...copy, state: 7 })).toBe(false);
  });

  it('is due once its due time has come', () => {
    const card = review(undefined, false, T0);
    expect(isDue(card, T0)).toBe(false);
    expect(isDue(card, days(1))).toBe(true);
  });
});

describe('cardKey', () => {
  it('keys a bank question by its id and a generated question by its kind', () => {
    expect(cardKey('cidr-usable-in-slash-24')).toBe('cidr-usable-in-slash-24');
    expect(cardKey('gen-network-42-3')).toBe('gen-network');
    expect(cardKey('gen-network')).toBe('gen-network');
  });
});

describe('orderForReview', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];
  const key = (s: string): string => s;

  it('puts due cards first (most overdue first), then new ones, then the rest', () => {
    const cards = {
      a: review(undefined, true, T0), // due in minutes: not due at minutes(1)
      b: review(undefined, false, T0), // due at about minutes(1)
      c: review(undefined, false, minutes(-30)), // overdue longer
    };
    const now = minutes(5);
    expect(isDue(cards.b, now) && isDue(cards.c, now) && !isDue(cards.a, now)).toBe(true);
    const order = orderForReview(items, key, { now, seed: 1, cards });
    expect(order.slice(0, 2)).toEqual(['c', 'b']);
    expect(new Set(order.slice(2, 4))).toEqual(new Set(['d', 'e']));
    expect(order[4]).toBe('a');
  });

  it('orders new items by the seed, the same way every time', () => {
    const one = orderForReview(items, key, { now: T0, seed: 'x', cards: {} });
    expect(orderForReview(items, key, { now: T0, seed: 'x', cards: {} })).toEqual(one);
    expect(new Set(one)).toEqual(new Set(items));
    const seeds = new Set(Array.from({ length: 10 }, (_, i) => orderForReview(items, key, { now: T0, seed: i, cards: {} }).join('')));
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('in cram mode asks everything, last missed first, then unseen, then the strong ones', () => {
    const strong = review(review(undefined, true, T0), true, days(1));
    const cards = { a: strong, b: review(undefined, false, T0), c: review(undefined, true, T0) };
    const last = new Map([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
    const order = orderForReview(items, key, { now: T0, seed: 3, cram: true, cards, lastCorrect: (k) => last.get(k) });
    expect(order[0]).toBe('b');
    expect(new Set(order.slice(1, 3))).toEqual(new Set(['d', 'e']));
    expect(order.slice(3)).toEqual(['c', 'a']);
  });
});
