import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, and a build of the course code that is at least as new as its sources. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function sources(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );
  return [
    ...walk(join(ROOT, 'src/content')),
    ...['main', 'output', 'exit-codes', 'commands/lesson', 'commands/lessons', 'commands/quiz', 'commands/progress'].map((f) =>
      join(ROOT, 'src/cli', `${f}.ts`),
    ),
  ];
}

/**
 * `npm test` builds first; when a test file runs alone after an edit, a stale build is
 * rebuilt. Test files run in parallel, so one builds while the others wait for it.
 */
export function buildIfStale(): void {
  if (staleSources().length === 0) return;
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
    if (staleSources().length === 0) return;
    // Errors in files of other parts still leave ours emitted: check the output, not the status.
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { cwd: ROOT, encoding: 'utf8' });
    const missing = staleSources();
    if (missing.length > 0) {
      throw new Error(`the build did not refresh ${missing.map((m) => relative(ROOT, m)).join(', ')}:\n${r.stdout}${r.stderr}`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function staleSources(): string[] {
  const built = (src: string): string => join(ROOT, 'dist', relative(ROOT, src).replace(/\.ts$/, '.js'));
  return sources().filter((src) => !existsSync(built(src)) || statSync(built(src)).mtimeMs < statSync(src).mtimeMs);
}
