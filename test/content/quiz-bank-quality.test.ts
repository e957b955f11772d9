import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/lessons.js';
import type { SingleQuestion } from '../../src/content/quiz/types.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const LESSONS = join(HERE, '..', '..', 'lessons');

/** Every single-choice bank question with three or more choices, from every bank (lesson 0's included). */
function singles(): SingleQuestion[] {
  const course = loadCourse(LESSONS);
  return [...course.banks.values()].flat().filter((q): q is SingleQuestion => q.type === 'single' && q.choices.length >= 3);
}

/** How many times longer the right choice is than the longest wrong one (above 1: it is the longest). */
function lengthRatio(q: SingleQuestion): number {
  const wrong = q.choices.filter((_, i) => i !== q.answer).map((c) => c.length);
  return q.choices[q.answer].length / Math.max(...wrong);
}

describe('quiz banks give no answer away by length', () => {
  const qs = singles();

  it('has the right choice as the longest in at most 30% of single-choice questions', () => {
    expect(qs.length).toBeGreaterThan(100);
    const longest = qs.filter((q) => lengthRatio(q) > 1);
    const share = longest.length / qs.length;
    expect(share, `${longest.length} of ${qs.length}: ${longest.map((q) => q.id).join(', ')}`).toBeLessThanOrEqual(0.3);
  });

  it('has no right choice that is the longest by far (1.4 times the longest wrong one or more)', () => {
    const byFar = qs.filter((q) => lengthRatio(q) >= 1.4).map((q) => `${q.id} (${lengthRatio(q).toFixed(2)}×)`);
    expect(byFar).toEqual([]);
  });

  it('does not swing the other way: the right choice is not usually the shortest', () => {
    const shortest = qs.filter((q) => q.choices.every((c, i) => i === q.answer || c.length > q.choices[q.answer].length));
    expect(shortest.length / qs.length).toBeLessThanOrEqual(0.3);
  });
});

describe('quiz bank ids are stable', () => {
  it('keeps every question id learners may have history for, each with an explanation', () => {
    const known = readFileSync(join(HERE, 'fixtures', 'question-ids.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    const questions = [...loadCourse(LESSONS).banks.values()].flat();
    const ids = new Set(questions.map((q) => q.id));
    expect(known.filter((id) => !ids.has(id))).toEqual([]);
    expect(questions.filter((q) => q.explanation.trim() === '').map((q) => q.id)).toEqual([]);
  });
});
