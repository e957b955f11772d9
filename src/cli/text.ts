import { wrapText } from '../content/wrap-text.js';

/** Plain-text layout for command output: wrapping with a hanging indent, padding, truncation. */

export const WIDTH = 80;

export function termWidth(): number {
  const c = process.stdout.columns;
  return c && c >= 40 ? Math.min(c, 120) : WIDTH;
}

/** Wraps words to `width`; continuation lines start with `indent` spaces. */
export const wrap = wrapText;

export function pad(text: string, n: number): string {
  return text.length >= n ? text : text + ' '.repeat(n - text.length);
}

export function truncate(text: string, n: number): string {
  return text.length <= n ? text : `${text.slice(0, Math.max(0, n - 1))}…`;
}

/** A table with left-aligned columns that fits `width`, shrinking the widest columns first. */
export function table(header: string[], rows: string[][], width = WIDTH): string[] {
  const cols = header.length;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const total = (): number => widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1);
  while (total() > width) {
    const i = widths.indexOf(Math.max(...widths));
    if (widths[i] <= 6) break;
    widths[i]--;
  }
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cols - 1 ? truncate(c ?? '', widths[i]) : pad(truncate(c ?? '', widths[i]), widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}
