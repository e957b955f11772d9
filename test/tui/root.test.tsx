import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyProgress, type Progress } from '../../src/content/progress.js';
import type { ProgressEdit, Recorder } from '../../src/tui/recorder.js';
import { Root, type RootProps } from '../../src/tui/screens/root.js';
import { fixtureCourse, fixtureLabs, HEIGHT, LABS_DIR, tempDir, WIDTH } from './support/fixtures.js';
import { eventually, frameSize, KEY, linesOf, press, textOf } from './support/ink.js';
import { renderWith } from './support/render.js';

const NOW = new Date('2030-01-10T12:00:00Z');

/** Applies every saved change to its own copy, as the progress file would hold it. */
function fileLike(): Recorder & { saved: Progress; consequences: string[] } {
  const saved = emptyProgress();
  const consequences: string[] = [];
  return {
    saved,
    consequences,
    save(edit: ProgressEdit, consequence: string) {
      edit(saved);
      consequences.push(consequence);
      return undefined;
    },
  };
}

function props(overrides: Partial<RootProps> = {}): RootProps {
  return {
    course: fixtureCourse(),
    labs: fixtureLabs(),
    labProblems: [],
    labsDir: LABS_DIR,
    progress: emptyProgress(),
    recorder: fileLike(),
    cwd: tempDir(),
    size: { width: WIDTH, height: HEIGHT },
    now: () => NOW,
    seed: () => 'fixed',
    onQuit: vi.fn(),
    ...overrides,
  };
}

const title = (frame: string | undefined): string => linesOf(frame)[0];

afterEach(cleanup);

