import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findLesson, lessonMarkdown, loadCourse } from '../../src/content/lessons.js';
import { emptyProgress, markLessonRead } from '../../src/content/progress.js';
import { coursePath, describeNext } from '../../src/tui/course-path.js';

const LESSONS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'lessons');
const NOW = new Date('2030-01-10T12:00:00Z');

describe('lesson 0 in the real course', () => {
  const course = loadCourse(LESSONS);

  it('is found by number and by id, and read as "Lesson 0"', () => {
    const zero = findLesson(course, '0');
    expect(zero?.id).toBe('networking-from-zero');
    expect(findLesson(course, 'networking-from-zero')?.order).toBe(0);
    expect(lessonMarkdown(zero!).split('\n')[0]).toBe('# Lesson 0 · Networking from zero');
  });

  it('has its own bank of at least ten questions, each with an explanation', () => {
    const questions = course.banks.get('networking-from-zero') ?? [];
    expect(questions.length).toBeGreaterThanOrEqual(10);
    for (const q of questions) expect(q.explanation.trim().length).toBeGreaterThan(20);
  });

  it('comes first on the course path, and its quiz is suggested once it is read', () => {
    const fresh = coursePath(course, emptyProgress(), [], NOW);
    expect(fresh.rows[0].lesson.order).toBe(0);
    expect(describeNext(fresh.next)).toBe('read lesson 0, Networking from zero (Enter)');
    const read = markLessonRead(emptyProgress(), 'networking-from-zero', NOW);
    const after = coursePath(course, read, [], NOW);
    expect(after.next).toMatchObject({ kind: 'quiz', lesson: { id: 'networking-from-zero' } });
  });
});
