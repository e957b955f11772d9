import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { cardKey, isStoredCard, review, type StoredCard } from './quiz/schedule.js';

/**
 * The learner's progress: one JSON file, written atomically (temp file, fsync, rename), so
 * a crash or a kill never leaves half a file. A damaged file, or one from a newer cloudlab,
 * is moved aside with a notice and a fresh progress starts: never a crash, never lost.
 */
export const PROGRESS_VERSION = 1;

export interface LessonRead {
  readonly firstRead: string;
  readonly lastRead: string;
}

export interface QuizAttempt {
  readonly at: string;
  readonly correct: boolean;
  /** The chosen choice's text (choices joined by "; "), or what the learner typed. Files
   * written before choices were shuffled hold the letter typed. */
  readonly answer: string;
  /** The bank's indexes of the chosen choices (choice questions, since shuffling). */
  readonly chosen?: readonly number[];
}

export interface LabResult {
  readonly at: string;
  readonly student?: string;
  readonly score: number;
  readonly max: number;
  /** Ids of the checks that passed. */
  readonly passed: readonly string[];
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** Lesson id → when it was first and last opened. */
  lessons: Record<string, LessonRead>;
  quiz: {
    /** Question id → every answer, oldest first. */
    history: Record<string, QuizAttempt[]>;
    /** Card key (question id, or gen-<kind>) → FSRS card. */
    cards: Record<string, StoredCard>;
  };
  /** Lab id → every graded attempt, oldest first. */
  labs: Record<string, LabResult[]>;
}

export interface ProgressOptions {
  /** The file (default: progressPath()). */
  readonly path?: string;
  /** For the time stamp in the name of a file moved aside. */
  readonly now?: () => Date;
}

export interface LoadedProgress {
  readonly progress: Progress;
  readonly path: string;
  /** Set when the file was damaged or from the future and was moved aside: show it. */
  readonly notice?: string;
}

/** A progress file that cannot be read or written (permissions, full disk). */
export class ProgressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressError';
  }
}

/**
 * $CLOUDLAB_HOME/progress.json, else $XDG_CONFIG_HOME/cloudlab/progress.json, else
 * ~/.config/cloudlab/progress.json.
 */
export function progressPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLOUDLAB_HOME) return join(env.CLOUDLAB_HOME, 'progress.json');
  const xdg = env.XDG_CONFIG_HOME;
  // The XDG spec says a relative value is invalid and must be ignored.
  if (xdg && xdg.startsWith('/')) return join(xdg, 'cloudlab', 'progress.json');
  return join(homedir(), '.config', 'cloudlab', 'progress.json');
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, quiz: { history: {}, cards: {} }, labs: {} };
}

