import { existsSync } from 'node:fs';
import type { Lab } from '../../content/labs.js';
import { watchCheck } from '../check-watch.js';
import { labOrUsageError, nextLab } from '../lab.js';
import { recordLabResult } from '../../content/progress.js';
import { saveChange } from '../../content/command-support.js';
import { formatGrade } from '../../grading/format-check.js';
import { gradePath } from '../../grading/grade-path.js';
import { EXIT_FAILED, EXIT_INVALID, EXIT_OK, UsageError } from '../exit-codes.js';
import { err, out, outJson, paintMarks } from '../output.js';
import { withExcerpts } from '../source-excerpt.js';

export async function run(labId: string, submission: string, opts: { student?: string; json?: boolean; watch?: boolean }): Promise<number> {
  const lab = labOrUsageError(labId);
  if (!existsSync(submission)) throw new UsageError(`${submission}: no such file or folder`);
  if (opts.watch) return watchCheck(submission, () => checkOnce(lab, submission, opts));
  return checkOnce(lab, submission, opts);
}

async function checkOnce(lab: Lab, submission: string, opts: { student?: string; json?: boolean }): Promise<number> {
  const result = gradePath(lab, submission, { student: opts.student });
  const next = result.status === 'graded' && result.score === result.max ? nextLab(lab, result.student ?? opts.student) : undefined;
  if (opts.json) outJson(next ? { ...result, next } : result);
  else {
    out(paintMarks(withExcerpts(formatGrade(result, `Lab ${lab.order}: ${lab.title} (${lab.id})`), result).join('\n')));
    if (next) out(`\n${next.text}`);
  }
  if (result.status === 'graded') {
    saveChange(
      (p) => recordLabResult(p, lab.id, { student: opts.student, score: result.score, max: result.max, passed: result.checks.filter((c) => c.passed).map((c) => c.id) }),
      (m) => err(`cloudlab: ${m}`),
      '; the result is not recorded',
    );
  }
  if (result.status !== 'graded') return EXIT_INVALID;
  return result.score === result.max ? EXIT_OK : EXIT_FAILED;
}
