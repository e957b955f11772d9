import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/content/lessons.js';
import { emptyProgress, markLessonRead, recordQuizAnswer } from '../../../src/content/progress.js';
import { kindOf } from '../../../src/content/quiz/generate.js';
import { planQuiz, resolveTopic, TopicError } from '../../../src/content/quiz/plan.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'content', 'course');
const course = loadCourse(FIXTURE);
const T0 = new Date('2026-03-01T09:00:00Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);

describe('resolveTopic', () => {
  it('takes a lesson id, a lesson number, or cidr', () => {
    const p = emptyProgress();
    expect(resolveTopic(course, 'routes', p)).toMatchObject({ kind: 'lesson', lesson: { id: 'routes' } });
    expect(resolveTopic(course, '1', p)).toMatchObject({ kind: 'lesson', lesson: { id: 'addresses' } });
    expect(resolveTopic(course, 'CIDR', p)).toEqual({ kind: 'generated' });
  });

  it('without a topic: the lessons read, else the first lesson', () => {
    const p = emptyProgress();
    expect(resolveTopic(course, undefined, p)).toMatchObject({ kind: 'lesson', lesson: { id: 'addresses' } });
    markLessonRead(p, 'routes', T0);
    expect(resolveTopic(course, undefined, p)).toMatchObject({ kind: 'review', lessons: [{ id: 'routes' }] });
  });

  it('refuses an unknown topic, suggesting the nearest and listing all', () => {
    expect(() => resolveTopic(course, 'rotues', emptyProgress())).toThrow(TopicError);
    expect(() => resolveTopic(course, 'rotues', emptyProgress())).toThrow(
      'unknown quiz topic "rotues"; did you mean "routes"? Choose a lesson id or number, cidr for generated subnetting questions, or trace for generated "which hop drops it" questions: 1 addresses, 2 routes, cidr, trace',
    );
    expect(resolveTopic(course, 'trace', emptyProgress())).toEqual({ kind: 'trace' });
    expect(() => resolveTopic(course, '9', emptyProgress())).toThrow(/unknown quiz topic "9"/);
  });
});

describe('planQuiz', () => {
  it('asks count questions of the lesson, the same for the same seed', () => {
    const p = emptyProgress();
    const topic = resolveTopic(course, 'addresses', p);
    const a = planQuiz(course, p, topic, { count: 4, seed: '7', now: T0 });
    expect(a).toHaveLength(4);
    expect(a.every((q) => q.topic === 'addresses')).toBe(true);
    expect(planQuiz(course, p, topic, { count: 4, seed: '7', now: T0 })).toEqual(a);
  });

  it('brings a missed question back first once it is due', () => {
    const p = emptyProgress();
    const topic = resolveTopic(course, 'addresses', p);
    const first = planQuiz(course, p, topic, { count: 10, seed: '1', now: T0 });
    first.forEach((q, i) => recordQuizAnswer(p, q.id, { correct: i !== 6, answer: 'x' }, T0));
    const next = planQuiz(course, p, topic, { count: 3, seed: '2', now: later(15 * 60_000) });
    expect(next[0].id).toBe(first[6].id);
  });

  it('in cram mode asks every question of the topic, the missed one first', () => {
    const p = emptyProgress();
    const topic = resolveTopic(course, 'routes', p);
    recordQuizAnswer(p, 'route-q4', { correct: false, answer: 'b' }, T0);
    recordQuizAnswer(p, 'route-q2', { correct: true, answer: 'a' }, T0);
    const all = planQuiz(course, p, topic, { count: 3, seed: '1', cram: true, now: T0 });
    expect(all).toHaveLength(10);
    expect(all[0].id).toBe('route-q4');
    expect(all[9].id).toBe('route-q2');
  });

  it('reviews across the lessons read when there is no topic', () => {
    const p = emptyProgress();
    markLessonRead(p, 'addresses', T0);
    markLessonRead(p, 'routes', T0);
    const qs = planQuiz(course, p, resolveTopic(course, undefined, p), { count: 20, seed: '3', now: T0 });
    expect(new Set(qs.map((q) => q.topic))).toEqual(new Set(['addresses', 'routes']));
  });

  it('generates cidr questions, the kind last missed first', () => {
    const p = emptyProgress();
    const topic = resolveTopic(course, 'cidr', p);
    const qs = planQuiz(course, p, topic, { count: 10, seed: '9', now: T0 });
    expect(qs).toHaveLength(10);
    expect(new Set(qs.map((q) => kindOf(q.id))).size).toBe(10);
    for (const q of qs) recordQuizAnswer(p, q.id, { correct: kindOf(q.id) !== 'netmask', answer: 'x' }, T0);
    const again = planQuiz(course, p, topic, { count: 2, seed: '10', now: later(5 * 60_000) });
    expect(kindOf(again[0].id)).toBe('netmask');
    expect(again[0].id).toBe('gen-netmask-10-0');
  });
});
