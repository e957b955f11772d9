import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderMarkdownLines } from '../../../src/content/markdown/render.js';
import { lineText, lineWidth, type RenderedLine } from '../../../src/content/markdown/segments.js';
import { displayWidth } from '../../../src/content/markdown/width.js';

const ESC = '\u001b';
const plain = (md: string, width = 80): string[] => renderMarkdownLines(md, { width, mode: 'plain' });
const ansi = (md: string, width = 80): string[] => renderMarkdownLines(md, { width, mode: 'ansi' });

const LESSON = `# IP addresses and CIDR

A **CIDR block** such as \`10.0.0.0/16\` names a *range* of addresses; see
[RFC 4632](https://www.rfc-editor.org/rfc/rfc4632) and <https://example.com>.

<!-- check: usable 10.0.0.0/28 = 11 -->

## Prefix lengths

- A /16 holds 65,536 addresses; this item is long enough to wrap onto a second line.
- A /24 holds 256.
  - a nested item that is also long enough to wrap at forty columns
  - another

1. first
2. second

| Prefix | Addresses | AWS usable | Notes |
|:-------|----------:|-----------:|-------|
| /16 | 65,536 | 65,531 | the largest VPC block AWS allows, with a long note to wrap |
| /28 | 16 | 11 | the smallest subnet |

\`\`\`
VPC 10.0.0.0/16
 ├── public  10.0.1.0/24   a diagram line that is far too long to fit in forty columns at all
 └── private 10.0.2.0/24
\`\`\`

> AWS reserves five addresses in every subnet.

---

### Details

Done.
`;

function expectFits(lines: readonly RenderedLine[], width: number): void {
  for (const l of lines) if (!l.preformatted) expect(lineWidth(l), JSON.stringify(lineText(l))).toBeLessThanOrEqual(width);
}

