import { compareNames } from './entries.js';
import type { BulkResult, FailedCheck, GradeSummary, ReportCheck, ScoreBucket, ZeroGroup } from './types.js';

/**
 * The summary of a run, computed from its rows alone (plus the roster names missing from the
 * folder), so a merge of shards recomputes exactly what one run would have printed.
 */
export function summarize(results: readonly BulkResult[], max: number, checks: readonly ReportCheck[], missingFromFolder: readonly string[]): GradeSummary {
  const scores = results.map((r) => r.score);
  const graded = results.filter((r) => r.status === 'graded');
  const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  const median = scores.length ? medianOf(scores) : null;
  return {
    count: results.length,
    graded: graded.length,
    max,
    mean: mean === null ? null : round(mean, 2),
    median: median === null ? null : round(median, 2),
    meanPercent: mean === null ? null : percentOf(mean, max),
    medianPercent: median === null ? null : percentOf(median, max),
    distribution: distribution(results),
    failedChecks: failedChecks(graded, checks),
    zeros: zeros(results),
    identical: identical(results),
    unchangedStarter: results.filter((r) => r.flags?.includes('unchanged-starter')).map((r) => r.submission),
    duplicateStudents: duplicateStudents(results),
    notInRoster: results.filter((r) => r.flags?.includes('not-in-roster')).map((r) => r.submission),
    missingFromFolder: [...missingFromFolder],
    ...(results.some((r) => r.flags?.includes('other-student')) ? { otherStudent: results.filter((r) => r.flags?.includes('other-student')).map((r) => r.submission) } : {}),
  };
}

export function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function percentOf(score: number, max: number): number {
  return max > 0 ? round((score / max) * 100, 1) : 0;
}

function medianOf(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Ten buckets of the percentage: 0-9 %, 10-19 %, …, 90-100 % (full marks in the last). */
function distribution(results: readonly BulkResult[]): ScoreBucket[] {
  const counts = new Array<number>(10).fill(0);
  for (const r of results) {
    const p = r.max > 0 ? (r.score / r.max) * 100 : 0;
    counts[Math.min(9, Math.max(0, Math.floor(round(p, 6) / 10)))]++;
  }
  return counts.map((count, i) => ({ range: i === 9 ? '90-100%' : `${i * 10}-${i * 10 + 9}%`, count }));
}

/** Failures counted over the graded submissions only: one that did not load fails everything. */
function failedChecks(graded: readonly BulkResult[], checks: readonly ReportCheck[]): FailedCheck[] {
  const list = checks.map((c, order) => {
    const failed = graded.filter((r) => r.checks.some((x) => x.id === c.id && !x.passed)).length;
    return { id: c.id, title: c.title, failed, percent: graded.length ? round((failed / graded.length) * 100, 1) : 0, order };
  });
  return list
    .filter((c) => c.failed > 0)
    .sort((a, b) => b.failed - a.failed || a.order - b.order)
    .map(({ order: _order, ...c }) => c);
}

/** Zeros grouped by what caused them: the status and the code of the first error. */
function zeros(results: readonly BulkResult[]): ZeroGroup[] {
  const groups = new Map<string, ZeroGroup>();
  for (const r of results) {
    if (r.score !== 0) continue;
    const code = r.status === 'graded' ? undefined : r.diagnostics.find((d) => d.severity === 'error')?.code;
    const key = `${r.status}\u0000${code ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { status: r.status, ...(code ? { code } : {}), reason: r.status === 'graded' ? 'no check passes' : (r.reason ?? 'not graded'), submissions: [] };
      groups.set(key, g);
    }
    g.submissions.push(r.submission);
  }
  return [...groups.values()].sort((a, b) => b.submissions.length - a.submissions.length || compareNames(a.submissions[0], b.submissions[0]));
}

/** Groups of identical submissions, leaving out the unchanged starter (identical by design). */
function identical(results: readonly BulkResult[]): string[][] {
  const byPrint = new Map<string, string[]>();
  for (const r of results) {
    if (!r.fingerprint || r.flags?.includes('unchanged-starter')) continue;
    const list = byPrint.get(r.fingerprint) ?? [];
    list.push(r.submission);
    byPrint.set(r.fingerprint, list);
  }
  return [...byPrint.values()].filter((g) => g.length > 1).sort((a, b) => compareNames(a[0], b[0]));
}

function duplicateStudents(results: readonly BulkResult[]): { student: string; submissions: string[] }[] {
  const by = new Map<string, string[]>();
  for (const r of results) by.set(r.student, [...(by.get(r.student) ?? []), r.submission]);
  return [...by.entries()]
    .filter(([, s]) => s.length > 1)
    .map(([student, submissions]) => ({ student, submissions }))
    .sort((a, b) => compareNames(a.student, b.student));
}
