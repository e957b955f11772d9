import type { CheckResult } from '../../result.js';
import type { BulkResult } from '../types.js';

/**
 * The words every format uses for one check: the manifest's message, what was found, where
 * the flow stops and what to change there, the resources to look at, and the hint (all but
 * the message for failures only).
 */
export interface CheckExplanation {
  message: string;
  found?: string;
  stopsAt?: string;
  /** What to change at that hop. */
  fix?: string;
  lookAt?: string;
  hint?: string;
}

export function explainCheck(c: CheckResult): CheckExplanation {
  if (c.passed) return { message: c.message };
  const drop = c.evidence?.trace?.drop;
  const h = drop?.hop;
  return {
    message: c.message,
    found: c.detail,
    ...(h ? { stopsAt: `${h.component.replace(/-/g, ' ')} ${h.logicalId ?? h.id} (${h.direction}): ${h.detail}` } : {}),
    ...(drop?.fix ? { fix: drop.fix } : {}),
    ...(c.evidence?.resources?.length ? { lookAt: c.evidence.resources.slice(0, 6).join(', ') } : {}),
    ...(c.hint ? { hint: c.hint } : {}),
  };
}

/** The explanation as plain lines ("Found: …", "Stops at: …", "Hint: …"). */
export function explanationLines(e: CheckExplanation): string[] {
  return [
    e.message,
    ...(e.found ? [`Found: ${e.found}`] : []),
    ...(e.stopsAt ? [`Stops at: ${e.stopsAt}`] : []),
    ...(e.fix ? [`Fix: ${e.fix}`] : []),
    ...(e.lookAt ? [`Look at: ${e.lookAt}`] : []),
    ...(e.hint ? [`Hint: ${e.hint}`] : []),
  ];
}

/** The first errors of a submission that was not graded, located ("file:line:col: message"). */
export function errorLines(r: BulkResult, limit = 10): string[] {
  return r.diagnostics
    .filter((d) => d.severity === 'error')
    .slice(0, limit)
    .map((d) => `${d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ` : ''}${d.code}${d.logicalId ? ` (${d.logicalId})` : ''}: ${d.message}`);
}

export function scoreLine(r: BulkResult): string {
  if (r.status !== 'graded') return `Not graded: ${r.reason ?? r.status}. Score: 0/${r.max}`;
  const failed = r.checks.filter((c) => !c.passed).length;
  return `Score: ${r.score}/${r.max}${failed ? ` (${failed} check${failed === 1 ? '' : 's'} to fix)` : ' (every check passes)'}`;
}
