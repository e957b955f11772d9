import path from 'node:path';
import { instantiate, type Lab, studentParameters } from '../../content/labs.js';
import type { Diagnostic } from '../../formats/diagnostics.js';
import { readSubmission } from '../../formats/submission-files.js';
import { gradePath } from '../grade-path.js';
import type { SubmissionEntry } from './entries.js';
import { fingerprint } from './fingerprint.js';
import type { BulkResult, BulkStatus } from './types.js';

/**
 * Grades one entry of a submissions folder. Pure apart from reading the entry, and it never
 * throws: whatever goes wrong becomes a row with a score of 0 and the reason. File names in
 * the result are relative to the folder, so the output does not depend on where it lies.
 */
export interface EntryGrader {
  grade(entry: SubmissionEntry): BulkResult;
}

export const SYMLINK_REASON = 'a symbolic link; submissions must be real files';
export const NOT_A_FILE_REASON = 'neither a file nor a folder (a device, socket or pipe); submissions are files or folders';

export function entryGrader(lab: Lab, folder: string): EntryGrader {
  const prefix = path.resolve(folder) + path.sep;
  const starterPrints = new Map<string, string | undefined>();
  const starterPrint = (student: string): string | undefined => {
    const key = JSON.stringify(studentParameters(lab, student));
    if (!starterPrints.has(key)) starterPrints.set(key, fingerprint([{ file: 'starter.yaml', text: instantiate(lab.starter, lab, student) }]));
    return starterPrints.get(key);
  };
  return {
    grade(entry) {
      try {
        if (entry.kind === 'symlink') return zeroResult(lab, entry, 'invalid', SYMLINK_REASON, 'SymbolicLink');
        if (entry.kind === 'other') return zeroResult(lab, entry, 'invalid', NOT_A_FILE_REASON, 'NotAFile');
        const full = prefix + entry.name;
        const graded = gradePath(lab, full, { student: entry.student, submission: entry.name });
        const result: BulkResult = relativeTo(prefix, { ...graded, student: entry.student, status: graded.status });
        if (graded.status === 'graded') {
          const print = fingerprint(readSubmission(full).templates);
          if (print !== undefined) {
            result.fingerprint = print;
            if (print === starterPrint(entry.student)) entry = { ...entry, flags: [...entry.flags, 'unchanged-starter'] };
          }
        }
        if (entry.flags.length) result.flags = [...entry.flags];
        return result;
      } catch (e) {
        return errorResult(lab, entry, `the grader failed on this submission: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}

/** A row for a submission the grader could not finish (a crash, a time limit). */
export function errorResult(lab: Pick<Lab, 'id' | 'checks' | 'maxScore'>, entry: SubmissionEntry, reason: string): BulkResult {
  return zeroResult(lab, entry, 'error', reason, 'GraderError');
}

function zeroResult(lab: Pick<Lab, 'id' | 'checks' | 'maxScore'>, entry: SubmissionEntry, status: BulkStatus, reason: string, code: string): BulkResult {
  const diagnostics: Diagnostic[] = [{ severity: 'error', code, message: reason, file: entry.name }];
  return {
    lab: lab.id,
    student: entry.student,
    submission: entry.name,
    status,
    reason,
    score: 0,
    max: lab.maxScore,
    checks: lab.checks.map((c) => ({ id: c.id, title: c.title, kind: c.kind, passed: false, points: c.points, earned: 0, message: c.fail, detail: reason })),
    diagnostics,
    ...(entry.flags.length ? { flags: [...entry.flags] } : {}),
  };
}

/**
 * The result as plain JSON data (what crosses a worker boundary), with the folder's absolute
 * path taken out of every text.
 */
function relativeTo(prefix: string, result: BulkResult): BulkResult {
  const needle = JSON.stringify(prefix).slice(1, -1);
  return JSON.parse(JSON.stringify(result).split(needle).join('')) as BulkResult;
}
