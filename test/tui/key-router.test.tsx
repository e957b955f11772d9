import { Text } from 'ink';
import { cleanup } from 'ink-testing-library';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useKeys } from '../../src/tui/components/key-router.js';
import type { Keys } from '../../src/tui/input.js';
import { eventually, press, textOf } from './support/ink.js';
import { renderWith } from './support/render.js';

/** Counts j presses and Enters, or takes text, as a screen would. */
function Screen({ text = false }: { text?: boolean }) {
  const [seen, setSeen] = useState<string[]>([]);
  useKeys(
    (input: string, key: Keys) => setSeen((before) => [...before, key.return ? 'ENTER' : key.backspace || key.delete ? 'ERASE' : input]),
    { text },
  );
  return <Text>{seen.join('|') || 'nothing'}</Text>;
}

afterEach(cleanup);

describe('the key router', () => {
  it('passes keys read together one at a time, each seeing what the one before did', async () => {
    const { stdin, lastFrame } = renderWith(<Screen />);
    await press(stdin, 'jjG\r');
    await eventually(() => expect(textOf(lastFrame())).toBe('j|j|G|ENTER'));
  });

  it('passes a paste whole to a screen taking typed text', async () => {
    const { stdin, lastFrame } = renderWith(<Screen text />);
    await press(stdin, '10.0.3.0/24');
    await eventually(() => expect(textOf(lastFrame())).toBe('10.0.3.0/24'));
  });

  it('splits typed text read together with Enter and erases into text, ERASE and ENTER, in order', async () => {
    const { stdin, lastFrame } = renderWith(<Screen text />);
    await press(stdin, 'alicx\x7fe\r');
    await eventually(() => expect(textOf(lastFrame())).toBe('alicx|ERASE|e|ENTER'));
  });
});
