import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../grading/bulk/support/build.js';
import { fixtureLab, LABS, removeDir, ROOT, solution, starter, tempDir } from '../grading/bulk/support/fixture.js';

/**
 * Outputs never land on or inside a submission (README, "Bulk grading"): each path that
 * would is refused with exit 2 before anything is graded, and the submissions are left
 * byte for byte as they were.
 */
interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let root: string;
let subs: string;
let before: Map<string, string>;

function cloudlab(args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CLOUDLAB_HOME: join(root, 'home'), CLOUDLAB_LABS: LABS };
  delete env.CI;
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/cloudlab.js'), ...args], { cwd: root, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.set(join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  return out;
}

function expectRefused(r: Run, pattern: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^cloudlab: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(snapshot(subs)).toEqual(before);
}

beforeAll(() => {
  buildIfStale();
  root = tempDir('cloudlab-grade-outputs-');
  mkdirSync(join(root, 'home'));
  const lab = fixtureLab();
  subs = join(root, 'subs');
  mkdirSync(join(subs, 'bob'), { recursive: true });
  writeFileSync(join(subs, 'alice.yaml'), solution(lab, 'alice'));
  writeFileSync(join(subs, 'carol.md'), '# carol wrote notes here\n');
  writeFileSync(join(subs, 'bob', 'us-east-1.yaml'), solution(lab, 'bob'));
  writeFileSync(join(subs, 'dave.yaml'), starter(lab, 'alice'));
  symlinkSync(subs, join(root, 'link-to-subs'));
  before = snapshot(subs);
}, 180_000);

afterAll(() => removeDir(root));

