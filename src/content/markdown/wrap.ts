import { line, type RenderedLine, type Segment } from './segments.js';
import { displayWidth, graphemes } from './width.js';

/**
 * Word-wraps styled text to `width` columns. Words break at whitespace; a word wider than
 * the width (a long URL) is cut, after a hyphen where possible. A "\n" inside a segment is
 * a hard line break.
 * Always returns at least one line.
 */
export function wrapSegments(segments: readonly Segment[], width: number): RenderedLine[] {
  const max = Math.max(1, Math.floor(width));
  const lines: RenderedLine[] = [];
  let current: Segment[] = [];
  let used = 0;
  let pendingSpace: Segment | undefined;

  const flush = (): void => {
    lines.push(line(current));
    current = [];
    used = 0;
    pendingSpace = undefined;
  };

  const place = (word: Segment[]): void => {
    const w = word.reduce((n, s) => n + displayWidth(s.text), 0);
    if (used > 0 && used + 1 + w <= max) {
      current.push({ text: ' ', style: pendingSpace?.style ?? {} }, ...word);
      used += 1 + w;
      pendingSpace = undefined;
      return;
    }
    if (used > 0) flush();
    if (w <= max) {
      current.push(...word);
      used = w;
      return;
    }
    for (const piece of cutWord(word, max)) {
      if (used > 0) flush();
      current.push(...piece.segments);
      used = piece.width;
    }
  };

  for (const word of words(segments)) {
    if (word === 'break') flush();
    else if ('space' in word) pendingSpace = word.space;
    else place(word.parts);
  }
  if (current.length > 0 || lines.length === 0) flush();
  return lines;
}

type Token = 'break' | { space: Segment } | { parts: Segment[] };

/** Splits styled text into words (which may mix styles), spaces and hard breaks. */
function* words(segments: readonly Segment[]): Generator<Token> {
  let parts: Segment[] = [];
  for (const s of segments) {
    for (const piece of s.text.split(/(\n|[ \t\r\f\v]+)/)) {
      if (piece === '') continue;
      if (piece === '\n' || /^\s+$/.test(piece)) {
        if (parts.length > 0) yield { parts };
        parts = [];
        yield piece === '\n' ? 'break' : { space: { text: ' ', style: s.style } };
      } else {
        parts.push({ text: piece, style: s.style });
      }
    }
  }
  if (parts.length > 0) yield { parts };
}

/**
 * Cuts a word wider than `max` into pieces that fit: after a hyphen where one falls inside
 * the width ("route-tables-and-" / "internet-gateways"), else between characters.
 */
function cutWord(word: Segment[], max: number): { segments: Segment[]; width: number }[] {
  const chars: { text: string; style: Segment['style']; width: number }[] = [];
  for (const s of word) for (const g of graphemes(s.text)) chars.push({ text: g, style: s.style, width: displayWidth(g) });
  const pieces: { segments: Segment[]; width: number }[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start;
    let width = 0;
    let lastHyphen = -1;
    while (end < chars.length && (width + chars[end].width <= max || end === start)) {
      width += chars[end].width;
      if (chars[end].text === '-' && end + 1 < chars.length) lastHyphen = end;
      end++;
    }
    if (end < chars.length && lastHyphen >= start) end = lastHyphen + 1;
    const piece = chars.slice(start, end);
    pieces.push({
      segments: piece.map((c) => ({ text: c.text, style: c.style })),
      width: piece.reduce((n, c) => n + c.width, 0),
    });
    start = end;
  }
  return pieces;
}
