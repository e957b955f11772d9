import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isLabId, LAB_IDS, type LabId } from './lab-ids.js';
import { splitFrontMatter } from './front-matter.js';
import { lessonsDir } from './paths.js';
import { parseQuizBank } from './quiz-bank.js';
import type { Question } from './quiz/types.js';
import { childNode, parseYamlSource } from './yaml-source.js';

/** One lesson: lessons/NN-<id>.md, front matter and Markdown body. */
export interface Lesson {
  readonly id: string;
  readonly title: string;
  readonly order: number;
  readonly objectives: readonly string[];
  /** The labs that end the lesson, in the order they are taken (front matter `lab:`, one id or a list); empty when none. */
  readonly labs: readonly LabId[];
  /** The Markdown body, without the front matter. */
  readonly markdown: string;
  /** Absolute path of the file. */
  readonly file: string;
}

export interface Course {
  /** Sorted by `order`. */
  readonly lessons: Lesson[];
  /** Questions by lesson id, in bank order. */
  readonly banks: Map<string, Question[]>;
  /** Everything wrong with the content, each "file:line: message". Empty when all is well. */
  readonly problems: string[];
}

const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LESSON_KEYS = ['id', 'title', 'order', 'objectives', 'lab'];
const BANK_SUFFIX = '.quiz.yaml';

/**
 * Loads and checks every lesson and quiz bank in a folder (default: the course's lessons/).
 * Never throws for bad content: what can be used is returned, and every problem is listed.
 */
export function loadCourse(dir: string = lessonsDir()): Course {
  const problems: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.push(`${dir}: cannot read the lessons folder (${code === 'ENOENT' ? 'it does not exist' : code ?? String(e)})`);
    return { lessons: [], banks: new Map(), problems };
  }
  const shown = (name: string): string => join(basename(dir), name);

  const lessons: Lesson[] = [];
  const stems = new Map<string, string>();
  for (const name of names.filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md')) {
    const lesson = parseLesson(readFileSync(join(dir, name), 'utf8'), join(dir, name), shown(name), problems);
    if (lesson) {
      lessons.push(lesson);
      stems.set(lesson.id, name.slice(0, -'.md'.length));
    }
  }
  checkUnique(lessons, shown, problems);
  lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));

  const banks = new Map<string, Question[]>();
  const questionHome = new Map<string, string>();
  for (const name of names.filter((n) => n.endsWith(BANK_SUFFIX))) {
    const bank = parseQuizBank(readFileSync(join(dir, name), 'utf8'), shown(name));
    problems.push(...bank.problems);
    if (bank.lesson === undefined) continue;
    const lesson = lessons.find((l) => l.id === bank.lesson);
    if (!lesson) {
      problems.push(`${shown(name)}:1: lesson "${bank.lesson}" is unknown; lessons are ${lessons.map((l) => l.id).join(', ') || '(none)'}`);
      continue;
    }
    if (banks.has(lesson.id)) {
      problems.push(`${shown(name)}:1: lesson "${lesson.id}" already has a quiz bank; put all its questions in one file`);
      continue;
    }
    const expected = `${stems.get(lesson.id)}${BANK_SUFFIX}`;
    if (name !== expected) problems.push(`${shown(name)}:1: the bank of lesson "${lesson.id}" should be named ${expected}`);
    const kept: Question[] = [];
    for (const q of bank.questions) {
      const other = questionHome.get(q.id);
      if (other) {
        problems.push(`${shown(name)}:${bank.lines.get(q.id)}: question id "${q.id}" is already used in ${other}; ids must be unique across all banks`);
        continue;
      }
      questionHome.set(q.id, shown(name));
      kept.push(q);
    }
    banks.set(lesson.id, kept);
  }
  return { lessons, banks, problems };
}

