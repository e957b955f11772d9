/**
 * The start-up target of `npm start` once built: it opens the course within 2 s of bare
 * `node bin/cloudlab.js` (both without a terminal, so both print the course overview and
 * exit; the difference is npm itself and the check that dist/ is up to date).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const TARGET_MS = 2000;

function median(command, args, runs, env) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    if (!/cloudlab/i.test(r.stdout)) throw new Error(`${command} ${args.join(' ')} did not print the course overview:\n${r.stdout}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function runStartBench(runs = 5) {
  const home = mkdtempSync(join(tmpdir(), 'cloudlab-bench-start-'));
  const env = { ...process.env, CLOUDLAB_HOME: home, NO_COLOR: '1' };
  try {
    // The first start builds whatever is stale; the benchmark is about the ones after it.
    median('npm', ['start', '--silent'], 1, env);
    const bare = median(process.execPath, [join(ROOT, 'bin/cloudlab.js')], runs, env);
    const npm = median('npm', ['start', '--silent'], runs, env);
    const extra = npm - bare;
    return [
      `start: second npm start ${npm.toFixed(0)} ms, bare node bin/cloudlab.js ${bare.toFixed(0)} ms: ` +
        `${(npm / bare).toFixed(2)}×, +${extra.toFixed(0)} ms (target: within ${TARGET_MS} ms) ${extra <= TARGET_MS ? 'ok' : 'OVER TARGET'}`,
    ];
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) for (const line of runStartBench()) console.log(line);
