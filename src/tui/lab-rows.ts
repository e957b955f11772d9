import type { Lab } from '../content/labs.js';
import { labSummaries } from '../content/progress-summary.js';
import type { LabResult, Progress } from '../content/progress.js';

/** The labs list: each lab with the learner's best result. */
export interface LabRow {
  readonly lab: Lab;
  readonly best?: LabResult;
  readonly attempts: number;
  /** Full marks at least once. */
  readonly complete: boolean;
}

export function labRows(labs: readonly Lab[], progress: Progress): LabRow[] {
  const summaries = new Map(labSummaries(progress).map((s) => [s.lab, s]));
  return labs.map((lab) => {
    const s = summaries.get(lab.id);
    return { lab, best: s?.best, attempts: s?.attempts ?? 0, complete: s !== undefined && s.best.score >= s.best.max && s.best.max > 0 };
  });
}

/** "best 3/4 (2 tries)", "not tried yet". */
export function bestText(row: LabRow): string {
  if (!row.best) return 'not tried yet';
  return `best ${row.best.score}/${row.best.max}${row.complete ? ' ✓' : ''} (${row.attempts} ${row.attempts === 1 ? 'try' : 'tries'})`;
}
