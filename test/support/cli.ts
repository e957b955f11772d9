import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './build.js';

/** Runs the built binary as a user would. `npm test` builds first; a stale build is rebuilt (build.ts). */
export { buildIfStale, ROOT } from './build.js';

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
