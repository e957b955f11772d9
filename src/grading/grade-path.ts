import type { Lab } from '../content/labs.js';
import { readSubmission } from '../formats/submission-files.js';
import { gradeTemplates } from './grade.js';
import type { GradeResult } from './result.js';

/** Reads a submission (file or folder) and grades it; a submission that cannot be read scores 0 with the reason. */
export function gradePath(lab: Lab, path: string, opts: { student?: string; submission?: string; maxBytes?: number } = {}): GradeResult {
  const read = readSubmission(path, { maxBytes: opts.maxBytes });
  const errors = read.diagnostics.filter((d) => d.severity === 'error');
  if (read.templates.length === 0 || errors.length) {
    const first = errors[0];
    const empty = first && /empty/i.test(first.message);
    return {
      lab: lab.id,
      student: opts.student,
      submission: opts.submission ?? path,
      status: empty ? 'empty' : 'invalid',
      reason: first ? first.message : 'no template found',
      score: 0,
      max: lab.maxScore,
      checks: lab.checks.map((c) => ({ id: c.id, title: c.title, kind: c.kind, passed: false, points: c.points, earned: 0, message: c.fail, detail: first?.message ?? 'no template found' })),
      diagnostics: read.diagnostics,
    };
  }
  return gradeTemplates(lab, read.templates, { student: opts.student, submission: opts.submission ?? path });
}
