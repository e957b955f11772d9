import fs from 'node:fs';
import path from 'node:path';
import type { BulkFlag } from './types.js';
import type { Roster } from './roster.js';
import { entryName } from './entry-names.js';

/**
 * The submissions of a folder. Every entry is one submission: a file, or a folder holding a
 * multi-file submission. Names starting with a dot (.DS_Store, .git) are ignored. Entries are
 * examined with lstat, so a symbolic link is seen as a link and never followed.
 *
 * The student id is the entry's name without its extension (for files), trimmed; a roster,
 * when given, maps names to ids instead.
 */
export type EntryKind = 'file' | 'folder' | 'symlink' | 'other';

export interface SubmissionEntry {
  /** The entry's name in the folder, as shown (see entry-names.ts). */
  name: string;
  /** The name's bytes when they are not UTF-8: what opens the entry. */
  raw?: Uint8Array;
  kind: EntryKind;
  student: string;
  flags: BulkFlag[];
}

export interface Listing {
  entries: SubmissionEntry[];
  /** Roster names that match no entry of the folder. */
  missingFromFolder: string[];
}

/** Code-unit order: the same on every machine and in every locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function stemOf(name: string, kind: EntryKind): string {
  if (kind === 'folder') return name;
  const ext = path.extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

export function defaultStudentId(name: string, kind: EntryKind): string {
  const id = stemOf(name, kind).trim();
  return id === '' ? name.trim() || name : id;
}

/**
 * Lists the submissions of `folder`, sorted by name. `exclude` holds absolute paths that are
 * not submissions even when they sit in the folder (the roster, an output file).
 */
export function listSubmissions(folder: string, opts: { roster?: Roster; exclude?: readonly string[] } = {}): Listing {
  const excluded = new Set((opts.exclude ?? []).map((p) => path.resolve(p)));
  const names = fs
    .readdirSync(folder, { encoding: 'buffer' })
    .map(entryName)
    .filter((n) => !n.shown.startsWith('.') && !excluded.has(path.resolve(folder, n.shown)))
    .sort((a, b) => compareNames(a.shown, b.shown) || Buffer.compare(Buffer.from(a.raw ?? []), Buffer.from(b.raw ?? [])));
  const byName = new Map<string, { student: string; used: boolean }>();
  for (const e of opts.roster?.entries ?? []) byName.set(e.submission, { student: e.student, used: false });
  const entries = names.map(({ shown: name, raw }): SubmissionEntry => {
    const kind = kindOf(entryPath(folder, { name, raw }));
    const bytes = raw ? { raw } : {};
    if (!opts.roster) return { name, ...bytes, kind, student: defaultStudentId(name, kind), flags: [] };
    const match = byName.get(name) ?? byName.get(stemOf(name, kind));
    if (!match) return { name, ...bytes, kind, student: defaultStudentId(name, kind), flags: ['not-in-roster'] };
    match.used = true;
    return { name, ...bytes, kind, student: match.student, flags: [] };
  });
  const missingFromFolder = (opts.roster?.entries ?? []).filter((e) => !byName.get(e.submission)!.used).map((e) => e.submission);
  return { entries, missingFromFolder };
}

/** The path that opens an entry: a string, or bytes when its name is not UTF-8. */
export function entryPath(folder: string, entry: Pick<SubmissionEntry, 'name' | 'raw'>): string | Buffer {
  if (!entry.raw) return path.join(folder, entry.name);
  return Buffer.concat([Buffer.from(path.resolve(folder) + path.sep), Buffer.from(entry.raw)]);
}

function kindOf(full: string | Buffer): EntryKind {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(full);
  } catch {
    return 'other';
  }
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'folder';
  return 'other';
}
