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
  }
}

export function writeFileWhole(file: string, text: string): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new OutputError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
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
