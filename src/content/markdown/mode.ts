import type { RenderMode } from './theme.js';

/**
 * Colour on a terminal; plain text when piped, when NO_COLOR is set, on a dumb terminal,
 * or when CLOUDLAB_SCREEN_READER is set (box drawing and colour get in a reader's way).
 */
export function detectMode(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): RenderMode {
  if (!stream.isTTY) return 'plain';
  if ('NO_COLOR' in env || env.TERM === 'dumb') return 'plain';
  if (env.CLOUDLAB_SCREEN_READER && env.CLOUDLAB_SCREEN_READER !== '0') return 'plain';
  return 'ansi';
}
