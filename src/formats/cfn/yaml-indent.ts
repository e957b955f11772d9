/**
 * When yaml refuses a file, the mistake is most often one line indented differently from the
 * lines it belongs with, and yaml's own words ("all mapping items must start at the same
 * column", "nested mappings are not allowed in compact mappings") seldom say which line or
 * why. This finds that line near the parser's position and says it for a beginner:
 * "this line is indented by 5 spaces; the others in this mapping by 4".
 */
export interface IndentMistake {
  /** 1-based line of the misindented line, and the column of its first character. */
  readonly line: number;
  readonly column: number;
  readonly words: string;
}

interface Row {
  readonly n: number;
  readonly indent: number;
  readonly item: boolean;
  /** Where the content after "- " starts (the indent of the item's own keys). */
  readonly inner: number;
  readonly opens: boolean;
}

function rows(text: string): Row[] {
  const out: Row[] = [];
  let blockScalarIndent = -1;
  // Inside a flow collection ([ … ] or { … } over several lines) indentation means nothing.
  let flow = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const indent = raw.length - raw.replace(/^ +/, '').length;
    const body = raw.slice(indent);
    if (body === '' || body.startsWith('#')) return;
    if (blockScalarIndent >= 0 && indent > blockScalarIndent) return;
    blockScalarIndent = -1;
    const content = body.replace(/\s+#.*$/, '').trimEnd();
    const unquoted = content.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '');
    const inFlow = flow > 0;
    flow = Math.max(0, flow + (unquoted.match(/[[{]/g)?.length ?? 0) - (unquoted.match(/[\]}]/g)?.length ?? 0));
    if (inFlow) return;
    const item = /^-(\s|$)/.test(body);
    const inner = item ? indent + 1 + (body.slice(1).length - body.slice(1).replace(/^ +/, '').length) : indent;
    if (/[|>][-+0-9]*$/.test(content)) blockScalarIndent = indent;
    const opens = /:$/.test(content) || content === '-' || /[|>][-+0-9]*$/.test(content) || /[[{,]$/.test(content) || flow > 0;
    out.push({ n: i + 1, indent, item, inner, opens });
  });
  return out;
}

const spaces = (n: number): string => `${n} space${n === 1 ? '' : 's'}`;

/** The first misindented line from `from` to `to` (1-based, inclusive), if there is one. */
export function findIndentMistake(text: string, from: number, to: number): IndentMistake | undefined {
  const all = rows(text);
  for (let k = 1; k < all.length; k++) {
    const row = all[k];
    if (row.n < from) continue;
    if (row.n > to) break;
    const prev = all[k - 1];
    if (prev.opens && row.indent > prev.indent) continue;
    // The levels this line may line up with: each line above that starts further left.
    const levels: Row[] = [];
    let min = Infinity;
    for (let j = k - 1; j >= 0; j--) {
      const r = all[j];
      if (r.indent < min || (r.item && r.inner < min)) {
        levels.push(r);
        min = Math.min(r.indent, r.inner);
      }
      if (min === 0) break;
    }
    const valid = new Set(levels.flatMap((r) => [r.indent, r.inner]));
    if (valid.has(row.indent)) continue;
    const same = levels.filter((r) => r.item === row.item);
    const pool = same.length > 0 ? same : levels;
    const at = (r: Row): number => (row.item ? r.indent : r.item ? r.inner : r.indent);
    // Between two levels as near, the one whose lines hold their contents as deep as this
    // line holds its own ("Sub:" with "Type:" under it at 4 sits with "Vpc:", not "Properties:").
    const childOf = (r: Row): number | undefined => {
      const i = all.indexOf(r);
      return r.opens && all[i + 1] ? all[i + 1].indent : undefined;
    };
    const mine = childOf(row);
    const best = pool.reduce((a, b) => {
      const da = Math.abs(at(a) - row.indent);
      const db = Math.abs(at(b) - row.indent);
      if (db !== da) return db < da ? b : a;
      return mine !== undefined && childOf(b) === mine && childOf(a) !== mine ? b : a;
    });
    const kind = row.item ? 'the others in this list' : 'the other keys of this mapping';
    return {
      line: row.n,
      column: row.indent + 1,
      words: `this line is indented by ${spaces(row.indent)}; ${kind} by ${at(best)} (line ${best.n})`,
    };
  }
  return undefined;
}
