import type { ReactElement } from 'react';
import { render } from 'ink-testing-library';
import { KeyRouter } from '../../../src/tui/components/key-router.js';
import { LookContext } from '../../../src/tui/components/look-context.js';
import { COLOUR_LOOK, type Look } from '../../../src/tui/look.js';

export const SCREEN_READER: Look = { colour: false, boxes: false, mode: 'plain' };

/** Renders a screen with a look (colour by default) and the key router, as the app does. */
export function renderWith(node: ReactElement, look: Look = COLOUR_LOOK): ReturnType<typeof render> {
  return render(
    <LookContext.Provider value={look}>
      <KeyRouter>{node}</KeyRouter>
    </LookContext.Provider>,
  );
}
