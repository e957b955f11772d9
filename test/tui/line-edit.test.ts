import { describe, expect, it } from 'vitest';
import { keyOf } from '../../src/tui/input.js';
import { editLine } from '../../src/tui/line-edit.js';

describe('editing a typed line', () => {
  it('adds what is typed or pasted, without line breaks or control characters', () => {
    expect(editLine('10.0', '.', keyOf())).toEqual({ value: '10.0.' });
    expect(editLine('', '10.0.0.0/16\r\n', keyOf())).toEqual({ value: '10.0.0.0/16' });
    expect(editLine('a', '\u0007b', keyOf())).toEqual({ value: 'ab' });
  });

  it('removes the last character with Backspace, and with the Delete most terminals send for it', () => {
    expect(editLine('10.0', '', keyOf({ backspace: true }))).toEqual({ value: '10.' });
    expect(editLine('10.0', '', keyOf({ delete: true }))).toEqual({ value: '10.' });
    expect(editLine('', '', keyOf({ backspace: true }))).toEqual({ value: '' });
    expect(editLine('ab😀', '', keyOf({ backspace: true }))).toEqual({ value: 'ab' });
  });

  it('clears the line with Ctrl-U and removes the last word with Ctrl-W', () => {
    expect(editLine('my/folder', 'u', keyOf({ ctrl: true }))).toEqual({ value: '' });
    expect(editLine('one two ', 'w', keyOf({ ctrl: true }))).toEqual({ value: 'one ' });
    expect(editLine('one two', 'w', keyOf({ ctrl: true }))).toEqual({ value: 'one ' });
  });

  it('submits on Enter and cancels on Esc, keeping the value', () => {
    expect(editLine('s1', '\r', keyOf({ return: true }))).toEqual({ value: 's1', action: 'submit' });
    expect(editLine('s1', '', keyOf({ escape: true }))).toEqual({ value: 's1', action: 'cancel' });
  });

  it('ignores arrows, Tab and other control chords', () => {
    for (const key of [{ upArrow: true }, { leftArrow: true }, { tab: true }, { ctrl: true }, { meta: true }]) {
      expect(editLine('x', key.ctrl || key.meta ? 'a' : '', keyOf(key))).toEqual({ value: 'x' });
    }
  });
});
