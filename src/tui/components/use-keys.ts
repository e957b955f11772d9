import { useInput } from 'ink';
import { useCallback, useRef } from 'react';
import type { Keys } from '../input.js';

/**
 * ink's useInput with a handler that always sees the latest render. Several keys can
 * arrive in one read (an arrow after a letter); ink re-renders between them, but would
 * call the handler of the render before. The ref is updated during render, so the second
 * key sees the state the first one made.
 */
export function useKeys(handler: (input: string, key: Keys) => void, active = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback((input: string, key: Keys) => latest.current(input, key), []);
  useInput(stable, { isActive: active });
}
