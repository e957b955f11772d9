import type { Lab } from '../content/labs.js';
import { type FsPath, readSubmission } from '../formats/submission-files.js';
import { gradeTemplates } from './grade.js';
import { type GradeResult, ungraded } from './result.js';

/** Reads a submission (file or folder) and grades it; a submission that cannot be read scores 0 with the reason. */
export function gradePath(lab: Lab, path: FsPath, opts: { student?: string; submission?: string; maxBytes?: number; shownAs?: string; keepDrills?: boolean } = {}): GradeResult {
  const read = readSubmission(path, { maxBytes: opts.maxBytes, shownAs: opts.shownAs });
  const errors = read.diagnostics.filter((d) => d.severity === 'error');
  if (read.templates.length === 0 || errors.length) {
    const first = errors[0];
    const empty = first && /empty/i.test(first.message);
    return ungraded(lab, empty ? 'empty' : 'invalid', first ? first.message : 'no template found', {
      student: opts.student,
      submission: opts.submission ?? opts.shownAs ?? path.toString(),
      diagnostics: read.diagnostics,
    });
  }
  return gradeTemplates(lab, read.templates, { student: opts.student, submission: opts.submission ?? opts.shownAs ?? path.toString(), keepDrills: opts.keepDrills });
}
