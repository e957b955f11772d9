import { printable } from '../../formats/safe-text.js';
import type { BulkReport, GradeSummary, ZeroGroup } from './types.js';

/**
 * The summary as text for the instructor's terminal, at most 80 columns: the scores, their
 * distribution, the checks failed most, the zeros and why, and what deserves a second look
 * (identical submissions, roster mismatches).
 */
const WIDTH = 80;
const BAR = 40;

const STATUS_WORDS: Record<ZeroGroup['status'], string> = {
  graded: 'graded, no check passes',
  invalid: 'not graded',
  empty: 'empty',
  'wrong-lab': 'made for another lab',
  error: 'the grader failed',
};

/** The summary for the instructor's terminal; names and reasons from submissions made printable. */
export function formatSummary(report: Pick<BulkReport, 'lab' | 'title' | 'shard'>, s: GradeSummary): string {
  return printable(summaryText(report, s), { lines: true });
}

function summaryText(report: Pick<BulkReport, 'lab' | 'title' | 'shard'>, s: GradeSummary): string {
  const lines: string[] = [];
  const shard = report.shard ? ` (shard ${report.shard})` : '';
  if (s.count === 0) {
    lines.push(`${report.lab}${shard}: no submissions in the folder.`);
    pushRoster(lines, s);
    return `${lines.join('\n')}\n`;
  }
  const notGraded = s.count - s.graded;
  lines.push(`${report.lab}${shard}: ${plural(s.count, 'submission')}, ${s.graded} graded${notGraded ? `, ${notGraded} not graded` : ''}`);
  lines.push(`Mean ${s.mean} / ${s.max} (${s.meanPercent}%)   Median ${s.median} / ${s.max} (${s.medianPercent}%)`);
  lines.push('', `Scores (percent of ${s.max} points)`);
  const top = Math.max(...s.distribution.map((b) => b.count));
  for (const b of s.distribution) {
    const bar = top > 0 ? '#'.repeat(Math.round((b.count / top) * BAR)) : '';
    lines.push(`  ${b.range.padStart(7)}  ${bar.padEnd(BAR)}  ${b.count}`);
  }
  if (s.failedChecks.length) {
    lines.push('', `Checks failed most (of ${plural(s.graded, 'graded submission')})`);
    const idw = Math.min(24, Math.max(...s.failedChecks.map((c) => c.id.length)));
    for (const c of s.failedChecks) {
      const count = `${c.failed}`.padStart(5) + `${Math.round(c.percent)}%`.padStart(6);
      const room = WIDTH - 2 - idw - 2 - count.length - 2;
      lines.push(`  ${c.id.padEnd(idw)}  ${clip(c.title, room).padEnd(room)}  ${count}`);
    }
  }
  const zeroCount = s.zeros.reduce((n, g) => n + g.submissions.length, 0);
  if (zeroCount) {
    lines.push('', `Zeros (${zeroCount})`);
    for (const g of s.zeros) {
      const head = `${STATUS_WORDS[g.status]}${g.code ? ` (${g.code})` : ''}`;
      lines.push(...wrapList(`  ${g.submissions.length} × ${head}: `, g.submissions));
      if (g.status !== 'graded') lines.push(...wrapWords(`${g.submissions.length > 1 ? 'e.g. ' : ''}${g.reason}`, 6));
    }
  }
  if (s.identical.length) {
    lines.push('', 'Identical after normalisation (possible copying)');
    for (const g of s.identical) lines.push(...wrapList('  ', g, ' = '));
  }
  if (s.unchangedStarter.length) lines.push('', ...wrapList('Unchanged starter: ', s.unchangedStarter));
  if (s.otherStudent?.length) lines.push('', ...wrapList("Metadata names another student: ", s.otherStudent));
  if (s.duplicateStudents.length) {
    lines.push('', 'Several submissions for one student');
    for (const d of s.duplicateStudents) lines.push(...wrapList(`  ${d.student}: `, d.submissions));
  }
  pushRoster(lines, s);
  return `${lines.join('\n')}\n`;
}

function pushRoster(lines: string[], s: GradeSummary): void {
  if (s.notInRoster.length) lines.push('', ...wrapList('Not in the roster (graded under their own name): ', s.notInRoster));
  if (s.missingFromFolder.length) lines.push('', ...wrapList('In the roster, no submission in the folder: ', s.missingFromFolder));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** `head` then the items separated by `sep`, wrapped under the first item. */
function wrapList(head: string, items: readonly string[], sep = ', '): string[] {
  const indent = ' '.repeat(Math.min(head.length, 20));
  const out: string[] = [];
  let line = head;
  items.forEach((item, i) => {
    const piece = item + (i < items.length - 1 ? sep.trimEnd() : '');
    const gap = line === head || line === indent ? '' : ' ';
    if (line.length + gap.length + piece.length > WIDTH && line !== head && line !== indent) {
      out.push(line);
      line = indent + piece;
    } else line += gap + piece;
  });
  out.push(line);
  return out;
}

function wrapWords(text: string, indent: number): string[] {
  const out: string[] = [];
  let line = ' '.repeat(indent);
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line.trim() !== '' && line.length + 1 + w.length > WIDTH) {
      out.push(line);
      line = ' '.repeat(indent) + w;
    } else line += (line.trim() === '' ? '' : ' ') + w;
  }
  if (line.trim() !== '') out.push(line);
  return out;
}
