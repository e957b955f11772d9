/**
 * The part of a key press the screens look at. ink's `Key` has these fields, so handlers
 * receive it as it is; tests and pure reducers build one with `keyOf`.
 */
export interface Keys {
  readonly upArrow: boolean;
  readonly downArrow: boolean;
  readonly leftArrow: boolean;
  readonly rightArrow: boolean;
  readonly pageUp: boolean;
  readonly pageDown: boolean;
  readonly home: boolean;
  readonly end: boolean;
  readonly return: boolean;
  readonly escape: boolean;
  readonly ctrl: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
  readonly tab: boolean;
  readonly backspace: boolean;
  readonly delete: boolean;
}

export const NO_KEYS: Keys = Object.freeze({
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  meta: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
});

export function keyOf(overrides: Partial<Keys> = {}): Keys {
  return { ...NO_KEYS, ...overrides };
}

/** `q` or Esc: leave the screen (or the app, from home). */
export function isBack(input: string, key: Keys): boolean {
  return key.escape || (input === 'q' && !key.ctrl && !key.meta);
}

/** Backspace, and the Delete that most terminals send for it. */
export function isErase(key: Keys): boolean {
  return key.backspace || key.delete;
}
