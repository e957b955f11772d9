import { createEmptyCard, fsrs, Rating, State, type Card } from 'ts-fsrs';
import { kindOf } from './generate.js';

/**
 * Spaced repetition with FSRS: every question (every kind, for generated questions) has a
 * card; a right answer is rated Good, a wrong one Again, so what was missed comes back
 * sooner. Times come from the caller, so tests can move the clock.
 */
const scheduler = fsrs({ enable_fuzz: false });

/** A card as stored in the progress file: dates as ISO strings. */
export interface StoredCard {
  readonly due: string;
  readonly stability: number;
  readonly difficulty: number;
  readonly elapsed_days: number;
  readonly scheduled_days: number;
  readonly learning_steps: number;
  readonly reps: number;
  readonly lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs State). */
  readonly state: number;
  readonly last_review?: string;
}

/**
 * The card a question's answers update. Generated questions are never asked twice, so
 * their kind carries the card: missing "network of a block" questions brings that kind back.
 */
export function cardKey(questionId: string): string {
  if (questionId.startsWith('gen-trace-')) return 'gen-trace';
  const kind = kindOf(questionId);
  return kind ? `gen-${kind}` : questionId;
}

/** The card after one answer. */
export function review(card: StoredCard | undefined, correct: boolean, at: Date): StoredCard {
  const current = card ? fromStored(card) : createEmptyCard(at);
  const next = scheduler.next(current, at, correct ? Rating.Good : Rating.Again).card;
  return toStored(next);
}

export function isDue(card: StoredCard, now: Date): boolean {
  return Date.parse(card.due) <= now.getTime();
}

export function fromStored(c: StoredCard): Card {
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as State,
    ...(c.last_review ? { last_review: new Date(c.last_review) } : {}),
  };
}

export function toStored(c: Card): StoredCard {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    ...(c.last_review ? { last_review: c.last_review.toISOString() } : {}),
  };
}

/** True when a value read from the progress file has the shape of a stored card. */
export function isStoredCard(v: unknown): v is StoredCard {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  const num = (k: string): boolean => typeof c[k] === 'number' && Number.isFinite(c[k]);
  return (
    typeof c.due === 'string' &&
    !Number.isNaN(Date.parse(c.due)) &&
    ['stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'].every(num) &&
    [0, 1, 2, 3].includes(c.state as number) &&
    (c.last_review === undefined || (typeof c.last_review === 'string' && !Number.isNaN(Date.parse(c.last_review))))
  );
}
