import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/grading/bulk/csv.js';
import { buildIfStale } from '../grading/bulk/support/build.js';
import { classFolder, fixtureLab, LABS, removeDir, ROOT, solution, starter, tempDir, writeFiles } from '../grading/bulk/support/fixture.js';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let root: string;
const home = () => join(root, 'home');

function cloudlab(args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CLOUDLAB_HOME: home(), CLOUDLAB_LABS: LABS };
  delete env.CI;
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/cloudlab.js'), ...args], { cwd: root, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A usage error: exit 2, one line on stderr starting "cloudlab: ", no stack trace. */
function expectUsageError(r: Run, message: string | RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^cloudlab: /);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
}

let mixed: string;

beforeAll(() => {
  buildIfStale();
  root = tempDir('cloudlab-grade-cli-');
  mkdirSync(home());
  const lab = fixtureLab();
  // A class with good, partial and broken work.
  mixed = join(root, 'mixed');
  mkdirSync(mixed);
  classFolder(lab, mixed, 12);
  writeFiles(mixed, {
    'copy.yaml': solution(lab, 's1000'),
    'empty.yaml': '',
    'bad.yaml': 'Resources: [unclosed\n',
    'other-lab.yaml': starter(lab, 'x').replace('lab: web-tier', 'lab: peering'),
    'multi/us-east-1.yaml': solution(lab, 'multi'),
    '.DS_Store': 'junk',
  });
  writeFileSync(join(mixed, 'huge.yaml'), '');
  truncateSync(join(mixed, 'huge.yaml'), 50 * 1024 * 1024);
  symlinkSync('/etc/hostname', join(mixed, 'link.yaml'));
}, 180_000);

afterAll(() => removeDir(root));

