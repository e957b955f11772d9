import type { Evidence } from '../../graders/types.js';
import type { Diagnostic } from '../formats/diagnostics.js';

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
}
