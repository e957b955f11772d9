import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/quiz/types.js';
import { keyOf } from '../../src/tui/input.js';
import { quizLines } from '../../src/tui/quiz-lines.js';
import { quizKey, startQuiz, type QuizSession } from '../../src/tui/quiz-session.js';

const prompt = 'Which route sends the traffic of a private subnet to the internet through a NAT gateway in a public subnet of the same zone?';
const question: Question = { id: 'q-long', topic: 't', type: 'single', prompt, explanation: 'Because.', choices: ['0.0.0.0/0 to the NAT gateway', 'none'], answer: 0 };

/** A finished quiz: one question answered right, the score on screen. */
function finished(): QuizSession {
  let s = startQuiz([question]);
  for (const [input, key] of [['a', keyOf()], ['\r', keyOf({ return: true })], ['\r', keyOf({ return: true })]] as const) s = quizKey(s, input, key).session;
  return s;
}

const texts = (lines: ReturnType<typeof quizLines>['lines']): string[] => lines.map((l) => l.segments.map((x) => x.text).join(''));

describe('the quiz score lines', () => {
  it('cut a long prompt with "…" to one line when boxes are drawn', () => {
    const shown = texts(quizLines(finished(), 40, 'plain', true).lines).filter((t) => t.startsWith('✓ 1.'));
    expect(shown).toHaveLength(1);
    expect(shown[0].endsWith('…')).toBe(true);
  });

  it('for screen readers wrap the whole prompt over several lines, nothing cut', () => {
    const all = texts(quizLines(finished(), 40, 'plain', false).lines);
    expect(all.join('\n')).not.toContain('…');
    const start = all.findIndex((t) => t.startsWith('✓ 1.'));
    const words = all.slice(start).join(' ').replace(/\s+/g, ' ');
    expect(words).toContain(prompt.split(' ').slice(-6).join(' '));
    expect(all.every((t) => t.length <= 40)).toBe(true);
  });
});