describe('cloudlab grade', () => {
  it('writes a clean CSV on standard output and the summary on standard error', () => {
    const r = cloudlab(['grade', 'web-tier', mixed]);
    expect(r.status).toBe(0);
    const rows = parseCsv(r.stdout).map((x) => x.fields);
    expect(rows[0].slice(0, 7)).toEqual(['student', 'submission', 'score', 'max', 'percent', 'status', 'reason']);
    expect(rows).toHaveLength(1 + 19);
    const byName = Object.fromEntries(rows.slice(1).map((x) => [x[1], x]));
    expect(byName['s1000.yaml'].slice(2, 6)).toEqual(['10', '10', '100', 'graded']);
    expect(byName['huge.yaml'][6]).toMatch(/^the file is 50 MB/);
    expect(byName['link.yaml'][6]).toBe('a symbolic link; submissions must be real files');
    expect(byName['multi'].slice(2, 6)).toEqual(['10', '10', '100', 'graded']);
    expect(r.stderr).toContain('web-tier: 19 submissions, 14 graded, 5 not graded');
    expect(r.stderr).toContain('Checks failed most');
    expect(r.stderr).toMatch(/Identical after normalisation \(possible copying\)\n {2}copy\.yaml = s1000\.yaml/);
    // Not a terminal: no progress bar.
    expect(r.stderr).not.toContain('\r');
  });

  it('gives the same bytes whatever the number of workers and the order of the directory', () => {
    const reversed = join(root, 'reversed');
    mkdirSync(reversed);
    for (const name of readdirSync(mixed).sort().reverse()) {
      if (name === 'huge.yaml' || name === 'link.yaml') continue;
      cpSync(join(mixed, name), join(reversed, name), { recursive: true });
    }
    writeFileSync(join(reversed, 'huge.yaml'), '');
    truncateSync(join(reversed, 'huge.yaml'), 50 * 1024 * 1024);
    symlinkSync('/etc/hostname', join(reversed, 'link.yaml'));
    const one = cloudlab(['grade', 'web-tier', mixed, '--jobs', '1', '--format', 'json']);
    const three = cloudlab(['grade', 'web-tier', mixed, '--jobs', '3', '--format', 'json']);
    const other = cloudlab(['grade', 'web-tier', reversed, '--jobs', '3', '--json']);
    expect(one.status).toBe(0);
    expect(one.stdout.length).toBeGreaterThan(1000);
    expect(three.stdout).toBe(one.stdout);
    expect(other.stdout).toBe(one.stdout);
    const csv1 = cloudlab(['grade', 'web-tier', mixed, '--jobs', '1']);
    const csv3 = cloudlab(['grade', 'web-tier', mixed, '--jobs', '3']);
    expect(csv3.stdout).toBe(csv1.stdout);
    expect(csv3.stderr).toBe(csv1.stderr);
  });

  it('grades in shards that merge into exactly the unsharded output', () => {
    const out = join(root, 'shards');
    mkdirSync(out);
    for (const i of [1, 2, 3]) expect(cloudlab(['grade', 'web-tier', mixed, '--shard', `${i}/3`, '--json', '--out', join(out, `${i}.json`)]).status).toBe(0);
    const part = JSON.parse(readFileSync(join(out, '2.json'), 'utf8'));
    expect([part.lab, part.shard]).toEqual(['web-tier', '2/3']);
    const full = cloudlab(['grade', 'web-tier', mixed]);
    const merged = cloudlab(['grade', 'merge', join(out, '3.json'), join(out, '1.json'), join(out, '2.json')]);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(full.stdout);
    expect(merged.stderr).toBe(full.stderr);
    const partial = cloudlab(['grade', 'merge', join(out, '1.json')]);
    expect(partial.status).toBe(0);
    expect(partial.stderr).toContain('cloudlab: shards 2/3, 3/3 missing');
    expectUsageError(cloudlab(['grade', 'merge', join(out, '1.json'), join(out, '1.json')]), 'are both shard 1/3');
  });

  it('maps names to students with a roster, and lists who is missing and who is not on it', () => {
    const dir = join(root, 'rostered');
    mkdirSync(dir);
    const lab = fixtureLab();
    writeFiles(dir, {
      'alice_12345_attempt2.yaml': solution(lab, 's12345'),
      'bob.yaml': solution(lab, 's777'),
      'walk-in.yaml': starter(lab, 'walk-in'),
      'roster.csv': 'Submission,Student\n"alice_12345_attempt2.yaml",s12345\nbob,s777\ncarol.yaml,s999\n',
    });
    const r = cloudlab(['grade', 'web-tier', dir, '--roster', join(dir, 'roster.csv'), '--out', join(root, 'rostered-grades.csv')]);
    expect(r.status).toBe(0);
    const rows = parseCsv(readFileSync(join(root, 'rostered-grades.csv'), 'utf8')).map((x) => x.fields.slice(0, 4));
    expect(rows.slice(1)).toEqual([
      ['s12345', 'alice_12345_attempt2.yaml', '10', '10'],
      ['s777', 'bob.yaml', '10', '10'],
      ['walk-in', 'walk-in.yaml', '5', '10'],
    ]);
    // The output goes to a file, so the summary comes to standard output.
    expect(r.stdout).toContain('web-tier: 3 submissions, 3 graded');
    expect(r.stdout).toContain('Not in the roster (graded under their own name): walk-in.yaml');
    expect(r.stdout).toContain('In the roster, no submission in the folder: carol.yaml');
    // The roster in the folder is not a submission; an output there is refused, as it would be one.
    const inside = cloudlab(['grade', 'web-tier', dir, '--roster', join(dir, 'roster.csv'), '--out', join(dir, 'grades.csv')]);
    expect(inside.status).toBe(2);
    expect(inside.stderr).toContain('is inside the folder of submissions');
    expect(existsSync(join(dir, 'grades.csv'))).toBe(false);
  });

  it('writes Gradescope and Exercism results per student, and feedback notes', () => {
    const gs = join(root, 'gs');
    const fb = join(root, 'fb');
    const r = cloudlab(['grade', 'web-tier', mixed, '--format', 'gradescope', '--out', gs, '--feedback', fb]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Wrote 19 results.json files under ${gs}`);
    expect(r.stdout).toContain(`Wrote 19 feedback notes to ${fb}`);
    const s1001 = JSON.parse(readFileSync(join(gs, 's1001', 'results.json'), 'utf8'));
    expect(s1001.score).toBe(5);
    expect(s1001.tests).toHaveLength(5);
    expect(readFileSync(join(fb, 's1002.md'), 'utf8')).toContain('## ✗ SSH only from the administrator (0/3)');
    const ex = join(root, 'ex');
    expect(cloudlab(['grade', 'web-tier', mixed, '--format', 'exercism', '--out', ex]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(ex, 'empty', 'results.json'), 'utf8')).status).toBe('error');
    expect(existsSync(join(ex, 'link', 'results.json'))).toBe(true);
  });

  it('writes the Canvas gradebook and JUnit XML', () => {
    const canvas = cloudlab(['grade', 'web-tier', mixed, '--lms', 'canvas']);
    expect(canvas.stdout.split('\n').slice(0, 3)).toEqual([
      'Student,ID,SIS User ID,SIS Login ID,Section,A public web server (grading fixture) (web-tier)',
      '    Points Possible,,,,,10',
      ',,bad,,,0',
    ]);
    const junit = cloudlab(['grade', 'web-tier', mixed, '--format', 'junit']);
    expect(junit.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="cloudlab grade web-tier" tests="95"/);
  });

  it('refuses bad input with one line and exit 2', () => {
    expectUsageError(cloudlab(['grade', 'no-such-lab', mixed]), 'there is no lab "no-such-lab"');
    expectUsageError(cloudlab(['grade', 'web-tier', join(root, 'nowhere')]), 'nowhere: no such folder');
    expectUsageError(cloudlab(['grade', 'web-tier', join(mixed, 's1000.yaml')]), 'is a file, not a folder');
    expectUsageError(cloudlab(['grade', 'web-tier', mixed, '--shard', '4/3']), '--shard 4/3: shards are numbered from 1 to 3');
    expectUsageError(cloudlab(['grade', 'web-tier', mixed, '--jobs', 'lots']), '--jobs lots: give a whole number');
    expectUsageError(cloudlab(['grade', 'web-tier', mixed, '--format', 'gradescope']), 'give the folder with --out DIR');
    // With --json the error is a JSON object on standard output.
    const lms = cloudlab(['grade', 'web-tier', mixed, '--lms', 'moodle', '--json']);
    expect(lms.status).toBe(2);
    expect(JSON.parse(lms.stdout).error.message).toContain('--lms makes a CSV gradebook');
    writeFileSync(join(root, 'bad-roster.csv'), 'name,id\nx,y\n');
    expectUsageError(cloudlab(['grade', 'web-tier', mixed, '--roster', join(root, 'bad-roster.csv')]), /bad-roster\.csv:1: the header row has no "submission" column/);
    expectUsageError(cloudlab(['grade', 'web-tier', mixed, '--out', mixed]), 'is the folder of submissions');
    expectUsageError(cloudlab(['grade', 'web-tier', mixed, '--out', root]), 'is a folder; give a file name');
    writeFileSync(join(root, 'notjson.json'), '{');
    expectUsageError(cloudlab(['grade', 'merge', join(root, 'notjson.json')]), 'notjson.json: not JSON');
  });
});
