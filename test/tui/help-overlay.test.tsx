import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HelpOverlay } from '../../src/tui/screens/help-overlay.js';
import { HEIGHT, WIDTH } from './support/fixtures.js';
import { frameSize, KEY, linesOf, press, textOf } from './support/ink.js';
import { renderWith } from './support/render.js';

afterEach(cleanup);

describe('the help overlay', () => {
  it('lists the keys of every screen, scrolling, in 80×23', async () => {
    const { stdin, lastFrame } = renderWith(<HelpOverlay width={WIDTH} height={HEIGHT} onClose={vi.fn()} />);
    expect(linesOf(lastFrame())[0]).toMatch(/^Keys +0%$/);
    expect(textOf(lastFrame())).toContain('Course (home)');
    expect(textOf(lastFrame())).toMatch(/ {2}Enter {17}read the lesson/);
    expect(linesOf(lastFrame()).pop()).toBe('↑↓ scroll  ? close');
    expect(frameSize(lastFrame())).toEqual({ lines: 23, widest: 80 });
    await press(stdin, 'G');
    const end = textOf(lastFrame());
    expect(linesOf(lastFrame())[0]).toMatch(/100%$/);
    expect(end).toContain('Typing a value');
    expect(end).toContain('Ctrl-U  Ctrl-W');
  });

  it('closes with ?, q or Esc', async () => {
    for (const key of ['?', 'q', KEY.escape]) {
      const onClose = vi.fn();
      const { stdin } = renderWith(<HelpOverlay width={WIDTH} height={HEIGHT} onClose={onClose} />);
      await press(stdin, key);
      expect(onClose).toHaveBeenCalledTimes(1);
      cleanup();
    }
  });
});
