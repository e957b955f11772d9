import { displayWidth } from '../../../src/content/markdown/width.js';

/** Bytes a terminal sends for the keys the app uses, and a way to send them to ink. */
export const KEY = {
  up: '\u001b[A',
  down: '\u001b[B',
  pageUp: '\u001b[5~',
  pageDown: '\u001b[6~',
  enter: '\r',
  escape: '\u001b',
  backspace: '\u007f',
  ctrlU: '\u0015',
} as const;

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Stdin {
  write(data: string): void;
  listenerCount(event: string): number;
}

/**
 * React draws ink's updates in scheduler tasks (setImmediate), a slice at a time: letting
 * a run of them go by lets the last key's update be drawn before the next key is read.
 */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  await tick(2);
}

/**
 * Sends keys one at a time, each once ink has drawn the last, as a person types. ink reads
 * keys only once it listens (after its first draw). A lone Esc is held by ink for a moment
 * (it may start a sequence), so it gets a pause.
 */
export async function press(stdin: Stdin, ...keys: string[]): Promise<void> {
  const end = Date.now() + 2000;
  while (stdin.listenerCount('readable') === 0) {
    if (Date.now() > end) throw new Error('ink never started reading the keyboard');
    await tick(5);
  }
  await settle();
  for (const k of keys) {
    stdin.write(k);
    if (k === KEY.escape) await tick(30);
    await settle();
  }
}

/** Waits until `check` passes (ink draws after timers), or fails with its last error. */
export async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await tick(20);
    }
  }
}

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The frame as plain text lines (no colour codes). */
export function linesOf(frame: string | undefined): string[] {
  return (frame ?? '').replace(ANSI, '').split('\n');
}

export function textOf(frame: string | undefined): string {
  return linesOf(frame).join('\n');
}

/** Every line of the frame fits `width` columns, and there are exactly `height` of them. */
export function frameSize(frame: string | undefined): { lines: number; widest: number } {
  const lines = linesOf(frame);
  if (lines[lines.length - 1] === '') lines.pop();
  return { lines: lines.length, widest: Math.max(0, ...lines.map((l) => displayWidth(l))) };
}