describe('outputs that would land on or inside the submissions are refused before grading', () => {
  it('--out naming a submission file', () => {
    expectRefused(cloudlab(['grade', 'web-tier', 'subs', '--out', 'subs/alice.yaml']), /--out subs\/alice\.yaml is inside the folder of submissions/);
  });

  it('--out naming a new file inside the folder, even through a symbolic link', () => {
    expectRefused(cloudlab(['grade', 'web-tier', 'subs', '--out', 'subs/grades.csv']), /inside the folder of submissions/);
    expectRefused(cloudlab(['grade', 'web-tier', 'subs', '--out', 'link-to-subs/grades.csv']), /inside the folder of submissions/);
  });

  it('--feedback naming the folder itself, or a folder submission', () => {
    expectRefused(cloudlab(['grade', 'web-tier', 'subs', '--feedback', 'subs']), /--feedback subs is the folder of submissions/);
    expectRefused(cloudlab(['grade', 'web-tier', 'subs', '--feedback', 'subs/bob']), /inside the folder of submissions/);
  });

  it('--format gradescope with --out inside the folder, or holding it', () => {
    expectRefused(cloudlab(['grade', 'web-tier', 'subs', '--format', 'gradescope', '--out', 'subs/']), /is the folder of submissions/);
    expectRefused(cloudlab(['grade', 'web-tier', 'subs', '--format', 'exercism', '--out', '.']), /holds the folder of submissions/);
  });

  it('an output on the roster, or two outputs in one place', () => {
    writeFileSync(join(root, 'roster.csv'), 'submission,student\nalice.yaml,alice\n');
    const r = cloudlab(['grade', 'web-tier', 'subs', '--roster', 'roster.csv', '--out', 'roster.csv']);
    expectRefused(r, /--out roster\.csv is the roster/);
    expect(readFileSync(join(root, 'roster.csv'), 'utf8')).toBe('submission,student\nalice.yaml,alice\n');
    expectRefused(cloudlab(['grade', 'web-tier', 'subs', '--format', 'gradescope', '--out', 'results', '--feedback', 'results/notes']), /overlap/);
  });

  it('grade merge refuses to write over one of its shards', () => {
    const shard = cloudlab(['grade', 'web-tier', 'subs', '--shard', '1/1', '--format', 'json', '--out', 'shard-1.json']);
    expect(shard.status).toBe(0);
    const text = readFileSync(join(root, 'shard-1.json'), 'utf8');
    const r = cloudlab(['grade', 'merge', 'shard-1.json', '--out', 'shard-1.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out shard-1\.json is the shard shard-1\.json, an input of the merge/);
    expect(readFileSync(join(root, 'shard-1.json'), 'utf8')).toBe(text);
  });
});

describe('grade merge', () => {
  it('names a damaged shard and exits 2, never an internal error', () => {
    const r = cloudlab(['grade', 'web-tier', 'subs', '--shard', '1/1', '--format', 'json']);
    const data = JSON.parse(r.stdout) as { results: { checks: unknown[] }[] };
    data.results[0].checks = [null];
    writeFileSync(join(root, 'damaged.json'), JSON.stringify(data));
    const merged = cloudlab(['grade', 'merge', 'damaged.json']);
    expect(merged.status).toBe(2);
    expect(merged.stderr).toMatch(/^cloudlab: damaged\.json: result 1 is not a graded submission \(check 1 of it is null\)/);
    expect(merged.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('output folders', () => {
  it('are replaced as a whole: files of students no longer in the folder do not linger', () => {
    const first = cloudlab(['grade', 'web-tier', 'subs', '--format', 'gradescope', '--out', 'gs']);
    expect(first.status).toBe(0);
    expect(readdirSync(join(root, 'gs')).sort()).toEqual(['.cloudlab-output', 'alice', 'bob', 'carol', 'dave']);
    const fewer = join(root, 'fewer');
    mkdirSync(fewer);
    writeFileSync(join(fewer, 'alice.yaml'), readFileSync(join(subs, 'alice.yaml')));
    const second = cloudlab(['grade', 'web-tier', 'fewer', '--format', 'gradescope', '--out', 'gs', '--feedback', 'notes']);
    expect(second.status).toBe(0);
    expect(readdirSync(join(root, 'gs')).sort()).toEqual(['.cloudlab-output', 'alice']);
    expect(readdirSync(join(root, 'notes')).sort()).toEqual(['.cloudlab-output', 'alice.md']);
    expect(readdirSync(root).filter((n) => n.endsWith('.new') || n.endsWith('.old'))).toEqual([]);
  });

  it('that cloudlab did not write are never replaced', () => {
    mkdirSync(join(root, 'mine'));
    writeFileSync(join(root, 'mine', 'thesis.tex'), 'precious');
    const r = cloudlab(['grade', 'web-tier', 'subs', '--feedback', 'mine']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--feedback mine already holds files that cloudlab did not write/);
    expect(readFileSync(join(root, 'mine', 'thesis.tex'), 'utf8')).toBe('precious');
  });
});

describe('every --out says what it wrote', () => {
  it.each([
    [['--format', 'csv', '--out', 'g.csv'], /Wrote the grades of 4 submissions to g\.csv \(CSV\)\./],
    [['--lms', 'moodle', '--out', 'm.csv'], /Wrote the grades of 4 submissions to m\.csv \(CSV for Moodle\)\./],
    [['--format', 'json', '--out', 'g.json'], /Wrote the grades of 4 submissions to g\.json \(JSON\)\./],
    [['--format', 'junit', '--out', 'g.xml'], /Wrote the grades of 4 submissions to g\.xml \(JUnit XML\)\./],
    [['--format', 'exercism', '--out', 'ex'], /Wrote 4 results\.json files under ex \(exercism\)\./],
  ])('grade %j', (args, pattern) => {
    const r = cloudlab(['grade', 'web-tier', 'subs', ...args]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(pattern);
    expect(existsSync(join(root, args[args.length - 1]))).toBe(true);
  });
});

describe('unchanged starters', () => {
  it('are caught whoever they were handed out to', () => {
    const r = cloudlab(['grade', 'web-tier', 'subs', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { results: { submission: string; flags?: string[] }[]; summary: { unchangedStarter: string[] } };
    expect(report.summary.unchangedStarter).toEqual(['dave.yaml']);
    expect(report.results.find((x) => x.submission === 'dave.yaml')?.flags).toContain('unchanged-starter');
  });
});
