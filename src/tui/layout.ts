import { line, seg, type RenderedLine } from '../content/markdown/index.js';
import type { KeyBinding } from './keys.js';
import type { Look } from './look.js';
import { displayWidth, truncate, wrapText } from './text.js';

/**
 * Every screen is one frame of exactly the terminal's size: a title line, a rule, the
 * body, a status line (one or two lines), a rule, and the keys. The body gets what is
 * left, so the footer is always on screen. Screen readers get no rules.
 */
export interface FrameLayout {
  readonly width: number;
  readonly height: number;
  readonly bodyHeight: number;
  readonly footer: string[];
  readonly status: RenderedLine[];
}

/** Smaller than this, the app asks for a bigger terminal instead of drawing. */
export const MIN_SIZE = { width: 50, height: 14 } as const;

export function frameLayout(width: number, height: number, hints: readonly KeyBinding[], status: RenderedLine[] | string | undefined, look: Look): FrameLayout {
  const footer = footerLines(hints, width, look);
  const statusLines = typeof status === 'string' || status === undefined ? statusText(status ?? '', width) : status.slice(0, 2);
  const rules = look.boxes ? 2 : 0;
  const bodyHeight = Math.max(1, height - 1 - rules - Math.max(1, statusLines.length) - footer.length);
  return { width, height, bodyHeight, footer, status: statusLines };
}

/** "↑↓ move · Enter read · q quit", wrapped between items, never inside one. */
export function footerLines(hints: readonly KeyBinding[], width: number, look: Look): string[] {
  const items = hints.map((h) => `${h.key} ${h.label}`);
  const sep = look.boxes ? ' · ' : ', ';
  const lines: string[] = [];
  let current = look.boxes ? '' : 'Keys: ';
  for (const item of items) {
    const blank = current === '' || current === 'Keys: ';
    const candidate = blank ? current + item : current + sep + item;
    if (!blank && displayWidth(candidate) > width) {
      lines.push(current);
      current = item;
    } else current = candidate;
  }
  if (current !== '') lines.push(current);
  return lines.map((l) => truncate(l, width));
}

/** A message in at most two lines; the second is cut when it is longer. */
export function statusText(message: string, width: number): RenderedLine[] {
  if (message.trim() === '') return [line([])];
  const lines = wrapText(message, width);
  if (lines.length <= 2) return lines;
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
