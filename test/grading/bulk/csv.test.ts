import { describe, expect, it } from 'vitest';
import { csvField, csvLine, CsvSyntaxError, parseCsv } from '../../../src/grading/bulk/csv.js';

describe('csvField', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvField('alice')).toBe('alice');
    expect(csvField(7.5)).toBe('7.5');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps a student-chosen name from running as a spreadsheet formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField('-2')).toBe("'-2");
  });

  it('joins a line ending in LF', () => {
    expect(csvLine(['a', 1, 'b c'])).toBe('a,1,b c\n');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF, a BOM and blank lines', () => {
    const rows = parseCsv('\ufeffsubmission,student\r\n"alice, jr.yaml","s""1"\r\n\r\nbob.yaml,s2\n');
    expect(rows).toEqual([
      { line: 1, fields: ['submission', 'student'] },
      { line: 2, fields: ['alice, jr.yaml', 's"1'] },
      { line: 4, fields: ['bob.yaml', 's2'] },
    ]);
  });

  it('keeps line breaks inside quotes and counts lines right after them', () => {
    const rows = parseCsv('a,b\n"x\ny",z\nlast,row');
    expect(rows[1]).toEqual({ line: 2, fields: ['x\ny', 'z'] });
    expect(rows[2]).toEqual({ line: 4, fields: ['last', 'row'] });
  });

  it('names the line of a quote that never closes', () => {
    expect(() => parseCsv('a,b\nc,"open\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\nc,"open\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
  });

  it('refuses a quote in the middle of a field and text after a closing quote', () => {
    expect(() => parseCsv('ab"c,d')).toThrow(/middle of an unquoted field/);
    expect(() => parseCsv('"ab"c,d')).toThrow(/after a closing quote/);
  });

  it('round-trips what csvLine writes', () => {
    const values = ['a,b', 'say "hi"', 'x\ny', 'plain'];
    expect(parseCsv(csvLine(values))[0].fields).toEqual(values);
  });
});
