import { detectMode } from '../content/markdown/mode.js';
import type { RenderMode } from '../content/markdown/theme.js';

/**
 * How the app draws. `colour`: ink colours (off with NO_COLOR, TERM=dumb and for screen
 * readers); `boxes`: rules and tree lines (off for screen readers, which read them out);
 * `mode`: the Markdown renderer's mode. Never colour alone: markers ✓ ✗ › carry meaning.
 */
export interface Look {
  readonly colour: boolean;
  readonly boxes: boolean;
  readonly mode: RenderMode;
}

export const COLOUR_LOOK: Look = Object.freeze({ colour: true, boxes: true, mode: 'ansi' });

export function screenReaderWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.CLOUDLAB_SCREEN_READER) && env.CLOUDLAB_SCREEN_READER !== '0';
}

/** The look for a terminal with this environment (the app only runs on a terminal). */
export function detectLook(env: NodeJS.ProcessEnv = process.env): Look {
  const mode = detectMode({ isTTY: true }, env);
  const reader = screenReaderWanted(env);
  return { colour: mode === 'ansi', boxes: !reader, mode };
}
