import { loadCourseWarning, saveChange } from '../../content/command-support.js';
import { findLesson, lessonMarkdown, type Lesson } from '../../content/lessons.js';
import { defaultWidth, detectMode, MIN_WIDTH, renderMarkdown, toAnsi, toPlain } from '../../content/markdown/index.js';
import { nearest } from '../../content/nearest.js';
import { lessonsDir } from '../../content/paths.js';
import { markLessonRead } from '../../content/progress.js';
import { UsageError } from '../exit-codes.js';
import { err, out, outJson } from '../output.js';
import { flushed } from '../pipes.js';

interface Options {
  width?: string;
  json?: boolean;
}

/** `cloudlab lesson <id|order>`: the lesson rendered for the terminal; marks it read once all of it was written. */
export async function run(key: string, options: Options): Promise<number> {
  const warn = (m: string): void => err(`cloudlab: ${m}`);
  const course = loadCourseWarning(warn);
  const lesson = findLesson(course, key);
  if (!lesson) throw new UsageError(unknownLesson(key, course.lessons));

  if (options.json) {
    const { id, title, order, objectives, labs, markdown } = lesson;
    // `lab` (the first lab) is kept for readers written before a lesson could have several.
    outJson({ id, title, order, objectives, lab: labs[0] ?? null, labs, markdown });
    return 0;
  }
  const width = options.width === undefined ? defaultWidth(process.stdout) : parseWidth(options.width);
  const mode = detectMode(process.stdout);
  const lines = renderMarkdown(lessonMarkdown(lesson), { width, mode });
  out([...lines.map(mode === 'ansi' ? toAnsi : toPlain), '', ...nextSteps(lesson, width)].join('\n'));
  // Read means the whole lesson reached the reader: a closed pipe ends the command before this.
  await flushed();
  saveChange((p) => markLessonRead(p, lesson.id), warn, '; the lesson is not marked read');
  return 0;
}

/** "Next: cloudlab quiz <id> · cloudlab lab brief <lab>", one command a line when narrow or when there are several labs. */
function nextSteps(lesson: Lesson, width: number): string[] {
  const quiz = `cloudlab quiz ${lesson.id}`;
  const labs = lesson.labs.map((lab) => `cloudlab lab brief ${lab}`);
  const one = [`Next: ${quiz}`, ...labs].join(' · ');
  return labs.length <= 1 && one.length <= width ? [one] : [`Next: ${quiz}`, ...labs.map((lab) => `      ${lab}`)];
}

/** The page: a title line, the objectives, then the body (without its own copy of the title). */
function parseWidth(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < MIN_WIDTH || n > 1000) {
    throw new UsageError(`--width "${text}" is not valid; give a whole number of columns from ${MIN_WIDTH} to 1000`);
  }
  return n;
}

function unknownLesson(key: string, lessons: readonly Lesson[]): string {
  if (lessons.length === 0) return `there are no lessons in ${lessonsDir()}`;
  if (/^\d+$/.test(key.trim())) {
    const orders = lessons.map((l) => l.order);
    return `there is no lesson ${key.trim()}; lessons are numbered ${Math.min(...orders)} to ${Math.max(...orders)} (cloudlab lessons lists them)`;
  }
  const guess = nearest(key, lessons.map((l) => l.id));
  return `unknown lesson "${key}"${guess ? `; did you mean "${guess}"?` : ''} (cloudlab lessons lists them all)`;
}
