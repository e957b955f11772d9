import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/lessons.js';
import { courseFailures } from './support/course-checks.js';

const LESSONS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'lessons');

describe('the course in lessons/', () => {
  it('loads with no problems, and every lesson is complete', () => {
    expect(courseFailures(LESSONS)).toEqual([]);
  });

  it('numbers its lessons 0, 1, 2 … with no gaps, starting with the primer', () => {
    const lessons = loadCourse(LESSONS).lessons;
    expect(lessons[0]).toMatchObject({ order: 0, id: 'networking-from-zero' });
    expect(lessons.map((l) => l.order)).toEqual(lessons.map((_, i) => i));
  });

  it('has every question answerable: choice answers in range, blocks and addresses valid', () => {
    const course = loadCourse(LESSONS);
    const questions = [...course.banks.values()].flat();
    expect(questions.length).toBeGreaterThanOrEqual(10 * course.lessons.length);
    for (const q of questions) {
      if (q.type === 'single') expect(q.answer).toBeLessThan(q.choices.length);
      if (q.type === 'multiple') for (const a of q.answer) expect(a).toBeLessThan(q.choices.length);
    }
  });
});
