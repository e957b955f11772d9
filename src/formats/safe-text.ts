/**
 * The one place where text from a submission (a value, a logical id, a tag, a file name) is
 * made safe to print. A template can hold any character, and a terminal obeys some of them:
 * ESC starts sequences that clear the screen, retitle the window or (OSC 52) write to the
 * clipboard; C1 controls do the same on some terminals; BEL rings; bidirectional overrides
 * make the text read differently from what it is. Each of these is shown as a visible escape
 * (`\x1b`, `\u202e`) instead, so the reader sees that it is there and nothing acts on it.
 */

/**
 * C0 controls but tab and line feed, DEL, C1 controls, the bidirectional embeddings,
 * overrides, isolates and marks, and the Unicode line and paragraph separators.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function visible(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * The text with every character a terminal would act on shown as an escape. Line breaks
 * and tabs are escaped too, unless `lines` is set for text laid out over several lines
 * (a message, a feedback note), where they keep their meaning.
 */
export function printable(text: string, opts: { lines?: boolean } = {}): string {
  const pattern = opts.lines ? UNSAFE : UNSAFE_OR_BREAK;
  pattern.lastIndex = 0;
  return pattern.test(text) ? text.replace(pattern, visible) : text;
}

/** SGR colour sequences, the only escapes cloudlab itself writes to a terminal. */
const OWN_ESCAPE = /\u001b\[[0-9;]*m/y;

/**
 * The last line of defence at the terminal: everything but cloudlab's own colour sequences,
 * line breaks and tabs made visible, so that a printer that forgot `printable` still cannot
 * pass a submission's escape sequence through.
 */
export function terminalSafe(output: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(output)) return output;
  let out = '';
  let last = 0;
  UNSAFE.lastIndex = 0;
  for (let m = UNSAFE.exec(output); m; m = UNSAFE.exec(output)) {
    const at = m.index;
    if (output[at] === '\u001b') {
      OWN_ESCAPE.lastIndex = at;
      const own = OWN_ESCAPE.exec(output);
      if (own) {
        UNSAFE.lastIndex = at + own[0].length;
        continue;
      }
    }
    if (output[at] === '\r' && output[at + 1] === '\n') continue;
    out += output.slice(last, at) + visible(output[at]);
    last = at + 1;
  }
  return out + output.slice(last);
}

const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text (2-space indent) with the characters JSON.stringify leaves raw written as \u escapes: the same data. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
