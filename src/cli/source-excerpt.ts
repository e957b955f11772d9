import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../formats/diagnostics.js';
import type { GradeResult } from '../grading/result.js';

/**
 * The source line a diagnostic points at, with a caret under its column, as compilers and
 * cfn-lint print it:
 *
 *        4 |      Properties:
 *          |      ^
 *
 * Read again from the file named in the diagnostic (the submission on disk); a file that can
 * no longer be read simply gets no excerpt. Control characters are shown as "?" so that no
 * byte of a submission reaches the terminal as a command.
 */
const cache = new Map<string, string[] | undefined>();

function sourceLines(file: string): string[] | undefined {
  if (!cache.has(file)) {
    let lines: string[] | undefined;
    try {
      const text = readFileSync(file, 'utf8');
      lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
    } catch {
      lines = undefined;
    }
    cache.set(file, lines);
  }
  return cache.get(file);
}

/** Excerpts are for the errors a student makes in the text; a cascade ("skipped: depends on …") points at no mistake. */
export function wantsExcerpt(d: Diagnostic): boolean {
  return d.severity === 'error' && d.file !== undefined && d.line !== undefined && d.code !== 'DependencyFailed';
}

export function sourceExcerpt(d: Diagnostic, width = 80, indent = 4): string[] {
  if (!wantsExcerpt(d) || !d.file || !d.line) return [];
  const raw = sourceLines(d.file)?.[d.line - 1];
  if (raw === undefined) return [];
  // A tab counts as one column in the diagnostic's position, so it becomes one space here.
  let text = raw.replace(/\t/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  let col = Math.max(1, d.column ?? 1);
  const gutter = `${' '.repeat(indent)}${d.line} | `;
  const room = Math.max(20, width - gutter.length);
  if (text.length > room) {
    // Long lines are shown as a window around the column, with "…" where text is left out.
    const start = Math.max(0, Math.min(col - 1 - Math.floor(room / 2), text.length - (room - 1)));
    let end = start + room - (start > 0 ? 1 : 0);
    if (end < text.length) end -= 1; // room for the "…" at the end
    text = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
    col = col - start + (start > 0 ? 1 : 0);
  }
  const blank = `${' '.repeat(indent)}${' '.repeat(String(d.line).length)} | `;
  return [`${gutter}${text}`.trimEnd(), `${blank}${' '.repeat(col - 1)}^`];
}

/** `check` of a template that does not load: the source lines of its first errors, before the score. */
export function withExcerpts(lines: string[], result: GradeResult): string[] {
  if (result.status === 'graded') return lines;
  const shown = result.diagnostics.filter(wantsExcerpt).slice(0, 3);
  const excerpts = shown.flatMap((d) => ['', `  ${d.file}:${d.line}${d.column ? `:${d.column}` : ''}`, ...sourceExcerpt(d)]);
  if (excerpts.length === 0) return lines;
  const score = lines.length - 2;
  return [...lines.slice(0, score), ...excerpts, ...lines.slice(score)];
}
