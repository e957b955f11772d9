// Grading benchmark of the warm-standby lab: N submissions (default 300), each a folder of
// us-east-1.yaml and us-west-2.yaml written for its own student id (the reference solution,
// every fifth one a broken variant instead), graded by `cloudlab grade warm-standby … --format
// json` with 1 worker and with 2. The two outputs must be the same bytes; the target is the
// run with 2 workers under 60 s on 2 cores. Each submission plays the region failure drill once
// (its four drill checks share the run). Runs against dist/ (build first: npx tsc -p .).
//
//   node bench/warm-standby-grade.mjs [count]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(ROOT, 'dist/src/content/labs.js'))) {
  console.error('bench/warm-standby-grade.mjs runs against dist/: build first with `npx tsc -p .`');
  process.exit(2);
}
const { loadLab, instantiate } = await import(join(ROOT, 'dist/src/content/labs.js'));
const count = Number(process.argv[2] ?? 300);
const lab = loadLab('warm-standby', join(ROOT, 'labs'));
const FIXTURES = join(ROOT, 'test/fixtures/labs/warm-standby');
const broken = readdirSync(FIXTURES).filter((f) => f.startsWith('broken-')).sort();
const readFolder = (name) => ['us-east-1.yaml', 'us-west-2.yaml'].map((f) => ({ f, text: readFileSync(join(FIXTURES, name, f), 'utf8') }));
const variants = new Map([['solution', readFolder('solution')], ...broken.map((b) => [b, readFolder(b)])]);

const work = mkdtempSync(join(tmpdir(), 'cloudlab-warm-standby-bench-'));
const subs = join(work, 'submissions');
for (let i = 0; i < count; i++) {
  const student = `s${1000000 + i * 7919}`;
  const variant = i % 5 === 4 ? broken[(i / 5) % broken.length | 0] : 'solution';
  const dir = join(subs, student);
  mkdirSync(dir, { recursive: true });
  for (const { f, text } of variants.get(variant)) writeFileSync(join(dir, f), instantiate(text, lab, student));
}

function grade(jobs) {
  const out = join(work, `grades-${jobs}.json`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/cloudlab.js'), 'grade', 'warm-standby', subs, '--format', 'json', '--jobs', String(jobs), '--out', out], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) {
    console.error(r.stderr);
    process.exit(1);
  }
  return { seconds, bytes: readFileSync(out), summary: r.stdout + r.stderr };
}

const one = grade(1);
const two = grade(2);
const same = one.bytes.equals(two.bytes);
const graded = /(\d+) graded/.exec(two.summary)?.[1] ?? '?';
const mean = /Mean [^\n]*/.exec(two.summary)?.[0] ?? '';
console.log(
  `warm-standby grading: ${count} two-region submissions (${count - Math.floor((count + 1) / 5)} solutions, ${Math.floor((count + 1) / 5)} broken), ${graded} graded in ${two.seconds.toFixed(1)} s with 2 workers, ${one.seconds.toFixed(1)} s with 1 (target: under 60 s with 2: ${two.seconds < 60 ? 'met' : 'NOT met'}); --jobs 1 and 2 ${same ? 'byte-identical' : 'DIFFER'}; load average ${loadavg()[0].toFixed(1)} (other work on the machine slows both runs); ${mean}`,
);
rmSync(work, { recursive: true, force: true });
if (!same || two.seconds >= 60) process.exitCode = 1;
