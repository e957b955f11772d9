import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Lab } from '../../content/labs.js';
import { watchCheck } from '../check-watch.js';
import { labOrUsageError, nextLab } from '../lab.js';
import { recordLabResult } from '../../content/progress.js';
import { saveChange } from '../../content/command-support.js';
import { gradescopeResult } from '../../grading/bulk/formats/gradescope.js';
import type { BulkResult } from '../../grading/bulk/types.js';
import { CheckArgumentError } from '../../../graders/index.js';
import { formatDrills } from '../../grading/format-drills.js';
import { formatGrade } from '../../grading/format-check.js';
import { gradePath } from '../../grading/grade-path.js';
import type { GradeResult } from '../../grading/result.js';
import { EXIT_FAILED, EXIT_INVALID, EXIT_OK, UsageError } from '../exit-codes.js';
import { err, out, outJson, paintMarks } from '../output.js';
import { withExcerpts } from '../source-excerpt.js';
import { sourceText, studentFor } from '../student.js';

export interface CheckOptions {
  student?: string;
  json?: boolean;
  format?: string;
  out?: string;
  watch?: boolean;
}

export async function run(labId: string, submission: string, opts: CheckOptions): Promise<number> {
  const lab = labOrUsageError(labId);
  if (!existsSync(submission)) throw new UsageError(`${submission}: no such file or folder`);
  const format = opts.json ? 'json' : (opts.format ?? 'text');
  if (!['text', 'json', 'gradescope'].includes(format)) throw new UsageError(`--format is text, json or gradescope, not "${format}"`);
  if (opts.watch) {
    if (format === 'gradescope') throw new UsageError('--watch checks on a terminal; it does not go with --format gradescope');
    return watchCheck(submission, () => checkOnce(lab, submission, opts, format));
  }
  return checkOnce(lab, submission, opts, format);
}

async function checkOnce(lab: Lab, submission: string, opts: CheckOptions, format: string): Promise<number> {
  const warn = (m: string) => err(`cloudlab: ${m}`);
  const fromGradescope = format === 'gradescope' && opts.student === undefined ? gradescopeStudent(submission, warn) : undefined;
  const chosen = fromGradescope ? { student: fromGradescope, source: undefined } : studentFor(opts.student, warn);
  const result = gradeOrLabError(lab, submission, chosen.student, format === 'text');
  noteStudent(result, chosen.student, fromGradescope ? 'submission_metadata.json' : sourceText(chosen.source), warn);
  const next = result.status === 'graded' && result.score === result.max ? nextLab(lab, result.student ?? chosen.student) : undefined;
  if (format === 'gradescope') writeGradescope(result, opts.out);
  else if (format === 'json') outJson(next ? { ...result, next } : result);
  else {
    out(paintMarks(withExcerpts(formatGrade(result, `Lab ${lab.order}: ${lab.title} (${lab.id})`), result).join('\n')));
    const drills = formatDrills(result);
    if (drills.length) out(drills.join('\n'));
    if (next) out(`\n${next.text}`);
  }
  if (result.status === 'graded' && format !== 'gradescope') {
    saveChange(
      (p) => recordLabResult(p, lab.id, { student: result.student, score: result.score, max: result.max, passed: result.checks.filter((c) => c.passed).map((c) => c.id) }),
      warn,
      '; the result is not recorded',
    );
  }
  if (result.status !== 'graded') return EXIT_INVALID;
  return result.score === result.max ? EXIT_OK : EXIT_FAILED;
}

/** Grades, keeping the drills as played for the text report; a lab's own mistake (a check's arguments) is said as such. */
function gradeOrLabError(lab: Lab, submission: string, student: string | undefined, keepDrills: boolean): GradeResult {
  try {
    return gradePath(lab, submission, { student, keepDrills });
  } catch (e) {
    if (e instanceof CheckArgumentError) throw new UsageError(`the lab ${lab.id} has a mistake in a check, not your submission: ${e.message}`, EXIT_INVALID, 'lab-error');
    throw e;
  }
}

/** Says whose values were used when it was not obvious, and when the template names someone else. */
function noteStudent(r: GradeResult, chosen: string | undefined, source: string, warn: (m: string) => void): void {
  if (chosen === undefined) {
    if (r.metadataStudent === undefined && r.status === 'graded') warn("no student id (--student, CLOUDLAB_STUDENT, cloudlab config or the template's Metadata): graded with the lab's default values, which are nobody's");
    return;
  }
  if (r.metadataStudent !== undefined && r.metadataStudent !== chosen) {
    warn(`graded for student ${chosen} (from ${source}), but the template's Metadata names student ${r.metadataStudent}; your values depend on the id, so check that it is yours`);
  }
}

/**
 * Gradescope runs one submission per container: /autograder/submission/ holds the files and
 * /autograder/submission_metadata.json the students. The id is the first user's sid (the
 * student id field of the course roster), else their email.
 */
function gradescopeStudent(submission: string, warn: (m: string) => void): string | undefined {
  const candidates = [join(dirname(resolve(submission)), 'submission_metadata.json'), join(resolve(submission), '..', '..', 'submission_metadata.json'), '/autograder/submission_metadata.json'];
  const file = candidates.find((f) => existsSync(f));
  if (!file) return undefined;
  try {
    const meta = JSON.parse(readFileSync(file, 'utf8')) as { users?: { sid?: unknown; email?: unknown }[] };
    const user = Array.isArray(meta.users) ? meta.users[0] : undefined;
    const id = user?.sid ?? user?.email;
    return typeof id === 'string' || typeof id === 'number' ? String(id).trim() || undefined : undefined;
  } catch {
    warn(`${file} is not valid JSON; its student is not used`);
    return undefined;
  }
}

function writeGradescope(r: GradeResult, outPath: string | undefined): void {
  const path = outPath ?? (existsSync('/autograder/results') ? '/autograder/results/results.json' : 'results.json');
  const bulk: BulkResult = { ...r, student: r.student ?? '' };
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(path, `${JSON.stringify(gradescopeResult(bulk), null, 2)}\n`);
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${(e as Error).message}`);
  }
  out(`Wrote ${path}: ${r.score}/${r.max}${r.student ? ` for student ${r.student}` : ''}.`);
}
