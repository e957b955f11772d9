import type { Lab } from '../content/labs.js';
import type { Course, Lesson } from '../content/lessons.js';
import { formatAccuracy, labSummaries, lessonSummaries, quizStats, type QuizStats } from '../content/progress-summary.js';
import type { LabResult, Progress } from '../content/progress.js';

/**
 * The course as a path: each lesson with what the learner has done, and the one next step
 * to suggest. Shared by the home screen and the plain-text overview.
 */
export interface LabStatus {
  readonly id: string;
  /** False when the lesson names a lab that is not installed. */
  readonly available: boolean;
  readonly max?: number;
  readonly best?: LabResult;
}

export interface LessonRow {
  readonly lesson: Lesson;
  readonly read: boolean;
  readonly questions: number;
  readonly quiz: QuizStats;
  /** The lesson's labs, in the order they are taken; empty when it has none. */
  readonly labs: readonly LabStatus[];
}

export type NextStep =
  | { readonly kind: 'read'; readonly lesson: Lesson }
  | { readonly kind: 'quiz'; readonly lesson: Lesson }
  | { readonly kind: 'lab'; readonly lesson: Lesson; readonly lab: Lab }
  | { readonly kind: 'review'; readonly due: number }
  | { readonly kind: 'done' }
  | { readonly kind: 'empty' };

export interface CoursePath {
  readonly rows: LessonRow[];
  readonly next: NextStep;
  readonly read: number;
  /** Quiz cards due for review now, over every lesson. */
  readonly due: number;
  /** All quiz answers so far. */
  readonly quiz: QuizStats;
}

export function coursePath(course: Course, progress: Progress, labs: readonly Lab[], now: Date): CoursePath {
  const best = new Map(labSummaries(progress).map((s) => [s.lab, s.best]));
  const rows: LessonRow[] = lessonSummaries(course, progress, now).map((s) => ({ ...s, labs: labStatuses(s.lesson, labs, best) }));
  const allIds = [...course.banks.values()].flatMap((qs) => qs.map((q) => q.id));
  const quiz = quizStats(progress, allIds, now);
  return { rows, next: nextStep(rows, labs, quiz.due), read: rows.filter((r) => r.read).length, due: quiz.due, quiz };
}

/**
 * In course order: the first lesson not read; else a read lesson whose quiz was never
 * tried; else a lesson's lab without full marks; then reviews that are due.
 */
function nextStep(rows: readonly LessonRow[], labs: readonly Lab[], due: number): NextStep {
  if (rows.length === 0) return { kind: 'empty' };
  for (const r of rows) {
    if (!r.read) return { kind: 'read', lesson: r.lesson };
    if (r.questions > 0 && r.quiz.asked === 0) return { kind: 'quiz', lesson: r.lesson };
    const id = nextLabId(r.labs);
    const lab = id === undefined ? undefined : labs.find((l) => l.id === id);
    if (lab && !labDone(r.labs.find((s) => s.id === id)!)) return { kind: 'lab', lesson: r.lesson, lab };
  }
  return due > 0 ? { kind: 'review', due } : { kind: 'done' };
}

/** The suggestion in words, with the key that does it. */
export function describeNext(next: NextStep): string {
  switch (next.kind) {
    case 'read':
      return `read lesson ${next.lesson.order}, ${next.lesson.title} (Enter)`;
    case 'quiz':
      return `take the quiz of lesson ${next.lesson.order}, ${next.lesson.title} (t)`;
    case 'lab':
      return `lab ${next.lab.title} (s)`;
    case 'review':
      return `review ${next.due} question${next.due === 1 ? '' : 's'} due (r)`;
    case 'done':
      return 'everything is done; nothing is due for review today';
    case 'empty':
      return 'there are no lessons yet';
  }
}

/** The lesson the suggestion is about, if any. */
export function nextLessonId(next: NextStep): string | undefined {
  return next.kind === 'read' || next.kind === 'quiz' || next.kind === 'lab' ? next.lesson.id : undefined;
}

/** "7/9 (78%)", "–" before any answer, "" when the lesson has no questions. */
export function quizCell(row: LessonRow): string {
  return row.questions === 0 ? '' : formatAccuracy(row.quiz);
}

/** Each of a lesson's labs: whether it is installed and the learner's best result. */
export function lessonLabs(lesson: Lesson, labs: readonly Lab[], progress: Progress): LabStatus[] {
  return labStatuses(lesson, labs, new Map(labSummaries(progress).map((s) => [s.lab, s.best])));
}

function labStatuses(lesson: Lesson, labs: readonly Lab[], best: ReadonlyMap<string, LabResult>): LabStatus[] {
  return lesson.labs.map((id) => {
    const lab = labs.find((l) => l.id === id);
    return { id, available: lab !== undefined, max: lab?.maxScore, best: best.get(id) };
  });
}

/** Full marks in an installed lab. */
export function labDone(s: LabStatus): boolean {
  return s.available && s.best !== undefined && s.best.max > 0 && s.best.score >= s.best.max;
}

/** The lab to take next of a lesson's labs: the first installed one without full marks, else the first installed one. */
export function nextLabId(labs: readonly LabStatus[]): string | undefined {
  return (labs.find((s) => s.available && !labDone(s)) ?? labs.find((s) => s.available))?.id;
}

/**
 * One lab: "3/4", "4/4 ✓", "–" before any attempt, "n/a" when the lab is not installed.
 * Several: how many have full marks, "1/2 labs", "2/2 labs ✓" ("n/a" when none is installed).
 */
export function labCell(row: Pick<LessonRow, 'labs'>): string {
  if (row.labs.length === 0) return '';
  if (row.labs.length > 1) {
    if (!row.labs.some((s) => s.available)) return 'n/a';
    const done = row.labs.filter(labDone).length;
    return `${done}/${row.labs.length} labs${done === row.labs.length ? ' ✓' : ''}`;
  }
  const [lab] = row.labs;
  if (!lab.available) return 'n/a';
  const best = lab.best;
  if (!best) return '–';
  return `${best.score}/${best.max}${best.max > 0 && best.score >= best.max ? ' ✓' : ''}`;
}

/** The lab column: 7 wide, wider when a lesson with several labs needs it ("2/2 labs ✓"). */
export function labColumnWidth(rows: readonly Pick<LessonRow, 'labs'>[]): number {
  return Math.max(7, ...rows.map((r) => labCell(r).length));
}
