import { existsSync } from 'node:fs';
import { labOrUsageError } from '../lab.js';
import { recordLabResult } from '../../content/progress.js';
import { saveChange } from '../../content/command-support.js';
import { formatGrade } from '../../grading/format-check.js';
import { gradePath } from '../../grading/grade-path.js';
import { EXIT_FAILED, EXIT_INVALID, EXIT_OK, UsageError } from '../exit-codes.js';
import { err, out, outJson, paintMarks } from '../output.js';
import { withExcerpts } from '../source-excerpt.js';

export async function run(labId: string, submission: string, opts: { student?: string; json?: boolean }): Promise<number> {
  const lab = labOrUsageError(labId);
  if (!existsSync(submission)) throw new UsageError(`${submission}: no such file or folder`);
  const result = gradePath(lab, submission, { student: opts.student });
  if (opts.json) outJson(result);
  else out(paintMarks(withExcerpts(formatGrade(result, `Lab ${lab.order}: ${lab.title} (${lab.id})`), result).join('\n')));
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
