import { describe, expect, it } from 'vitest';
import { lineText, lineWidth } from '../../../src/content/markdown/segments.js';
import { answerHint, presentQuestion } from '../../../src/content/quiz/present.js';
import type { Question } from '../../../src/content/quiz/types.js';

const q: Question = {
  id: 'q',
  topic: 't',
  type: 'single',
  prompt: 'Which **route** wins for `10.0.1.9` when both match?',
  choices: ['The local route 10.0.0.0/16, because its prefix is the longest one here', '0.0.0.0/0'],
  answer: 0,
  explanation: 'e',
};

describe('presentQuestion', () => {
  it('shows the position, the prompt, lettered choices with a hanging indent, and how to answer', () => {
    const lines = presentQuestion(q, 2, 5, 40, 'plain').map(lineText);
    expect(lines).toEqual([
      'Question 2 of 5',
      'Which route wins for `10.0.1.9` when',
      'both match?',
      '',
      '  a) The local route 10.0.0.0/16,',
      '     because its prefix is the longest',
      '     one here',
      '  b) 0.0.0.0/0',
      'Answer with a letter (a-b).',
    ]);
    for (const l of presentQuestion(q, 2, 5, 40, 'ansi')) expect(lineWidth(l)).toBeLessThanOrEqual(40);
  });

  it('says how to answer each type', () => {
    const base = { id: 'x', topic: 't', prompt: 'p', explanation: 'e' };
    expect(answerHint({ ...base, type: 'multiple', choices: ['a', 'b'], answer: [0] })).toBe('Name every right choice, such as "a, c".');
    expect(answerHint({ ...base, type: 'numeric', answer: 1, tolerance: 0 })).toBe('Answer with a number.');
    expect(answerHint({ ...base, type: 'cidr', answer: '10.0.0.0/8' })).toBe('Answer with a block, such as 10.0.0.0/16.');
    expect(answerHint({ ...base, type: 'address', answer: '10.0.0.1' })).toBe('Answer with one address, such as 10.0.1.5.');
  });
});
