import { jsonText, terminalSafe } from '../formats/safe-text.js';
import { PREFIX, sentence } from './errors.js';

/**
 * Printing helpers shared by the commands. Text goes through terminalSafe, so that no
 * escape sequence from a submission reaches the terminal even where a printer forgot
 * `printable`; JSON escapes the controls JSON.stringify leaves raw (DEL, C1, bidi).
 */
export function out(text = ''): void {
  process.stdout.write(terminalSafe(text.endsWith('\n') ? text : `${text}\n`));
}

/** A "cloudlab: …" message gets its full stop here, so every command's messages end alike. */
export function err(text: string): void {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const whole = body.startsWith(PREFIX) && !body.includes('\n') ? sentence(body) : body;
  process.stderr.write(terminalSafe(`${whole}\n`));
}

export function outJson(value: unknown): void {
  process.stdout.write(`${jsonText(value)}\n`);
}

/** Colour only on a terminal and when NO_COLOR is unset. */
export function useColour(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

const GREEN = '\u001b[32m';
const RED = '\u001b[31m';
const DEFAULT = '\u001b[39m';

/** ✓ in green and ✗ in red, on a terminal without NO_COLOR; the text unchanged otherwise. */
export function paintMarks(text: string, on: boolean = useColour()): string {
  if (!on) return text;
  return text.replace(/✓/g, `${GREEN}✓${DEFAULT}`).replace(/✗/g, `${RED}✗${DEFAULT}`);
}
