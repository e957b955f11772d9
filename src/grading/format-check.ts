import { wrapText } from '../content/wrap-text.js';
import type { CheckResult, GradeResult } from './result.js';
import { printable } from '../formats/safe-text.js';

/**
 * A graded submission as text for the student: each check passed or failed with the
 * message, what was found, the failing hop and the hint; then the score.
 */
export function formatGrade(r: GradeResult, title: string, width = 80): string[] {
  return gradeLines(r, title, width).map((l) => printable(l));
}

function gradeLines(r: GradeResult, title: string, width: number): string[] {
  const lines: string[] = [];
  lines.push(`${title}${r.student ? ` — student ${r.student}` : ''}`);
  lines.push(`Submission: ${r.submission}`);
  lines.push('');
  if (r.status !== 'graded') {
    lines.push(...wrapText(`✗ Not graded: ${r.reason}`, width, 2));
    const errors = r.diagnostics.filter((d) => d.severity === 'error').slice(0, 10);
    if (errors.length > 1) {
      lines.push('');
      for (const d of errors) lines.push(...wrapText(`${d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ` : ''}${d.code}${d.logicalId ? ` (${d.logicalId})` : ''}: ${d.message}`, width, 4, 2));
    }
    lines.push('', `Score: 0/${r.max}`);
    return lines;
  }
  const pw = String(r.max).length;
  for (const c of r.checks) lines.push(...checkLines(c, pw, width));
  lines.push('');
  const all = r.score === r.max;
  lines.push(`Score: ${r.score}/${r.max}${all ? ' — every check passes.' : ` — ${r.checks.filter((c) => !c.passed).length} check${r.checks.filter((c) => !c.passed).length === 1 ? '' : 's'} to fix.`}`);
  return lines;
}

function checkLines(c: CheckResult, pw: number, width: number): string[] {
  const mark = c.passed ? '✓' : '✗';
  const pts = `${String(c.earned).padStart(pw)}/${String(c.points).padEnd(pw)}`;
  const head = `${mark} ${pts}  ${c.title}`;
  const indent = 2 + pts.length + 2;
  const lines = [head];
  if (c.passed) return lines;
  lines.push(...wrapText(c.message, width, indent, indent));
  lines.push(...wrapText(`Found: ${c.detail}`, width, indent + 7, indent));
  const drop = c.evidence?.trace?.drop;
  if (drop) {
    const h = drop.hop;
    const where = h.component === 'internet' ? 'the internet' : `${COMPONENT[h.component] ?? h.component} ${h.logicalId ?? h.id}`;
    lines.push(...wrapText(`Stops at: ${where}, on the ${h.direction} — ${h.detail}`, width, indent + 10, indent));
  }
  if (c.evidence?.resources?.length) lines.push(...wrapText(`Look at: ${c.evidence.resources.slice(0, 6).join(', ')}`, width, indent + 9, indent));
  if (c.hint) lines.push(...wrapText(`Hint: ${c.hint}`, width, indent + 6, indent));
  return lines;
}

const COMPONENT: Record<string, string> = {
  instance: 'instance',
  'network-interface': 'network interface',
  'security-group': 'security group',
  'network-acl': 'network ACL',
  'route-table': 'route table',
  'internet-gateway': 'internet gateway',
  'nat-gateway': 'NAT gateway',
  peering: 'peering connection',
};
