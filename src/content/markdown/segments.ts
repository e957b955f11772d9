import { displayWidth } from './width.js';
import { printable } from '../../formats/safe-text.js';

/**
 * Rendered text as styled segments. The plain and ANSI outputs and the terminal app
 * (one ink <Text> per segment) draw the same lines from this form.
 */
export type Colour = 'cyan' | 'yellow' | 'green' | 'blue' | 'magenta' | 'red' | 'gray';

export interface TextStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly dim?: boolean;
  readonly strikethrough?: boolean;
  readonly color?: Colour;
}

export interface Segment {
  readonly text: string;
  readonly style: TextStyle;
}

export interface RenderedLine {
  readonly segments: readonly Segment[];
  /** Code: shown as it is, never wrapped, so it may be wider than the width asked for. */
  readonly preformatted: boolean;
}

export const NO_STYLE: TextStyle = Object.freeze({});

export function seg(text: string, style: TextStyle = NO_STYLE): Segment {
  return { text, style };
}

export function line(segments: readonly Segment[], preformatted = false): RenderedLine {
  return { segments: mergeSegments(segments), preformatted };
}

export const BLANK: RenderedLine = Object.freeze({ segments: [], preformatted: false });

export function lineText(l: RenderedLine | readonly Segment[]): string {
  const segments = 'segments' in l ? l.segments : l;
  return segments.map((s) => s.text).join('');
}

export function lineWidth(l: RenderedLine | readonly Segment[]): number {
  return displayWidth(lineText(l));
}

/** The same line with `prefix` segments in front (indents, list markers, quote bars). */
export function prefixed(prefix: readonly Segment[], l: RenderedLine): RenderedLine {
  return line([...prefix, ...l.segments], l.preformatted);
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return (
    Boolean(a.bold) === Boolean(b.bold) &&
    Boolean(a.italic) === Boolean(b.italic) &&
    Boolean(a.underline) === Boolean(b.underline) &&
    Boolean(a.dim) === Boolean(b.dim) &&
    Boolean(a.strikethrough) === Boolean(b.strikethrough) &&
    a.color === b.color
  );
}

/** Joins neighbours of the same style and drops empty segments. */
export function mergeSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last.style, s.style)) out[out.length - 1] = { text: last.text + s.text, style: last.style };
    else out.push(s);
  }
  return out;
}

const COLOUR_CODES: Record<Colour, number> = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90 };

/** The line with ANSI SGR codes; every styled segment is closed, so lines can be cut apart. */
export function toAnsi(l: RenderedLine): string {
  return l.segments
    .map((s) => {
      const codes: number[] = [];
      if (s.style.bold) codes.push(1);
      if (s.style.dim) codes.push(2);
      if (s.style.italic) codes.push(3);
      if (s.style.underline) codes.push(4);
      if (s.style.strikethrough) codes.push(9);
      if (s.style.color) codes.push(COLOUR_CODES[s.style.color]);
      const text = printable(s.text);
      return codes.length === 0 ? text : `\u001b[${codes.join(';')}m${text}\u001b[0m`;
    })
    .join('')
    .trimEnd();
}

export function toPlain(l: RenderedLine): string {
  return lineText(l).trimEnd();
}
