import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Question } from '../../src/content/quiz/types.js';
import { QuizScreen, type QuizScreenProps } from '../../src/tui/screens/quiz-screen.js';
import { fixtureCourse, HEIGHT, WIDTH } from './support/fixtures.js';
import { frameSize, KEY, linesOf, press, textOf } from './support/ink.js';
import { renderWith } from './support/render.js';

const course = fixtureCourse();
const bank = (id: string): Question[] => course.banks.get(id)!;

function props(questions: Question[], overrides: Partial<QuizScreenProps> = {}): QuizScreenProps {
  return {
    title: 'Quiz · route-tables (lesson 2)',
    questions,
    width: WIDTH,
    height: HEIGHT,
    onAnswer: vi.fn(),
    onBack: vi.fn(),
    onHelp: vi.fn(),
    ...overrides,
  };
}

afterEach(cleanup);

describe('the quiz screen', () => {
  it('asks one question at a time with its choices and the keys', () => {
    const { lastFrame } = renderWith(<QuizScreen {...props(bank('route-tables'))} />);
    const lines = linesOf(lastFrame());
    expect(lines[0]).toMatch(/^Quiz · route-tables \(lesson 2\) +1 of 2 · 0\/0 right$/);
    expect(lines[2]).toBe('Question 1 of 2');
    expect(lines[4]).toBe('Where does a packet to another address of the same VPC go?');
    expect(lines[6]).toBe('› a) Inside the VPC, by the local route');
    expect(lines[7]).toBe('  b) To the internet gateway');
    expect(textOf(lastFrame())).toContain('Answer with a letter (a-c).');
    expect(lines[lines.length - 1]).toBe('a-z choose  Enter answer  PgUp/PgDn scroll  ? help  q back');
    expect(frameSize(lastFrame())).toEqual({ lines: 23, widest: 80 });
  });

  it('gives the verdict and explanation at once, records the answer, and ends with the score', async () => {
    const p = props(bank('route-tables'));
    const { stdin, lastFrame } = renderWith(<QuizScreen {...p} />);
    await press(stdin, 'a', KEY.enter);
    let text = textOf(lastFrame());
    expect(text).toContain('✓ a) Inside the VPC, by the local route');
    expect(text).toContain('✓ Correct.');
    expect(text).toContain('The local route covers the whole VPC range and is the most specific.');
    expect(text).toContain('Press Enter for the next question.');
    expect(p.onAnswer).toHaveBeenCalledWith({ questionId: 'tui-local-route', answer: 'Inside the VPC, by the local route', chosen: [0], correct: true, feedback: 'Correct: a) Inside the VPC, by the local route.' });

    await press(stdin, KEY.enter);
    text = textOf(lastFrame());
    expect(text).toContain('Question 2 of 2');
    expect(text).toContain('› [ ] a) A route 0.0.0.0/0 to an internet gateway');
    expect(text).toContain('Nothing ticked yet.');
    await press(stdin, 'a', 'c');
    text = textOf(lastFrame());
    expect(text).toContain('[x] a) A route');
    expect(text).toContain('[x] c) A NAT gateway in it');
    expect(text).toContain('Ticked: a, c');
    await press(stdin, KEY.enter);
    text = textOf(lastFrame());
    expect(text).toContain('✗ Incorrect. Choice c is not right; you missed b.');
    expect(text).toMatch(/✓ \[x\] a\)/);
    expect(text).toMatch(/✓ \[ \] b\)/);
    expect(text).toMatch(/✗ \[x\] c\)/);
    expect(text).toContain('Press Enter to see your score.');
    expect(p.onAnswer).toHaveBeenLastCalledWith(expect.objectContaining({ questionId: 'tui-public-subnet', chosen: [0, 2], correct: false }));

    await press(stdin, KEY.enter);
    text = textOf(lastFrame());
    expect(text).toContain('Score: 1 of 2 (50%)');
    expect(text).toContain('✓ 1. Where does a packet to another address of the same VPC go?');
    expect(text).toContain('✗ 2. What makes a subnet public? Name every right choice.');
    expect(linesOf(lastFrame())[0]).toMatch(/finished$/);
    await press(stdin, KEY.enter);
    expect(p.onBack).toHaveBeenCalledWith({ answered: 2, correct: 1, total: 2 });
  });

  it('takes typed answers in a field under the question; q is a letter there, Esc stops', async () => {
    const p = props(bank('addresses'));
    const { stdin, lastFrame } = renderWith(<QuizScreen {...p} />);
    expect(textOf(lastFrame())).toContain('Your answer › █');
    await press(stdin, '65,53q');
    expect(textOf(lastFrame())).toContain('Your answer › 65,53q█');
    expect(p.onBack).not.toHaveBeenCalled();
    await press(stdin, KEY.backspace, '6', KEY.enter);
    expect(textOf(lastFrame())).toContain('✓ Correct.');
    expect(p.onAnswer).toHaveBeenCalledWith(expect.objectContaining({ questionId: 'tui-size-16', answer: '65,536', correct: true }));
    await press(stdin, KEY.enter, '10.0.3.7/24', KEY.enter);
    expect(textOf(lastFrame())).toContain('✗ Incorrect. 10.0.3.7/24 has host bits set: it names the network 10.0.3.0/24');
    await press(stdin, KEY.escape);
    expect(p.onBack).toHaveBeenCalledWith({ answered: 2, correct: 1, total: 2 });
  });

  it('does not take an empty answer', async () => {
    const p = props(bank('addresses'));
    const { stdin, lastFrame } = renderWith(<QuizScreen {...p} />);
    await press(stdin, KEY.enter);
    expect(textOf(lastFrame())).toContain('Type your answer, then Enter.');
    expect(p.onAnswer).not.toHaveBeenCalled();
  });

  it('stops with q on a choice question, keeping the count of what was answered', async () => {
    const p = props(bank('route-tables'));
    const { stdin } = renderWith(<QuizScreen {...p} />);
    await press(stdin, 'b', KEY.enter, 'q');
    expect(p.onBack).toHaveBeenCalledWith({ answered: 1, correct: 0, total: 2 });
  });

  it('scrolls a question taller than the screen, and brings the verdict into view', async () => {
    const long: Question = {
      id: 'long',
      topic: 't',
      type: 'single',
      prompt: Array.from({ length: 30 }, (_, i) => `Line ${i + 1} of a long prompt.`).join('\n\n'),
      explanation: 'The explanation.',
      choices: ['yes', 'no'],
      answer: 0,
    };
    const { stdin, lastFrame } = renderWith(<QuizScreen {...props([long])} />);
    expect(textOf(lastFrame())).toContain('Line 1 of a long prompt.');
    await press(stdin, KEY.pageDown);
    expect(textOf(lastFrame())).not.toContain('Line 1 of a long prompt.');
    await press(stdin, 'a', KEY.enter);
    expect(textOf(lastFrame())).toContain('✓ Correct.');
    expect(textOf(lastFrame())).toContain('The explanation.');
    expect(frameSize(lastFrame()).lines).toBe(23);
  });
});
