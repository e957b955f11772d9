import type { Lab } from '../content/labs.js';
import { readSubmission } from '../formats/submission-files.js';
import { gradeTemplates } from './grade.js';
import { type GradeResult, ungraded } from './result.js';

/** Reads a submission (file or folder) and grades it; a submission that cannot be read scores 0 with the reason. */
export function gradePath(lab: Lab, path: string, opts: { student?: string; submission?: string; maxBytes?: number } = {}): GradeResult {
  const read = readSubmission(path, { maxBytes: opts.maxBytes });
  const errors = read.diagnostics.filter((d) => d.severity === 'error');
  if (read.templates.length === 0 || errors.length) {
    const first = errors[0];
    const empty = first && /empty/i.test(first.message);
    return ungraded(lab, empty ? 'empty' : 'invalid', first ? first.message : 'no template found', {
      student: opts.student,
      submission: opts.submission ?? path,
      diagnostics: read.diagnostics,
    });
  }
  return gradeTemplates(lab, read.templates, { student: opts.student, submission: opts.submission ?? path });
}
