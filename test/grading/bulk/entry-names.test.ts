import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryName } from '../../../src/grading/bulk/entry-names.js';
import { gradeFolder } from '../../../src/grading/bulk/run.js';
import { buildIfStale } from './support/build.js';
import { fixtureLab, LABS, removeDir, ROOT, solution, tempDir } from './support/fixture.js';

/** Submissions whose names are not UTF-8 are graded like any other (README, "Bulk grading"). */
const lab = fixtureLab();
let dir: string;
const name = (s: string) => Buffer.from(s, 'latin1');

beforeAll(() => {
  buildIfStale();
  dir = tempDir();
  const subs = join(dir, 'subs');
  mkdirSync(subs);
  // "café" and "cafè" in Latin-1: a lossy decoding makes both "caf\uFFFD".
  writeFileSync(Buffer.concat([Buffer.from(subs + '/'), name('caf\xe9.yaml')]), solution(lab, 'cafe1'));
  writeFileSync(Buffer.concat([Buffer.from(subs + '/'), name('caf\xe8.yaml')]), solution(lab, 'cafe2'));
  const folder = Buffer.concat([Buffer.from(subs + '/'), name('\xffbob')]);
  mkdirSync(folder);
  writeFileSync(Buffer.concat([folder, Buffer.from('/us-east-1.yaml')]), solution(lab, 'bob'));
  writeFileSync(join(subs, 'zoë.yaml'), solution(lab, 'zoe'));
}, 180_000);
afterAll(() => removeDir(dir));

describe('entry names', () => {
  it('keep UTF-8 names as they are and escape only the bytes that are not UTF-8', () => {
    expect(entryName(Buffer.from('zoë.yaml'))).toEqual({ shown: 'zoë.yaml' });
    const latin = entryName(name('caf\xe9 ë.yaml'));
    expect(latin.shown).toBe('caf\\xe9 \\xeb.yaml');
    expect(Buffer.from(latin.raw!).equals(name('caf\xe9 ë.yaml'))).toBe(true);
    expect(entryName(Buffer.concat([Buffer.from('né'), Buffer.from([0xc3])])).shown).toBe('né\\xc3');
  });
});

describe('a folder with names that are not UTF-8', () => {
  it('grades each such submission, files and folders, under a name of its own', async () => {
    const report = await gradeFolder(lab, join(dir, 'subs'), { jobs: 1 });
    expect(report.results.map((r) => [r.submission, r.status])).toEqual([
      ['\\xffbob', 'graded'],
      ['caf\\xe8.yaml', 'graded'],
      ['caf\\xe9.yaml', 'graded'],
      ['zoë.yaml', 'graded'],
    ]);
  });

  it('gives the same bytes in worker threads, and shards merge back', () => {
    const env = { ...process.env, NO_COLOR: '1', CLOUDLAB_LABS: LABS, CLOUDLAB_HOME: join(dir, 'home') };
    const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/cloudlab.js'), ...args], { cwd: dir, encoding: 'utf8', env });
    const one = run(['grade', 'web-tier', 'subs', '--jobs', '1', '--format', 'json']);
    const two = run(['grade', 'web-tier', 'subs', '--jobs', '2', '--format', 'json']);
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    for (const i of [1, 2]) expect(run(['grade', 'web-tier', 'subs', '--shard', `${i}/2`, '--format', 'json', '--out', `s${i}.json`]).status).toBe(0);
    const merged = run(['grade', 'merge', 's1.json', 's2.json', '--format', 'json']);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(one.stdout);
  });
});
