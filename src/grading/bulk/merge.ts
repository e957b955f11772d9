import { compareNames } from './entries.js';
import { parseShard } from './shard.js';
import { summarize } from './summary.js';
import type { BulkReport, BulkResult, ReportCheck } from './types.js';

/**
 * Merges the JSON outputs of sharded runs (`cloudlab grade … --shard i/n --format json`)
 * into the report one unsharded run would have made: same rows in the same order, the summary
 * recomputed. Outputs of different labs, or of overlapping shards, are refused.
 */
export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

export interface MergeInput {
  file: string;
  /** The parsed JSON of the file. */
  data: unknown;
}

export interface Merged {
  report: BulkReport;
  /** Shards missing from the inputs, as "i/n". */
  missingShards: string[];
}

export function mergeReports(inputs: readonly MergeInput[]): Merged {
  if (inputs.length === 0) throw new MergeError('give the JSON outputs of the shards to merge');
  const shards = inputs.map((i) => ({ file: i.file, report: asReport(i.file, i.data) }));
  const first = shards[0];
  const count = parseShard(first.report.shard!).count;
  const byIndex = new Map<number, string>();
  const owner = new Map<string, string>();
  for (const { file, report } of shards) {
    if (report.lab !== first.report.lab) {
      throw new MergeError(`${first.file} is for lab ${first.report.lab} but ${file} is for lab ${report.lab}; merge the shards of one lab`);
    }
    if (!sameLab(report, first.report)) {
      throw new MergeError(`${first.file} and ${file} were graded with different versions of lab ${report.lab} (titles, points or checks differ); grade every shard with the same version`);
    }
    const s = parseShard(report.shard!);
    if (s.count !== count) throw new MergeError(`${first.file} is shard ${first.report.shard} but ${file} is shard ${report.shard}; every shard of a run has the same n`);
    const twin = byIndex.get(s.index);
    if (twin) throw new MergeError(`${twin} and ${file} are both shard ${report.shard}; each shard may be given once`);
    byIndex.set(s.index, file);
    for (const r of report.results) {
      const other = owner.get(r.submission);
      if (other) throw new MergeError(`${r.submission} is in both ${other} and ${file}; the shards overlap`);
      owner.set(r.submission, file);
    }
  }
  const results: BulkResult[] = shards.flatMap((s) => s.report.results).sort((a, b) => compareNames(a.submission, b.submission));
  const missingFromFolder = first.report.summary.missingFromFolder ?? [];
  const { lab, title, max, checks } = first.report;
  const missingShards: string[] = [];
  for (let i = 1; i <= count; i++) if (!byIndex.has(i)) missingShards.push(`${i}/${count}`);
  return {
    report: { lab, title, max, checks, summary: summarize(results, max, checks, missingFromFolder), results },
    missingShards,
  };
}

function sameLab(a: BulkReport, b: BulkReport): boolean {
  return a.title === b.title && a.max === b.max && JSON.stringify(a.checks) === JSON.stringify(b.checks);
}

/** Enough of a shape check that a wrong file is named, not crashed on. */
function asReport(file: string, data: unknown): BulkReport {
  const fail = (what: string): never => {
    throw new MergeError(`${file}: ${what}; merge takes the outputs of \`cloudlab grade <lab> <folder> --shard i/n --format json\``);
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('not a grade report (a JSON object)');
  const r = data as Record<string, unknown>;
  if (typeof r.lab !== 'string') fail('not a grade report (it has no "lab")');
  if (typeof r.shard !== 'string') fail('not the output of a sharded run (it has no "shard")');
  try {
    parseShard(r.shard as string);
  } catch (e) {
    fail(`its "shard" is not i/n (${(e as Error).message})`);
  }
  if (typeof r.title !== 'string' || typeof r.max !== 'number' || !Array.isArray(r.checks)) fail('not a grade report (title, max or checks missing)');
  if (!r.summary || typeof r.summary !== 'object') fail('not a grade report (no summary)');
  const missing = (r.summary as Record<string, unknown>).missingFromFolder;
  if (missing !== undefined && !(Array.isArray(missing) && missing.every((m) => typeof m === 'string'))) fail('its summary.missingFromFolder is not a list of names');
  if (!Array.isArray(r.results)) fail('not a grade report (no results)');
  (r.results as unknown[]).forEach((x, i) => {
    const row = x as Record<string, unknown> | null;
    if (
      !row ||
      typeof row !== 'object' ||
      typeof row.submission !== 'string' ||
      typeof row.student !== 'string' ||
      typeof row.status !== 'string' ||
      typeof row.score !== 'number' ||
      typeof row.max !== 'number' ||
      !Array.isArray(row.checks) ||
      !Array.isArray(row.diagnostics)
    ) {
      fail(`result ${i + 1} is not a graded submission (submission, student, status, score, max, checks, diagnostics)`);
    }
  });
  (r.checks as unknown[]).forEach((c, i) => {
    const check = c as Partial<ReportCheck> | null;
    if (!check || typeof check.id !== 'string' || typeof check.title !== 'string' || typeof check.points !== 'number') fail(`check ${i + 1} has no id, title or points`);
  });
  return r as unknown as BulkReport;
}
