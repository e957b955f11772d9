import type { Keys } from './input.js';

/**
 * Scrolling a column of lines through a window `height` lines tall. `offset` is the first
 * line shown; it never goes past the point where the last line sits at the bottom.
 */
export type ScrollMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

export function maxOffset(total: number, height: number): number {
  return Math.max(0, total - Math.max(1, height));
}

export function clampOffset(offset: number, total: number, height: number): number {
  return Math.min(Math.max(0, Math.floor(offset)), maxOffset(total, height));
}

/** The reading keys: ↑↓ j k, PgUp PgDn, Space b, g G, Home End. */
export function scrollMove(input: string, key: Keys): ScrollMove | undefined {
  if (key.ctrl || key.meta) return undefined;
  if (key.upArrow || input === 'k') return 'up';
  if (key.downArrow || input === 'j') return 'down';
  if (key.pageUp || input === 'b') return 'pageUp';
  if (key.pageDown || input === ' ') return 'pageDown';
  if (key.home || input === 'g') return 'top';
  if (key.end || input === 'G') return 'bottom';
  return undefined;
}

/** A page keeps one line of the previous page in view, so the eye finds its place. */
export function applyScroll(offset: number, move: ScrollMove, total: number, height: number): number {
  const page = Math.max(1, height - 1);
  const next = {
    up: offset - 1,
    down: offset + 1,
    pageUp: offset - page,
    pageDown: offset + page,
    top: 0,
    bottom: maxOffset(total, height),
  }[move];
  return clampOffset(next, total, height);
}

/** "all" when everything fits, else how far down: "0%" at the top, "100%" at the end. */
export function positionLabel(offset: number, total: number, height: number): string {
  const max = maxOffset(total, height);
  if (max === 0) return 'all';
  return `${Math.round((100 * clampOffset(offset, total, height)) / max)}%`;
}

/** The offset that keeps line `index` in view, moving as little as possible. */
export function revealOffset(offset: number, index: number, total: number, height: number): number {
  if (index < offset) return clampOffset(index, total, height);
  if (index >= offset + height) return clampOffset(index - height + 1, total, height);
  return clampOffset(offset, total, height);
}
