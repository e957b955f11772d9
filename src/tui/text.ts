import { displayWidth, graphemes, padTo } from '../content/markdown/width.js';
import { line, seg, wrapSegments, type RenderedLine, type Segment, type TextStyle } from '../content/markdown/index.js';

/** Fitting text into terminal columns: every line the app draws goes through these. */

/** `text` cut to `width` columns, ending in "…" when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = displayWidth(g);
    if (used + w > width - 1) break;
    out += g;
    used += w;
  }
  return `${out}…`;
}

/** A styled line cut to `width` columns (code lines may be wider than the page). */
export function fitLine(l: RenderedLine, width: number): RenderedLine {
  let total = 0;
  for (const s of l.segments) total += displayWidth(s.text);
  if (total <= width) return l;
  const out: Segment[] = [];
  let room = width - 1;
  for (const s of l.segments) {
    if (room <= 0) break;
    const w = displayWidth(s.text);
    if (w <= room) {
      out.push(s);
      room -= w;
      continue;
    }
    let part = '';
    for (const g of graphemes(s.text)) {
      const gw = displayWidth(g);
      if (gw > room) break;
      part += g;
      room -= gw;
    }
    out.push(seg(part, s.style));
    room = 0;
  }
  out.push(seg('…'));
  return line(out, l.preformatted);
}

/** Plain words wrapped to `width`, every line in one style. */
export function wrapText(text: string, width: number, style: TextStyle = {}): RenderedLine[] {
  return wrapSegments([seg(text, style)], width);
}

/** Words wrapped under a first-line prefix ("✗ 0/3  "): the rest hang under the text. */
export function hangingWrap(prefix: Segment[], text: string, width: number, style: TextStyle = {}): RenderedLine[] {
  const indent = prefix.reduce((n, s) => n + displayWidth(s.text), 0);
  const body = wrapSegments([seg(text, style)], Math.max(10, width - indent));
  return body.map((l, i) => line([...(i === 0 ? prefix : [seg(' '.repeat(indent))]), ...l.segments]));
}

/** Left text and right text on one line of `width` columns; the left is cut first. */
export function spread(left: string, right: string, width: number): string {
  if (right === '') return truncate(left, width);
  const room = width - displayWidth(right) - 2;
  if (room < 8) return truncate(`${left} ${right}`, width);
  const l = truncate(left, room);
  return `${padTo(l, width - displayWidth(right))}${right}`;
}

export { displayWidth, padTo };

/**
 * For screen readers: Markdown headings keep "═══" and "───" underlines in every mode,
 * which a reader reads out character by character; lines made only of them are dropped.
 */
export function withoutRules(lines: readonly RenderedLine[]): RenderedLine[] {
  return lines.filter((l) => !/^[═─━]+$/.test(l.segments.map((s) => s.text).join('').trim()));
}

/**
 * For screen readers nothing is cut with "…": a line wider than `width` (a code line, a
 * long path) goes on over as many lines as it needs, at grapheme boundaries, styles kept.
 */
export function splitWide(lines: readonly RenderedLine[], width: number): RenderedLine[] {
  const out: RenderedLine[] = [];
  for (const l of lines) {
    let total = 0;
    for (const s of l.segments) total += displayWidth(s.text);
    if (total <= width || width <= 0) {
      out.push(l);
      continue;
    }
    let current: Segment[] = [];
    let used = 0;
    for (const s of l.segments) {
      let part = '';
      for (const g of graphemes(s.text)) {
        const w = displayWidth(g);
        if (used + w > width) {
          if (part) current.push(seg(part, s.style));
          out.push(line(current, l.preformatted));
          current = [];
          part = '';
          used = 0;
        }
        part += g;
        used += w;
      }
      if (part) current.push(seg(part, s.style));
    }
    if (current.length > 0) out.push(line(current, l.preformatted));
  }
  return out;
}

/** One line of text: cut with "…" to fit, or for screen readers wrapped over several lines. */
export function fitText(text: string, width: number, boxes: boolean, style: TextStyle = {}): RenderedLine[] {
  if (boxes) return [line([seg(truncate(text, width), style)])];
  return wrapSegments([seg(text, style)], width);
}