/** Parses one lesson file; pushes its problems and returns undefined when it cannot be used. */
export function parseLesson(text: string, file: string, shown: string, problems: string[]): Lesson | undefined {
  const split = splitFrontMatter(text);
  const at = (line: number, message: string): void => {
    problems.push(`${shown}:${line}: ${message}`);
  };
  if (split.yaml === undefined) {
    at(1, 'no front matter; start the file with a line "---", then id, title, order and objectives, then "---"');
    return undefined;
  }
  if (split.unclosed) {
    at(1, 'the front matter is not closed; end it with a line "---"');
    return undefined;
  }
  const src = parseYamlSource(split.yaml, split.yamlLine);
  if (src.errors.length > 0) {
    for (const e of src.errors) problems.push(`${shown}: front matter YAML ${e}`);
    return undefined;
  }
  const fm = src.value;
  if (typeof fm !== 'object' || fm === null || Array.isArray(fm)) {
    at(split.yamlLine, 'the front matter must be a mapping with id, title, order and objectives');
    return undefined;
  }
  const raw = fm as Record<string, unknown>;
  const line = (key: string): number => src.lineOf(childNode(src.doc.contents, key), split.yamlLine);
  const before = problems.length;

  for (const key of Object.keys(raw)) {
    if (!LESSON_KEYS.includes(key)) at(line(key), `unknown front matter field "${key}"; fields are ${LESSON_KEYS.join(', ')}`);
  }
  const id = typeof raw.id === 'string' ? raw.id.trim() : '';
  if (!id) at(line('id'), 'missing `id:`, a kebab-case name such as ip-addresses-and-cidr');
  else if (!LESSON_ID.test(id)) at(line('id'), `id "${id}" must be kebab-case: lower-case letters, digits and single hyphens`);
  const title = typeof raw.title === 'string' ? raw.title.trim() : '';
  if (!title) at(line('title'), 'missing `title:`');
  const order = raw.order;
  if (typeof order !== 'number' || !Number.isInteger(order) || order < 0) {
    at(line('order'), `${order === undefined ? 'missing `order:`' : `order ${JSON.stringify(order)} is not valid`}; order is a whole number from 0 (lesson 0 is an optional primer), the lesson's place in the course`);
  }
  const objectives = raw.objectives;
  if (!Array.isArray(objectives) || objectives.length === 0 || !objectives.every((o) => typeof o === 'string' && o.trim() !== '')) {
    at(line('objectives'), '`objectives:` must be a list of at least one non-empty string');
  }
  const labs = raw.lab === undefined ? [] : parseLabs(raw.lab, childNode(src.doc.contents, 'lab'), (node) => src.lineOf(node, line('lab')), at);
  if (problems.length > before) return undefined;

  const stem = basename(file).replace(/\.md$/, '');
  const m = /^(\d+)-(.+)$/.exec(stem);
  if (!m || m[2] !== id || Number(m[1]) !== order) {
    at(1, `the file of lesson "${id}" (order ${order}) should be named ${String(order).padStart(2, '0')}-${id}.md`);
  }
  return {
    id,
    title,
    order: order as number,
    objectives: (objectives as string[]).map((o) => o.trim()),
    labs,
    markdown: split.body.replace(/^\n+/, ''),
    file,
  };
}

/** `lab:` is one lab id or a list of them, each once; pushes a problem for each bad one. */
function parseLabs(value: unknown, node: unknown, lineOf: (node: unknown) => number, at: (line: number, message: string) => void): LabId[] {
  const valid = `choose one of ${LAB_IDS.join(', ')}`;
  if (!Array.isArray(value)) {
    if (isLabId(value)) return [value];
    at(lineOf(node), `lab ${JSON.stringify(value)} is not a lab; ${valid}, or a list of them`);
    return [];
  }
  if (value.length === 0) at(lineOf(node), `\`lab:\` is an empty list; name at least one lab (${valid}) or leave \`lab:\` out`);
  const labs: LabId[] = [];
  value.forEach((item: unknown, i) => {
    const itemLine = lineOf(childNode(node, i) ?? node);
    if (!isLabId(item)) at(itemLine, `lab ${JSON.stringify(item)} is not a lab; ${valid}`);
    else if (labs.includes(item)) at(itemLine, `lab ${item} is listed twice; name each lab once`);
    else labs.push(item);
  });
  return labs;
}

function checkUnique(lessons: Lesson[], shown: (name: string) => string, problems: string[]): void {
  const byId = new Map<string, Lesson>();
  const byOrder = new Map<number, Lesson>();
  for (const l of [...lessons]) {
    const sameId = byId.get(l.id);
    const sameOrder = byOrder.get(l.order);
    if (sameId) problems.push(`${shown(basename(l.file))}: lesson id "${l.id}" is also used by ${shown(basename(sameId.file))}`);
    if (sameOrder) problems.push(`${shown(basename(l.file))}: order ${l.order} is also used by ${shown(basename(sameOrder.file))}`);
    if (sameId || sameOrder) {
      lessons.splice(lessons.indexOf(l), 1);
      continue;
    }
    byId.set(l.id, l);
    byOrder.set(l.order, l);
  }
}

/** Finds a lesson by id or by its order number ("3"). */
export function findLesson(course: Pick<Course, 'lessons'>, key: string): Lesson | undefined {
  const k = key.trim();
  if (/^\d+$/.test(k)) return course.lessons.find((l) => l.order === Number(k));
  return course.lessons.find((l) => l.id === k.toLowerCase());
}

/** The lesson as it is read: "Lesson N · title", the objectives, then the body (whose own title heading is dropped). */
export function lessonMarkdown(lesson: Lesson): string {
  const body = lesson.markdown.replace(/^#\s+(.+)\n/, (whole, heading: string) => (heading.trim() === lesson.title ? '' : whole));
  const objectives = lesson.objectives.map((o) => `- ${o}`).join('\n');
  return `# Lesson ${lesson.order} · ${lesson.title}\n\n**You will be able to:**\n\n${objectives}\n\n${body}`;
}
