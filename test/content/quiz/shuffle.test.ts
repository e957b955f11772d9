import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/content/lessons.js';
import { checkAnswer } from '../../../src/content/quiz/check.js';
import { shuffleChoices } from '../../../src/content/quiz/shuffle.js';
import { choiceLetter, type Question } from '../../../src/content/quiz/types.js';

const LESSONS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'lessons');
const base = { id: 'q', topic: 't', prompt: 'p', explanation: 'e' };
const single: Question = { ...base, type: 'single', choices: ['w', 'x', 'y', 'z'], answer: 2 };

describe('shuffleChoices', () => {
  it('moves the answer with its choice and keeps each choice\'s place in the bank', () => {
    for (const seed of ['1', '2', '3', '4', '5']) {
      const s = shuffleChoices(single, seed);
      if (s.type !== 'single') throw new Error('type');
      expect(s.choices[s.answer]).toBe('y');
      expect([...s.choices].sort()).toEqual(['w', 'x', 'y', 'z']);
      s.choiceOrder!.forEach((bank, shown) => expect(s.choices[shown]).toBe(single.choices[bank]));
    }
  });

  it('is the same for the same seed and differs between attempts', () => {
    expect(shuffleChoices(single, 'a')).toEqual(shuffleChoices(single, 'a'));
    const orders = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => (shuffleChoices(single, seed) as { choices: readonly string[] }).choices.join()));
    expect(orders.size).toBeGreaterThan(2);
  });

  it('leaves ordered choices and typed questions alone, and never shuffles twice', () => {
    const ordered: Question = { ...single, ordered: true };
    expect(shuffleChoices(ordered, 'x')).toBe(ordered);
    const numeric: Question = { ...base, type: 'numeric', answer: 1, tolerance: 0 };
    expect(shuffleChoices(numeric, 'x')).toBe(numeric);
    const once = shuffleChoices(single, 'x');
    expect(shuffleChoices(once, 'y')).toBe(once);
  });

  it('spreads the right answers of every bank over all positions', () => {
    const qs = [...loadCourse(LESSONS).banks.values()].flat().filter((q) => q.type === 'single' && q.choices.length === 4);
    const at = [0, 0, 0, 0];
    for (const q of qs) {
      const s = shuffleChoices(q, 'spread');
      if (s.type === 'single') at[s.answer]++;
      expect(checkAnswer(s, choiceLetter((s as { answer: number }).answer)).correct).toBe(true);
    }
    for (const n of at) expect(n / qs.length).toBeGreaterThan(0.15);
  });
});
