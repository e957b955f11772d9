import path from 'node:path';
import { type Lab } from '../../content/labs.js';
import type { Diagnostic } from '../../formats/diagnostics.js';
import { readSubmission } from '../../formats/submission-files.js';
import { gradePath } from '../grade-path.js';
import { ungraded } from '../result.js';
import { entryPath, type SubmissionEntry } from './entries.js';
import { fingerprint } from './fingerprint.js';
import { starterMatcher } from './starter-match.js';
import type { BulkResult, BulkStatus } from './types.js';

/**
 * Grades one entry of a submissions folder. Pure apart from reading the entry, and it never
 * throws: whatever goes wrong becomes a row with a score of 0 and the reason. File names in
 * the result are relative to the folder, so the output does not depend on where it lies. A
 * graded submission also gets its fingerprint (for spotting copies) and is flagged when it
 * is the lab's starter as handed out (to that student or to any other).
 */
export interface EntryGrader {
  /** The result as JSON text: what a worker sends back, and what the output is made from. */
  grade(entry: SubmissionEntry): string;
}

export const SYMLINK_REASON = 'a symbolic link; submissions must be real files';
export const NOT_A_FILE_REASON = 'neither a file nor a folder (a device, socket or pipe); submissions are files or folders';

export function entryGrader(lab: Lab, folder: string): EntryGrader {
  const prefix = path.resolve(folder) + path.sep;
  const needle = JSON.stringify(prefix).slice(1, -1);
  // Paths in diagnostics and reasons name the file relative to the folder.
  const json = (r: BulkResult) => JSON.stringify(r).split(needle).join('');
  const starter = starterMatcher(lab);
  return {
    grade(entry) {
      try {
        if (entry.kind === 'symlink') return json(zeroResult(lab, entry, 'invalid', SYMLINK_REASON, 'SymbolicLink'));
        if (entry.kind === 'other') return json(zeroResult(lab, entry, 'invalid', NOT_A_FILE_REASON, 'NotAFile'));
        const shownAs = prefix + entry.name;
        const full = entry.raw ? entryPath(folder, { name: entry.name, raw: Buffer.from(entry.raw) }) : shownAs;
        const graded = gradePath(lab, full, { student: entry.student, submission: entry.name, shownAs });
        const result: BulkResult = { ...graded, student: entry.student, status: graded.status };
        const flags = [...entry.flags];
        // Metadata naming someone else: a copied file, or a starter made with another id.
        if (graded.metadataStudent !== undefined && graded.metadataStudent !== entry.student) flags.push('other-student');
        if (graded.status === 'graded') {
          const { templates } = readSubmission(full, { shownAs });
          const print = fingerprint(templates);
          if (print !== undefined) result.fingerprint = print;
          if (starter.matchesAll(templates)) flags.push('unchanged-starter');
        }
        if (flags.length) result.flags = flags;
        return json(result);
      } catch (e) {
        return json(errorResult(lab, entry, `the grader failed on this submission: ${e instanceof Error ? e.message : String(e)}`));
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
    ...ungraded(lab, 'invalid', reason, { student: entry.student, submission: entry.name, diagnostics }),
    student: entry.student,
    status,
    ...(entry.flags.length ? { flags: [...entry.flags] } : {}),
  };
}
