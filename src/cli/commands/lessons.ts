import { loadCourseWarning, openProgress } from '../../content/command-support.js';
import { defaultWidth, detectMode, renderTable, seg, toAnsi, toPlain, type Segment } from '../../content/markdown/index.js';
import { lessonsDir } from '../../content/paths.js';
import { formatAccuracy, lessonSummaries } from '../../content/progress-summary.js';
import { err, out, outJson } from '../output.js';

interface Options {
  json?: boolean;
}

/** `cloudlab lessons`: every lesson with whether it was read, quiz accuracy and its lab. */
export async function run(options: Options): Promise<number> {
  const warn = (m: string): void => err(`cloudlab: ${m}`);
  const course = loadCourseWarning(warn);
  const { progress } = openProgress(warn);
  const rows = lessonSummaries(course, progress, new Date());

  if (options.json) {
    outJson(
      rows.map((r) => ({
        order: r.lesson.order,
        id: r.lesson.id,
        title: r.lesson.title,
        objectives: r.lesson.objectives,
        lab: r.lesson.labs[0] ?? null,
        labs: r.lesson.labs,
        read: r.read,
        questions: r.questions,
        quiz: { attempts: r.quiz.attempts, correct: r.quiz.correct, due: r.quiz.due },
      })),
    );
    return 0;
  }
  if (rows.length === 0) {
    out(`There are no lessons in ${lessonsDir()}.`);
    return 0;
  }
  const mode = detectMode(process.stdout);
  const width = Math.min(defaultWidth(process.stdout), 100);
  const cell = (text: string): Segment[] => [seg(text)];
  const status = (r: (typeof rows)[number]): string[] => [r.read ? '✓' : '', formatAccuracy(r.quiz), labText(r.lesson.labs)];
  // Ids are what people type, so they are never broken. When the titles do not fit beside
  // them at this width, each title goes on the line under its id instead.
  const longest = (texts: string[]): number => Math.max(0, ...texts.map((t) => t.length));
  const side =
    2 + longest(rows.map((r) => r.lesson.id)) + longest(rows.map((r) => r.lesson.title)) + 4 + 4 + Math.max(3, longest(rows.flatMap((r) => r.lesson.labs))) + 2 * 5;
  const together = side <= width;
  const table = renderTable({
    rows: together
      ? [['#', 'Lesson', 'Title', 'Read', 'Quiz', 'Lab'].map(cell), ...rows.map((r) => [String(r.lesson.order), r.lesson.id, r.lesson.title, ...status(r)].map(cell))]
      : [
          ['#', 'Lesson', 'Read', 'Quiz', 'Lab'].map(cell),
          ...rows.map((r) => [[seg(String(r.lesson.order))], [seg(r.lesson.id), seg(`\n${r.lesson.title}`, { dim: true })], ...status(r).map(cell)]),
        ],
    headerRows: 1,
    align: together ? ['right', 'left', 'left', 'center', 'right', 'left'] : ['right', 'left', 'center', 'right', 'left'],
    width,
    mode,
    frame: 'none',
  });
  const read = rows.filter((r) => r.read).length;
  out(
    [
      ...table.map(mode === 'ansi' ? toAnsi : toPlain),
      '',
      `${read} of ${rows.length} lessons read. Open one with: cloudlab lesson <id or number>`,
    ].join('\n'),
  );
  return 0;
}

/** The lesson's labs, one id a line so that no id is ever broken; "–" for none. */
function labText(labs: readonly string[]): string {
  return labs.length === 0 ? '–' : labs.join('\n');
}
