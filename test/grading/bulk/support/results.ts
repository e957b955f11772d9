import type { Lab } from '../../../../src/content/labs.js';
import type { BulkResult, BulkStatus } from '../../../../src/grading/bulk/types.js';

/** A row made by hand: the checks listed in `failed` fail, the others pass. */
export function row(lab: Lab, submission: string, opts: { student?: string; failed?: string[]; status?: BulkStatus; reason?: string; code?: string; fingerprint?: string; flags?: BulkResult['flags'] } = {}): BulkResult {
  const status = opts.status ?? 'graded';
  const graded = status === 'graded';
  const checks = lab.checks.map((c) => {
    const passed = graded && !(opts.failed ?? []).includes(c.id);
    return { id: c.id, title: c.title, kind: c.kind, passed, points: c.points, earned: passed ? c.points : 0, message: passed ? c.pass : c.fail, detail: graded ? `found for ${c.id}` : (opts.reason ?? ''), ...(passed ? {} : { hint: c.hint }) };
  });
  return {
    lab: lab.id,
    student: opts.student ?? submission.replace(/\.[^.]*$/, ''),
    submission,
    status,
    ...(graded ? {} : { reason: opts.reason ?? 'not graded' }),
    score: checks.reduce((n, c) => n + c.earned, 0),
    max: lab.maxScore,
    checks,
    diagnostics: graded ? [] : [{ severity: 'error', code: opts.code ?? 'Oops', message: opts.reason ?? 'not graded', file: submission }],
    ...(opts.flags ? { flags: opts.flags } : {}),
    ...(opts.fingerprint ? { fingerprint: opts.fingerprint } : {}),
  };
}
