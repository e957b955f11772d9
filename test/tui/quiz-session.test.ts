import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/content/quiz/check.js';
import type { Question } from '../../src/content/quiz/types.js';
import { keyOf, type Keys } from '../../src/tui/input.js';
import { currentQuestion, isTyping, quizKey, score, startQuiz, type QuizSession, type QuizStep } from '../../src/tui/quiz-session.js';

const single: Question = { id: 'q-single', topic: 't', type: 'single', prompt: 'Pick', explanation: 'Because.', choices: ['one', 'two', 'three'], answer: 1 };
const multiple: Question = { id: 'q-multi', topic: 't', type: 'multiple', prompt: 'Pick all', explanation: 'Both.', choices: ['x', 'y', 'z'], answer: [0, 2] };
const cidr: Question = { id: 'q-cidr', topic: 't', type: 'cidr', prompt: 'Block?', explanation: 'Zero the host bits.', answer: '10.0.3.0/24' };
const numeric: Question = { id: 'q-num', topic: 't', type: 'numeric', prompt: 'How many?', explanation: '2^16.', answer: 65536, tolerance: 0 };

const ENTER = keyOf({ return: true });
const ESC = keyOf({ escape: true });

/** Feeds keys ("a", "\r" for Enter, "ESC", "BS"), returning every step. */
function run(s: QuizSession, keys: string[]): QuizStep[] {
  const steps: QuizStep[] = [];
  let session = s;
  for (const k of keys) {
    const [input, key]: [string, Keys] =
      k === '\r' ? ['\r', ENTER] : k === 'ESC' ? ['', ESC] : k === 'BS' ? ['', keyOf({ delete: true })] : k === 'DOWN' ? ['', keyOf({ downArrow: true })] : [k, keyOf()];
    const step = quizKey(session, input, key);
    steps.push(step);
    session = step.session;
  }
  return steps;
}

const last = (steps: QuizStep[]): QuizSession => steps[steps.length - 1].session;

describe('the quiz as a state machine', () => {
  it('chooses with a letter and answers with Enter, checked like `cloudlab quiz`', () => {
    const steps = run(startQuiz([single]), ['c', 'b', '\r']);
    expect(steps[0].session.cursor).toBe(2);
    expect(steps[2].answered).toEqual({ questionId: 'q-single', answer: 'two', chosen: [1], correct: true, feedback: checkAnswer(single, 'b').feedback });
    expect(last(steps).phase).toBe('feedback');
    expect(steps.filter((s) => s.answered)).toHaveLength(1);
  });

  it('answers the highlighted choice when Enter comes without a letter', () => {
    const steps = run(startQuiz([single]), ['DOWN', 'DOWN', '\r']);
    expect(steps[2].answered).toMatchObject({ answer: 'three', chosen: [2], correct: false });
    expect(steps[2].answered!.feedback).toContain('The answer is b) two');
  });

  it('toggles several choices with letters and Space, and needs at least one', () => {
    const none = run(startQuiz([multiple]), ['\r']);
    expect(none[0].answered).toBeUndefined();
    expect(none[0].session.notice).toMatch(/Tick every right choice/);
    const steps = run(startQuiz([multiple]), ['a', 'b', 'b', 'DOWN', 'DOWN', ' ', '\r']);
    expect(steps[5].session.picked).toEqual([0, 2]);
    expect(steps[6].answered).toMatchObject({ answer: 'x; z', chosen: [0, 2], correct: true });
  });

  it('takes typed answers: letters are text, Backspace erases, a blank answer is not taken', () => {
    const start = startQuiz([cidr]);
    expect(isTyping(start)).toBe(true);
    const blank = run(start, ['\r']);
    expect(blank[0].answered).toBeUndefined();
    expect(blank[0].session.notice).toBe('Type your answer, then Enter.');
    const steps = run(start, ['10.0.3.7/2', 'BS', '24', 'q', 'BS', '\r']);
    expect(steps[3].leave).toBeUndefined();
    expect(steps[3].session.typed).toBe('10.0.3.7/24q');
    const verdict = steps[5].answered!;
    expect(verdict.answer).toBe('10.0.3.7/24');
    expect(verdict.correct).toBe(false);
    expect(verdict.feedback).toContain('has host bits set');
  });

  it('asks again, with the message of the command, when the text is no answer at all', () => {
    const steps = run(startQuiz([numeric]), ['lots', '\r', 'BS', 'BS', 'BS', 'BS', '65536', '\r']);
    expect(steps[1].answered).toBeUndefined();
    expect(steps[1].session.phase).toBe('asking');
    expect(steps[1].session.notice).toBe('"lots" is not a number. Answer with digits, such as 4096 or 4,096.');
    expect(steps[steps.length - 1].answered).toMatchObject({ correct: true, answer: '65536' });
  });

  it('accepts numbers as the command does (thousands separators)', () => {
    const steps = run(startQuiz([numeric]), ['65,536', '\r']);
    expect(steps[1].answered).toMatchObject({ correct: true, answer: '65,536' });
  });

  it('goes on with Enter after the verdict, and ends with the score', () => {
    const steps = run(startQuiz([single, cidr]), ['b', '\r', '\r', '10.0.3.0/24', '\r', '\r']);
    expect(steps[2].session.index).toBe(1);
    expect(steps[2].session.phase).toBe('asking');
    expect(steps[2].session.typed).toBe('');
    const done = last(steps);
    expect(done.phase).toBe('done');
    expect(currentQuestion(done)).toBeUndefined();
    expect(score(done)).toEqual({ correct: 2, answered: 2 });
    expect(quizKey(done, '\r', ENTER).leave).toBe(true);
  });

  it('leaves with q on a choice question and with Esc while typing; asks for help with ?', () => {
    expect(run(startQuiz([single]), ['q'])[0].leave).toBe(true);
    expect(run(startQuiz([cidr]), ['ESC'])[0].leave).toBe(true);
    expect(run(startQuiz([single]), ['?'])[0].help).toBe(true);
    expect(run(startQuiz([cidr]), ['?'])[0].help).toBeUndefined();
    expect(run(startQuiz([single]), ['b', '\r', 'q'])[2].leave).toBe(true);
  });

  it('is done at once with no questions', () => {
    expect(startQuiz([]).phase).toBe('done');
  });
});
