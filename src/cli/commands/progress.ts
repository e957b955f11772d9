import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { loadCourseWarning, openProgress } from '../../content/command-support.js';
import { defaultWidth, detectMode, renderTable, seg, toAnsi, toPlain, type RenderMode, type Segment } from '../../content/markdown/index.js';
import { eraseProgress, progressPath } from '../../content/progress.js';
import { formatAccuracy, generatedStats, labSummaries, lessonSummaries, type QuizStats } from '../../content/progress-summary.js';
import { UsageError } from '../exit-codes.js';
import { err, out, outJson } from '../output.js';

interface Options {
  reset?: boolean;
  yes?: boolean;
  json?: boolean;
}

/** `cloudlab progress`: lessons read, quiz accuracy and due reviews, best lab scores; or --reset. */
export async function run(options: Options): Promise<number> {
  if (options.yes && !options.reset) throw new UsageError('--yes only goes with --reset');
  if (options.reset) return reset(Boolean(options.yes));

  const warn = (m: string): void => err(`cloudlab: ${m}`);
  const course = loadCourseWarning(warn);
  const { progress, path } = openProgress(warn);
  const now = new Date();
  const lessons = lessonSummaries(course, progress, now);
  const generated = generatedStats(progress, now);
  const quizRows = [
    ...lessons.filter((l) => l.questions > 0).map((l) => ({ topic: l.lesson.id, order: l.lesson.order, questions: l.questions, stats: l.quiz })),
    ...(generated.attempts > 0 || generated.due > 0 ? [{ topic: 'cidr', order: null, questions: null, stats: generated }] : []),
  ];
  const labs = labSummaries(progress);
  const read = lessons.filter((l) => l.read).length;

  if (options.json) {
    outJson({
      file: path,
      lessons: {
        read,
        total: lessons.length,
        list: lessons.map((l) => ({
          id: l.lesson.id,
          order: l.lesson.order,
          read: l.read,
          ...(Object.hasOwn(progress.lessons, l.lesson.id) ? progress.lessons[l.lesson.id] : {}),
        })),
      },
      quiz: quizRows.map((r) => ({
        topic: r.topic,
        questions: r.questions,
        asked: r.stats.asked,
        attempts: r.stats.attempts,
        correct: r.stats.correct,
        accuracy: r.stats.attempts === 0 ? null : r.stats.correct / r.stats.attempts,
        due: r.stats.due,
      })),
      labs: labs.map((l) => ({ lab: l.lab, bestScore: l.best.score, max: l.best.max, at: l.best.at, attempts: l.attempts })),
    });
    return 0;
  }

  const mode = detectMode(process.stdout);
  const width = Math.min(defaultWidth(process.stdout), 100);
  const print = (lines: ReturnType<typeof renderTable>): string[] => lines.map(mode === 'ansi' ? toAnsi : toPlain);
  const text: string[] = [`Progress file: ${path}`, '', `Lessons read: ${read} of ${lessons.length}`];

  text.push('', 'Quizzes');
  const answeredRows = quizRows.filter((r) => r.stats.attempts > 0);
  if (answeredRows.length === 0) text.push('  No quiz answered yet. Try: cloudlab quiz');
  else {
    const answered = (s: QuizStats, total: number | null): string => (total === null ? String(s.asked) : `${s.asked} of ${total}`);
    text.push(
      ...print(
        table(
          ['Topic', 'Answered', 'Accuracy', 'Due'],
          answeredRows.map((r) => [r.order === null ? `${r.topic} (generated)` : `${r.order}. ${r.topic}`, answered(r.stats, r.questions), formatAccuracy(r.stats), String(r.stats.due)]),
          ['left', 'right', 'right', 'right'],
          width,
          mode,
        ),
      ),
    );
    const due = answeredRows.reduce((n, r) => n + r.stats.due, 0);
    if (due > 0) text.push(`${due} due for review: cloudlab quiz`);
  }

  text.push('', 'Labs');
  if (labs.length === 0) text.push('  No lab checked yet. Try: cloudlab labs');
  else {
    text.push(
      ...print(
        table(
          ['Lab', 'Best score', 'Attempts', 'Best on'],
          labs.map((l) => [l.lab, `${l.best.score}/${l.best.max}`, String(l.attempts), l.best.at.slice(0, 10)]),
          ['left', 'right', 'right', 'left'],
          width,
          mode,
        ),
      ),
    );
  }
  out(text.join('\n'));
  return 0;
}

function table(header: string[], rows: string[][], align: ('left' | 'right')[], width: number, mode: RenderMode) {
  const cell = (t: string): Segment[] => [seg(t)];
  return renderTable({ rows: [header.map(cell), ...rows.map((r) => r.map(cell))], headerRows: 1, align, width, mode, frame: 'none' });
}

async function reset(yes: boolean): Promise<number> {
  const path = progressPath();
  if (!existsSync(path)) {
    out(`Nothing to erase: there is no progress file at ${path}.`);
    return 0;
  }
  if (!yes) {
    if (!process.stdin.isTTY) {
      throw new UsageError(`not erasing ${path} without a yes: standard input is not a terminal; add --yes to erase it`);
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const stop = new AbortController();
    rl.on('SIGINT', () => stop.abort());
    rl.on('close', () => stop.abort());
    let answer = '';
    try {
      answer = await rl.question(`Erase all progress in ${path}? [y/N] `, { signal: stop.signal });
    } catch {
      out('');
      // Ctrl-C or Ctrl-D: the same as no
    } finally {
      rl.close();
    }
    if (!/^\s*y(es)?\s*$/i.test(answer)) {
      out('Nothing erased.');
      return 0;
    }
  }
  try {
    if (!eraseProgress()) {
      out(`Nothing to erase: there is no progress file at ${path}.`);
      return 0;
    }
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  out(`Erased all progress in ${path}.`);
  return 0;
}
