import { existsSync } from 'node:fs';
import { type Diagnostic, formatDiagnostic } from '../formats/diagnostics.js';
import { type LoadedSubmission, loadSubmissionPath } from '../formats/load-submission.js';
import { jsonErrorsOn, reportError, sentence } from './errors.js';
import { UsageError } from './exit-codes.js';
import { err } from './output.js';
import { sourceExcerpt } from './source-excerpt.js';
import { wrap } from './text.js';

export interface SubmissionOptions {
  param?: string[];
  region?: string;
  json?: boolean;
}

/** `--param Key=Value` (repeatable) to a record; a malformed one is a usage error. */
export function parseParams(list: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of list ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--param takes Key=Value (for example --param VpcCidr=10.0.0.0/16), not "${p}"`);
    out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}

export function loadForCommand(path: string, opts: SubmissionOptions): LoadedSubmission {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file or folder`);
  return loadSubmissionPath(path, { region: opts.region, params: parseParams(opts.param) });
}

/** Each diagnostic as a sentence, wrapped at 80 columns; an error in the text also shows its line with a caret. */
export function printDiagnostics(list: readonly Diagnostic[], stream: (s: string) => void = err): void {
  for (const d of list) {
    for (const l of wrap(sentence(formatDiagnostic(d)), 80, 4)) stream(l);
    for (const l of sourceExcerpt(d)) stream(l);
  }
}

/**
 * For commands that need a valid topology: print the errors and say how to see them all.
 * With --json, the same as one JSON error object on standard output.
 */
export function refuseInvalid(loaded: LoadedSubmission, path: string): number {
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  const message = `${path} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} first (cloudlab validate ${path} lists everything)`;
  if (jsonErrorsOn()) {
    return reportError({ code: 'invalid-template', message, details: { diagnostics: errors.map((d) => ({ ...d, text: formatDiagnostic(d) })) } });
  }
  printDiagnostics(errors);
  return reportError({ code: 'invalid-template', message });
}
