/**
 * The engine's performance targets, measured in one run and printed as ratios:
 *   - `cloudlab --version` within 2.5× of bare `node -e 0`;
 *   - a one-question `cloudlab trace` within 4× of bare node;
 *   - `cloudlab reach` on a 2,000-instance VPC (50 subnets, 40 security groups) within
 *     10 s, and within 6× of the same on 500 instances.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { bigVpcTemplate } from './big-vpc.mjs';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/cloudlab.js');

function time(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

export async function runNetworkBench() {
  const results = [];
  const bare = time(['-e', '0'], 15);
  const version = time([BIN, '--version'], 15);
  const traced = time([BIN, 'trace', 'test/fixtures/networks/three-tier.yaml', '--from', 'Web', '--to', 'App', '--port', '8080'], 15);
  results.push(`startup: node -e 0 ${fmt(bare)}, cloudlab --version ${fmt(version)}, ratio ${(version / bare).toFixed(2)} (target ≤ 2.5) ${verdict(version / bare <= 2.5)}`);
  results.push(`trace: one question ${fmt(traced)}, ratio to bare node ${(traced / bare).toFixed(2)} (target ≤ 4) ${verdict(traced / bare <= 4)}`);

  const dir = mkdtempSync(join(tmpdir(), 'cloudlab-bench-'));
  try {
    const small = join(dir, 'vpc-500.yaml');
    const large = join(dir, 'vpc-2000.yaml');
    writeFileSync(small, bigVpcTemplate({ instances: 500 }));
    writeFileSync(large, bigVpcTemplate({ instances: 2000 }));
    const t500 = time([BIN, 'reach', small, '--json'], 3);
    const t2000 = time([BIN, 'reach', large, '--json'], 3);
    results.push(`reach: cloudlab reach on 500 instances ${fmt(t500)}, on 2,000 instances ${fmt(t2000)} (50 subnets, 40 groups; target < 10 s) ${verdict(t2000 < 10_000)}`);
    results.push(`reach: ratio 2,000 / 500 = ${(t2000 / t500).toFixed(2)} (target ≤ 6) ${verdict(t2000 / t500 <= 6)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await runNetworkBench()) console.log(line);
