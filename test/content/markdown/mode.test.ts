import { describe, expect, it } from 'vitest';
import { detectMode } from '../../../src/content/markdown/mode.js';
import { defaultWidth } from '../../../src/content/markdown/render.js';

describe('detectMode', () => {
  it('colours only a terminal without NO_COLOR, a dumb TERM or screen-reader mode', () => {
    const tty = { isTTY: true };
    expect(detectMode(tty, {})).toBe('ansi');
    expect(detectMode({ isTTY: false }, {})).toBe('plain');
    expect(detectMode(tty, { NO_COLOR: '' })).toBe('plain');
    expect(detectMode(tty, { TERM: 'dumb' })).toBe('plain');
    expect(detectMode(tty, { CLOUDLAB_SCREEN_READER: '1' })).toBe('plain');
    expect(detectMode(tty, { CLOUDLAB_SCREEN_READER: '0' })).toBe('ansi');
  });
});

describe('defaultWidth', () => {
  it("is the terminal's width, else 80", () => {
    expect(defaultWidth({ isTTY: true, columns: 120 })).toBe(120);
    expect(defaultWidth({ isTTY: false, columns: 120 })).toBe(80);
    expect(defaultWidth({ isTTY: true })).toBe(80);
  });
});
