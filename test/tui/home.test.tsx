import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { markLessonRead, recordLabResult, recordQuizAnswer } from '../../src/content/progress.js';
import { Home, type HomeProps } from '../../src/tui/screens/home.js';
import { fixtureCourse, fixtureLabs, freshProgress, HEIGHT, WIDTH } from './support/fixtures.js';
import { frameSize, KEY, linesOf, press, textOf } from './support/ink.js';
import { renderWith, SCREEN_READER } from './support/render.js';

const NOW = new Date('2030-01-10T12:00:00Z');

function props(overrides: Partial<HomeProps> = {}): HomeProps {
  return {
    course: fixtureCourse(),
    progress: freshProgress(),
    labs: fixtureLabs(),
    width: WIDTH,
    height: HEIGHT,
    now: NOW,
    onOpen: vi.fn(),
    onQuiz: vi.fn(),
    onReview: vi.fn(),
    onLab: vi.fn(),
    onLabs: vi.fn(),
    onHelp: vi.fn(),
    onQuit: vi.fn(),
    ...overrides,
  };
}

afterEach(cleanup);

describe('the home screen', () => {
  it('shows the course path, the next step and the keys, in exactly 80×23', () => {
    const { lastFrame } = renderWith(<Home {...props()} />);
    const lines = linesOf(lastFrame());
    expect(lines[0]).toMatch(/^cloudlab · Cloud networking course +0\/3 lessons read$/);
    expect(lines[1]).toBe('─'.repeat(80));
    expect(lines[2]).toBe('Next › read lesson 1, Addresses and blocks (Enter)');
    expect(lines[4]).toMatch(/^ +# +Lesson +Quiz +Lab$/);
    expect(lines[5]).toMatch(/^› {4}1 {2}Addresses and blocks · next +– +n\/a$/);
    expect(lines[6]).toMatch(/^ {5}2 {2}Route tables +– +–$/);
    expect(lines[7]).toMatch(/^ {5}3 {2}Security groups$/);
    expect(lines[lines.length - 3]).toBe('0 of 3 lessons read');
    expect(lines[lines.length - 1]).toBe('Enter read  t quiz  r review  c cidr  p trace  s lab  l labs  ? help  q quit');
    expect(frameSize(lastFrame())).toEqual({ lines: 23, widest: 80 });
  });

  it('marks lessons read with ✓, shows quiz accuracy and the best lab score', () => {
    const p = freshProgress();
    markLessonRead(p, 'addresses', NOW);
    recordQuizAnswer(p, 'tui-size-16', { correct: true, answer: '65536' }, NOW);
    recordQuizAnswer(p, 'tui-network-of', { correct: false, answer: 'x' }, NOW);
    recordLabResult(p, 'public-web', { score: 1, max: 4, passed: [] }, NOW);
    const text = textOf(renderWith(<Home {...props({ progress: p })} />).lastFrame());
    expect(text).toMatch(/ {2}✓ {2}1 {2}Addresses and blocks +1\/2 \(50%\) +n\/a/);
    expect(text).toMatch(/› {4}2 {2}Route tables · next +– +1\/4/);
    expect(text).toContain('Next › read lesson 2, Route tables (Enter)');
    expect(text).toContain('1 of 3 lessons read · quiz answers right: 1/2 (50%)');
  });

  it('moves with ↑↓ j k and opens, quizzes, starts the lab of the lesson under the cursor', async () => {
    const p = props();
    const { stdin, lastFrame } = renderWith(<Home {...p} />);
    await press(stdin, 'j');
    expect(textOf(lastFrame())).toMatch(/› {4}2 {2}Route tables/);
    await press(stdin, KEY.enter, 't', 's');
    expect(p.onOpen).toHaveBeenCalledWith('route-tables');
    expect(p.onQuiz).toHaveBeenCalledWith('route-tables');
    expect(p.onLab).toHaveBeenCalledWith('route-tables');
    await press(stdin, KEY.down, KEY.down, 'k');
    expect(textOf(lastFrame())).toMatch(/› {4}2 {2}Route tables/);
    await press(stdin, 'G');
    expect(textOf(lastFrame())).toMatch(/› {4}3 {2}Security groups/);
    await press(stdin, 'r', 'l', '?', 'q');
    expect(p.onReview).toHaveBeenCalledTimes(1);
    expect(p.onLabs).toHaveBeenCalledTimes(1);
    expect(p.onHelp).toHaveBeenCalledTimes(1);
    expect(p.onQuit).toHaveBeenCalledTimes(1);
  });

  it('quits with Esc too, and ignores keys while another screen is on top', async () => {
    const p = props({ active: false });
    const { stdin } = renderWith(<Home {...p} />);
    await press(stdin, 'q', KEY.enter);
    expect(p.onQuit).not.toHaveBeenCalled();
    expect(p.onOpen).not.toHaveBeenCalled();
    const q = props();
    await press(renderWith(<Home {...q} />).stdin, KEY.escape);
    expect(q.onQuit).toHaveBeenCalledTimes(1);
  });

  it('scrolls a long course so the cursor stays in view and the footer stays at the bottom', async () => {
    const { stdin, lastFrame } = renderWith(<Home {...props({ height: 14 })} />);
    expect(frameSize(lastFrame()).lines).toBe(14);
    await press(stdin, 'G');
    const lines = linesOf(lastFrame());
    expect(lines.some((l) => /^› {4}3 {2}Security groups/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toContain('q quit');
    expect(frameSize(lastFrame()).lines).toBe(14);
  });

  it('shows a status message instead of the summary', () => {
    const text = textOf(renderWith(<Home {...props({ status: 'This lesson has no quiz questions yet.' })} />).lastFrame());
    expect(text).toContain('This lesson has no quiz questions yet.');
    expect(text).not.toContain('0 of 3 lessons read');
  });

  it('for screen readers: no rules, one sentence per lesson, keys as a list', () => {
    const { lastFrame } = renderWith(<Home {...props()} />, SCREEN_READER);
    const text = textOf(lastFrame());
    expect(text).not.toMatch(/[─│┌└├]/);
    expect(text).toContain('cloudlab · Cloud networking course. 0/3 lessons read');
    expect(text).toContain('Next › read lesson 1, Addresses and blocks (Enter)');
    expect(text).toContain('› 1. Addresses and blocks: not read, quiz not tried, no lab yet');
    expect(text).toContain('  2. Route tables: not read, quiz not tried, lab not tried');
    expect(text).toContain('  3. Security groups: not read');
    expect(text).toContain('Keys: Enter read, t quiz, r review, c cidr, p trace');
    expect(frameSize(lastFrame()).lines).toBe(23);
  });

  it('for screen readers: a row too long for the width is wrapped, never cut with "…"', () => {
    const { lastFrame } = renderWith(<Home {...props({ width: 40 })} />, SCREEN_READER);
    const text = textOf(lastFrame());
    expect(text).not.toContain('…');
    expect(text).toMatch(/› 1\. Addresses and blocks: not read,\n {2}quiz not tried, no lab yet/);
    expect(frameSize(lastFrame()).lines).toBe(23);
  });

  it('has an empty state', () => {
    const text = textOf(renderWith(<Home {...props({ course: { lessons: [], banks: new Map(), problems: [] } })} />).lastFrame());
    expect(text).toContain('Next › there are no lessons yet');
    expect(text).toContain('No lessons are installed.');
  });
});
