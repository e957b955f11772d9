import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCsv } from '../../../src/grading/bulk/formats/csv.js';
import { formatJson } from '../../../src/grading/bulk/formats/json.js';
import { formatJunit } from '../../../src/grading/bulk/formats/junit.js';
import { MergeError, mergeReports } from '../../../src/grading/bulk/merge.js';
import { parseRoster } from '../../../src/grading/bulk/roster.js';
import { gradeFolder } from '../../../src/grading/bulk/run.js';
import type { BulkReport } from '../../../src/grading/bulk/types.js';
import { classFolder, fixtureLab, removeDir, tempDir } from './support/fixture.js';

const lab = fixtureLab();
let dir: string;
let full: BulkReport;
let shards: BulkReport[];
const roster = parseRoster('submission,student\ns1000.yaml,s1000\nghost.yaml,ghost\n', 'roster.csv');

beforeAll(async () => {
  dir = tempDir();
  classFolder(lab, dir, 10);
  full = await gradeFolder(lab, dir, { jobs: 1, roster });
  shards = [];
  for (const index of [1, 2, 3]) shards.push(await gradeFolder(lab, dir, { jobs: 1, roster, shard: { index, count: 3 } }));
});
afterAll(() => removeDir(dir));

const asInput = (r: BulkReport, file: string) => ({ file, data: JSON.parse(formatJson(r)) as unknown });

describe('sharded runs', () => {
  it('grade every submission exactly once between them, marked with their shard', () => {
    expect(shards.map((s) => s.shard)).toEqual(['1/3', '2/3', '3/3']);
    expect(shards.map((s) => s.results.length)).toEqual([4, 3, 3]);
    expect(shards[1].results.map((r) => r.submission)).toEqual(['s1001.yaml', 's1004.yaml', 's1007.yaml']);
    expect(shards.every((s) => s.summary.missingFromFolder.join() === 'ghost.yaml')).toBe(true);
  });

  it('merge into the same bytes as one run, in whatever order they are given', () => {
    const merged = mergeReports([asInput(shards[2], 'c.json'), asInput(shards[0], 'a.json'), asInput(shards[1], 'b.json')]);
    expect(merged.missingShards).toEqual([]);
    expect(formatJson(merged.report)).toBe(formatJson(full));
    expect(formatCsv(merged.report)).toBe(formatCsv(full));
    expect(formatJunit(merged.report)).toBe(formatJunit(full));
  });

  it('say which shards are missing', () => {
    expect(mergeReports([asInput(shards[0], 'a.json')]).missingShards).toEqual(['2/3', '3/3']);
  });
});

describe('merge refuses', () => {
  const input = (file: string, data: unknown) => ({ file, data });
  const shard = (i: number) => JSON.parse(formatJson(shards[i - 1])) as Record<string, unknown>;

  it('outputs of different labs', () => {
    expect(() => mergeReports([input('a.json', shard(1)), input('b.json', { ...shard(2), lab: 'three-tier' })])).toThrow(
      'a.json is for lab web-tier but b.json is for lab three-tier; merge the shards of one lab',
    );
  });

  it('the same shard twice, and shards that overlap', () => {
    expect(() => mergeReports([input('a.json', shard(1)), input('b.json', shard(1))])).toThrow('a.json and b.json are both shard 1/3');
    const overlapping = { ...shard(2), results: [...(shard(2).results as unknown[]), (shard(1).results as unknown[])[0]] };
    expect(() => mergeReports([input('a.json', shard(1)), input('b.json', overlapping)])).toThrow('s1000.yaml is in both a.json and b.json; the shards overlap');
  });

  it('shards of runs split differently, or graded with another version of the lab', () => {
    expect(() => mergeReports([input('a.json', shard(1)), input('b.json', { ...shard(2), shard: '2/4' })])).toThrow('every shard of a run has the same n');
    expect(() => mergeReports([input('a.json', shard(1)), input('b.json', { ...shard(2), max: 12 })])).toThrow('different versions of lab web-tier');
  });

  it('what is not the JSON of a sharded run', () => {
    const unsharded = JSON.parse(formatJson(full)) as unknown;
    expect(() => mergeReports([input('full.json', unsharded)])).toThrow('full.json: not the output of a sharded run (it has no "shard")');
    expect(() => mergeReports([input('x.json', [1, 2])])).toThrow(MergeError);
    expect(() => mergeReports([input('x.json', { ...shard(1), shard: 'half' })])).toThrow('x.json: its "shard" is not i/n');
    expect(() => mergeReports([input('x.json', { ...shard(1), results: [{ submission: 'a' }] })])).toThrow('x.json: result 1 is not a graded submission');
    expect(() => mergeReports([])).toThrow('give the JSON outputs of the shards to merge');
  });

  it('a result whose checks, diagnostics or evidence are damaged, naming it instead of failing inside', () => {
    const damaged = (change: (row: Record<string, unknown>) => void) => {
      const data = shard(1);
      const rows = data.results as Record<string, unknown>[];
      change(rows[0]);
      return () => mergeReports([input('x.json', data)]);
    };
    expect(damaged((r) => (r.checks = [null]))).toThrow('x.json: result 1 is not a graded submission (check 1 of it is null)');
    expect(damaged((r) => (r.checks = [{ ...(r.checks as object[])[0], passed: 'yes' }]))).toThrow('check 1 of it has no passed, points or earned');
    expect(damaged((r) => (r.diagnostics = [null]))).toThrow('diagnostic 1 of it has no severity, code or message');
    expect(damaged((r) => (r.flags = [3]))).toThrow('its "flags" is not a list of names');
    expect(damaged((r) => (r.score = null))).toThrow('its "score" is not a number');
    const badEvidence = (evidence: unknown) =>
      damaged((r) => {
        r.checks = (r.checks as Record<string, unknown>[]).map((c) => ({ ...c, evidence }));
      });
    expect(badEvidence({ trace: { path: [], explanation: 'x', drop: { hop: { component: 7 } } } })).toThrow('has a dropping hop without component');
    expect(badEvidence({ resources: [null] })).toThrow('names resources that are not text');
  });

  it('nothing that a real run writes, evidence included', () => {
    for (const s of shards) for (const r of s.results) for (const c of r.checks) expect(typeof c.passed).toBe('boolean');
    expect(shards.some((s) => s.results.some((r) => r.checks.some((c) => c.evidence?.trace?.drop)))).toBe(true);
    expect(() => mergeReports(shards.map((s, i) => input(`${i}.json`, JSON.parse(formatJson(s)))))).not.toThrow();
  });
});
