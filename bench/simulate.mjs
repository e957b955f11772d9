/**
 * The simulation's performance target (issue 9): a 24-hour scenario at one-second resolution
 * over two regions and 500 instances, in under 2 s, printed as a ratio to one static `reach` of
 * the same topology; and its cost linear in the scenario's length (a 24-hour scenario within
 * 2.5× of a 12-hour one), not in its number of requests (traffic is rates per interval).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bigVpcTemplate } from './big-vpc.mjs';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/cloudlab.js');

function time(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' }, maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** Per region: 5 auto scaling groups of 10 (at most 20) behind one load balancer, and 200 plain instances: 500 in all at the start. */
export const SCALING = { groups: 5, desired: 10, max: 20 };

/** A day of traffic that changes every minute, to public servers of both regions and out through the NAT gateways, with failures. */
export function dayScenario(hours = 24) {
  const minutes = hours * 60;
  const steps = (base, amp) => `[${Array.from({ length: minutes }, (_, m) => `[${m}m, ${(base + amp * Math.sin(m / 90) ** 2).toFixed(2)}]`).join(', ')}]`;
  const ends = [];
  for (const region of ['us-east-1', 'us-west-2']) {
    for (const i of [0, 1, 2, 3]) ends.push({ to: `${region}/I${i}`, port: 443, rps: steps(2, 4) });
    // The load balancer's groups: 10 t3.micro serve 50 a second; the day swings from 20 to 80.
    for (let k = 0; k < SCALING.groups; k++) ends.push({ to: `${region}/Lb`, port: 8080 + k, rps: steps(20, 60) });
    ends.push({ from: `${region}/I20`, to: 'internet', port: 443, rps: steps(1, 2) });
  }
  const at = (h) => `${Math.round(h * hours * 60 / 24)}m`;
  const events = [
    ['fail', 'az us-east-1a', 6],
    ['recover', 'az us-east-1a', 8],
    ['fail', 'region us-west-2', 12],
    ['recover', 'region us-west-2', 14],
    ['fail', 'us-east-1/Nat', 16],
    ['recover', 'us-east-1/Nat', 17],
    ['fail', 'instance us-east-1/I1', 18],
    ['recover', 'instance us-east-1/I1', 20],
  ];
  return [
    `duration: ${hours}h`,
    'interval: 1s',
    'traffic:',
    ...ends.map((e) => `  - {${e.from ? `from: ${e.from}, ` : ''}to: ${e.to}, port: ${e.port}, rps: ${e.rps}}`),
    'events:',
    ...events.map(([action, what, h]) => `  - {at: ${at(h)}, ${action}: ${what}}`),
  ].join('\n') + '\n';
}

/** The median of a few runs of f, in milliseconds. */
function timeIn(f, runs = 3) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export async function runSimulateBench() {
  const { loadSubmissionPath } = await import('../dist/src/formats/load-submission.js');
  const { parseScenario } = await import('../dist/src/formats/scenario/parse-scenario.js');
  const { instanceTypesOf } = await import('../dist/src/formats/scenario/simulate-submission.js');
  const { simulate } = await import('../dist/src/engine/sim/index.js');
  const results = [];
  const dir = mkdtempSync(join(tmpdir(), 'cloudlab-bench-sim-'));
  try {
    const sub = join(dir, 'two-regions');
    mkdirSync(sub);
    for (const region of ['us-east-1', 'us-west-2']) writeFileSync(join(sub, `${region}.yaml`), bigVpcTemplate({ instances: 250 - SCALING.groups * SCALING.desired, scaling: SCALING }));
    const day = dayScenario(24);
    const half = dayScenario(12);
    writeFileSync(join(dir, 'day.yaml'), day);
    const reach = time([BIN, 'reach', sub, '--json'], 3);
    const cli = time([BIN, 'simulate', sub, '--scenario', join(dir, 'day.yaml'), '--json'], 3);

    // In process, the parts apart: loading the submission is the same for every command.
    let loaded;
    const load = timeIn(() => (loaded = loadSubmissionPath(sub)), 1);
    const parse = timeIn(() => parseScenario(day, 'day.yaml'));
    const types = instanceTypesOf(loaded);
    const scenarioOf = (text) => {
      const p = parseScenario(text, 'scenario.yaml');
      if (!p.scenario) throw new Error(p.diagnostics.map((d) => d.message).join('; '));
      return p.scenario;
    };
    const [sDay, sHalf] = [scenarioOf(day), scenarioOf(half)];
    const sCoarse = { ...sDay, interval: undefined };
    const play = (s) => simulate(loaded.cloud, s, { instanceTypes: types });
    play(sDay); // warm up
    const tDay = timeIn(() => play(sDay), 5);
    const tHalf = timeIn(() => play(sHalf), 5);
    const tCoarse = timeIn(() => play(sCoarse), 5);
    results.push(`simulate: 24 h on a 1 s clock, 1 s intervals, 2 regions, 500 instances (100 in 10 auto scaling groups behind 2 load balancers, target tracking on CPU), 20 ends, 8 events: ${fmt(tDay)} (target < 2 s) ${verdict(tDay < 2000)}`);
    results.push(`simulate: the same reported every 30 min: ${fmt(tCoarse)}; reading the scenario (14,400 traffic steps): ${fmt(parse)}; loading the submission: ${fmt(load)}`);
    results.push(`simulate: ratio 24 h / 12 h = ${(tDay / tHalf).toFixed(2)} (target ≤ 2.5: linear in the length) ${verdict(tDay / tHalf <= 2.5)}`);
    results.push(`simulate: cloudlab simulate --json ${fmt(cli)}, ratio to one static cloudlab reach of the same topology (${fmt(reach)}) = ${(cli / reach).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await runSimulateBench()) console.log(line);
