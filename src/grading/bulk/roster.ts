import fs from 'node:fs';
import { CsvSyntaxError, parseCsv } from './csv.js';

/**
 * A roster maps submission names (as they appear in the folder) to student ids. It is a CSV
 * file with a header row naming the columns `submission` and `student` (in any order, other
 * columns ignored). A name may be given with or without its extension: `alice_attempt2.yaml`
 * and `alice_attempt2` both match the file alice_attempt2.yaml.
 */
export interface Roster {
  file: string;
  entries: RosterEntry[];
}

export interface RosterEntry {
  submission: string;
  student: string;
  line: number;
}

export class RosterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RosterError';
  }
}

/** A roster is a short list of names; anything this large is the wrong file. */
const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

export function readRoster(file: string): Roster {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new RosterError(`${file}: no such roster file`);
  }
  if (!st.isFile()) throw new RosterError(`${file}: the roster must be a CSV file, not a folder`);
  if (st.size > MAX_ROSTER_BYTES) throw new RosterError(`${file}: the roster is ${Math.round(st.size / 1024 / 1024)} MB; a roster of names is far smaller — is it the right file?`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new RosterError(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let text: string;
  try {
    if (bytes.includes(0)) throw new Error('NUL');
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RosterError(`${file}: the roster is not UTF-8 text; save it as "CSV UTF-8"`);
  }
  return parseRoster(text, file);
}

export function parseRoster(text: string, file: string): Roster {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new RosterError(`${file}:${e.line}: ${e.message}`);
    throw e;
  }
  if (rows.length === 0) throw new RosterError(`${file}: the roster is empty; it needs a header row "submission,student" and one row per submission`);
  const header = rows[0].fields.map((h) => h.trim().toLowerCase());
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) {
      throw new RosterError(
        `${file}:${rows[0].line}: the header row has no "${name}" column; the roster's first row names the columns submission,student (found: ${rows[0].fields.join(',') || 'nothing'})`,
      );
    }
    return i;
  };
  const si = col('submission');
  const ti = col('student');
  const entries: RosterEntry[] = [];
  const seen = new Map<string, number>();
  for (const row of rows.slice(1)) {
    if (row.fields.every((f) => f.trim() === '')) continue;
    const submission = (row.fields[si] ?? '').trim();
    const student = (row.fields[ti] ?? '').trim();
    if (submission === '') throw new RosterError(`${file}:${row.line}: the submission column is empty; give the file or folder name of the submission`);
    if (student === '') throw new RosterError(`${file}:${row.line}: the student column is empty for ${submission}; give the student's id`);
    const first = seen.get(submission);
    if (first !== undefined) throw new RosterError(`${file}:${row.line}: ${submission} is already listed on line ${first}; list each submission once`);
    seen.set(submission, row.line);
    entries.push({ submission, student, line: row.line });
  }
  return { file, entries };
}
