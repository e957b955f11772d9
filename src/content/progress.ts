import { existsSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { withFileLock, writeAtomically, writeTarget } from './progress-file.js';
import { cardKey, isStoredCard, review, type StoredCard } from './quiz/schedule.js';

/**
 * The learner's progress: one JSON file, written atomically (temp file, fsync, rename), so
 * a crash or a kill never leaves half a file, and changed under a lock, so concurrent
 * commands never lose each other's answers. A damaged or oversized file is moved aside with
 * a notice and a fresh progress starts; a newer cloudlab's file is left untouched: never a
 * crash, never lost.
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
  /** Set when the file was moved aside (damaged, oversized) or is a newer version's: show it. */
  readonly notice?: string;
  /** A newer version's file: shown as far as understood, never saved to. */
  readonly readOnly?: boolean;
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

/**
 * Files over this size are not read but set aside: progress for the whole course takes a few
 * hundred kilobytes, so a bigger file is not one cloudlab wrote.
 */
export const MAX_PROGRESS_BYTES = 16 * 1024 * 1024;

type Read = { kind: 'loaded'; loaded: LoadedProgress } | { kind: 'aside'; why: AsideReason; detail: string };
type AsideReason = 'damaged' | 'too-large';

/**
 * Reads the progress. A damaged or oversized file is set aside (under the lock, after
 * reading it again); a newer version's file is left untouched and comes back read-only.
 */
export function loadProgress(opts: ProgressOptions = {}): LoadedProgress {
  const path = opts.path ?? progressPath();
  const file = writeTarget(path);
  const first = readProgressFile(path, file);
  if (first.kind === 'loaded') return first.loaded;
  let again: Read = first;
  try {
    return withFileLock(file, () => {
      again = readProgressFile(path, file);
      return again.kind === 'loaded' ? again.loaded : setAside(path, file, again.why, again.detail, opts);
    });
  } catch (e) {
    if (e instanceof ProgressError) throw e;
    const detail = again.kind === 'aside' ? again.detail : first.detail;
    throw new ProgressError(`your progress file ${path} cannot be used (${detail}) and could not be moved aside: ${fsReason(e)}`);
  }
}

/** The progress in `file` (which `path` names, perhaps through a link), or why to set it aside. */
function readProgressFile(path: string, file: string): Read {
  const fresh: Read = { kind: 'loaded', loaded: { progress: emptyProgress(), path } };
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new ProgressError(`your progress file ${path} is not a regular file; move it away so that cloudlab can save progress`);
    size = st.size;
  } catch (e) {
    if (e instanceof ProgressError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return fresh;
    throw new ProgressError(`cannot read your progress file ${path}: ${fsReason(e)}`);
  }
  if (size > MAX_PROGRESS_BYTES) {
    return { kind: 'aside', why: 'too-large', detail: `it is ${megabytes(size)}, and progress files over ${megabytes(MAX_PROGRESS_BYTES)} are not read` };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return fresh;
    throw new ProgressError(`cannot read your progress file ${path}: ${fsReason(e)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'aside', why: 'damaged', detail: text.trim() === '' ? 'it is empty' : 'it is not valid JSON' };
  }
  if (isRecord(value) && typeof value.version === 'number' && value.version > PROGRESS_VERSION) {
    return { kind: 'loaded', loaded: newerVersion(path, value, value.version) };
  }
  const problem = shapeProblem(value);
  if (problem) return { kind: 'aside', why: 'damaged', detail: problem };
  return { kind: 'loaded', loaded: { progress: value as Progress, path } };
}

/**
 * A file from a newer cloudlab is never changed by this one: what it holds is shown when its
 * shape is still the one this version knows, and nothing is saved.
 */
function newerVersion(path: string, value: Record<string, unknown>, version: number): LoadedProgress {
  const understood = shapeProblem({ ...value, version: PROGRESS_VERSION }) === undefined;
  const head = `Your progress file ${path} was written by a newer version of cloudlab (format version ${version}); this version leaves it untouched`;
  return understood
    ? {
        progress: { ...(value as unknown as Progress), version: PROGRESS_VERSION },
        path,
        readOnly: true,
        notice: `${head}: it shows what it understands of your progress and saves nothing. Upgrade cloudlab to record progress again.`,
      }
    : {
        progress: emptyProgress(),
        path,
        readOnly: true,
        notice: `${head}: it cannot read it, so your progress is not shown or saved. Upgrade cloudlab to use it.`,
      };
}

function setAside(path: string, file: string, why: AsideReason, detail: string, opts: ProgressOptions): LoadedProgress {
  const stamp = (opts.now?.() ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let aside = `${file}.${why}-${stamp}`;
  for (let n = 1; existsSync(aside); n++) aside = `${file}.${why}-${stamp}-${n}`;
  try {
    renameSync(file, aside);
  } catch (e) {
    throw new ProgressError(`your progress file ${path} cannot be used (${detail}) and could not be moved aside: ${fsReason(e)}`);
  }
  const what = why === 'damaged' ? 'was damaged' : 'is far too large to be progress';
  const notice = `Your progress file ${what} (${detail}). It was moved to ${aside} and a fresh progress file was started.`;
  return { progress: emptyProgress(), path, notice };
}

/** Writes the progress atomically (temp file, fsync, rename), through a symbolic link, under the lock. */
export function saveProgress(progress: Progress, opts: ProgressOptions = {}): void {
  const path = opts.path ?? progressPath();
  const file = writeTarget(path);
  locked(path, () => write(path, file, progress));
}

function write(path: string, file: string, progress: Progress): void {
  try {
    writeAtomically(file, `${JSON.stringify(progress, null, 2)}\n`);
  } catch (e) {
    throw new ProgressError(`cannot save your progress to ${path}: ${fsReason(e)}`);
  }
}

/** Runs `fn` under the progress file's lock; a lock that cannot be taken is a ProgressError. */
function locked<T>(path: string, fn: () => T): T {
  try {
    return withFileLock(writeTarget(path), fn);
  } catch (e) {
    if (e instanceof ProgressError) throw e;
    throw new ProgressError(`cannot save your progress to ${path}: ${fsReason(e)}`);
  }
}

/**
 * Loads, lets `change` edit the progress in place, saves: one step under the lock, so that
 * two processes (two quizzes, a quiz and a check) never lose each other's answers. The
 * notice of the load is passed on. A newer version's file is not saved to: ProgressError.
 */
export function updateProgress(change: (p: Progress) => void, opts: ProgressOptions = {}): LoadedProgress {
  const path = opts.path ?? progressPath();
  return locked(path, () => {
    const loaded = loadUnlocked(path, opts);
    if (loaded.readOnly) {
      throw new ProgressError(`your progress file ${path} is from a newer version of cloudlab and is left untouched; nothing is saved`);
    }
    change(loaded.progress);
    write(path, writeTarget(path), loaded.progress);
    return loaded;
  });
}

/** loadProgress for a caller that already holds the lock. */
function loadUnlocked(path: string, opts: ProgressOptions): LoadedProgress {
  const file = writeTarget(path);
  const read = readProgressFile(path, file);
  return read.kind === 'loaded' ? read.loaded : setAside(path, file, read.why, read.detail, opts);
}

/** Erases the progress (the file a link points to, not the link); false when there was none. */
export function eraseProgress(opts: ProgressOptions = {}): boolean {
  const path = opts.path ?? progressPath();
  return locked(path, () => {
    try {
      unlinkSync(writeTarget(path));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw new ProgressError(`cannot erase ${path}: ${fsReason(e)}`);
    }
  });
}

function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
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
    // mkdir's answer when a part of the path is a file
    EEXIST: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder, not a file',
    ENOSPC: 'the disk is full',
    EROFS: 'the file system is read-only',
    EDQUOT: 'the disk quota is used up',
    ELOOP: 'it is a symbolic link that points to itself',
  };
  if (code === 'ELOCKED') return (e as Error).message;
  return (code && words[code]) ?? (e instanceof Error ? e.message : String(e));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTime(v: unknown): boolean {
  return typeof v === 'string' && !Number.isNaN(Date.parse(v));
}
