import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  emptyProgress,
  loadProgress,
  markLessonRead,
  progressPath,
  ProgressError,
  recordLabResult,
  recordQuizAnswer,
  saveProgress,
  updateProgress,
} from '../../src/content/progress.js';
import { buildIfStale, ROOT } from './support/build.js';

const T0 = new Date('2026-02-01T12:00:00Z');
const T1 = new Date('2026-02-02T08:30:00Z');
const fresh = (): string => join(mkdtempSync(join(tmpdir(), 'cloudlab-progress-')), 'progress.json');

describe('progressPath', () => {
  it('prefers CLOUDLAB_HOME, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(progressPath({ CLOUDLAB_HOME: '/h', XDG_CONFIG_HOME: '/x' })).toBe('/h/progress.json');
    expect(progressPath({ XDG_CONFIG_HOME: '/x' })).toBe('/x/cloudlab/progress.json');
    expect(progressPath({ XDG_CONFIG_HOME: 'relative' })).toBe(join(homedir(), '.config', 'cloudlab', 'progress.json'));
    expect(progressPath({})).toBe(join(homedir(), '.config', 'cloudlab', 'progress.json'));
  });
});

describe('loadProgress and saveProgress', () => {
  it('starts empty when there is no file, and creates folders when saving', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cloudlab-progress-')), 'deep', 'er', 'progress.json');
    expect(loadProgress({ path })).toEqual({ progress: emptyProgress(), path });
    saveProgress(markLessonRead(emptyProgress(), 'one', T0), { path });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      version: 1,
      lessons: { one: { firstRead: T0.toISOString(), lastRead: T0.toISOString() } },
      quiz: { history: {}, cards: {} },
      labs: {},
    });
  });

  it('round-trips lessons, quiz history with cards, and lab results', () => {
    const path = fresh();
    updateProgress((p) => {
      markLessonRead(p, 'one', T0);
      markLessonRead(p, 'one', T1);
      recordQuizAnswer(p, 'q1', { correct: false, answer: '10.0.1.5/16' }, T0);
      recordQuizAnswer(p, 'q1', { correct: true, answer: '10.0.0.0/16' }, T1);
      recordQuizAnswer(p, 'gen-network-4-0', { correct: true, answer: '10.0.0.0/8' }, T1);
      recordLabResult(p, 'address-plan', { student: 's1', score: 7, max: 10, passed: ['a', 'b'] }, T1);
    }, { path });
    const { progress, notice } = loadProgress({ path });
    expect(notice).toBeUndefined();
    expect(progress.lessons.one).toEqual({ firstRead: T0.toISOString(), lastRead: T1.toISOString() });
    expect(progress.quiz.history.q1).toEqual([
      { at: T0.toISOString(), correct: false, answer: '10.0.1.5/16' },
      { at: T1.toISOString(), correct: true, answer: '10.0.0.0/16' },
    ]);
    expect(Object.keys(progress.quiz.cards).sort()).toEqual(['gen-network', 'q1']);
    expect(progress.quiz.cards.q1.reps).toBe(2);
    expect(progress.labs['address-plan']).toEqual([{ at: T1.toISOString(), student: 's1', score: 7, max: 10, passed: ['a', 'b'] }]);
  });

  it('sets a damaged file aside with a notice saying where, and starts fresh', () => {
    for (const [text, why] of [
      ['{ "version": 1, "lessons": ', 'it is not valid JSON'],
      ['', 'it is empty'],
      ['[1, 2]', 'it is not a JSON object'],
      ['{"version":1,"lessons":{"x":{"firstRead":"no"}},"quiz":{"history":{},"cards":{}},"labs":{}}', 'lesson "x" has no valid read times'],
      [
        '{"version":1,"lessons":{},"quiz":{"history":{"q":[{"at":"2026-01-01T00:00:00Z"}]},"cards":{}},"labs":{}}',
        'the quiz history of "q" has an entry without at, correct and answer',
      ],
      ['{"version":1,"lessons":{},"quiz":{"history":{},"cards":{"q":{"due":"x"}}},"labs":{}}', 'the review card of "q" is not valid'],
      ['{"version":0}', 'its version is 0, expected 1'],
    ] as const) {
      const path = fresh();
      writeFileSync(path, text);
      const { progress, notice } = loadProgress({ path, now: () => T0 });
      const aside = `${path}.damaged-20260201T120000Z`;
      expect(progress).toEqual(emptyProgress());
      expect(notice).toBe(`Your progress file was damaged (${why}). It was moved to ${aside} and a fresh progress file was started.`);
      expect(readFileSync(aside, 'utf8')).toBe(text);
      expect(existsSync(path)).toBe(false);
    }
  });

  it('leaves a file from a newer version untouched, and will not save to it (issue 14 §10)', () => {
    const path = fresh();
    const text = JSON.stringify({ version: 2, somethingNew: true });
    writeFileSync(path, text);
    const { progress, notice, readOnly } = loadProgress({ path, now: () => T0 });
    expect(progress).toEqual(emptyProgress());
    expect(readOnly).toBe(true);
    expect(notice).toContain('written by a newer version of cloudlab (format version 2)');
    expect(notice).toContain('leaves it untouched');
    expect(() => updateProgress((p) => markLessonRead(p, 'x'), { path })).toThrow(/newer version of cloudlab .*nothing is saved/);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(readdirSync(dirname(path))).toEqual(['progress.json']);
  });

  it('shows what it understands of a newer file of the same shape, still without saving', () => {
    const path = fresh();
    const p = markLessonRead(emptyProgress(), 'cidr', T0);
    const text = JSON.stringify({ ...p, version: 3 });
    writeFileSync(path, text);
    const loaded = loadProgress({ path });
    expect(loaded.readOnly).toBe(true);
    expect(loaded.progress.lessons.cidr.firstRead).toBe(T0.toISOString());
    expect(loaded.notice).toContain('shows what it understands');
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('never overwrites an earlier file set aside', () => {
    const path = fresh();
    writeFileSync(path, 'one');
    loadProgress({ path, now: () => T0 });
    writeFileSync(path, 'two');
    const { notice } = loadProgress({ path, now: () => T0 });
    expect(notice).toContain(`${path}.damaged-20260201T120000Z-1`);
    expect(readFileSync(`${path}.damaged-20260201T120000Z`, 'utf8')).toBe('one');
    expect(readFileSync(`${path}.damaged-20260201T120000Z-1`, 'utf8')).toBe('two');
  });

  it('passes the notice on through updateProgress, and the change is saved', () => {
    const path = fresh();
    writeFileSync(path, 'not json');
    const { notice } = updateProgress((p) => markLessonRead(p, 'one', T0), { path, now: () => T0 });
    expect(notice).toMatch(/damaged/);
    expect(loadProgress({ path }).progress.lessons.one).toBeDefined();
  });

  it('throws a ProgressError with the path when the folder cannot be written', () => {
    const blocker = fresh();
    writeFileSync(blocker, 'a file, not a folder');
    expect(() => saveProgress(emptyProgress(), { path: join(blocker, 'progress.json') })).toThrow(ProgressError);
    expect(() => saveProgress(emptyProgress(), { path: join(blocker, 'progress.json') })).toThrow(/cannot save your progress to .*progress\.json/);
  });
});

