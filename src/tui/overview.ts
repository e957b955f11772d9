import type { Lab } from '../content/labs.js';
import type { Course } from '../content/lessons.js';
import type { Progress } from '../content/progress.js';
import { coursePath, labCell, labColumnWidth, quizCell, type NextStep } from './course-path.js';
import { padTo, truncate } from './text.js';

/**
 * What `cloudlab` prints instead of opening the app when there is no terminal to draw on
 * (piped, redirected, in CI): the lessons with progress and the commands to use.
 */
export interface OverviewInput {
  readonly course: Course;
  readonly progress: Progress;
  readonly labs: readonly Lab[];
  readonly now: Date;
  readonly width?: number;
}

const COMMANDS: readonly [string, string][] = [
  ['cloudlab lessons', 'the lessons, with your progress'],
  ['cloudlab lesson <id>', 'read a lesson (its id or number)'],
  ['cloudlab quiz [topic]', 'a quiz; your answers are recorded for review'],
  ['cloudlab labs', 'the labs; then cloudlab lab brief <id>'],
  ['cloudlab --help', 'every command'],
];

export function courseOverview(input: OverviewInput): string[] {
  const width = Math.max(40, Math.min(input.width ?? 80, 100));
  const path = coursePath(input.course, input.progress, input.labs, input.now);
  const out: string[] = ['cloudlab: a cloud networking course in the terminal', ''];
  if (path.rows.length === 0) {
    out.push('There are no lessons yet.');
  } else {
    const quizW = 13;
    const labW = labColumnWidth(path.rows);
    const titleW = width - 7 - quizW - labW - 2;
    out.push(`${padTo('    #  Lesson', 7 + titleW)} ${padTo('Quiz', quizW)} Lab`);
    for (const r of path.rows) {
      const order = String(r.lesson.order).padStart(2);
      const title = padTo(truncate(r.lesson.title, titleW), titleW);
      out.push(`${r.read ? '✓' : ' '}  ${order}  ${title} ${padTo(quizCell(r), quizW)} ${labCell(r)}`.trimEnd());
    }
    out.push('', `${path.read} of ${path.rows.length} lessons read.`);
    const next = nextText(path.next);
    if (next) out.push(truncate(`Next: ${next}`, width));
  }
  out.push(
    `Labs: ${input.labs.length === 0 ? 'none installed yet.' : `${input.labs.length} (${truncate(input.labs.map((l) => l.id).join(', '), width - 12)})`}`,
    '',
    'Commands:',
  );
  const cmdW = Math.max(...COMMANDS.map(([c]) => c.length)) + 2;
  for (const [cmd, what] of COMMANDS) out.push(truncate(`  ${padTo(cmd, cmdW)}${what}`, width));
  out.push('', truncate('Run cloudlab in a terminal to open the full-screen course.', width));
  return out;
}

function nextText(next: NextStep): string {
  switch (next.kind) {
    case 'read':
      return `cloudlab lesson ${next.lesson.id}`;
    case 'quiz':
      return `cloudlab quiz ${next.lesson.id}`;
    case 'lab':
      return `cloudlab lab brief ${next.lab.id}`;
    case 'review':
      return `cloudlab quiz (${next.due} due for review)`;
    default:
      return '';
  }
}
