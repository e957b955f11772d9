import fs from 'node:fs';
import path from 'node:path';
import { LabError, loadLab } from '../../content/labs.js';
import { formatCsv } from '../../grading/bulk/formats/csv.js';
import { exercismFiles } from '../../grading/bulk/formats/exercism.js';
import { feedbackFiles } from '../../grading/bulk/formats/feedback.js';
import { gradescopeFiles } from '../../grading/bulk/formats/gradescope.js';
import { formatJson } from '../../grading/bulk/formats/json.js';
import { formatJunit } from '../../grading/bulk/formats/junit.js';
import { formatLmsCsv, type Lms } from '../../grading/bulk/formats/lms.js';
import { checkOutputTarget, OutputError, replaceFolder, writeFileWhole } from '../../grading/bulk/output.js';
import { type PlannedOutput, refuseUnsafeOutputs } from '../../grading/bulk/output-guard.js';
import { WorkerStartError } from '../../grading/bulk/pool.js';
import { progressBar, type Progress } from '../../grading/bulk/progress.js';
import { readRoster, RosterError } from '../../grading/bulk/roster.js';
import { gradeFolder } from '../../grading/bulk/run.js';
import { parseShard, ShardError } from '../../grading/bulk/shard.js';
import { formatSummary } from '../../grading/bulk/summary-text.js';
import type { BulkReport } from '../../grading/bulk/types.js';
import { EXIT_OK, UsageError } from '../exit-codes.js';

type Format = 'csv' | 'json' | 'gradescope' | 'exercism' | 'junit';

export interface GradeCommandOptions {
  format?: Format;
  lms?: Lms;
  out?: string;
  jobs?: string;
  roster?: string;
  shard?: string;
  feedback?: string;
  json?: boolean;
}

const MAX_JOBS = 256;

export async function run(labId: string, folder: string, opts: GradeCommandOptions): Promise<number> {
  const format = formatOf(opts);
  if (opts.lms && format !== 'csv') throw new UsageError(`--lms makes a CSV gradebook; it goes with --format csv, not ${format}`);
  const perStudent = format === 'gradescope' || format === 'exercism';
  if (perStudent && !opts.out) throw new UsageError(`--format ${format} writes one results.json per student; give the folder with --out DIR`);
  const jobs = opts.jobs === undefined ? undefined : parseJobs(opts.jobs);
  const shard = opts.shard === undefined ? undefined : guard(() => parseShard(opts.shard!));

  let lab;
  try {
    lab = loadLab(labId);
  } catch (e) {
    if (e instanceof LabError) throw new UsageError(e.message);
    throw e;
  }
  checkFolder(folder);
  const roster = opts.roster === undefined ? undefined : guard(() => readRoster(opts.roster!));
  const outputs: PlannedOutput[] = [];
  if (opts.out) outputs.push({ path: opts.out, option: '--out', kind: perStudent ? 'folder' : 'file' });
  if (opts.feedback) outputs.push({ path: opts.feedback, option: '--feedback', kind: 'folder' });
  guard(() => {
    refuseUnsafeOutputs(outputs, [
      { path: folder, what: 'the folder of submissions', kind: 'folder' },
      ...(opts.roster ? [{ path: opts.roster, what: 'the roster', kind: 'file' as const }] : []),
    ]);
    for (const o of outputs) checkOutputTarget(o.path, o.kind, o.option);
  });

  let progress: Progress | undefined;
  let report: BulkReport;
  try {
    report = await gradeFolder(lab, folder, {
      jobs,
      roster,
      shard,
      // Outputs cannot be in the folder (refused above); the roster may be.
      exclude: [opts.roster].filter((p): p is string => p !== undefined),
      onStart: (count) => {
        progress = progressBar(count);
      },
      onProgress: () => progress?.tick(),
    });
  } catch (e) {
    if (e instanceof WorkerStartError) throw new Error(`${e.message}; run again with --jobs 1 to grade in one thread`);
    throw e;
  } finally {
    progress?.done();
  }

  const notes: string[] = [];
  guard(() => {
    if (format === 'gradescope' || format === 'exercism') {
      const files = format === 'gradescope' ? gradescopeFiles(report) : exercismFiles(report);
      replaceFolder(opts.out!, files);
      notes.push(`Wrote ${plural(files.length, 'results.json file')} under ${opts.out} (${format}).`);
    } else {
      const text = format === 'json' ? formatJson(report) : format === 'junit' ? formatJunit(report) : opts.lms ? formatLmsCsv(report, opts.lms) : formatCsv(report);
      if (opts.out) {
        writeFileWhole(opts.out, text);
        notes.push(`Wrote the grades of ${plural(report.results.length, 'submission')} to ${opts.out} (${describeFormat(format, opts.lms)}).`);
      } else process.stdout.write(text);
    }
    if (opts.feedback) {
      const files = feedbackFiles(report);
      replaceFolder(opts.feedback, files);
      notes.push(`Wrote ${plural(files.length, 'feedback note')} to ${opts.feedback}.`);
    }
  });
  // The summary goes where it cannot mix with the grades: standard error when they are on
  // standard output.
  const text = formatSummary(report, report.summary) + (notes.length ? `\n${notes.join('\n')}\n` : '');
  (opts.out || perStudent ? process.stdout : process.stderr).write(text);
  return EXIT_OK;
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function describeFormat(format: Format, lms: Lms | undefined): string {
  if (lms) return `CSV for ${lms === 'canvas' ? 'Canvas' : 'Moodle'}`;
  return format === 'json' ? 'JSON' : format === 'junit' ? 'JUnit XML' : 'CSV';
}

function formatOf(opts: GradeCommandOptions): Format {
  const format = opts.format ?? 'csv';
  if (!opts.json) return format;
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--json is the same as --format json; it cannot go with --format ${format}`);
  return 'json';
}

function parseJobs(text: string): number {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > MAX_JOBS) throw new UsageError(`--jobs ${text}: give a whole number of worker threads from 1 to ${MAX_JOBS} (1 grades in one thread)`);
  return n;
}

function checkFolder(folder: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(folder);
  } catch {
    throw new UsageError(`${folder}: no such folder; give the folder that holds the submissions`);
  }
  if (!st.isDirectory()) {
    throw new UsageError(`${folder} is a file, not a folder; to grade one submission use \`cloudlab check <lab> ${path.basename(folder)}\``);
  }
  try {
    fs.accessSync(folder, fs.constants.R_OK | fs.constants.X_OK);
  } catch {
    throw new UsageError(`${folder}: permission denied; the folder of submissions cannot be read`);
  }
}

/** Input problems found by the library become one-line usage errors (exit 2). */
function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RosterError || e instanceof ShardError || e instanceof OutputError) throw new UsageError(e.message);
    throw e;
  }
}
