import { createContext, useContext } from 'react';
import { COLOUR_LOOK, type Look } from '../look.js';

/** The look (colour, rules, Markdown mode), set once at the root. */
export const LookContext = createContext<Look>(COLOUR_LOOK);

export function useLook(): Look {
  return useContext(LookContext);
}
