import type { BulkResult } from '../types.js';

/**
 * File and folder names for per-student outputs (`<out>/<name>/results.json`,
 * `<feedback>/<name>.md`). A student id is the student's, not a path: anything but letters,
 * digits and . _ @ + - becomes _, and two students never share a name, even on a file system
 * that ignores case (the second alice becomes alice-2).
 */
export function outputNames(results: readonly Pick<BulkResult, 'student'>[]): string[] {
  const taken = new Set<string>();
  return results.map((r) => {
    const base = safeName(r.student);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

export function safeName(id: string): string {
  const s = id
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._@+-]/gu, '_')
    .replace(/^\.+/, (dots) => '_'.repeat(dots.length))
    .slice(0, 100);
  return s === '' ? '_' : s;
}
