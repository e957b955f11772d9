// Drill grading benchmark: N submissions (default 300) of a two-region lab whose checks play
// scenarios (a region failure, every zone failed in turn, the cost of the drill), graded by
// `cloudlab grade` with 2 workers. The target: 300 in under 60 s on 2 cores. Each scenario is
// played once per submission and shared by the checks that name it, and once more per zone
// for survives-any-zone (here 2 runs more: a zone in each region). Runs against dist/ (build first: npx tsc -p .).
//
//   node bench/drill-grade.mjs [count]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(ROOT, 'dist/src/cli/commands/grade.js'))) {
  console.error('bench/drill-grade.mjs runs against dist/: build first with `npx tsc -p .`');
  process.exit(2);
}
const count = Number(process.argv[2] ?? 300);
const REGIONS = join(ROOT, 'test/fixtures/sim/two-regions');
const work = mkdtempSync(join(tmpdir(), 'cloudlab-drill-bench-'));
const lab = join(work, 'labs/region-drill');
mkdirSync(join(lab, 'drills'), { recursive: true });
writeFileSync(join(lab, 'brief.md'), '# Two regions under drills (benchmark)\n\nServe {{rate}} requests a second from each region.\n');
cpSync(join(REGIONS, 'us-east-1.yaml'), join(lab, 'starter.yaml'));
const traffic = `traffic:
  - to: us-east-1/Web
    port: 443
    rps: \${rate}
  - to: us-west-2/Web
    port: 443
    rps: \${rate}
`;
writeFileSync(join(lab, 'drills/region-failure.yaml'), `duration: 1h\n${traffic}events:\n  - at: 15m\n    fail: region us-east-1\n  - at: 45m\n    recover: region us-east-1\n`);
writeFileSync(join(lab, 'drills/steady.yaml'), `duration: 1h\n${traffic}`);
const check = (id, kind, args) => `  - { id: ${id}, title: ${id}, kind: ${kind}, args: ${args}, points: 1, pass: p, fail: f, hint: h }\n`;
writeFileSync(
  join(lab, 'lab.yaml'),
  `id: region-drill\ntitle: Two regions under drills (benchmark)\norder: 1\nregion: us-east-1\nsummary: benchmark\nparameters:\n  rate: { kind: choice, description: requests a second, choices: [2, 3, 4] }\nchecks:\n` +
    check('dropped', 'drill-dropped', '{ scenario: drills/region-failure.yaml, maxDropped: 30 }') +
    check('recovery', 'drill-recovery-time', '{ scenario: drills/region-failure.yaml, max: 30m }') +
    check('cost', 'drill-cost', '{ scenario: drills/region-failure.yaml, max: 1 }') +
    check('zones', 'survives-any-zone', '{ scenario: drills/steady.yaml, maxDropped: 50 }'),
);
const subs = join(work, 'submissions');
for (let i = 0; i < count; i++) cpSync(REGIONS, join(subs, `student${String(i).padStart(4, '0')}`), { recursive: true });

const started = process.hrtime.bigint();
const r = spawnSync(process.execPath, [join(ROOT, 'bin/cloudlab.js'), 'grade', 'region-drill', subs, '--jobs', '2', '--out', join(work, 'grades.csv')], {
  encoding: 'utf8',
  env: { ...process.env, CLOUDLAB_LABS: join(work, 'labs') },
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (r.status !== 0 && r.status !== 1) {
  console.error(r.stderr);
  process.exit(1);
}
const graded = /(\d+) graded/.exec(r.stdout + r.stderr)?.[1] ?? '?';
const mean = /Mean [^\n]*/.exec(r.stdout + r.stderr)?.[0] ?? '';
console.log(`drill grading: ${count} submissions of a two-region lab, 4 drill checks (4 runs each), ${graded} graded in ${seconds.toFixed(1)} s with 2 workers (target: 300 in 60 s); ${mean}`);
rmSync(work, { recursive: true, force: true });