describe('the app', () => {
  it('walks home → lesson (marked read) → back → home shows ✓', async () => {
    const recorder = fileLike();
    const { stdin, lastFrame } = renderWith(<Root {...props({ recorder })} />);
    expect(title(lastFrame())).toMatch(/^cloudlab · Cloud networking course/);
    await press(stdin, KEY.enter);
    expect(title(lastFrame())).toMatch(/^Lesson 1 · Addresses and blocks/);
    await eventually(() => expect(recorder.saved.lessons.addresses?.firstRead).toBe(NOW.toISOString()));
    await press(stdin, 'q');
    expect(textOf(lastFrame())).toMatch(/› ✓ {2}1 {2}Addresses and blocks/);
    expect(textOf(lastFrame())).toContain('Next › take the quiz of lesson 1, Addresses and blocks (t)');
  });

  it('takes a quiz from a lesson, records each answer with its FSRS card, and reports the score', async () => {
    const recorder = fileLike();
    const { stdin, lastFrame } = renderWith(<Root {...props({ recorder })} />);
    await press(stdin, 'j', KEY.enter, 't');
    expect(title(lastFrame())).toMatch(/^Quiz · route-tables \(lesson 2\) +1 of 2/);
    // both questions of the lesson take a letter: answer "a" to whichever comes first, then stop
    await press(stdin, 'a', KEY.enter);
    expect(textOf(lastFrame())).toMatch(/[✓✗] (Correct|Incorrect)\./);
    const ids = Object.keys(recorder.saved.quiz.history);
    expect(ids).toHaveLength(1);
    expect(recorder.saved.quiz.history[ids[0]][0]).toMatchObject({ at: NOW.toISOString(), chosen: [expect.any(Number)] });
    expect(recorder.saved.quiz.cards[ids[0]].reps).toBe(1);
    await press(stdin, 'q');
    expect(title(lastFrame())).toMatch(/^Lesson 2 · Route tables/);
    expect(textOf(lastFrame())).toMatch(/Quiz stopped after 1 of 2: \d right \(\d+%\)\. Your answers are recorded\./);
    await press(stdin, 'q');
    expect(textOf(lastFrame())).toMatch(/2 {2}Route tables.*\d\/1 \(\d+%\)/);
  });

  it('says why when a lesson has no quiz or no lab, or its lab is not installed', async () => {
    const { stdin, lastFrame } = renderWith(<Root {...props()} />);
    await press(stdin, 'G', 't');
    expect(textOf(lastFrame())).toContain('This lesson has no quiz questions yet.');
    await press(stdin, 's');
    expect(textOf(lastFrame())).toContain('This lesson has no lab.');
    await press(stdin, 'g', 's');
    expect(textOf(lastFrame())).toContain('The lab address-plan is not installed yet.');
    expect(title(lastFrame())).toMatch(/^cloudlab/);
  });

  it('opens a lab from the list, asks the student id once per session, and records a check', async () => {
    const recorder = fileLike();
    const cwd = tempDir();
    const { stdin, lastFrame } = renderWith(<Root {...props({ recorder, cwd })} />);
    await press(stdin, 'l');
    expect(title(lastFrame())).toMatch(/^Labs/);
    await press(stdin, KEY.enter);
    expect(textOf(lastFrame())).toContain('Student id › █');
    await press(stdin, 's9', KEY.enter, 'w', KEY.enter, 'c');
    await eventually(() => expect(textOf(lastFrame())).toContain('Score 1/4'));
    expect(recorder.saved.labs['public-web']).toEqual([{ at: NOW.toISOString(), student: 's9', score: 1, max: 4, passed: ['one-vpc'] }]);
    await press(stdin, 'q', 'q', 'q');
    expect(title(lastFrame())).toMatch(/^cloudlab/);
    expect(textOf(lastFrame())).toMatch(/2 {2}Route tables +– +1\/4/);
    // the second time, the id is remembered
    await press(stdin, 'j', 's');
    expect(textOf(lastFrame())).toContain('Student: s9 · Template: ./public-web/template.yaml');
  });

  it('starts generated subnetting practice from home with c', async () => {
    const { stdin, lastFrame } = renderWith(<Root {...props()} />);
    expect(textOf(lastFrame())).toContain('c cidr');
    await press(stdin, 'c');
    await eventually(() => expect(title(lastFrame())).toMatch(/^Quiz · cidr \(generated subnetting questions\)/));
    expect(textOf(lastFrame())).toContain('Question 1 of');
  });

  it('starts generated trace practice from home with p', async () => {
    const { stdin, lastFrame } = renderWith(<Root {...props()} />);
    expect(textOf(lastFrame())).toContain('p trace');
    await press(stdin, 'p');
    await eventually(() => expect(title(lastFrame())).toMatch(/^Quiz · trace/));
    expect(textOf(lastFrame())).toContain('Question 1 of');
    expect(textOf(lastFrame())).toMatch(/drop|reach/i);
  });

  it('opens the help over any screen and returns to it', async () => {
    const { stdin, lastFrame } = renderWith(<Root {...props()} />);
    await press(stdin, KEY.enter, '?');
    expect(title(lastFrame())).toMatch(/^Keys/);
    await press(stdin, 'q');
    expect(title(lastFrame())).toMatch(/^Lesson 1/);
  });

  it('quits from home with q, and only from home', async () => {
    const p = props();
    const { stdin } = renderWith(<Root {...p} />);
    await press(stdin, KEY.enter, 'q');
    expect(p.onQuit).not.toHaveBeenCalled();
    await press(stdin, 'q');
    expect(p.onQuit).toHaveBeenCalledTimes(1);
  });

  it('shows a start notice on home, and a saving problem where it happens', async () => {
    const failing: Recorder = { save: () => 'cannot save your progress to /x: permission denied; lessons are not marked read this session' };
    const { stdin, lastFrame } = renderWith(<Root {...props({ recorder: failing, notice: 'Your progress file was damaged.' })} />);
    expect(textOf(lastFrame())).toContain('Your progress file was damaged.');
    await press(stdin, KEY.enter);
    await eventually(() => expect(textOf(lastFrame())).toContain('cannot save your progress to /x: permission denied'));
    // the session still counts the lesson as read
    await press(stdin, 'q');
    expect(textOf(lastFrame())).toMatch(/✓ {2}1 {2}Addresses/);
  });

  it('asks for a bigger terminal when it is too small', async () => {
    const p = props({ size: { width: 40, height: 10 } });
    const { stdin, lastFrame } = renderWith(<Root {...p} />);
    expect(textOf(lastFrame())).toContain('The terminal is too small for cloudlab');
    await press(stdin, 'q');
    expect(p.onQuit).toHaveBeenCalledTimes(1);
  });

  it('fits 80×23 on every screen', async () => {
    const { stdin, lastFrame } = renderWith(<Root {...props()} />);
    const sizes = [frameSize(lastFrame())];
    for (const keys of [[KEY.enter], ['t'], ['q', 'q', 'l'], [KEY.enter], [KEY.enter], ['?']]) {
      await press(stdin, ...keys);
      sizes.push(frameSize(lastFrame()));
    }
    for (const s of sizes) expect(s).toEqual({ lines: 23, widest: 80 });
  });
});