describe('renderMarkdown', () => {
  for (const width of [40, 80]) {
    it(`keeps every line but code within ${width} columns, in both modes`, () => {
      for (const mode of ['plain', 'ansi'] as const) expectFits(renderMarkdown(LESSON, { width, mode }), width);
    });
  }

  it('never wraps code: a long line is shown as it is, indented', () => {
    const lines = renderMarkdown(LESSON, { width: 40, mode: 'plain' });
    const code = lines.filter((l) => l.preformatted).map(lineText);
    expect(code).toEqual([
      '    VPC 10.0.0.0/16',
      '     ├── public  10.0.1.0/24   a diagram line that is far too long to fit in forty columns at all',
      '     └── private 10.0.2.0/24',
    ]);
  });

  it('underlines level 1 headings with ═ and level 2 with ─, also in plain mode', () => {
    const out = plain(LESSON);
    const h1 = out.indexOf('IP addresses and CIDR');
    expect(out[h1 + 1]).toBe('═'.repeat('IP addresses and CIDR'.length));
    const h2 = out.indexOf('Prefix lengths');
    expect(out[h2 + 1]).toBe('─'.repeat('Prefix lengths'.length));
    expect(out).toContain('Details');
    expect(out[out.indexOf('Details') + 1]).toBe('');
  });

  it('shows emphasis and code spans without markers in colour, code in backticks in plain', () => {
    const p = plain(LESSON).join('\n');
    expect(p).toContain('A CIDR block such as `10.0.0.0/16` names a range of addresses;');
    const a = ansi(LESSON).join('\n');
    expect(a).toContain(`${ESC}[1mCIDR block${ESC}[0m`);
    expect(a).toContain(`${ESC}[3mrange${ESC}[0m`);
    expect(a).toContain(`${ESC}[33m10.0.0.0/16${ESC}[0m`);
    expect(a).not.toContain('`10.0.0.0/16`');
  });

  it('shows links as text (url), and a bare link once', () => {
    const p = plain(LESSON).join(' ');
    expect(p).toContain('RFC 4632 (https://www.rfc-editor.org/rfc/rfc4632)');
    expect(p).toContain('and https://example.com.');
    expect(p).not.toContain('https://example.com (https://example.com)');
  });

  it('drops HTML comments, in blocks and inline', () => {
    const p = plain(`${LESSON}\nText <!-- hidden inline --> stays.\n`).join('\n');
    expect(p).not.toContain('check:');
    expect(p).not.toContain('hidden');
    expect(p).not.toContain('<!--');
    expect(p).toContain('Text stays.');
  });

  it('renders bullet lists with a hanging indent and nested bullets', () => {
    const out = plain(LESSON, 40);
    const i = out.findIndex((l) => l.startsWith('- A /16'));
    expect(out.slice(i, i + 7)).toEqual([
      '- A /16 holds 65,536 addresses; this',
      '  item is long enough to wrap onto a',
      '  second line.',
      '- A /24 holds 256.',
      '  * a nested item that is also long',
      '    enough to wrap at forty columns',
      '  * another',
    ]);
    expect(ansi(LESSON, 40).some((l) => l.includes('•') && l.includes('A /16'))).toBe(true);
  });

  it('numbers ordered lists, aligning the numbers', () => {
    expect(plain('1. one\n2. two\n')).toEqual(['1. one', '2. two']);
    const ten = plain(Array.from({ length: 10 }, (_, i) => `${i + 1}. item`).join('\n'));
    expect(ten[0]).toBe(' 1. item');
    expect(ten[9]).toBe('10. item');
    expect(plain('3. three\n4. four\n')).toEqual(['3. three', '4. four']);
  });

  it('separates the items of a loose list with blank lines', () => {
    expect(plain('- one\n\n- two\n')).toEqual(['- one', '', '- two']);
  });

  it('prefixes block quotes with a bar, wrapping inside it', () => {
    const out = plain('> AWS reserves five addresses in every subnet, which matters for small ones.', 30);
    expect(out.every((l) => l.startsWith('│ '))).toBe(true);
    expect(out.map((l) => l.slice(2)).join(' ')).toBe('AWS reserves five addresses in every subnet, which matters for small ones.');
    expect(out.every((l) => displayWidth(l) <= 30)).toBe(true);
  });

  it('draws a horizontal rule across the width', () => {
    expect(plain('a\n\n---\n\nb', 30)).toEqual(['a', '', '─'.repeat(30), '', 'b']);
  });

  it('draws tables with box drawing in colour and +-| in plain', () => {
    const md = '| a | b |\n|---|--:|\n| x | 10 |\n';
    expect(plain(md)).toEqual(['+---+----+', '| a |  b |', '+===+====+', '| x | 10 |', '+---+----+']);
    const a = ansi(md).map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));
    expect(a).toEqual(['┌───┬────┐', '│ a │  b │', '├───┼────┤', '│ x │ 10 │', '└───┴────┘']);
  });

  it('shrinks a table that does not fit, wrapping cells', () => {
    const out = renderMarkdown(LESSON, { width: 40, mode: 'plain' }).map(lineText);
    const table = out.filter((l) => /^[+|]/.test(l));
    expect(table.length).toBeGreaterThan(6);
    for (const l of table) expect(displayWidth(l)).toBe(displayWidth(table[0]));
    expect(displayWidth(table[0])).toBeLessThanOrEqual(40);
    expect(table.join('\n')).toContain('65,531');
  });

  it('has no escape codes at all in plain mode', () => {
    for (const width of [40, 80]) expect(plain(LESSON, width).join('\n')).not.toContain(ESC);
    expect(ansi(LESSON).join('\n')).toContain(ESC);
  });

  it('counts wide characters as two columns when wrapping', () => {
    const out = plain('漢字 '.repeat(30), 20);
    for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(out[0]).toBe('漢字 漢字 漢字 漢字');
  });

  it('cuts a word longer than the width rather than overflow', () => {
    const url = `https://example.com/${'a'.repeat(60)}`;
    const out = plain(url, 25);
    expect(out.join('')).toBe(url);
    for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(25);
  });

  it('honours hard line breaks', () => {
    expect(plain('one  \ntwo')).toEqual(['one', 'two']);
  });

  it('renders nothing for an empty document or only comments', () => {
    expect(plain('')).toEqual([]);
    expect(plain('<!-- a -->\n\n<!-- b -->\n')).toEqual([]);
  });

  it('gives the structured form the same text as the plain lines', () => {
    const lines = renderMarkdown(LESSON, { width: 60, mode: 'ansi' });
    expect(lines.every((l) => l.segments.every((s) => typeof s.text === 'string' && typeof s.style === 'object'))).toBe(true);
    const bold = lines.flatMap((l) => l.segments).find((s) => s.text === 'CIDR block');
    expect(bold?.style.bold).toBe(true);
  });
});
