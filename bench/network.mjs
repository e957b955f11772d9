/**
 * The engine's performance targets, measured in one run and printed as ratios:
 *   - `cloudlab --version` within 2.5× of bare `node -e 0`;
 *   - a one-question `cloudlab trace` within 4× of bare node;
 *   - `cloudlab reach` on a 2,000-instance VPC (50 subnets, 40 security groups) within
 *     10 s, and within 6× of the same on 500 instances.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bigVpcCloud } from './big-vpc.mjs';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/cloudlab.js');

function time(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '1' } });
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

  // CloudFormation allows 500 resources per stack, so a 2,000-instance VPC cannot be one
  // template; it is built through the engine's API, the same calls the loader makes.
  const { reachSummary } = await import(join(ROOT, 'dist/src/engine/reach/summary.js'));
  const measure = async (instances) => {
    const cloud = await bigVpcCloud({ instances });
    const t0 = process.hrtime.bigint();
    const summary = reachSummary(cloud);
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, classes: summary.classes.length, questions: summary.questions };
  };
  const r500 = await measure(500);
  const r2000 = await measure(2000);
  results.push(`reach: 500 instances ${fmt(r500.ms)} (${r500.classes} classes), 2,000 instances ${fmt(r2000.ms)} (${r2000.classes} classes; target < 10 s) ${verdict(r2000.ms < 10_000)}`);
  results.push(`reach: ratio 2,000 / 500 = ${(r2000.ms / r500.ms).toFixed(2)} (target ≤ 6) ${verdict(r2000.ms / r500.ms <= 6)}`);
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await runNetworkBench()) console.log(line);
