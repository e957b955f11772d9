import type { BulkReport, BulkResult, OutputFile, ReportCheck } from '../types.js';
import { errorLines, explainCheck, explanationLines } from './explain.js';
import { outputNames } from './names.js';

/**
 * Exercism's test-runner interface, version 2 (results.json, also read by GitHub Classroom's
 * reporter): status pass when every check passes, fail when one fails, error when the
 * submission could not be graded (then a message says why and there are no tests); one test
 * per check, with a message for a failure and, as test_code, the check that was run.
 */
export function exercismFiles(report: BulkReport): OutputFile[] {
  const names = outputNames(report.results);
  return report.results.map((r, i) => ({ path: `${names[i]}/results.json`, text: `${JSON.stringify(exercismResult(r, report.checks), null, 2)}\n` }));
}

export function exercismResult(r: BulkResult, checks: readonly ReportCheck[]) {
  if (r.status !== 'graded') {
    return { version: 2, status: 'error' as const, message: [`Not graded: ${r.reason ?? r.status}`, ...errorLines(r).slice(1)].join('\n') };
  }
  return {
    version: 2,
    status: r.checks.every((c) => c.passed) ? ('pass' as const) : ('fail' as const),
    tests: r.checks.map((c) => ({
      name: c.title,
      status: c.passed ? ('pass' as const) : ('fail' as const),
      ...(c.passed ? {} : { message: explanationLines(explainCheck(c)).join('\n') }),
      test_code: testCode(checks.find((x) => x.id === c.id), c.kind),
    })),
  };
}

/** "reachable from=internet to=role:web port=80"; a hidden check shows its kind only. */
function testCode(check: ReportCheck | undefined, kind: string): string {
  if (!check?.args) return kind;
  const args = Object.entries(check.args).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return [check.kind, ...args].join(' ');
}
