import type { Evidence } from '../../graders/types.js';
import type { Diagnostic } from '../formats/diagnostics.js';
import type { PlayedDrill } from './drill-runner.js';

export type GradeStatus = 'graded' | 'invalid' | 'wrong-lab' | 'empty';

export interface CheckResult {
  id: string;
  title: string;
  kind: string;
  passed: boolean;
  points: number;
  earned: number;
  /** The manifest's pass or fail message, then what was found. */
  message: string;
  detail: string;
  hint?: string;
  evidence?: Evidence;
}

export interface GradeResult {
  lab: string;
  student?: string;
  submission: string;
  status: GradeStatus;
  /** Why a submission scored zero without being graded (did not parse, wrong lab, empty). */
  reason?: string;
  score: number;
  max: number;
  checks: CheckResult[];
  diagnostics: Diagnostic[];
  /** The student the template's Metadata names (`Metadata: cloudlab: {student}`), when it names one. */
  metadataStudent?: string;
  /** The drills as played, when asked for (`check` draws them); never in bulk results. */
  drills?: PlayedDrill[];
}

/** A submission that scores 0 without being graded: every check failed, with the reason. */
export function ungraded(
  lab: { id: string; maxScore: number; checks: readonly { id: string; title: string; kind: string; points: number; fail: string }[] },
  status: Exclude<GradeStatus, 'graded'>,
  reason: string,
  context: { student?: string; submission: string; diagnostics?: Diagnostic[] },
): GradeResult {
  return {
    lab: lab.id,
    student: context.student,
    submission: context.submission,
    status,
    reason,
    score: 0,
    max: lab.maxScore,
    checks: lab.checks.map((c) => ({ id: c.id, title: c.title, kind: c.kind, passed: false, points: c.points, earned: 0, message: c.fail, detail: reason })),
    diagnostics: context.diagnostics ?? [],
  };
}
