import { csvLine } from '../csv.js';
import { percentOf } from '../summary.js';
import type { BulkReport } from '../types.js';

/**
 * The spreadsheet: one row per submission with the student, the score and why it is zero
 * when it is, then one column per check (the points earned), headed by the check's id.
 */
export function formatCsv(report: BulkReport): string {
  const head = ['student', 'submission', 'score', 'max', 'percent', 'status', 'reason', ...report.checks.map((c) => c.id)];
  let text = csvLine(head);
  for (const r of report.results) {
    const earned = report.checks.map((c) => r.checks.find((x) => x.id === c.id)?.earned ?? 0);
    text += csvLine([r.student, r.submission, r.score, r.max, percentOf(r.score, r.max), r.status, r.reason ?? '', ...earned]);
  }
  return text;
}
