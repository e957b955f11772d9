import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './fixture.js';

/**
 * The command-line tests run the built command (worker threads need JavaScript files). When
 * a source is newer than its build, build again; the lock is the one the other command-line
 * tests take, so two test files never build at once.
 */
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
    // Type errors in unrelated files still emit ours: check the output, not the status.
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { cwd: ROOT, encoding: 'utf8' });
    const left = stale().filter((f) => /grading[\\/]bulk|commands[\\/]grade/.test(f));
    if (left.length) throw new Error(`the build did not refresh ${left.map((f) => relative(ROOT, f)).join(', ')}:\n${r.stdout}${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function stale(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
  const built = (src: string) => join(ROOT, 'dist', relative(ROOT, src).replace(/\.tsx?$/, '.js'));
  return [...walk(join(ROOT, 'src')), ...walk(join(ROOT, 'graders'))].filter((s) => !existsSync(built(s)) || statSync(built(s)).mtimeMs < statSync(s).mtimeMs);
}
