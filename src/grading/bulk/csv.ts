import { printable } from '../../formats/safe-text.js';

/**
 * CSV as RFC 4180 describes it: fields quoted when they hold a comma, a quote or a line
 * break, quotes doubled inside. Lines end with LF.
 */

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula; student-chosen text such as a file name must never do that, so such a cell gets a
 * leading apostrophe, which spreadsheets show as plain text.
 */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  // A cell may hold a line break, but no control a terminal showing the file would act on.
  const text = printable(defuse(value), { lines: true });
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | undefined)[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

export interface CsvRow {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Parses CSV text (a byte-order mark, CRLF or LF, quoted fields); blank lines are skipped. */
export function parseCsv(text: string): CsvRow[] {
  const src = text.replace(/^\ufeff/, '');
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let afterQuote = false;
  const endField = () => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  const endRow = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: start, fields });
    fields = [];
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field !== '' || afterQuote) throw new CsvSyntaxError('a quote in the middle of an unquoted field; quote the whole field and double the quotes inside ("a ""b""")', line);
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      start = line;
    } else {
      if (afterQuote) throw new CsvSyntaxError('text after a closing quote; a quoted field ends at its closing quote', line);
      field += c;
    }
  }
  if (quoted) throw new CsvSyntaxError('a quoted field is never closed', quoteLine);
  if (field !== '' || fields.length > 0 || afterQuote) endRow();
  return rows;
}
