import { createRng } from '../../engine/random.js';
import { isDue, type StoredCard } from './schedule.js';

/**
 * The order in which to ask things, by their cards. Normal: due first (most overdue first),
 * then never seen (in seeded order), then the rest (soonest due first). Cram: everything,
 * weakest first, whatever the due dates.
 */
export interface OrderOptions {
  readonly now: Date;
  readonly seed: string | number;
  readonly cram?: boolean;
  /** Cards by key. */
  readonly cards: Readonly<Record<string, StoredCard>>;
  /** Whether the last answer under a key was right; undefined when never answered. */
  readonly lastCorrect?: (key: string) => boolean | undefined;
}

export function orderForReview<T>(items: readonly T[], keyOf: (item: T) => string, opts: OrderOptions): T[] {
  const shuffled = createRng(`order-${opts.seed}`).shuffle(items);
  const rank = new Map(shuffled.map((item, i) => [item, i]));
  const card = (item: T): StoredCard | undefined => opts.cards[keyOf(item)];
  const tieBreak = (a: T, b: T): number => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);

  if (opts.cram) {
    const tier = (item: T): number => {
      const last = opts.lastCorrect?.(keyOf(item));
      const c = card(item);
      if (last === false || (c && c.lapses > 0)) return 0;
      return c ? 2 : 1;
    };
    return [...shuffled].sort(
      (a, b) =>
        tier(a) - tier(b) ||
        (card(b)?.lapses ?? 0) - (card(a)?.lapses ?? 0) ||
        (card(a)?.stability ?? 0) - (card(b)?.stability ?? 0) ||
        tieBreak(a, b),
    );
  }
  const due: T[] = [];
  const fresh: T[] = [];
  const rest: T[] = [];
  for (const item of shuffled) {
    const c = card(item);
    if (!c) fresh.push(item);
    else if (isDue(c, opts.now)) due.push(item);
    else rest.push(item);
  }
  const byDue = (a: T, b: T): number => Date.parse(card(a)!.due) - Date.parse(card(b)!.due) || tieBreak(a, b);
  return [...due.sort(byDue), ...fresh, ...rest.sort(byDue)];
}
