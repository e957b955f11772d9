import fs from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Lab } from '../../content/labs.js';
import { listSubmissions, type SubmissionEntry } from './entries.js';
import { entryGrader, errorResult } from './grade-entry.js';
import { runPool } from './pool.js';
import type { Roster } from './roster.js';
import { formatShard, inShard, type Shard } from './shard.js';
import { summarize } from './summary.js';
import type { BulkReport, BulkResult, ReportCheck } from './types.js';
import type { GradeWorkerData } from './worker.js';

/**
 * Grades every submission of a folder: lists them (sorted by name), maps names to students,
 * keeps the shard's share, grades in parallel and returns one row per submission in name
 * order — the same rows, byte for byte, whatever the number of workers.
 */
export interface GradeFolderOptions {
  /** Worker threads; 1 grades in this thread. Default: the number of cores. */
  jobs?: number;
  roster?: Roster;
  shard?: Shard;
  /** Time limit for one submission (workers only). Default 30 s. */
  timeoutMs?: number;
  /** Paths in the folder that are not submissions (the roster, an output file). */
  exclude?: readonly string[];
  /** Called once the submissions are listed, with how many will be graded. */
  onStart?: (count: number) => void;
  onProgress?: () => void;
  /** The worker script; the default is worker.js next to this module. */
  workerUrl?: URL;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export async function gradeFolder(lab: Lab, folder: string, opts: GradeFolderOptions = {}): Promise<BulkReport> {
  const listing = listSubmissions(folder, { roster: opts.roster, exclude: opts.exclude });
  const entries = listing.entries.filter((_, i) => inShard(i, opts.shard));
  opts.onStart?.(entries.length);
  const jobs = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), entries.length || 1));
  const workerUrl = opts.workerUrl ?? new URL('./worker.js', import.meta.url);
  // Run from the TypeScript sources (the tests) there is no worker.js to start: grade here.
  const parallel = jobs > 1 && fs.existsSync(fileURLToPath(workerUrl));
  const results = parallel ? await gradeInWorkers(lab, folder, entries, jobs, workerUrl, opts) : gradeHere(lab, folder, entries, opts);
  return assembleReport(lab, results, listing.missingFromFolder, opts.shard);
}

export function reportChecks(lab: Lab): ReportCheck[] {
  return lab.checks.map((c) => ({ id: c.id, title: c.title, kind: c.kind, points: c.points, ...(c.hidden ? {} : { args: c.args }) }));
}

export function assembleReport(lab: Lab, results: BulkResult[], missingFromFolder: readonly string[], shard?: Shard): BulkReport {
  const checks = reportChecks(lab);
  return {
    lab: lab.id,
    ...(shard ? { shard: formatShard(shard) } : {}),
    title: lab.title,
    max: lab.maxScore,
    checks,
    summary: summarize(results, lab.maxScore, checks, missingFromFolder),
    results,
  };
}

function gradeHere(lab: Lab, folder: string, entries: readonly SubmissionEntry[], opts: GradeFolderOptions): BulkResult[] {
  const grader = entryGrader(lab, folder);
  return entries.map((e) => {
    // The same JSON text a worker would send back, so both paths print the same bytes.
    const r = JSON.parse(grader.grade(e)) as BulkResult;
    opts.onProgress?.();
    return r;
  });
}

async function gradeInWorkers(
  lab: Lab,
  folder: string,
  entries: readonly SubmissionEntry[],
  jobs: number,
  workerUrl: URL,
  opts: GradeFolderOptions,
): Promise<BulkResult[]> {
  const workerData: GradeWorkerData = { labId: lab.id, labsDir: path.dirname(lab.dir), folder };
  const outcomes = await runPool(entries, {
    jobs,
    workerUrl,
    workerData,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    onSettled: () => opts.onProgress?.(),
  });
  return outcomes.map((o, i) => (o.ok ? (JSON.parse(o.value) as BulkResult) : errorResult(lab, entries[i], o.error)));
}
