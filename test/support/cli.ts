import { spawn, spawnSync } from 'node:child_process';
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

/**
 * Runs the built binary with its standard output a pipe that is closed at once, as when
 * `| head -0` or a `head` that has read enough goes away: every write then fails with EPIPE.
 */
export function cloudlabClosedPipe(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/cloudlab.js'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', CI: '1', ...env },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr += d;
    });
    child.on('close', (status) => resolve({ status, stdout: '', stderr }));
  });
}
