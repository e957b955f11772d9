import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Runs the built binary as a user would. `npm test` builds first; a stale build is rebuilt here. */
export const ROOT = join(import.meta.dirname, '..', '..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts') || e.name.endsWith('.tsx')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIfStale(): void {
  const main = join(ROOT, 'dist/src/cli/main.js');
  const stale = !existsSync(main) || statSync(main).mtimeMs < Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'graders')));
  if (!stale) return;
  spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { cwd: ROOT, encoding: 'utf8' });
  if (!existsSync(main)) throw new Error('the build did not produce dist/src/cli/main.js');
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cloudlab(args: string[], env: Record<string, string> = {}, input?: string): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/cloudlab.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1', CI: '1', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No stack trace, no internal error: what a student sees when they get something wrong. */
export function noStackTrace(r: Run): boolean {
  return !/\n\s+at |TypeError|ReferenceError|internal error/.test(r.stdout + r.stderr);
}
