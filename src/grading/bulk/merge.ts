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
    const problem = resultProblem(x);
    if (problem) fail(`result ${i + 1} is not a graded submission (${problem})`);
  });
  (r.checks as unknown[]).forEach((c, i) => {
    const check = c as Partial<ReportCheck> | null;
    if (!check || typeof check !== 'object' || typeof check.id !== 'string' || typeof check.title !== 'string' || typeof check.points !== 'number') {
      fail(`check ${i + 1} has no id, title or points`);
    }
  });
  return r as unknown as BulkReport;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';

/**
 * What is wrong with one row, or undefined when every field the formats and the summary read
 * has its type: a hand-edited or truncated shard is named, never crashed on.
 */
function resultProblem(x: unknown): string | undefined {
  if (!isObject(x)) return 'it is not an object';
  for (const key of ['submission', 'student', 'status', 'lab'] as const) {
    if (typeof x[key] !== 'string') return `its "${key}" is not text`;
  }
  for (const key of ['score', 'max'] as const) {
    if (typeof x[key] !== 'number' || !Number.isFinite(x[key])) return `its "${key}" is not a number`;
  }
  if (!optionalString(x.reason) || !optionalString(x.fingerprint)) return 'its "reason" or "fingerprint" is not text';
  if (x.flags !== undefined && !(Array.isArray(x.flags) && x.flags.every((f) => typeof f === 'string'))) return 'its "flags" is not a list of names';
  if (!Array.isArray(x.checks)) return 'it has no list of checks';
  for (const [i, c] of x.checks.entries()) {
    if (!isObject(c)) return `check ${i + 1} of it is ${c === null ? 'null' : 'not an object'}`;
    if (typeof c.id !== 'string' || typeof c.title !== 'string' || typeof c.kind !== 'string') return `check ${i + 1} of it has no id, title or kind`;
    if (typeof c.passed !== 'boolean' || typeof c.points !== 'number' || typeof c.earned !== 'number') return `check ${i + 1} of it has no passed, points or earned`;
    if (typeof c.message !== 'string' || typeof c.detail !== 'string' || !optionalString(c.hint)) return `check ${i + 1} of it has no message or detail`;
    const evidence = evidenceProblem(c.evidence);
    if (evidence) return `the evidence of check ${i + 1} of it ${evidence}`;
  }
  if (!Array.isArray(x.diagnostics)) return 'it has no list of diagnostics';
  for (const [i, d] of x.diagnostics.entries()) {
    if (!isObject(d) || typeof d.severity !== 'string' || typeof d.code !== 'string' || typeof d.message !== 'string') return `diagnostic ${i + 1} of it has no severity, code or message`;
    if (!optionalString(d.file) || !optionalString(d.logicalId) || !optionalString(d.path)) return `diagnostic ${i + 1} of it has a file, logical id or path that is not text`;
    if ((d.line !== undefined && typeof d.line !== 'number') || (d.column !== undefined && typeof d.column !== 'number')) return `diagnostic ${i + 1} of it has a line or column that is not a number`;
  }
  return undefined;
}

function evidenceProblem(e: unknown): string | undefined {
  if (e === undefined) return undefined;
  if (!isObject(e)) return 'is not an object';
  if (e.resources !== undefined && !(Array.isArray(e.resources) && e.resources.every((r) => typeof r === 'string'))) return 'names resources that are not text';
  if (e.trace === undefined) return undefined;
  if (!isObject(e.trace) || !Array.isArray(e.trace.path) || typeof e.trace.explanation !== 'string') return 'has a trace without a path or explanation';
  const drop = e.trace.drop;
  if (drop === undefined) return undefined;
  if (!isObject(drop) || !optionalString(drop.fix)) return 'has a drop that is not an object';
  const hop = drop.hop;
  if (hop === undefined) return undefined;
  if (!isObject(hop) || typeof hop.component !== 'string' || typeof hop.direction !== 'string' || typeof hop.detail !== 'string') return 'has a dropping hop without component, direction or detail';
  if (typeof hop.id !== 'string' && typeof hop.logicalId !== 'string') return 'has a dropping hop without an id';
  return undefined;
}
