import { csvLine } from '../csv.js';
import type { BulkReport, BulkResult } from '../types.js';

/**
 * Gradebook files for learning management systems, one row per student.
 *
 * Canvas (Grades → Import): the columns of Canvas's own gradebook export — Student, ID,
 * SIS User ID, SIS Login ID, Section — then one column per assignment, and a second row
 * "Points Possible". The student id goes in SIS User ID; the other fields are unknown here and
 * left empty (Canvas matches a row by any one of them). The assignment column is named after
 * the lab; without a Canvas assignment id in it, Canvas offers to create the assignment or
 * to map the column to an existing one.
 *
 * Moodle (Grades → Import → CSV file): a header row and one row per student; the import
 * page maps "ID number" to the user's ID number field ("Identify user by") and the grade
 * column, and the Feedback column, to a grade item. Email address is left empty.
 *
 * A student with several submissions gets the best of them. A submission the grader failed on
 * (status error) gets an empty grade rather than a zero, so no zero is recorded for it.
 */
export type Lms = 'canvas' | 'moodle';

export function formatLmsCsv(report: BulkReport, lms: Lms): string {
  const column = `${report.title} (${report.lab})`;
  const rows = bestPerStudent(report.results);
  const grade = (r: BulkResult) => (r.status === 'error' ? '' : r.score);
  if (lms === 'canvas') {
    let text = csvLine(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', column]);
    text += csvLine(['    Points Possible', '', '', '', '', report.max]);
    for (const r of rows) text += csvLine(['', '', r.student, '', '', grade(r)]);
    return text;
  }
  let text = csvLine(['ID number', 'Email address', column, `Feedback: ${column}`]);
  for (const r of rows) text += csvLine([r.student, '', grade(r), feedbackLine(r)]);
  return text;
}

function bestPerStudent(results: readonly BulkResult[]): BulkResult[] {
  const best = new Map<string, BulkResult>();
  const rank = (r: BulkResult) => (r.status === 'error' ? -1 : r.score);
  for (const r of results) {
    const b = best.get(r.student);
    if (!b || rank(r) > rank(b)) best.set(r.student, r);
  }
  return results.filter((r) => best.get(r.student) === r);
}

/** One line for the gradebook's feedback field. */
function feedbackLine(r: BulkResult): string {
  if (r.status !== 'graded') return `Not graded: ${r.reason ?? r.status}`;
  const failed = r.checks.filter((c) => !c.passed).map((c) => c.title);
  return `${r.score}/${r.max}. ${failed.length ? `To fix: ${failed.join('; ')}.` : 'Every check passes.'}`;
}