export function loadProgress(opts: ProgressOptions = {}): LoadedProgress {
  const path = opts.path ?? progressPath();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { progress: emptyProgress(), path };
    throw new ProgressError(`cannot read your progress file ${path}: ${fsReason(e)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return setAside(path, 'damaged', text.trim() === '' ? 'it is empty' : 'it is not valid JSON', opts);
  }
  if (typeof value === 'object' && value !== null && typeof (value as { version?: unknown }).version === 'number') {
    const version = (value as { version: number }).version;
    if (version > PROGRESS_VERSION) return setAside(path, 'future', `format version ${version}`, opts);
  }
  const problem = shapeProblem(value);
  if (problem) return setAside(path, 'damaged', problem, opts);
  return { progress: value as Progress, path };
}

function setAside(path: string, why: 'damaged' | 'future', detail: string, opts: ProgressOptions): LoadedProgress {
  const stamp = (opts.now?.() ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let aside = `${path}.${why}-${stamp}`;
  for (let n = 1; existsSync(aside); n++) aside = `${path}.${why}-${stamp}-${n}`;
  try {
    renameSync(path, aside);
  } catch (e) {
    throw new ProgressError(`your progress file ${path} cannot be used (${detail}) and could not be moved aside: ${fsReason(e)}`);
  }
  const notice =
    why === 'damaged'
      ? `Your progress file was damaged (${detail}). It was moved to ${aside} and a fresh progress file was started.`
      : `Your progress file was written by a newer version of cloudlab (${detail}). It was moved to ${aside}, ` +
        'so nothing in it is lost, and a fresh progress file was started. Upgrade cloudlab to use the old file again.';
  return { progress: emptyProgress(), path, notice };
}

/** Writes the progress atomically: a temp file in the same folder, fsync, rename. */
export function saveProgress(progress: Progress, opts: ProgressOptions = {}): void {
  const path = opts.path ?? progressPath();
  const dir = dirname(path);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    removeStaleTemps(path);
    const fd = openSync(tmp, 'w', 0o644);
    try {
      writeSync(fd, `${JSON.stringify(progress, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written, or it was already renamed
    }
    throw new ProgressError(`cannot save your progress to ${path}: ${fsReason(e)}`);
  }
  syncDir(dir);
}

/** Temp files left by a process that was killed while saving (its pid is gone). */
function removeStaleTemps(path: string): void {
  const prefix = `${basename(path)}.`;
  for (const name of readdirSync(dirname(path))) {
    const m = name.startsWith(prefix) ? /^(\d+)\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    try {
      unlinkSync(join(dirname(path), name));
    } catch {
      // another process cleaned it up first
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** So the rename itself survives a power cut; not every platform can fsync a folder. */
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}

/** Loads, lets `change` edit the progress in place, saves. The notice of the load is passed on. */
export function updateProgress(change: (p: Progress) => void, opts: ProgressOptions = {}): LoadedProgress {
  const loaded = loadProgress(opts);
  change(loaded.progress);
  saveProgress(loaded.progress, { ...opts, path: loaded.path });
  return loaded;
}

export function markLessonRead(p: Progress, lessonId: string, at: Date = new Date()): Progress {
  const when = at.toISOString();
  const before = Object.hasOwn(p.lessons, lessonId) ? p.lessons[lessonId] : undefined;
  p.lessons[lessonId] = { firstRead: before?.firstRead ?? when, lastRead: when };
  return p;
}

/** Adds the answer to the question's history and moves its FSRS card. */
export function recordQuizAnswer(
  p: Progress,
  questionId: string,
  result: { readonly correct: boolean; readonly answer: string; readonly chosen?: readonly number[] },
  at: Date = new Date(),
): Progress {
  const history = Object.hasOwn(p.quiz.history, questionId) ? p.quiz.history[questionId] : [];
  history.push({
    at: at.toISOString(),
    correct: result.correct,
    answer: result.answer,
    ...(result.chosen !== undefined ? { chosen: [...result.chosen] } : {}),
  });
  p.quiz.history[questionId] = history;
  const key = cardKey(questionId);
  p.quiz.cards[key] = review(Object.hasOwn(p.quiz.cards, key) ? p.quiz.cards[key] : undefined, result.correct, at);
  return p;
}

export function recordLabResult(p: Progress, labId: string, result: Omit<LabResult, 'at'>, at: Date = new Date()): Progress {
  const list = Object.hasOwn(p.labs, labId) ? p.labs[labId] : [];
  list.push({
    at: at.toISOString(),
    ...(result.student !== undefined ? { student: result.student } : {}),
    score: result.score,
    max: result.max,
    passed: [...result.passed],
  });
  p.labs[labId] = list;
  return p;
}

/** What is wrong with the shape of a parsed progress file, or undefined when it is sound. */
function shapeProblem(v: unknown): string | undefined {
  if (!isRecord(v)) return 'it is not a JSON object';
  if (v.version !== PROGRESS_VERSION) return `its version is ${JSON.stringify(v.version)}, expected ${PROGRESS_VERSION}`;
  if (!isRecord(v.lessons)) return '"lessons" is not an object';
  for (const [id, r] of Object.entries(v.lessons)) {
    if (!isRecord(r) || !isTime(r.firstRead) || !isTime(r.lastRead)) return `lesson "${id}" has no valid read times`;
  }
  if (!isRecord(v.quiz) || !isRecord(v.quiz.history) || !isRecord(v.quiz.cards)) return '"quiz" must hold "history" and "cards" objects';
  for (const [id, list] of Object.entries(v.quiz.history)) {
    if (!Array.isArray(list)) return `the quiz history of "${id}" is not a list`;
    for (const a of list) {
      if (!isRecord(a) || !isTime(a.at) || typeof a.correct !== 'boolean' || typeof a.answer !== 'string') {
        return `the quiz history of "${id}" has an entry without at, correct and answer`;
      }
      if (a.chosen !== undefined && !(Array.isArray(a.chosen) && a.chosen.every((i) => Number.isInteger(i) && i >= 0))) {
        return `the quiz history of "${id}" has an entry whose "chosen" is not a list of choice numbers`;
      }
    }
  }
  for (const [id, c] of Object.entries(v.quiz.cards)) if (!isStoredCard(c)) return `the review card of "${id}" is not valid`;
  if (!isRecord(v.labs)) return '"labs" is not an object';
  for (const [id, list] of Object.entries(v.labs)) {
    if (!Array.isArray(list)) return `the results of lab "${id}" are not a list`;
    for (const r of list) {
      const ok =
        isRecord(r) &&
        isTime(r.at) &&
        typeof r.score === 'number' &&
        typeof r.max === 'number' &&
        Array.isArray(r.passed) &&
        r.passed.every((x) => typeof x === 'string') &&
        (r.student === undefined || typeof r.student === 'string');
      if (!ok) return `a result of lab "${id}" lacks at, score, max or passed`;
    }
  }
  return undefined;
}

/** A file system error in words, without Node's repetition of the path. */
function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder, not a file',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
    EDQUOT: 'the disk quota is used up',
  };
  return (code && words[code]) ?? (e instanceof Error ? e.message : String(e));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTime(v: unknown): boolean {
  return typeof v === 'string' && !Number.isNaN(Date.parse(v));
}