describe('saving is atomic', () => {
  beforeAll(() => buildIfStale());

  it('leaves a whole file, and at most one temp file, when the writer is killed mid-way, again and again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cloudlab-kill-'));
    const path = join(dir, 'progress.json');
    const script = join(dir, 'writer.mjs');
    const lib = pathToFileURL(join(ROOT, 'dist/src/content/progress.js')).href;
    writeFileSync(
      script,
      `import { updateProgress, recordQuizAnswer, markLessonRead } from ${JSON.stringify(lib)};
const path = process.argv[2];
for (let i = 0; ; i++) {
  updateProgress((p) => {
    recordQuizAnswer(p, 'q' + (i % 40), { correct: i % 3 === 0, answer: 'x'.repeat(i % 200) });
    markLessonRead(p, 'lesson-' + (i % 7));
  }, { path });
  if (i === 3) process.stdout.write('ready\\n');
}
`,
    );
    let answers = 0;
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, [script, path], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      await new Promise((r) => setTimeout(r, 20 + round * 15));
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;

      const parsed = JSON.parse(readFileSync(path, 'utf8'));
      expect(parsed.version).toBe(1);
      const loaded = loadProgress({ path });
      expect(loaded.notice).toBeUndefined();
      const total = Object.values(loaded.progress.quiz.history).reduce((n, list) => n + list.length, 0);
      expect(total).toBeGreaterThan(answers);
      answers = total;
      const temps = readdirSync(dir).filter((n) => n.endsWith('.tmp'));
      expect(temps.length).toBeLessThanOrEqual(1);
      expect(readdirSync(dir).filter((n) => n.includes('damaged') || n.includes('future'))).toEqual([]);
    }
  }, 60_000);
});
