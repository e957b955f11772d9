import { useInput } from 'ink';
import { createContext, useCallback, useContext, useRef, type ReactNode } from 'react';
import type { Keys } from '../input.js';

/**
 * One keyboard listener for the whole app, passing each key to the screen on top.
 *
 * With a listener per screen, ink subscribes a screen only after it is drawn (in an
 * effect), so a key typed right after a screen opens or comes back could be lost. Here the
 * screen on top claims the keys while it renders, so the next key always reaches it.
 */
type Handler = (input: string, key: Keys) => void;

const RouterContext = createContext<{ current: Handler | undefined } | undefined>(undefined);

export function KeyRouter({ children }: { children: ReactNode }) {
  const target = useRef<Handler | undefined>(undefined);
  const route = useCallback((input: string, key: Keys) => target.current?.(input, key), []);
  useInput(route);
  return <RouterContext.Provider value={target}>{children}</RouterContext.Provider>;
}

/** The keys of a screen, while `active`; inside a KeyRouter, else with its own listener. */
export function useKeys(handler: Handler, active = true): void {
  const router = useContext(RouterContext);
  if (router && active) router.current = handler;
  const latest = useRef(handler);
  latest.current = handler;
  const own = useCallback((input: string, key: Keys) => latest.current(input, key), []);
  useInput(own, { isActive: active && router === undefined });
}
