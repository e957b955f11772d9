import type { BulkReport, BulkResult, OutputFile } from '../types.js';
import { errorLines, explainCheck } from './explain.js';
import { outputNames } from './names.js';
import { percentOf } from '../summary.js';
import { printable } from '../../../formats/safe-text.js';

/**
 * One Markdown note per student (`<student>.md`): the score, then each check with ✓ or ✗,
 * and for a failed one what was found, where the flow stops and the hint.
 */
export function feedbackFiles(report: BulkReport): OutputFile[] {
  const names = outputNames(report.results);
  return report.results.map((r, i) => ({ path: `${names[i]}.md`, text: feedbackNote(report, r) }));
}

export function feedbackNote(report: Pick<BulkReport, 'title' | 'lab'>, r: BulkResult): string {
  return printable(noteText(report, r), { lines: true });
}

function noteText(report: Pick<BulkReport, 'title' | 'lab'>, r: BulkResult): string {
  const lines = [`# ${md(report.title)}: feedback for ${md(r.student)}`, '', `Submission: \`${r.submission.replace(/`/g, "'")}\``, ''];
  if (r.status !== 'graded') {
    lines.push(`**Score: 0 / ${r.max}.** Your submission was not graded: ${md(r.reason ?? r.status).replace(/\.$/, '')}.`, '');
    const errors = errorLines(r);
    if (errors.length > 1) {
      lines.push('The problems found:', '', ...errors.map((e) => `- ${md(e)}`), '');
    }
    lines.push(`Fix these, check your work with \`cloudlab check ${report.lab} <your file> --student ${r.student.replace(/`/g, "'")}\`, and submit again.`, '');
    return lines.join('\n');
  }
  const passed = r.checks.filter((c) => c.passed).length;
  lines.push(`**Score: ${r.score} / ${r.max}** (${percentOf(r.score, r.max)}%): ${passed} of ${r.checks.length} checks pass.`, '');
  for (const c of r.checks) {
    const e = explainCheck(c);
    lines.push(`## ${c.passed ? '✓' : '✗'} ${md(c.title)} (${c.earned}/${c.points})`, '', md(e.message), '');
    if (c.passed) continue;
    if (e.found) lines.push(`- **What was found:** ${md(e.found)}`);
    if (e.stopsAt) lines.push(`- **Where it stops:** ${md(e.stopsAt)}`);
    if (e.fix) lines.push(`- **What to change:** ${md(e.fix)}`);
    if (e.lookAt) lines.push(`- **Look at:** ${md(e.lookAt)}`);
    if (e.hint) lines.push(`- **Hint:** ${md(e.hint)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Text from a template or a file name shown as text: no HTML, emphasis or links by accident. */
function md(s: string): string {
  return s.replace(/[\\`*<>[\]]/g, (c) => `\\${c}`);
}
