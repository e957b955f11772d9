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
 * Lays out a table with borders in `width` columns. When the natural widths do not fit,
 * columns shrink (the widest give up the most) and cells wrap; a column never gets
 * narrower than its longest word unless even that cannot fit.
 */
export function renderTable(input: TableInput): RenderedLine[] {
  const cols = Math.max(0, ...input.rows.map((r) => r.length));
  if (cols === 0) return [];
  const rows = input.rows.map((r) => Array.from({ length: cols }, (_, i) => r[i] ?? []));
  const b = input.mode === 'ansi' ? BOX : ASCII;
  const widths = columnWidths(rows, input.width - (3 * cols + 1));

  const cellLines = rows.map((r) => r.map((cell, c) => wrapSegments(cell, widths[c])));
  const heights = cellLines.map((r) => Math.max(...r.map((ls) => ls.length)));
  const bodyWraps = heights.slice(input.headerRows).some((h) => h > 1);

  const border = (text: string): Segment => ({ text, style: THEME.border });
  const rule = (j: readonly [string, string, string], h: string): RenderedLine =>
    line([border(j[0] + widths.map((w) => h.repeat(w + 2)).join(j[1]) + j[2])]);

  const out: RenderedLine[] = [rule(b.top, b.h)];
  rows.forEach((_, r) => {
    const header = r < input.headerRows;
    for (let k = 0; k < heights[r]; k++) {
      const segs: Segment[] = [border(b.v)];
      for (let c = 0; c < cols; c++) {
        const cl = cellLines[r][c][k];
        const content = cl ? cl.segments : [];
        const used = lineWidth(content);
        const align = input.align?.[c] ?? 'left';
        const gap = widths[c] - used;
        const left = align === 'right' ? gap : align === 'center' ? Math.floor(gap / 2) : 0;
        const style: TextStyle = header ? THEME.tableHeader : {};
        segs.push({ text: ' ' + ' '.repeat(Math.max(0, left)), style: {} });
        for (const s of content) segs.push(header ? { text: s.text, style: { ...s.style, ...style } } : s);
        segs.push({ text: ' '.repeat(Math.max(0, gap - left)) + ' ', style: {} }, border(b.v));
      }
      out.push(line(segs));
    }
    const last = r === rows.length - 1;
    if (r === input.headerRows - 1 && !last) out.push(rule(b.head, b.headerH));
    else if (!header && !last && bodyWraps) out.push(rule(b.mid, b.h));
  });
  out.push(rule(b.bottom, b.h));
  return out;
}

/** Column content widths that sum to at most `available` (when that is possible at all). */
export function columnWidths(rows: readonly (readonly (readonly Segment[])[])[], available: number): number[] {
  const cols = rows[0]?.length ?? 0;
  const natural = Array.from({ length: cols }, (_, c) => Math.max(1, ...rows.map((r) => longestLine(r[c]))));
  const longestWord = Array.from({ length: cols }, (_, c) => Math.max(1, ...rows.map((r) => longestWordOf(r[c]))));
  const total = (ws: number[]): number => ws.reduce((a, w) => a + w, 0);
  if (total(natural) <= available) return natural;

  const floor = natural.map((n, c) => Math.min(n, longestWord[c]));
  if (total(floor) > available) {
    // Even the longest words do not fit: share the room in proportion, at least 1 each.
    const room = Math.max(cols, available);
    const ws = floor.map((f) => Math.max(1, Math.floor((f * room) / total(floor))));
    let spare = room - total(ws);
    for (let c = 0; spare > 0; c = (c + 1) % cols) {
      if (ws[c] < floor[c]) {
        ws[c]++;
        spare--;
      } else if (ws.every((w, i) => w >= floor[i])) break;
    }
    return ws;
  }
  // Give the remaining room to the columns that want more, in proportion to what they lack.
  const ws = [...floor];
  let spare = available - total(ws);
  const want = natural.map((n, c) => n - ws[c]);
  const wantTotal = total(want);
  for (let c = 0; c < cols; c++) {
    const share = Math.min(want[c], Math.floor((spare * want[c]) / wantTotal));
    ws[c] += share;
  }
  spare = available - total(ws);
  while (spare > 0) {
    let best = -1;
    for (let c = 0; c < cols; c++) if (ws[c] < natural[c] && (best < 0 || natural[c] - ws[c] > natural[best] - ws[best])) best = c;
    if (best < 0) break;
    ws[best]++;
    spare--;
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
      .split(/\s+/)
      .map((w) => lineWidth([{ text: w, style: {} }])),
  );
}
