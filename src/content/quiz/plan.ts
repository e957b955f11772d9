import { findLesson, type Course, type Lesson } from '../lessons.js';
import { nearest } from '../nearest.js';
import { lastCorrectByKey } from '../progress-summary.js';
import type { Progress } from '../progress.js';
import { GENERATED_KINDS, GENERATED_TOPIC, generateQuestions } from './generate.js';
import { orderForReview } from './select.js';
import { shuffleChoices } from './shuffle.js';
import { TRACE_TOPIC, traceQuestions } from './trace-quiz.js';
import type { Question } from './types.js';

/** What a quiz is about: one lesson, generated subnetting practice, or a review of lessons read. */
export type QuizTopic =
  | { readonly kind: 'lesson'; readonly lesson: Lesson }
  | { readonly kind: 'generated' }
  | { readonly kind: 'trace' }
  | { readonly kind: 'review'; readonly lessons: readonly Lesson[] };

/** A topic that does not exist or has no questions; the message lists what does. */
export class TopicError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TopicError';
  }
}

/**
 * A lesson id, its order number, or "cidr". No topic: a review of the lessons read so far,
 * or, before any is read, the first lesson with questions.
 */
export function resolveTopic(course: Course, input: string | undefined, progress: Progress): QuizTopic {
  const withBank = course.lessons.filter((l) => (course.banks.get(l.id) ?? []).length > 0);
  if (input === undefined || input.trim() === '') {
    const read = withBank.filter((l) => Object.hasOwn(progress.lessons, l.id));
    if (read.length > 0) return { kind: 'review', lessons: read };
    if (withBank.length > 0) return { kind: 'lesson', lesson: withBank[0] };
    throw new TopicError(`no lesson has quiz questions yet; try generated practice: cloudlab quiz ${GENERATED_TOPIC}`);
  }
  const key = input.trim().toLowerCase();
  if (key === GENERATED_TOPIC) return { kind: 'generated' };
  if (key === TRACE_TOPIC) return { kind: 'trace' };
  const lesson = findLesson(course, key);
  if (!lesson) {
    const valid = [...course.lessons.map((l) => `${l.order} ${l.id}`), GENERATED_TOPIC, TRACE_TOPIC];
    const guess = nearest(key, [...course.lessons.map((l) => l.id), GENERATED_TOPIC, TRACE_TOPIC]);
    throw new TopicError(
      `unknown quiz topic "${input}"${guess ? `; did you mean "${guess}"?` : ''} ` +
        `Choose a lesson id or number, ${GENERATED_TOPIC} for generated subnetting questions, or ${TRACE_TOPIC} for generated "which hop drops it" questions: ${valid.join(', ')}`,
    );
  }
  if ((course.banks.get(lesson.id) ?? []).length === 0) {
    throw new TopicError(`lesson "${lesson.id}" has no quiz questions yet; try cloudlab quiz ${GENERATED_TOPIC}`);
  }
  return { kind: 'lesson', lesson };
}

export interface PlanOptions {
  readonly count: number;
  readonly seed: string;
  readonly cram?: boolean;
  readonly now: Date;
}

/**
 * The questions to ask, in order, each with its choices shuffled by the seed. Bank questions: due first, then new, then the rest, at most
 * `count` (cram: all of them, weakest first). Generated: `count` questions, the kinds most
 * in need of review first.
 */
export function planQuiz(course: Course, progress: Progress, topic: QuizTopic, opts: PlanOptions): Question[] {
  const order = {
    now: opts.now,
    seed: opts.seed,
    cram: opts.cram,
    cards: progress.quiz.cards,
    lastCorrect: ((last) => (key: string) => last.get(key))(lastCorrectByKey(progress)),
  };
  const shuffled = (qs: Question[]): Question[] => qs.map((q) => shuffleChoices(q, opts.seed));
  if (topic.kind === 'generated') {
    const kinds = orderForReview(GENERATED_KINDS, (k) => `gen-${k}`, order);
    return shuffled(generateQuestions(opts.seed, opts.count, kinds));
  }
  if (topic.kind === 'trace') return traceQuestions(opts.seed, opts.count);
  const lessons = topic.kind === 'lesson' ? [topic.lesson] : topic.lessons;
  const pool = lessons.flatMap((l) => course.banks.get(l.id) ?? []);
  const ordered = orderForReview(pool, (q) => q.id, order);
  return shuffled(opts.cram ? ordered : ordered.slice(0, opts.count));
}

export function topicLabel(topic: QuizTopic): string {
  if (topic.kind === 'generated') return `${GENERATED_TOPIC} (generated subnetting questions)`;
  if (topic.kind === 'trace') return `${TRACE_TOPIC} (generated: which hop drops the flow)`;
  if (topic.kind === 'lesson') return `${topic.lesson.id} (lesson ${topic.lesson.order})`;
  return `review of ${topic.lessons.length} lesson${topic.lessons.length === 1 ? '' : 's'} read`;
}
