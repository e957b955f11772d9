import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './build.js';

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fresh CLOUDLAB_HOME for one test. */
export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'cloudlab-home-'));
}

/** Runs the built command as a user would, with piped stdin (not a terminal). */
export function cloudlab(args: readonly string[], opts: { home: string; input?: string; env?: Record<string, string> }): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/cloudlab.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: opts.input ?? '',
    env: { ...process.env, NO_COLOR: '1', CLOUDLAB_HOME: opts.home, ...opts.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A usage error: exit 2, one line on stderr starting "cloudlab: ", no stack trace. */
export function isOneLineError(r: Run): boolean {
  return (
    r.status === 2 &&
    r.stderr.trimEnd().split('\n').length === 1 &&
    r.stderr.startsWith('cloudlab: ') &&
    !/\n\s+at |internal error/.test(r.stderr)
  );
}
