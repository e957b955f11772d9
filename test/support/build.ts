import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** The package root. */
export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The command-line tests run the built command from dist/. `npm test` builds first; a test
 * file run on its own after an edit rebuilds a stale build. Test files run in parallel, so
 * a lock in the temp folder makes one build while the others wait for it.
 */
function sources(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
    );
  return [...walk(join(ROOT, 'src')), ...walk(join(ROOT, 'graders'))];
}

function stale(): string[] {
  const built = (src: string): string => join(ROOT, 'dist', relative(ROOT, src).replace(/\.tsx?$/, '.js'));
  return sources().filter((src) => !existsSync(built(src)) || statSync(built(src)).mtimeMs < statSync(src).mtimeMs);
}

export function buildIfStale(): void {
  if (stale().length === 0) return;
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
    if (stale().length === 0) return;
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { cwd: ROOT, encoding: 'utf8' });
    const missing = stale();
    if (missing.length > 0) throw new Error(`the build did not refresh ${missing.slice(0, 5).map((m) => relative(ROOT, m)).join(', ')}:\n${r.stdout}${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
