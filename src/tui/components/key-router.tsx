import { useInput } from 'ink';
import { createContext, useCallback, useContext, useRef, type ReactNode } from 'react';
import { keyOf, type Keys } from '../input.js';

/**
 * One keyboard listener for the whole app, passing each key to the screen on top.
 *
 * With a listener per screen, ink subscribes a screen only after it is drawn (in an
 * effect), so a key typed right after a screen opens or comes back could be lost. Here the
 * screen on top claims the keys while it renders, so the next key always reaches it.
 *
 * ink hands over several keys read at once (a slow link, keys sent by a program) as one
 * string, like a paste. Unless the screen is taking typed text, they are passed on one at
 * a time, each after the screen has drawn the one before.
 */
type Handler = (input: string, key: Keys) => void;

interface Target {
  handler: Handler;
  /** The screen is taking typed text: a paste goes to it whole. */
  text: boolean;
}

const RouterContext = createContext<{ current: Target | undefined } | undefined>(undefined);

const TYPED = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]+$/;

export function KeyRouter({ children }: { children: ReactNode }) {
  const target = useRef<Target | undefined>(undefined);
  const route = useCallback((input: string, key: Keys) => {
    const t = target.current;
    // Ctrl-C ends the app (app.tsx); no screen sees it as the letter c.
    if (!t || (key.ctrl && input === 'c')) return;
    const chars = Array.from(input);
    // Typed text read at once with control keys in it ("alice⏎", two erases): the runs of
    // text whole, each Enter and erase as its own key, in order.
    if (t.text && chars.length > 1 && !key.ctrl && !key.meta && /[\r\n\x7f\b]/.test(input)) {
      const steps: [string, Keys][] = [];
      let run = '';
      for (const c of chars) {
        if (c === '\r' || c === '\n' || c === '\x7f' || c === '\b') {
          if (run) steps.push([run, keyOf()]);
          run = '';
          steps.push(c === '\r' || c === '\n' ? ['\r', keyOf({ return: true })] : ['', keyOf({ backspace: true })]);
        } else run += c;
      }
      if (run) steps.push([run, keyOf()]);
      const next = (i: number): void => {
        target.current?.handler(steps[i][0], steps[i][1]);
        if (i + 1 < steps.length) setTimeout(() => next(i + 1), 1);
      };
      next(0);
      return;
    }
    if (t.text || chars.length <= 1 || key.ctrl || key.meta || !TYPED.test(input)) {
      t.handler(input, key);
      return;
    }
    const one = (i: number): void => {
      const c = chars[i];
      const enter = c === '\r' || c === '\n';
      target.current?.handler(enter ? '\r' : c, enter ? keyOf({ return: true }) : keyOf({ shift: /[A-Z]/.test(c) }));
      if (i + 1 < chars.length) setTimeout(() => one(i + 1), 1);
    };
    one(0);
  }, []);
  useInput(route);
  return <RouterContext.Provider value={target}>{children}</RouterContext.Provider>;
}

export interface KeyOptions {
  /** Only the screen on top gets keys. */
  readonly active?: boolean;
  /** The screen is taking typed text (an answer, a path): pastes arrive whole. */
  readonly text?: boolean;
}

/** The keys of a screen; inside a KeyRouter, else with its own listener. */
export function useKeys(handler: Handler, options: KeyOptions = {}): void {
  const { active = true, text = false } = options;
  const router = useContext(RouterContext);
  if (router && active) router.current = { handler, text };
  const latest = useRef(handler);
  latest.current = handler;
  const own = useCallback((input: string, key: Keys) => latest.current(input, key), []);
  useInput(own, { isActive: active && router === undefined });
}
