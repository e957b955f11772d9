import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from './support/build.js';
import { LABS_DIR, LESSONS_DIR, ROOT, tempDir } from './support/fixtures.js';

/**
 * The real thing: `cloudlab` in a tmux pane of 80×24, driven key by key, read back with
 * `tmux capture-pane` after each step. A private tmux server (-L) keeps it apart from any
 * tmux the person running the tests uses.
 */
const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const SOCKET = `cloudlab-e2e-${process.pid}`;
const SESSION = 'cloudlab';
const EXITED = 'CLOUDLAB-EXITED-';

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', env: cleanEnv() });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('CLOUDLAB_') || k === 'NO_COLOR' || k === 'TMUX' || k === 'CI' || k === 'CONTINUOUS_INTEGRATION') delete env[k];
  return env;
}

const screen = (session = SESSION): string[] => tmux('capture-pane', '-p', '-t', session).split('\n');

/** Polls the pane until it shows every expected text; fails with the last screen. */
async function waitFor(...expected: (string | RegExp)[]): Promise<string[]> {
  const end = Date.now() + 15_000;
  let lines: string[] = [];
  for (;;) {
    lines = screen();
    const text = lines.join('\n');
    if (expected.every((e) => (typeof e === 'string' ? text.includes(e) : e.test(text)))) return lines;
    if (Date.now() > end) throw new Error(`the screen never showed ${expected.map(String).join(' and ')}; it shows:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function keys(...k: string[]): void {
  tmux('send-keys', '-t', SESSION, ...k);
}

function type(text: string): void {
  tmux('send-keys', '-t', SESSION, '-l', text);
}

/** The frame is whole: the title on the first row and the keys on the last row it uses. */
function expectWholeFrame(lines: string[], title: RegExp, footer: RegExp): void {
  expect(lines[0]).toMatch(title);
  expect(lines[22]).toMatch(footer);
  expect(lines.slice(0, 24).every((l) => l.length <= 80)).toBe(true);
}

describe('the terminal app, end to end', () => {
  const home = tempDir('cloudlab-e2e-home-');
  const work = tempDir('cloudlab-e2e-work-');

  beforeAll(() => {
    if (!hasTmux) return;
    buildIfStale();
    const env = ['CLOUDLAB_HOME', home, 'CLOUDLAB_LESSONS', LESSONS_DIR, 'CLOUDLAB_LABS', LABS_DIR].reduce<string[]>(
      (a, v, i, all) => (i % 2 === 0 ? [...a, '-e', `${v}=${all[i + 1]}`] : a),
      [],
    );
    const command = `node ${JSON.stringify(join(ROOT, 'bin/cloudlab.js'))}; echo ${EXITED}$?; sleep 600`;
    tmux('new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', '-c', work, ...env, command);
  }, 180_000);

  afterAll(() => {
    if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server'], { env: cleanEnv() });
  });

  it.skipIf(!hasTmux)(
    `walks home → lesson → quiz → lab → check → home → quit in tmux at 80×24${hasTmux ? '' : ' (skipped: tmux is not installed)'}`,
    async () => {
      let lines = await waitFor('cloudlab · Cloud networking course', 'Next › read lesson 1, Addresses and blocks');
      expectWholeFrame(lines, /^cloudlab · Cloud networking course +0\/3 lessons read$/, /q quit$/);

      keys('j');
      await waitFor(/› {4}2 {2}Route tables/);
      keys('Enter');
      lines = await waitFor('Lesson 2 · Route tables', 'You will be able to:');
      expectWholeFrame(lines, /^Lesson 2 · Route tables +2\/3 · 0%$/, /q back$/);
      keys('Space');
      await waitFor(/^Lesson 2 · Route tables +2\/3 · \d+%$/m);
      // Read means its end was on the screen.
      keys('G');
      await waitFor(/^Lesson 2 · Route tables +2\/3 · 100%$/m);

      keys('t');
      lines = await waitFor('Question 1 of 2');
      expectWholeFrame(lines, /^Quiz · route-tables \(lesson 2\) +1 of 2 · 0\/0 right$/, /q back$/);
      keys('a');
      keys('Enter');
      lines = await waitFor(/[✓✗] (Correct|Incorrect)\./, 'Press Enter for the next question.');
      expectWholeFrame(lines, /1 of 2 · [01]\/1 right$/, /q back$/);

      keys('q');
      await waitFor('Lesson 2 · Route tables', /Quiz stopped after 1 of 2: [01] right/);

      keys('s');
      lines = await waitFor('Lab 1 · A public web server', 'Student id › ');
      expectWholeFrame(lines, /^Lab 1 · A public web server +student id$/, /Esc cancel$/);
      type('s1');
      keys('Enter');
      await waitFor('Student: s1 · Template: ./public-web/template.yaml', /VPC range/);
      keys('w');
      await waitFor('Write the starter into › ./public-web');
      keys('Enter');
      await waitFor('Wrote public-web/template.yaml and public-web/BRIEF.md.');
      expect(existsSync(join(work, 'public-web/template.yaml'))).toBe(true);

      keys('c');
      lines = await waitFor('Score 1/4: 1 check to fix.', '✓ 1/1  Exactly one VPC', '✗ 0/3  The internet reaches the web server on port 80');
      expectWholeFrame(lines, /^Lab 1 · A public web server +check · 1\/4$/, /q back$/);
      expect(lines.join('\n')).toMatch(/Stops at: route table/);

      keys('q');
      await waitFor(/brief · \d+%$/m);
      keys('q');
      await waitFor(/^Lesson 2 · Route tables/m);
      keys('q');
      lines = await waitFor(/^cloudlab · Cloud networking course +1\/3 lessons read$/m);
      expectWholeFrame(lines, /^cloudlab/, /q quit$/);
      expect(lines.join('\n')).toMatch(/› ✓ {2}2 {2}Route tables +[01]\/1 \((0|100)%\) +1\/4/);

      keys('q');
      await waitFor(`${EXITED}0`);

      const progress = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));
      expect(Object.keys(progress.lessons)).toEqual(['route-tables']);
      expect(Object.values(progress.quiz.history).flat()).toHaveLength(1);
      expect(progress.labs['public-web']).toEqual([expect.objectContaining({ student: 's1', score: 1, max: 4, passed: ['one-vpc'] })]);
    },
    120_000,
  );

  it.skipIf(!hasTmux)('Ctrl-C in a quiz ends the app with exit code 130 and keeps the answers given', async () => {
    const home2 = tempDir('cloudlab-e2e-home-');
    const session = 'cloudlab-ctrl-c';
    const command = `node ${JSON.stringify(join(ROOT, 'bin/cloudlab.js'))}; echo ${EXITED}$?; sleep 600`;
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', work, '-e', `CLOUDLAB_HOME=${home2}`, '-e', `CLOUDLAB_LESSONS=${LESSONS_DIR}`, '-e', `CLOUDLAB_LABS=${LABS_DIR}`, command);
    const waitIn = async (text: string | RegExp): Promise<string> => {
      const end = Date.now() + 20_000;
      for (;;) {
        const shown = screen(session).join('\n');
        if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
        if (Date.now() > end) throw new Error(`the screen never showed ${String(text)}; it shows:\n${shown}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    await waitIn('cloudlab · Cloud networking course');
    tmux('send-keys', '-t', session, 'j', 'Enter');
    await waitIn('Lesson 2 · Route tables');
    tmux('send-keys', '-t', session, 't');
    await waitIn('Question 1 of 2');
    tmux('send-keys', '-t', session, 'a', 'Enter');
    await waitIn(/[✓✗] (Correct|Incorrect)\./);
    tmux('send-keys', '-t', session, 'C-c');
    await waitIn(`${EXITED}130`);
    const progress = JSON.parse(readFileSync(join(home2, 'progress.json'), 'utf8'));
    expect(Object.values(progress.quiz.history).flat()).toHaveLength(1);
    tmux('kill-session', '-t', session);
  }, 60_000);
});
