/**
 * Finds the first syntax error of a JSON text and says what is wrong in a student's words,
 * with its offset. JSON.parse says only that the text is not JSON, in wording that changes
 * between Node versions and that quotes the file; this scanner follows RFC 8259 exactly, in
 * one pass without recursion, so it names the place on any input.
 */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly reason: string;
}

type Container = { kind: 'object' | 'array'; offset: number };

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERAL = /true|false|null/y;

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: Container[] = [];
  let i = 0;
  const n = text.length;
  const skip = (): void => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const fail = (offset: number, reason: string): JsonSyntaxError => ({ offset, reason });
  const found = (at: number): string => (at >= n ? 'the end of the file' : describeChar(text, at));

  /** Reads one string starting at i (a `"`); returns an error or advances i past it. */
  const readString = (): JsonSyntaxError | undefined => {
    const open = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            return fail(i, 'a \\u escape needs four hexadecimal digits, as in \\u00e9');
          }
          i += 6;
          continue;
        }
        if (e === undefined || !ESCAPES.has(e)) {
          return fail(i, `${e === undefined ? 'a lone \\' : `the escape \\${safeChar(e)}`} is not JSON; write \\\\ for a backslash`);
        }
        i += 2;
        continue;
      }
      if (c === 0x0a || c === 0x0d) return fail(open, 'this string is not closed with a " before the end of the line');
      if (c < 0x20) return fail(i, `a string holds the control character ${describeChar(text, i)}; write it as an escape such as \\t`);
      i++;
    }
    return fail(open, 'this string is not closed with a " before the end of the file');
  };

  /** Reads one value starting at i, or opens a container; returns an error. */
  const readValue = (): JsonSyntaxError | undefined => {
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push({ kind: c === '{' ? 'object' : 'array', offset: i });
      i++;
      return undefined;
    }
    if (c === '"') return readString();
    if (c === "'") return fail(i, "JSON strings are written in double quotes (\"…\"), not single quotes");
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      const end = m ? i + m[0].length : i;
      if (!m || (end < n && /[0-9.eE+\-]/.test(text[end]))) {
        return fail(i, 'this is not a JSON number: write numbers like 42, -3 or 1.5e3 (no leading zeros, + signs or trailing dots)');
      }
      i = end;
      return undefined;
    }
    LITERAL.lastIndex = i;
    const lit = LITERAL.exec(text);
    if (lit && !/[A-Za-z0-9_]/.test(text[i + lit[0].length] ?? '')) {
      i += lit[0].length;
      return undefined;
    }
    if (/[A-Za-z!&*|>]/.test(c ?? '')) {
      return fail(i, `expected a value but found ${found(i)}: in JSON, text must be in double quotes and tags like !Ref are written {"Ref": "…"}`);
    }
    return fail(i, `expected a value ("text", a number, true, false, null, {…} or […]) but found ${found(i)}`);
  };

  skip();
  if (i >= n) return fail(i, 'the file holds no JSON value');
  let err = readValue();
  if (err) return err;

  // After each value or opening bracket: what the innermost container expects next.
  let justOpened = stack.length > 0;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    skip();
    if (i >= n) {
      const closer = top.kind === 'object' ? '}' : ']';
      return fail(i, `the file ends before the ${closer} that closes the ${top.kind === 'object' ? '{' : '['} at ${lineCol(text, top.offset)}`);
    }
    const c = text[i];
    const closer = top.kind === 'object' ? '}' : ']';
    if (c === closer) {
      stack.pop();
      i++;
      justOpened = false;
      continue;
    }
    if (!justOpened) {
      if (c !== ',') {
        const what = top.kind === 'object' ? 'a property' : 'an item';
        return fail(i, `expected , or ${closer} after ${what} but found ${found(i)} (is a comma missing?)`);
      }
      const comma = i;
      i++;
      skip();
      if (text[i] === '}' || text[i] === ']') {
        return fail(comma, `a comma before ${text[i]}: JSON allows no comma after the last ${top.kind === 'object' ? 'property' : 'item'}`);
      }
    } else skip();
    justOpened = false;
    if (top.kind === 'object') {
      if (text[i] !== '"') {
        return fail(i, `expected a property name in double quotes but found ${found(i)}`);
      }
      err = readString();
      if (err) return err;
      skip();
      if (text[i] !== ':') return fail(i, `expected : after the property name but found ${found(i)}`);
      i++;
      skip();
    }
    if (i >= n) return fail(i, 'the file ends where a value should be');
    const depth = stack.length;
    err = readValue();
    if (err) return err;
    justOpened = stack.length > depth;
  }
  skip();
  if (i < n) return fail(i, `the JSON value ends before this ${describeChar(text, i)}; a template is a single {…}`);
  return undefined;
}

function lineCol(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    start = k + 1;
  }
  return `line ${line}, column ${offset - start + 1}`;
}

function describeChar(text: string, at: number): string {
  const cp = text.codePointAt(at) ?? 0;
  return cp >= 0x21 && cp <= 0x7e ? `"${String.fromCodePoint(cp)}"` : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function safeChar(c: string): string {
  return describeChar(c, 0).replace(/^"|"$/g, '');
}
