import type { Course, Lesson } from './lessons.js';
import type { LabResult, Progress } from './progress.js';
import { GENERATED_KINDS } from './quiz/generate.js';
import { cardKey, isDue } from './quiz/schedule.js';

/** Summaries of a progress file for listings: per lesson, for generated practice, per lab. */
export interface QuizStats {
  /** Answers given (a question answered twice counts twice). */
  readonly attempts: number;
  readonly correct: number;
  /** Questions answered at least once. */
  readonly asked: number;
  /** Cards due for review now. */
  readonly due: number;
}

export function quizStats(p: Progress, questionIds: Iterable<string>, now: Date): QuizStats {
  let attempts = 0;
  let correct = 0;
  let asked = 0;
  const dueKeys = new Set<string>();
  for (const id of questionIds) {
    const list = Object.hasOwn(p.quiz.history, id) ? p.quiz.history[id] : [];
    if (list.length > 0) asked++;
    attempts += list.length;
    correct += list.filter((a) => a.correct).length;
    const key = cardKey(id);
    if (Object.hasOwn(p.quiz.cards, key) && isDue(p.quiz.cards[key], now)) dueKeys.add(key);
  }
  return { attempts, correct, asked, due: dueKeys.size };
}

/** Generated (cidr) practice: every gen-… answer; due counts kinds. */
export function generatedStats(p: Progress, now: Date): QuizStats {
  const ids = Object.keys(p.quiz.history).filter((id) => id.startsWith('gen-'));
  const stats = quizStats(p, ids, now);
  const due = GENERATED_KINDS.filter((k) => Object.hasOwn(p.quiz.cards, `gen-${k}`) && isDue(p.quiz.cards[`gen-${k}`], now)).length;
  return { ...stats, due };
}

/** "7/9 (78%)", or "–" when nothing was answered. */
export function formatAccuracy(s: Pick<QuizStats, 'attempts' | 'correct'>): string {
  return s.attempts === 0 ? '–' : `${s.correct}/${s.attempts} (${Math.round((100 * s.correct) / s.attempts)}%)`;
}

/** Whether the latest answer under each card key was right (for cram mode's weakest-first). */
export function lastCorrectByKey(p: Progress): Map<string, boolean> {
  const latest = new Map<string, { at: number; correct: boolean }>();
  for (const [id, list] of Object.entries(p.quiz.history)) {
    const last = list[list.length - 1];
    if (!last) continue;
    const key = cardKey(id);
    const at = Date.parse(last.at);
    const seen = latest.get(key);
    if (!seen || at >= seen.at) latest.set(key, { at, correct: last.correct });
  }
  return new Map([...latest].map(([k, v]) => [k, v.correct]));
}

export interface LessonSummary {
  readonly lesson: Lesson;
  readonly read: boolean;
  readonly questions: number;
  readonly quiz: QuizStats;
}

export function lessonSummaries(course: Course, p: Progress, now: Date): LessonSummary[] {
  return course.lessons.map((lesson) => {
    const ids = (course.banks.get(lesson.id) ?? []).map((q) => q.id);
    return { lesson, read: Object.hasOwn(p.lessons, lesson.id), questions: ids.length, quiz: quizStats(p, ids, now) };
  });
}

export interface LabSummary {
  readonly lab: string;
  readonly best: LabResult;
  readonly attempts: number;
}

/** Each lab's best result (highest score share; the earliest of equals). */
export function labSummaries(p: Progress): LabSummary[] {
  return Object.entries(p.labs)
    .filter(([, list]) => list.length > 0)
    .map(([lab, list]) => {
      const share = (r: LabResult): number => (r.max > 0 ? r.score / r.max : 0);
      const best = list.reduce((a, b) => (share(b) > share(a) ? b : a));
      return { lab, best, attempts: list.length };
    })
    .sort((a, b) => a.lab.localeCompare(b.lab));
}
