import fs from 'node:fs';
import path from 'node:path';
import type { OutputFile } from './types.js';

/**
 * Writing a run's outputs. A file is written whole or not at all (a temporary file renamed
 * into place), so an interrupted run never leaves half a CSV behind.
 */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

/** Refuses early what would fail after grading: a file where a folder is needed, and so on. */
export function checkOutputTarget(target: string, kind: 'file' | 'folder', option: string): void {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(target);
  } catch {
    st = undefined;
  }
  if (kind === 'file') {
    if (st?.isDirectory()) throw new OutputError(`${option} ${target} is a folder; give a file name`);
    const parent = path.dirname(path.resolve(target));
    if (!fs.existsSync(parent)) throw new OutputError(`${option} ${target}: the folder ${parent} does not exist`);
  } else if (st && !st.isDirectory()) {
    throw new OutputError(`${option} ${target} is a file; give a folder (it is created if missing)`);
  } else if (st) {
    const names = listFolder(target, option);
    if (names.length > 0 && !names.includes(OUTPUT_MARKER)) {
      throw new OutputError(
        `${option} ${target} already holds files that cloudlab did not write; the output folder is replaced as a whole, so give a new or empty folder (or remove ${target} first)`,
      );
    }
    const parent = path.dirname(path.resolve(target));
    try {
      fs.accessSync(parent, fs.constants.W_OK);
    } catch {
      throw new OutputError(`${option} ${target}: the folder ${parent} cannot be written, and the output folder is replaced there`);
    }
  }
}

/**
 * The file that marks a folder as written by cloudlab, so that the next run may replace it
 * as a whole without ever deleting a folder of someone else's files.
 */
export const OUTPUT_MARKER = '.cloudlab-output';

function listFolder(dir: string, option: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch (e) {
    throw new OutputError(`${option} ${dir}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * True when `file` is a device, a pipe or a socket (/dev/null, /dev/stdout, a FIFO): written in
 * place, since renaming a file over it would replace the device with a regular file.
 */
export function writesInPlace(file: string): boolean {
  try {
    const st = fs.statSync(file);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

export function writeFileWhole(file: string, text: string): void {
  if (writesInPlace(file)) {
    try {
      fs.writeFileSync(file, text);
      return;
    } catch (e) {
      throw new OutputError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new OutputError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * Replaces `dir` as a whole with exactly `files`: they are written into a new folder beside
 * it, which then takes its place, so files of students no longer in the run do not linger
 * and an interrupted run leaves the previous folder as it was.
 */
export function replaceFolder(dir: string, files: readonly OutputFile[]): void {
  checkOutputTarget(dir, 'folder', 'the output folder');
  const abs = path.resolve(dir);
  const stage = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.new`);
  const old = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.old`);
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.rmSync(stage, { recursive: true, force: true });
    fs.mkdirSync(stage);
    fs.writeFileSync(path.join(stage, OUTPUT_MARKER), 'Written by cloudlab grade; the next run replaces this folder as a whole.\n');
    writeTree(stage, files);
  } catch (e) {
    fs.rmSync(stage, { recursive: true, force: true });
    if (e instanceof OutputError) throw e;
    throw new OutputError(`cannot write ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const existed = fs.existsSync(abs);
  try {
    if (existed) fs.renameSync(abs, old);
    fs.renameSync(stage, abs);
  } catch (e) {
    if (existed && !fs.existsSync(abs) && fs.existsSync(old)) fs.renameSync(old, abs);
    fs.rmSync(stage, { recursive: true, force: true });
    throw new OutputError(`cannot replace ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (existed) fs.rmSync(old, { recursive: true, force: true });
}

export function writeTree(dir: string, files: readonly OutputFile[]): void {
  for (const f of files) {
    const full = path.join(dir, f.path);
    try {
      fs.mkdirSync(path.dirname(full), { recursive: true });
    } catch (e) {
      throw new OutputError(`cannot create ${path.dirname(full)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    writeFileWhole(full, f.text);
  }
}
