import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressBar } from '../../../src/grading/bulk/progress.js';
import { gradeFolder } from '../../../src/grading/bulk/run.js';
import { FIXTURES, fixtureLab, removeDir, tempDir } from './support/fixture.js';

const lab = fixtureLab();
let dir: string;

beforeAll(() => {
  dir = tempDir();
  for (const name of ['a.yaml', 'crash-b.yaml', 'c.yaml', 'hang-d.yaml', 'e.yaml', 'f.yaml']) writeFileSync(join(dir, name), 'x');
});
afterAll(() => removeDir(dir));

describe('gradeFolder with workers', () => {
  it('turns a crashed or hung worker into an error row for that submission only', async () => {
    const settled: number[] = [];
    let started = -1;
    const report = await gradeFolder(lab, dir, {
      jobs: 2,
      timeoutMs: 500,
      workerUrl: pathToFileURL(join(FIXTURES, 'stub-grade-worker.mjs')),
      onStart: (n) => {
        started = n;
      },
      onProgress: () => settled.push(1),
    });
    expect(started).toBe(6);
    expect(settled).toHaveLength(6);
    expect(report.results.map((r) => [r.submission, r.status, r.score])).toEqual([
      ['a.yaml', 'graded', 1],
      ['c.yaml', 'graded', 1],
      ['crash-b.yaml', 'error', 0],
      ['e.yaml', 'graded', 1],
      ['f.yaml', 'graded', 1],
      ['hang-d.yaml', 'error', 0],
    ]);
    const crash = report.results[2];
    expect(crash.reason).toBe('the grader crashed on this submission: it stopped with exit code 7');
    expect(crash.checks.map((c) => [c.id, c.earned])).toEqual(lab.checks.map((c) => [c.id, 0]));
    expect(report.results[5].reason).toBe('grading took longer than 500 ms, so it was stopped');
    expect(report.summary.zeros.map((z) => [z.status, z.submissions])).toEqual([['error', ['crash-b.yaml', 'hang-d.yaml']]]);
  });
});

describe('progressBar', () => {
  const fakeStream = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, stream: { isTTY, columns: 80, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
  };

  it('redraws in place on a terminal and clears itself at the end', () => {
    const { writes, stream } = fakeStream(true);
    const bar = progressBar(2, stream, {});
    bar.tick();
    bar.tick();
    bar.done();
    expect(writes[0]).toMatch(/^\rGrading \[-+\] 0\/2$/);
    expect(writes).toContain(`\rGrading [${'#'.repeat(40)}] 2/2`);
    expect(writes[writes.length - 1]).toMatch(/^\r {10,}\r$/);
    for (const w of writes) expect(w.length).toBeLessThanOrEqual(81);
  });

  it('stays silent in CI and when standard error is not a terminal', () => {
    const ci = fakeStream(true);
    progressBar(5, ci.stream, { CI: 'true' }).tick();
    const piped = fakeStream(false);
    progressBar(5, piped.stream, {}).tick();
    expect([ci.writes, piped.writes]).toEqual([[], []]);
  });
});
