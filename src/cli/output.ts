import { jsonText, terminalSafe } from '../formats/safe-text.js';

/**
 * Printing helpers shared by the commands. Text goes through terminalSafe, so that no
 * escape sequence from a submission reaches the terminal even where a printer forgot
 * `printable`; JSON escapes the controls JSON.stringify leaves raw (DEL, C1, bidi).
 */
export function out(text = ''): void {
  process.stdout.write(terminalSafe(text.endsWith('\n') ? text : `${text}\n`));
}

export function err(text: string): void {
  process.stderr.write(terminalSafe(text.endsWith('\n') ? text : `${text}\n`));
}

export function outJson(value: unknown): void {
  process.stdout.write(`${jsonText(value)}\n`);
}

/** Colour only on a terminal and when NO_COLOR is unset. */
export function useColour(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}
