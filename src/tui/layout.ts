import { line, seg, type RenderedLine, type Segment } from '../content/markdown/index.js';
import type { KeyBinding } from './keys.js';
import type { Look } from './look.js';
import { displayWidth, fitLine, truncate, wrapText } from './text.js';

/**
 * Every screen is one frame of exactly the terminal's size: a title line, a rule, the
 * body, a status line (one or two lines), a rule, and the keys. The body gets what is
 * left, so the footer is always on screen. Screen readers get no rules.
 */
export interface FrameLayout {
  readonly width: number;
  readonly height: number;
  readonly bodyHeight: number;
  readonly footer: RenderedLine[];
  readonly status: RenderedLine[];
}

/** Smaller than this, the app asks for a bigger terminal instead of drawing. */
export const MIN_SIZE = { width: 50, height: 14 } as const;

export function frameLayout(width: number, height: number, hints: readonly KeyBinding[], status: RenderedLine[] | string | undefined, look: Look): FrameLayout {
  const footer = footerLines(hints, width, look);
  const statusLines = typeof status === 'string' || status === undefined ? statusText(status ?? '', width, look.boxes) : status.slice(0, 2);
  const rules = look.boxes ? 2 : 0;
  const bodyHeight = Math.max(1, height - 1 - rules - Math.max(1, statusLines.length) - footer.length);
  return { width, height, bodyHeight, footer, status: statusLines };
}

/**
 * "↑↓ move  Enter read  q quit", keys in bold, wrapped between items, never inside one.
 * Screen readers get "Keys: ↑↓ move, Enter read, q quit".
 */
export function footerLines(hints: readonly KeyBinding[], width: number, look: Look): RenderedLine[] {
  const sep = look.boxes ? '  ' : ', ';
  const lines: Segment[][] = [];
  let current: Segment[] = look.boxes ? [] : [seg('Keys: ')];
  let used = look.boxes ? 0 : displayWidth('Keys: ');
  let empty = true;
  for (const h of hints) {
    const item = [seg(h.key, { bold: true }), seg(` ${h.label}`)];
    const w = displayWidth(`${h.key} ${h.label}`);
    if (!empty && used + sep.length + w > width) {
      lines.push(current);
      current = [];
      used = 0;
      empty = true;
    }
    if (!empty) {
      current.push(seg(sep));
      used += sep.length;
    }
    current.push(...item);
    used += w;
    empty = false;
  }
  if (!empty || lines.length === 0) lines.push(current);
  return lines.map((l) => fitLine(line(l), width));
}

/** A message in at most two lines; the second is cut when it is longer (for a screen reader, never cut). */
export function statusText(message: string, width: number, cut = true): RenderedLine[] {
  if (message.trim() === '') return [line([])];
  const lines = wrapText(message, width);
  if (lines.length <= 2 || !cut) return lines;
  const rest = lines.slice(1).map((l) => l.segments.map((s) => s.text).join('')).join(' ');
  return [lines[0], line([seg(truncate(rest, width))])];
}

/** A text field: "Folder › ./public-web█". */
export function promptLine(label: string, value: string, width: number): RenderedLine[] {
  const head = `${label} › `;
  const room = Math.max(4, width - displayWidth(head) - 1);
  const shown = displayWidth(value) > room ? `…${Array.from(value).slice(-(room - 1)).join('')}` : value;
  return [line([seg(head, { bold: true }), seg(shown), seg('█')])];
}
