import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seg, toPlain } from '../../../src/content/markdown/segments.js';
import { columnWidths, renderTable } from '../../../src/content/markdown/table.js';
import { displayWidth } from '../../../src/content/markdown/width.js';

const cells = (rows: string[][]) => rows.map((r) => r.map((t) => [seg(t)]));

describe('columnWidths', () => {
  it('keeps natural widths when they fit', () => {
    expect(columnWidths(cells([['abc', 'de'], ['a', 'defgh']]), 20)).toEqual([3, 5]);
  });

  it('takes room from the widest column first, down to its longest word', () => {
    const rows = cells([['id', 'a long description of the thing that goes on and on']]);
    expect(columnWidths(rows, 30)).toEqual([2, 28]);
    expect(columnWidths(rows, 13)).toEqual([2, 11]);
    expect(columnWidths(rows, 12)).toEqual([2, 10]);
  });

  it('cuts below the longest word only when nothing else fits', () => {
    expect(columnWidths(cells([['abcdefgh', 'abcdefgh']]), 10)).toEqual([5, 5]);
  });
});

describe('renderTable', () => {
  it('fits any table into the width whenever each column can have one column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ minLength: 0, maxLength: 30 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 20, max: 100 }),
        fc.constantFrom('ansi' as const, 'plain' as const),
        fc.constantFrom('box' as const, 'none' as const),
        (rows, width, mode, frame) => {
          const lines = renderTable({ rows: cells(rows), headerRows: 1, width, mode, frame }).map(toPlain);
          for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
        },
      ),
    );
  });

  it('wraps cells and separates wrapped rows', () => {
    const lines = renderTable({
      rows: cells([['n', 'text'], ['1', 'one two three four'], ['2', 'x']]),
      headerRows: 1,
      width: 16,
      mode: 'plain',
    }).map(toPlain);
    expect(lines).toEqual([
      '+---+----------+',
      '| n | text     |',
      '+===+==========+',
      '| 1 | one two  |',
      '|   | three    |',
      '|   | four     |',
      '+---+----------+',
      '| 2 | x        |',
      '+---+----------+',
    ]);
  });

  it('aligns right and centre', () => {
    const lines = renderTable({
      rows: cells([['left', 'right', 'centre'], ['a', 'b', 'c']]),
      headerRows: 1,
      align: ['left', 'right', 'center'],
      width: 80,
      mode: 'plain',
    }).map(toPlain);
    expect(lines[3]).toBe('| a    |     b |   c    |');
  });

  it('lays out a borderless listing with an underlined header', () => {
    const lines = renderTable({
      rows: cells([['#', 'Lesson'], ['1', 'what-is-the-cloud'], ['2', 'routes']]),
      headerRows: 1,
      width: 80,
      mode: 'plain',
      frame: 'none',
    }).map(toPlain);
    expect(lines).toEqual(['#  Lesson', '-  -----------------', '1  what-is-the-cloud', '2  routes']);
  });

  it('breaks long hyphenated ids after a hyphen', () => {
    const lines = renderTable({
      rows: cells([['route-tables-and-internet-gateways']]),
      headerRows: 0,
      width: 24,
      mode: 'plain',
      frame: 'none',
    }).map(toPlain);
    expect(lines).toEqual(['route-tables-and-', 'internet-gateways']);
  });
});
