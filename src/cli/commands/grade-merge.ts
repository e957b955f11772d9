import fs from 'node:fs';
import { formatCsv } from '../../grading/bulk/formats/csv.js';
import { formatJson } from '../../grading/bulk/formats/json.js';
import { formatJunit } from '../../grading/bulk/formats/junit.js';
import { MergeError, type MergeInput, mergeReports } from '../../grading/bulk/merge.js';
import { checkOutputTarget, OutputError, writeFileWhole } from '../../grading/bulk/output.js';
import { refuseUnsafeOutputs } from '../../grading/bulk/output-guard.js';
import { formatSummary } from '../../grading/bulk/summary-text.js';
import { EXIT_OK, UsageError } from '../exit-codes.js';
import { err } from '../output.js';

export interface GradeMergeOptions {
  format?: 'csv' | 'json' | 'junit';
  out?: string;
}

export async function run(files: string[], opts: GradeMergeOptions): Promise<number> {
  const format = opts.format ?? 'csv';
  try {
    if (opts.out) {
      refuseUnsafeOutputs(
        [{ path: opts.out, option: '--out', kind: 'file' }],
        files.map((f) => ({ path: f, what: `the shard ${f}, an input of the merge`, kind: 'file' as const })),
      );
      checkOutputTarget(opts.out, 'file', '--out');
    }
    const merged = mergeReports(files.map(readInput));
    const { report } = merged;
    const text = format === 'json' ? formatJson(report) : format === 'junit' ? formatJunit(report) : formatCsv(report);
    if (opts.out) writeFileWhole(opts.out, text);
    else process.stdout.write(text);
    const wrote = opts.out
      ? `\nWrote the merged grades of ${report.results.length} submission${report.results.length === 1 ? '' : 's'} to ${opts.out} (${format === 'json' ? 'JSON' : format === 'junit' ? 'JUnit XML' : 'CSV'}).\n`
      : '';
    if (merged.missingShards.length) {
      err(`cloudlab: shard${merged.missingShards.length === 1 ? '' : 's'} ${merged.missingShards.join(', ')} missing; the merged grades cover only the shards given`);
    }
    (opts.out ? process.stdout : process.stderr).write(formatSummary(report, report.summary) + wrote);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof MergeError || e instanceof OutputError) throw new UsageError(e.message);
    throw e;
  }
}

function readInput(file: string): MergeInput {
  let text: string;
  try {
    if (!fs.statSync(file).isFile()) throw new MergeError(`${file} is a folder; give the JSON files of the shards`);
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof MergeError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new MergeError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? (e as Error).message})`);
  }
  try {
    return { file, data: JSON.parse(text) as unknown };
  } catch (e) {
    throw new MergeError(`${file}: not JSON (${(e as Error).message}); merge takes the outputs of \`cloudlab grade … --shard i/n --format json\``);
  }
}
