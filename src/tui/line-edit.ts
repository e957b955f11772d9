import { isErase, type Keys } from './input.js';

/**
 * One line of typed text (an answer, a folder, a student id), edited at its end: typing
 * and pasting add, Backspace removes a character, Ctrl-U clears, Ctrl-W removes a word.
 * Enter submits, Esc cancels.
 */
export interface LineEdit {
  readonly value: string;
  readonly action?: 'submit' | 'cancel';
}

export function editLine(value: string, input: string, key: Keys): LineEdit {
  if (key.return) return { value, action: 'submit' };
  if (key.escape) return { value, action: 'cancel' };
  if (isErase(key)) return { value: Array.from(value).slice(0, -1).join('') };
  if (key.ctrl && input === 'u') return { value: '' };
  if (key.ctrl && input === 'w') return { value: value.replace(/\S*\s*$/, '') };
  if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return { value };
  // A paste arrives as one string; line breaks and other control characters are dropped.
  const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
  return { value: value + text };
}
