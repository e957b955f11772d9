import { describe, expect, it } from 'vitest';
import { markLessonRead, recordLabResult, recordQuizAnswer } from '../../src/content/progress.js';
import { coursePath, describeNext, labCell, nextLessonId, quizCell } from '../../src/tui/course-path.js';
import { fixtureCourse, fixtureLabs, freshProgress } from './support/fixtures.js';

const NOW = new Date('2030-01-10T12:00:00Z');
const course = fixtureCourse();
const labs = fixtureLabs();

describe('the course path on the home screen', () => {
  it('lists every lesson in order and suggests reading the first before anything is done', () => {
    const path = coursePath(course, freshProgress(), labs, NOW);
    expect(path.rows.map((r) => r.lesson.id)).toEqual(['addresses', 'route-tables', 'security-groups']);
    expect(path.read).toBe(0);
    expect(path.next).toMatchObject({ kind: 'read', lesson: { id: 'addresses' } });
    expect(describeNext(path.next)).toBe('read lesson 1, Addresses and blocks (Enter)');
    expect(nextLessonId(path.next)).toBe('addresses');
  });

  it('shows quiz accuracy, "–" before any answer, and nothing for a lesson without questions', () => {
    const p = freshProgress();
    recordQuizAnswer(p, 'tui-size-16', { correct: true, answer: '65536' }, NOW);
    recordQuizAnswer(p, 'tui-network-of', { correct: false, answer: '10.0.3.7/24' }, NOW);
    const rows = coursePath(course, p, labs, NOW).rows;
    expect(quizCell(rows[0])).toBe('1/2 (50%)');
    expect(quizCell(rows[1])).toBe('–');
    expect(quizCell(rows[2])).toBe('');
  });

  it('shows a lab that is not installed as n/a, and the best score of one that is', () => {
    const p = freshProgress();
    let rows = coursePath(course, p, labs, NOW).rows;
    expect(labCell(rows[0])).toBe('n/a');
    expect(labCell(rows[1])).toBe('–');
    expect(labCell(rows[2])).toBe('');
    recordLabResult(p, 'public-web', { score: 1, max: 4, passed: ['one-vpc'] }, NOW);
    rows = coursePath(course, p, labs, NOW).rows;
    expect(labCell(rows[1])).toBe('1/4');
    recordLabResult(p, 'public-web', { score: 4, max: 4, passed: ['one-vpc', 'web-from-internet'] }, NOW);
    rows = coursePath(course, p, labs, NOW).rows;
    expect(labCell(rows[1])).toBe('4/4 ✓');
  });

  it('suggests, in course order: read, then the quiz, then the lab, then the next lesson', () => {
    const p = freshProgress();
    markLessonRead(p, 'addresses', NOW);
    expect(coursePath(course, p, labs, NOW).next).toMatchObject({ kind: 'quiz', lesson: { id: 'addresses' } });
    recordQuizAnswer(p, 'tui-size-16', { correct: true, answer: '65536' }, NOW);
    // lesson 1's lab is not installed, so the path goes on to lesson 2
    expect(coursePath(course, p, labs, NOW).next).toMatchObject({ kind: 'read', lesson: { id: 'route-tables' } });
    markLessonRead(p, 'route-tables', NOW);
    recordQuizAnswer(p, 'tui-local-route', { correct: true, answer: 'a' }, NOW);
    const lab = coursePath(course, p, labs, NOW).next;
    expect(lab).toMatchObject({ kind: 'lab', lab: { id: 'public-web' } });
    expect(describeNext(lab)).toBe('lab A public web server (s)');
    recordLabResult(p, 'public-web', { score: 4, max: 4, passed: [] }, NOW);
    expect(coursePath(course, p, labs, NOW).next).toMatchObject({ kind: 'read', lesson: { id: 'security-groups' } });
  });

  it('suggests a review when everything is done and answers are due, else says it is all done', () => {
    const p = freshProgress();
    for (const id of ['addresses', 'route-tables', 'security-groups']) markLessonRead(p, id, NOW);
    recordQuizAnswer(p, 'tui-size-16', { correct: false, answer: '1' }, NOW);
    recordQuizAnswer(p, 'tui-local-route', { correct: true, answer: 'a' }, NOW);
    recordLabResult(p, 'public-web', { score: 4, max: 4, passed: [] }, NOW);
    const later = new Date(NOW.getTime() + 60 * 86_400_000);
    const review = coursePath(course, p, labs, later);
    expect(review.next).toEqual({ kind: 'review', due: 2 });
    expect(describeNext(review.next)).toBe('review 2 questions due (r)');
    const soon = coursePath(course, p, labs, NOW);
    expect(soon.next).toEqual({ kind: 'done' });
  });

  it('has an empty state', () => {
    const path = coursePath({ lessons: [], banks: new Map(), problems: [] }, freshProgress(), [], NOW);
    expect(path.next).toEqual({ kind: 'empty' });
    expect(describeNext(path.next)).toBe('there are no lessons yet');
  });
});
