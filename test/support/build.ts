import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The same rule as `npm start` and `npm test` (scripts/build-if-stale.js): one idea of "stale".
import { buildIfStale as build, staleReason } from '../../scripts/build-if-stale.js';

/** The package root. */
export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The command-line tests run the built command from dist/. `npm test` builds first; a test
 * file run on its own after an edit rebuilds a stale build. Test files run in parallel, so
 * a lock in the temp folder makes one build while the others wait for it.
 */
export function buildIfStale(): void {
  if (staleReason() === undefined) return;
  const lock = join(tmpdir(), `cloudlab-build-${ROOT.replace(/[^A-Za-z0-9]/g, '_')}`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for another build (lock ${lock})`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (staleReason() === undefined) return;
    const status = build({ quiet: true });
    const why = staleReason();
    if (status !== 0 || why !== undefined) throw new Error(`the build failed (tsc exit ${status})${why ? `: ${why}` : ''}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
