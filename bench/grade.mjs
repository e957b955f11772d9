// Bulk grading benchmark: 1,000 submissions of one lab, graded by `cloudlab grade` with the
// default number of workers, timed against only parsing the same files with the
// CloudFormation parser. Runs against dist/ (build first: npx tsc -p .).
//
//   node bench/grade.mjs [count]
//
// The lab is prod-staging, with its reference solution from test/fixtures/labs; where that
// lab is not there, the small lab of the grading tests. Each student's copy is varied a
// little (a rule dropped, a port changed) so the grades spread.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => join(ROOT, 'dist', p);
if (!existsSync(dist('src/cli/commands/grade.js'))) {
  console.error('bench/grade.mjs runs against dist/: build first with `npx tsc -p .`');
  process.exit(2);
}
const { loadLab, instantiate } = await import(dist('src/content/labs.js'));
const { parseTemplate } = await import(dist('src/formats/cfn/index.js'));
const { createRng } = await import(dist('src/engine/random.js'));

const count = Number(process.argv[2] ?? 1000);
const real = existsSync(join(ROOT, 'labs/prod-staging/lab.yaml')) && existsSync(join(ROOT, 'test/fixtures/labs/prod-staging/solution.yaml'));
const labsDir = real ? join(ROOT, 'labs') : join(ROOT, 'test/fixtures/grade/labs');
const labId = real ? 'prod-staging' : 'web-tier';
const solutionFile = real ? join(ROOT, 'test/fixtures/labs/prod-staging/solution.yaml') : join(ROOT, 'test/fixtures/grade/solution.yaml');
const lab = loadLab(labId, labsDir);
const solution = readFileSync(solutionFile, 'utf8');

/** The student's solution, maybe with one security-group rule dropped or one port changed. */
function variant(student) {
  const rng = createRng(`bench/${student}`);
  const doc = parseDocument(instantiate(solution, lab, student));
  const roll = rng.int(0, 2);
  if (roll === 0) return doc.toString();
  const rules = [];
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'SecurityGroupIngress' && isSeq(pair.value) && pair.value.items.length > 0) rules.push(pair.value);
    },
  });
  if (rules.length === 0) return doc.toString();
  const list = rules[rng.int(0, rules.length - 1)];
  const at = rng.int(0, list.items.length - 1);
  if (roll === 1) {
    list.items.splice(at, 1);
  } else {
    const rule = list.items[at];
    if (isMap(rule) && typeof rule.get('FromPort') === 'number') {
      const port = rng.pick([8081, 2222, 3307, 5433]);
      rule.set('FromPort', port);
      rule.set('ToPort', port);
    }
  }
  return doc.toString();
}

const folder = mkdtempSync(join(tmpdir(), 'cloudlab-bench-grade-'));
try {
  for (let i = 0; i < count; i++) {
    const student = `s${String(100000 + i)}`;
    writeFileSync(join(folder, `${student}.yaml`), variant(student));
  }
  const files = readdirSync(folder);

  let started = process.hrtime.bigint();
  let templates = 0;
  for (const f of files) {
    if (parseTemplate(readFileSync(join(folder, f), 'utf8'), f).template) templates++;
  }
  const parseSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const out = join(folder, '.grades.csv');
  started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/cloudlab.js'), 'grade', labId, folder, '--out', out], {
    env: { ...process.env, CLOUDLAB_LABS: labsDir },
    encoding: 'utf8',
  });
  const gradeSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) {
    console.error(`cloudlab grade failed (exit ${run.status}):\n${run.stderr}`);
    process.exit(1);
  }
  const rows = readFileSync(out, 'utf8').trimEnd().split('\n').length - 1;

  console.log(`lab: ${labId}${real ? '' : ' (the grading fixture lab: prod-staging is not there)'}`);
  console.log(`submissions: ${files.length} (${templates} parse), ${rows} rows graded`);
  console.log(`cores: ${availableParallelism()}`);
  console.log(`parse only: ${parseSeconds.toFixed(2)} s`);
  console.log(`cloudlab grade: ${gradeSeconds.toFixed(2)} s`);
  console.log(`ratio grade/parse: ${(gradeSeconds / parseSeconds).toFixed(2)} (target: at most 3, and under 20 s on 2 cores)`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
