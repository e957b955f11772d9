import { closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The file-system side of the progress file: where a save really lands (through symbolic
 * links), the lock that makes load–change–save one step between processes, and the atomic
 * write itself.
 */

/** A lock older than this is taken over: saving holds it for milliseconds. */
export const LOCK_STALE_MS = 10_000;
/** How long a save waits for another process's lock before taking it over as stale. */
const LOCK_WAIT_MS = LOCK_STALE_MS + 2_000;

/**
 * The file a save should replace: `path` itself, or, when it is a symbolic link, the file
 * it points to (followed link by link, so a link to a file not yet created still works).
 */
export function writeTarget(path: string): string {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!lstatSync(p).isSymbolicLink()) return p;
      link = readlinkSync(p);
    } catch {
      return p; // does not exist yet (or cannot be inspected: the write will say why)
    }
    p = resolve(dirname(p), link);
  }
  return p;
}

/** Writes the text atomically: a temp file in the same folder, fsync, rename, fsync the folder. */
export function writeAtomically(file: string, text: string): void {
  const dir = dirname(file);
  const tmp = `${file}.${process.pid}.tmp`;
  mkdirSync(dir, { recursive: true });
  removeStaleTemps(file);
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written, or it was already renamed
    }
    throw e;
  }
  syncDir(dir);
}

/** Another process held the lock, alive and fresh, for longer than a save ever takes. */
export class LockBusyError extends Error {
  readonly code = 'ELOCKED';
  constructor(readonly lock: string) {
    super(`another cloudlab process has been saving for over ${LOCK_WAIT_MS / 1000} s (lock ${lock})`);
  }
}

interface LockOwner {
  pid: number;
  host: string;
}

/**
 * Runs `fn` holding `<file>.lock`, created exclusively and holding this process's pid and
 * host. A lock whose process is gone (same host), or older than LOCK_STALE_MS, is stale and
 * taken over; a live one is waited for. Throws the file system's error when the folder
 * cannot hold a lock (read-only, permissions).
 */
export function withFileLock<T>(file: string, fn: () => T): T {
  const lock = `${file}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx', 0o644);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (isStale(lock)) breakLock(lock);
      else if (Date.now() > deadline) throw new LockBusyError(lock);
      else sleep(Math.min(2 + attempt * 2, 25));
      continue;
    }
    try {
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() } satisfies LockOwner));
    } finally {
      closeSync(fd);
    }
    try {
      return fn();
    } finally {
      releaseLock(lock);
    }
  }
}

function isStale(lock: string): boolean {
  let owner: Partial<LockOwner> | undefined;
  let age: number;
  try {
    age = Date.now() - statSync(lock).mtimeMs;
    owner = JSON.parse(readFileSync(lock, 'utf8')) as Partial<LockOwner>;
  } catch {
    // gone already (retry at once), or being written this instant (wait unless it is old)
    try {
      return Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS;
    } catch {
      return false;
    }
  }
  if (age > LOCK_STALE_MS) return true;
  return owner?.host === hostname() && typeof owner.pid === 'number' && !isAlive(owner.pid);
}

/**
 * Removes a stale lock. It is renamed first, so that of two processes breaking it at once
 * only one removes it; and if what was renamed turns out to be a fresh lock of a live process
 * (taken between the check and the rename), it is put back.
 */
function breakLock(lock: string): void {
  const aside = `${lock}.${process.pid}.stale`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // someone else broke it, or released it
  }
  if (!isStale(aside)) {
    try {
      linkSync(aside, lock); // fails if yet another lock was taken meanwhile
    } catch {
      // that one stands; the one renamed here is removed
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // already gone
  }
}

function releaseLock(lock: string): void {
  try {
    const owner = JSON.parse(readFileSync(lock, 'utf8')) as Partial<LockOwner>;
    if (owner.pid !== process.pid || owner.host !== hostname()) return; // taken over as stale
    unlinkSync(lock);
  } catch {
    // already removed
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Temp files left by a process that was killed while saving (its pid is gone). */
function removeStaleTemps(file: string): void {
  const prefix = `${basename(file)}.`;
  for (const name of readdirSync(dirname(file))) {
    const m = name.startsWith(prefix) ? /^(\d+)\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    try {
      unlinkSync(join(dirname(file), name));
    } catch {
      // another process cleaned it up first
    }
  }
}

export function isAlive(pid: number): boolean {
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
