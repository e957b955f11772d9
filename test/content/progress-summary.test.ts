import { describe, expect, it } from 'vitest';
import {
  formatAccuracy,
  generatedStats,
  labSummaries,
  lastCorrectByKey,
  quizStats,
} from '../../src/content/progress-summary.js';
import { emptyProgress, recordLabResult, recordQuizAnswer } from '../../src/content/progress.js';

const T0 = new Date('2026-05-01T00:00:00Z');
const later = new Date('2026-05-03T00:00:00Z');

describe('progress summaries', () => {
  it('count attempts, right answers, questions asked and cards due', () => {
    const p = emptyProgress();
    recordQuizAnswer(p, 'a', { correct: false, answer: '1' }, T0);
    recordQuizAnswer(p, 'a', { correct: true, answer: '2' }, T0);
    recordQuizAnswer(p, 'b', { correct: true, answer: '3' }, T0);
    expect(quizStats(p, ['a', 'b', 'c'], T0)).toEqual({ attempts: 3, correct: 2, asked: 2, due: 0 });
    expect(quizStats(p, ['a', 'b', 'c'], later).due).toBe(2);
    expect(formatAccuracy(quizStats(p, ['a', 'b'], T0))).toBe('2/3 (67%)');
    expect(formatAccuracy(quizStats(p, ['c'], T0))).toBe('–');
  });

  it('count generated practice by kind for due reviews', () => {
    const p = emptyProgress();
    recordQuizAnswer(p, 'gen-size-1-0', { correct: true, answer: '1' }, T0);
    recordQuizAnswer(p, 'gen-size-2-0', { correct: false, answer: '1' }, T0);
    recordQuizAnswer(p, 'gen-netmask-1-1', { correct: true, answer: '1' }, T0);
    expect(generatedStats(p, later)).toEqual({ attempts: 3, correct: 2, asked: 3, due: 2 });
    expect(lastCorrectByKey(p).get('gen-size')).toBe(false);
  });

  it("pick each lab's best result by share of points", () => {
    const p = emptyProgress();
    recordLabResult(p, 'peering', { score: 3, max: 4, passed: [] }, T0);
    recordLabResult(p, 'peering', { score: 6, max: 10, passed: [] }, later);
    recordLabResult(p, 'bastion', { score: 0, max: 0, passed: [] }, T0);
    expect(labSummaries(p).map((l) => [l.lab, l.best.score, l.best.max, l.attempts])).toEqual([
      ['bastion', 0, 0, 1],
      ['peering', 3, 4, 2],
    ]);
  });
});
