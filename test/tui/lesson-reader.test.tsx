import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LessonReader, type LessonReaderProps } from '../../src/tui/screens/lesson-reader.js';
import { fixtureCourse, HEIGHT, WIDTH } from './support/fixtures.js';
import { eventually, frameSize, KEY, linesOf, press, textOf } from './support/ink.js';
import { renderWith, SCREEN_READER } from './support/render.js';

function props(overrides: Partial<LessonReaderProps> = {}): LessonReaderProps {
  return {
    lessons: fixtureCourse().lessons,
    lessonId: 'route-tables',
    width: WIDTH,
    height: HEIGHT,
    onRead: vi.fn(),
    onQuiz: vi.fn(),
    onLab: vi.fn(),
    onBack: vi.fn(),
    onHelp: vi.fn(),
    say: vi.fn(),
    ...overrides,
  };
}

afterEach(cleanup);

describe('the lesson reader', () => {
  it('shows the lesson with its title and position, and marks it read once its end was shown', async () => {
    const p = props();
    const { stdin, lastFrame } = renderWith(<LessonReader {...p} />);
    const lines = linesOf(lastFrame());
    expect(lines[0]).toMatch(/^Lesson 2 · Route tables +2\/3 · 0%$/);
    expect(lines[2]).toBe('Lesson 2 · Route tables');
    expect(textOf(lastFrame())).toContain('You will be able to:');
    expect(lines[lines.length - 1]).toBe('↑↓ scroll  Space/b page  g/G ends  n/p lesson  t quiz  s lab  ? help  q back');
    expect(frameSize(lastFrame())).toEqual({ lines: 23, widest: 80 });
    await new Promise((r) => setTimeout(r, 50));
    expect(p.onRead).not.toHaveBeenCalled();
    await press(stdin, ' ');
    expect(p.onRead).not.toHaveBeenCalled();
    await press(stdin, 'G');
    await eventually(() => expect(p.onRead).toHaveBeenCalledWith('route-tables'));
  });

  it('scrolls by line, by page and to either end', async () => {
    const { stdin, lastFrame } = renderWith(<LessonReader {...props()} />);
    const first = linesOf(lastFrame())[2];
    await press(stdin, 'j');
    expect(linesOf(lastFrame())[2]).toBe('═══════════════════════');
    await press(stdin, 'k');
    expect(linesOf(lastFrame())[2]).toBe(first);
    await press(stdin, ' ');
    expect(linesOf(lastFrame())[0]).toMatch(/ 2\/3 · \d+%$/);
    expect(linesOf(lastFrame())[0]).not.toMatch(/ 0%$/);
    await press(stdin, KEY.pageUp);
    expect(linesOf(lastFrame())[0]).toMatch(/ 0%$/);
    await press(stdin, 'G');
    const end = textOf(lastFrame());
    expect(linesOf(lastFrame())[0]).toMatch(/ 100%$/);
    expect(end).toContain('The last line of the route tables lesson.');
    expect(end).toContain('End of lesson 2. Next: t quiz · s lab · n next lesson');
    await press(stdin, 'g');
    expect(linesOf(lastFrame())[0]).toMatch(/ 0%$/);
    expect(frameSize(lastFrame()).lines).toBe(23);
  });

  it('goes to the next and previous lesson with n and p, marking read each one shown to its end', async () => {
    const p = props();
    const { stdin, lastFrame } = renderWith(<LessonReader {...p} />);
    await press(stdin, 'G', 'n');
    expect(linesOf(lastFrame())[0]).toMatch(/^Lesson 3 · Security groups +3\/3 · all$/);
    await eventually(() => expect(p.onRead).toHaveBeenLastCalledWith('security-groups'));
    await press(stdin, 'n');
    expect(p.say).toHaveBeenLastCalledWith('This is the last lesson.');
    await press(stdin, 'p', 'p');
    expect(linesOf(lastFrame())[0]).toMatch(/^Lesson 1 · Addresses and blocks/);
    await press(stdin, 'p');
    expect(p.say).toHaveBeenLastCalledWith('This is the first lesson.');
    // route-tables (to its end with G), security-groups and addresses (each fits on one
    // screen); route-tables again opened at its top is not read a second time.
    await eventually(() => expect(p.onRead).toHaveBeenCalledTimes(3));
    expect(vi.mocked(p.onRead).mock.calls.map((c) => c[0])).toEqual(['route-tables', 'security-groups', 'addresses']);
  });

  it("takes the quiz with t, starts the lesson's lab with s, helps with ?, goes back with q", async () => {
    const p = props();
    const { stdin } = renderWith(<LessonReader {...p} />);
    await press(stdin, 't', 's', '?', 'q');
    expect(p.onQuiz).toHaveBeenCalledWith('route-tables');
    expect(p.onLab).toHaveBeenCalledWith('route-tables');
    expect(p.onHelp).toHaveBeenCalledTimes(1);
    expect(p.onBack).toHaveBeenCalledTimes(1);
  });

  it('does not offer s on a lesson without a lab', () => {
    const { lastFrame } = renderWith(<LessonReader {...props({ lessonId: 'security-groups' })} />);
    const lines = linesOf(lastFrame());
    expect(lines[lines.length - 1]).not.toContain('s lab');
    expect(textOf(lastFrame())).toContain('End of lesson 3. Next: t quiz');
  });

  it('for screen readers: plain text, no rules', () => {
    const { lastFrame } = renderWith(<LessonReader {...props()} />, SCREEN_READER);
    const lines = linesOf(lastFrame());
    expect(lines[0]).toBe('Lesson 2 · Route tables. 2/3 · 0%');
    expect(lines[1]).toBe('Lesson 2 · Route tables');
    expect(textOf(lastFrame())).toContain('- Read a route table');
    expect(lines[lines.length - 2]).toMatch(/^Keys: ↑↓ scroll, Space\/b page, /);
    expect(lines[lines.length - 1]).toMatch(/q back$/);
    expect(textOf(lastFrame())).not.toMatch(/[─│]/);
  });
});
