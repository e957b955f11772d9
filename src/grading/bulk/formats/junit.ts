import type { BulkReport, BulkResult } from '../types.js';
import { errorLines, explainCheck, explanationLines } from './explain.js';

/**
 * JUnit XML for CI dashboards: a testsuite per submission, a testcase per check. A failed
 * check is a <failure> with the message, what was found and the hint; a submission that was
 * not graded makes every check an <error> with the reason.
 */
export function formatJunit(report: BulkReport): string {
  const failures = report.results.reduce((n, r) => n + (r.status === 'graded' ? r.checks.filter((c) => !c.passed).length : 0), 0);
  const errors = report.results.reduce((n, r) => n + (r.status === 'graded' ? 0 : r.checks.length), 0);
  const tests = report.results.reduce((n, r) => n + r.checks.length, 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name=${attr(`cloudlab grade ${report.lab}`)} tests="${tests}" failures="${failures}" errors="${errors}">`,
  ];
  for (const r of report.results) out.push(...suite(report, r));
  out.push('</testsuites>', '');
  return out.join('\n');
}

function suite(report: BulkReport, r: BulkResult): string[] {
  const graded = r.status === 'graded';
  const failures = graded ? r.checks.filter((c) => !c.passed).length : 0;
  const lines = [
    `  <testsuite name=${attr(`${r.student} (${r.submission})`)} tests="${r.checks.length}" failures="${failures}" errors="${graded ? 0 : r.checks.length}" skipped="0">`,
    '    <properties>',
    `      <property name="student" value=${attr(r.student)}/>`,
    `      <property name="submission" value=${attr(r.submission)}/>`,
    `      <property name="status" value=${attr(r.status)}/>`,
    `      <property name="score" value="${r.score}"/>`,
    `      <property name="max" value="${r.max}"/>`,
    '    </properties>',
  ];
  const classname = `${report.lab}.${r.student}`;
  for (const c of r.checks) {
    const open = `    <testcase classname=${attr(classname)} name=${attr(`${c.title} (${c.id})`)}`;
    if (graded && c.passed) {
      lines.push(`${open}/>`);
    } else if (graded) {
      const e = explainCheck(c);
      lines.push(`${open}>`, `      <failure type="check-failed" message=${attr(e.message)}>${text(explanationLines(e).join('\n'))}</failure>`, '    </testcase>');
    } else {
      const body = [`Not graded: ${r.reason ?? r.status}`, ...errorLines(r).slice(1)].join('\n');
      lines.push(`${open}>`, `      <error type=${attr(r.status)} message=${attr(r.reason ?? r.status)}>${text(body)}</error>`, '    </testcase>');
    }
  }
  lines.push('  </testsuite>');
  return lines;
}

/**
 * Characters XML 1.0 cannot hold at all (most control characters, lone surrogates, U+FFFE and
 * U+FFFF) become U+FFFD; they can only come from a student's file name or template.
 */
function clean(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return `"${text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')}"`;
}
