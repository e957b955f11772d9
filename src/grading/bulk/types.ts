import type { GradeResult, GradeStatus } from '../result.js';

/** `error`: the grader itself failed on this submission (crashed or ran out of time). */
export type BulkStatus = GradeStatus | 'error';

/**
 * - `not-in-roster`: a roster was given and does not list this submission; it is graded under
 *   its own name.
 * - `unchanged-starter`: the submission is the lab's starter as handed out, to this student or
 *   to another.
 */
export type BulkFlag = 'not-in-roster' | 'unchanged-starter' | 'other-student';

/** One row of a bulk run: the grade of one submission, with the student id always set. */
export interface BulkResult extends Omit<GradeResult, 'status' | 'student'> {
  student: string;
  status: BulkStatus;
  flags?: BulkFlag[];
  /** Hash of the submission's canonical form (see fingerprint.ts); absent when it does not parse. */
  fingerprint?: string;
}

export interface ReportCheck {
  id: string;
  title: string;
  kind: string;
  points: number;
  /** The manifest's arguments, left out for hidden checks. */
  args?: Record<string, unknown>;
}

export interface ScoreBucket {
  /** "0-9%", "10-19%", …, "90-100%". */
  range: string;
  count: number;
}

export interface FailedCheck {
  id: string;
  title: string;
  /** Graded submissions that fail the check. */
  failed: number;
  /** Percent of the graded submissions. */
  percent: number;
}

export interface ZeroGroup {
  status: BulkStatus;
  /** The code of the first error (EmptyFile, YamlSyntax, …), when there is one. */
  code?: string;
  /** One example of the reason, in words. */
  reason: string;
  submissions: string[];
}

export interface GradeSummary {
  count: number;
  graded: number;
  max: number;
  /** Scores in points; null when there is no submission. */
  mean: number | null;
  median: number | null;
  meanPercent: number | null;
  medianPercent: number | null;
  distribution: ScoreBucket[];
  failedChecks: FailedCheck[];
  zeros: ZeroGroup[];
  /** Groups of two or more submissions that are identical after normalisation. */
  identical: string[][];
  unchangedStarter: string[];
  duplicateStudents: { student: string; submissions: string[] }[];
  notInRoster: string[];
  /** Submissions whose Metadata names another student than the one they are graded for. */
  otherStudent?: string[];
  /** Roster names with no submission in the folder. */
  missingFromFolder: string[];
}

/** A bulk run, as the JSON format writes it and `grade merge` reads it back. */
export interface BulkReport {
  lab: string;
  /** "i/n" when this is one shard of a run. */
  shard?: string;
  title: string;
  max: number;
  checks: ReportCheck[];
  summary: GradeSummary;
  results: BulkResult[];
}

/** A file of a per-student output (gradescope, exercism, feedback). */
export interface OutputFile {
  /** Path inside the output folder. */
  path: string;
  text: string;
}
