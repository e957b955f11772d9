import { line, lineWidth, type RenderedLine, type Segment, type TextStyle } from './segments.js';
import { THEME, type RenderMode } from './theme.js';
import { wrapSegments } from './wrap.js';

export type Align = 'left' | 'center' | 'right';

export interface TableInput {
  /** Header rows first (usually one), then body rows; a cell is styled text. */
  readonly rows: readonly (readonly (readonly Segment[])[])[];
  readonly headerRows: number;
  readonly align?: readonly Align[];
  /** Total width available, borders included. */
  readonly width: number;
  readonly mode: RenderMode;
  /**
   * "box" (default): every cell in borders, box drawing in ansi mode, +-| in plain.
   * "none": columns two spaces apart, the header underlined, for command listings.
   */
  readonly frame?: 'box' | 'none';
}

interface Borders {
  readonly v: string;
  readonly h: string;
  readonly headerH: string;
  /** left, middle, right junctions of the top, header separator, row separator and bottom lines. */
  readonly top: readonly [string, string, string];
  readonly head: readonly [string, string, string];
  readonly mid: readonly [string, string, string];
  readonly bottom: readonly [string, string, string];
}

const BOX: Borders = {
  v: '│',
  h: '─',
  headerH: '─',
  top: ['┌', '┬', '┐'],
  head: ['├', '┼', '┤'],
  mid: ['├', '┼', '┤'],
  bottom: ['└', '┴', '┘'],
};

const ASCII: Borders = {
  v: '|',
  h: '-',
  headerH: '=',
  top: ['+', '+', '+'],
  head: ['+', '+', '+'],
  mid: ['+', '+', '+'],
  bottom: ['+', '+', '+'],
};

/**
 * Lays out a table in `width` columns. When the natural widths do not fit, columns shrink
 * (the widest give up the most) and cells wrap; a column gets narrower than its longest
 * word (cut after a hyphen where possible) only when nothing else fits.
 */
export function renderTable(input: TableInput): RenderedLine[] {
  const cols = Math.max(0, ...input.rows.map((r) => r.length));
  if (cols === 0) return [];
  const rows = input.rows.map((r) => Array.from({ length: cols }, (_, i) => r[i] ?? []));
  const boxed = input.frame !== 'none';
  const chrome = boxed ? 3 * cols + 1 : 2 * (cols - 1);
  const widths = columnWidths(rows, input.width - chrome);

  const cellLines = rows.map((r) => r.map((cell, c) => wrapSegments(cell, widths[c])));
  const heights = cellLines.map((r) => Math.max(...r.map((ls) => ls.length)));
  const bodyWraps = heights.slice(input.headerRows).some((h) => h > 1);
  const b = input.mode === 'ansi' ? BOX : ASCII;
  const border = (text: string): Segment => ({ text, style: THEME.border });
  const rule = (j: readonly [string, string, string], h: string): RenderedLine =>
    line([border(j[0] + widths.map((w) => h.repeat(w + 2)).join(j[1]) + j[2])]);

  const rowLine = (r: number, k: number): RenderedLine => {
    const header = r < input.headerRows;
    const segs: Segment[] = boxed ? [border(b.v)] : [];
    for (let c = 0; c < cols; c++) {
      const content = cellLines[r][c][k]?.segments ?? [];
      const gap = widths[c] - lineWidth(content);
      const align = input.align?.[c] ?? 'left';
      const left = align === 'right' ? gap : align === 'center' ? Math.floor(gap / 2) : 0;
      const style: TextStyle = header ? THEME.tableHeader : {};
      const lead = boxed ? 1 : c === 0 ? 0 : 2;
      segs.push({ text: ' '.repeat(lead + Math.max(0, left)), style: {} });
      for (const s of content) segs.push(header ? { text: s.text, style: { ...s.style, ...style } } : s);
      segs.push({ text: ' '.repeat(Math.max(0, gap - left)) + (boxed ? ' ' : ''), style: {} });
      if (boxed) segs.push(border(b.v));
    }
    return line(segs);
  };

  const out: RenderedLine[] = boxed ? [rule(b.top, b.h)] : [];
  rows.forEach((_, r) => {
    for (let k = 0; k < heights[r]; k++) out.push(rowLine(r, k));
    const last = r === rows.length - 1;
    const header = r < input.headerRows;
    if (r === input.headerRows - 1 && !last) {
      out.push(boxed ? rule(b.head, b.headerH) : line([border(widths.map((w) => b.h.repeat(w)).join('  '))]));
    } else if (!header && !last && bodyWraps) {
      out.push(boxed ? rule(b.mid, b.h) : line([]));
    }
  });
  if (boxed) out.push(rule(b.bottom, b.h));
  return out;
}

/**
 * Column content widths that sum to at most `available` when that is possible at all.
 * The widest column gives up a column at a time, first down to its longest word, then,
 * only if every column is at its longest word, below it (words are cut).
 */
export function columnWidths(rows: readonly (readonly (readonly Segment[])[])[], available: number): number[] {
  const cols = rows[0]?.length ?? 0;
  const ws = Array.from({ length: cols }, (_, c) => Math.max(1, ...rows.map((r) => longestLine(r[c]))));
  const words = Array.from({ length: cols }, (_, c) => Math.max(1, ...rows.map((r) => longestWordOf(r[c]))));
  let excess = ws.reduce((a, w) => a + w, 0) - available;
  for (const floor of [(c: number) => Math.min(ws[c], words[c]), () => 1]) {
    const floors = ws.map((_, c) => floor(c));
    while (excess > 0) {
      let widest = -1;
      for (let c = 0; c < cols; c++) if (ws[c] > floors[c] && (widest < 0 || ws[c] > ws[widest])) widest = c;
      if (widest < 0) break;
      ws[widest]--;
      excess--;
    }
  }
  return ws;
}

function longestLine(cell: readonly Segment[]): number {
  return Math.max(
    0,
    ...cell
      .map((s) => s.text)
      .join('')
      .split('\n')
      .map((l) => lineWidth([{ text: l.replace(/\s+/g, ' ').trim(), style: {} }])),
  );
}

function longestWordOf(cell: readonly Segment[]): number {
  return Math.max(
    0,
    ...cell
      .map((s) => s.text)
      .join('')
      .split(/\s+|(?<=-)(?=.)/)
      .map((w) => lineWidth([{ text: w, style: {} }])),
  );
}
