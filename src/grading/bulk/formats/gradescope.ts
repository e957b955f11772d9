import type { BulkReport, BulkResult, OutputFile } from '../types.js';
import { errorLines, explainCheck, explanationLines, scoreLine } from './explain.js';
import { outputNames } from './names.js';

/**
 * Gradescope's autograder results (results.json, as its autograder specification describes
 * it): the submission's score and overall output, and one test per check with its score,
 * max_score, status passed/failed, output and visibility.
 */
export function gradescopeFiles(report: BulkReport): OutputFile[] {
  const names = outputNames(report.results);
  return report.results.map((r, i) => ({ path: `${names[i]}/results.json`, text: `${JSON.stringify(gradescopeResult(r), null, 2)}\n` }));
}

export function gradescopeResult(r: BulkResult) {
  const graded = r.status === 'graded';
  return {
    score: r.score,
    output: [scoreLine(r), ...(graded ? [] : errorLines(r).slice(1))].join('\n'),
    tests: r.checks.map((c) => ({
      name: `${c.title} (${c.id})`,
      score: c.earned,
      max_score: c.points,
      status: c.passed ? ('passed' as const) : ('failed' as const),
      output: graded ? explanationLines(explainCheck(c)).join('\n') : `Not graded: ${r.reason ?? r.status}`,
      visibility: 'visible' as const,
    })),
  };
}
