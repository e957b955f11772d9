import { line, type RenderedLine, type Segment } from './segments.js';
import { displayWidth, graphemes } from './width.js';

/**
 * Word-wraps styled text to `width` columns. Words break at whitespace; a word wider than
 * the width (a long URL) is cut at the width. A "\n" inside a segment is a hard line break.
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

/** Cuts one word into pieces no wider than `max` columns, keeping each character whole. */
function cutWord(word: Segment[], max: number): { segments: Segment[]; width: number }[] {
  const pieces: { segments: Segment[]; width: number }[] = [];
  let segs: Segment[] = [];
  let width = 0;
  for (const s of word) {
    let text = '';
    for (const g of graphemes(s.text)) {
      const gw = displayWidth(g);
      if (width + gw > max && width > 0) {
        if (text) segs.push({ text, style: s.style });
        pieces.push({ segments: segs, width });
        segs = [];
        text = '';
        width = 0;
      }
      text += g;
      width += gw;
    }
    if (text) segs.push({ text, style: s.style });
  }
  if (segs.length > 0) pieces.push({ segments: segs, width });
  return pieces;
}
