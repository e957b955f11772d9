import { jsonText, terminalSafe } from '../formats/safe-text.js';
import { EXIT_INVALID } from './exit-codes.js';

/**
 * How every command reports an error it refuses to go on with. Text: one line on standard
 * error, "cloudlab: <sentence>." With --json: one JSON object on standard output,
 *
 *   {"error": {"code": "unknown-option", "message": "unknown option '--prot'. Did you mean --protocol?", "exitCode": 2}}
 *
 * plus `diagnostics` (the template's errors) when a template did not load. The exit code is
 * the same either way: 2 for input the command cannot use.
 */
export const PREFIX = 'cloudlab: ';

export interface ErrorReport {
  readonly code: string;
  readonly message: string;
  readonly exitCode?: number;
  readonly details?: Record<string, unknown>;
}

let jsonErrors = false;

/** Set by main when the command line asks for --json, so errors come as JSON too. */
export function setJsonErrors(on: boolean): void {
  jsonErrors = on;
}

export function jsonErrorsOn(): boolean {
  return jsonErrors;
}

/** Ends the text with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  const t = text.trimEnd();
  if (t === '' || /[.?!:]$/.test(t) || /[.?!]["')]$/.test(t)) return t;
  return `${t}.`;
}

export function errorJson(e: ErrorReport): string {
  const error = { code: e.code, message: sentence(e.message), exitCode: e.exitCode ?? EXIT_INVALID, ...(e.details ?? {}) };
  return `${jsonText({ error })}\n`;
}

/** Prints the error as text or JSON (when --json is on) and returns its exit code. */
export function reportError(e: ErrorReport): number {
  if (jsonErrors) process.stdout.write(errorJson(e));
  else process.stderr.write(terminalSafe(`${PREFIX}${sentence(e.message)}\n`));
  return e.exitCode ?? EXIT_INVALID;
}

/**
 * commander's own messages ("error: unknown option '--prot'\n(Did you mean --protocol?)")
 * in cloudlab's words: the prefix, sentences, and where to read more.
 */
export function fromCommander(raw: string, code: string, commandPath: string): ErrorReport {
  const lines = raw
    .replace(/^error:\s*/i, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const [first = 'the command line is not valid', ...rest] = lines;
  const hint = rest.map((l) => sentence(l.replace(/^\((.*)\)$/, '$1'))).join(' ');
  const help = `See ${commandPath} --help.`;
  return {
    code: code.replace(/^commander\./, '').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase(),
    message: [sentence(first), hint, help].filter(Boolean).join(' '),
  };
}
