import { spawn, spawnSync } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, symlinkSync, ftruncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyProgress, loadProgress, markLessonRead, MAX_PROGRESS_BYTES, recordQuizAnswer, saveProgress, updateProgress } from '../../src/content/progress.js';
import { LOCK_STALE_MS } from '../../src/content/progress-file.js';
import { buildIfStale, ROOT } from './support/build.js';

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'cloudlab-progress-file-'));
const answers = (path: string): number => Object.values(loadProgress({ path }).progress.quiz.history).reduce((n, l) => n + l.length, 0);

describe('concurrent commands never lose answers (issue 14 §3)', () => {
  beforeAll(() => buildIfStale());

  it('keeps all 2N answers of two processes recording N each at the same time, and a third one\'s lab result', async () => {
    const dir = freshDir();
    const path = join(dir, 'progress.json');
    const script = join(dir, 'quiz.mjs');
    const lib = pathToFileURL(join(ROOT, 'dist/src/content/progress.js')).href;
    writeFileSync(
      script,
      `import { updateProgress, recordQuizAnswer, recordLabResult } from ${JSON.stringify(lib)};
const [path, who, n] = process.argv.slice(2);
for (let i = 0; i < Number(n); i++) {
  updateProgress((p) => who === 'lab'
    ? recordLabResult(p, 'public-web', { score: i, max: 10, passed: [] })
    : recordQuizAnswer(p, who + '-' + (i % 25), { correct: i % 2 === 0, answer: who + i }), { path });
}
`,
    );
    const N = 120;
    const run = (who: string, n: number) =>
      new Promise<number>((resolve) => spawn(process.execPath, [script, path, who, String(n)], { stdio: 'inherit' }).once('exit', (c) => resolve(c ?? -1)));
    expect(await Promise.all([run('a', N), run('b', N), run('lab', 40)])).toEqual([0, 0, 0]);
    const { progress } = loadProgress({ path });
    const given = Object.values(progress.quiz.history).flat().map((a) => a.answer);
    expect(given.filter((a) => a.startsWith('a'))).toHaveLength(N);
    expect(given.filter((a) => a.startsWith('b'))).toHaveLength(N);
    expect(progress.labs['public-web']).toHaveLength(40);
    expect(readdirSync(dir).sort()).toEqual(['progress.json', 'quiz.mjs']);
  }, 60_000);

  it('takes over a lock left by a process that died, at once', () => {
    const path = join(freshDir(), 'progress.json');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: Number(dead.stdout), host: (spawnSync('hostname', { encoding: 'utf8' }).stdout || '').trim() || undefined }));
    // A lock of this host's dead process is stale at once; one of another host only by age.
    const started = Date.now();
    updateProgress((p) => markLessonRead(p, 'cidr'), { path });
    expect(Date.now() - started).toBeLessThan(LOCK_STALE_MS);
    expect(loadProgress({ path }).progress.lessons.cidr).toBeDefined();
  });

  it('takes over a lock older than the stale age whoever holds it', () => {
    const path = join(freshDir(), 'progress.json');
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: process.pid, host: 'another-machine' }));
    const old = new Date(Date.now() - LOCK_STALE_MS - 5_000);
    utimesSync(`${path}.lock`, old, old);
    updateProgress((p) => recordQuizAnswer(p, 'q1', { correct: true, answer: 'a' }), { path });
    expect(answers(path)).toBe(1);
    expect(readdirSync(join(path, '..'))).toEqual(['progress.json']);
  });
});

describe('a progress file far too large is set aside unread (issue 14 §4)', () => {
  it('sets a 3 GB file aside by its size, without reading it', () => {
    const dir = freshDir();
    const path = join(dir, 'progress.json');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 3 * 1024 ** 3); // sparse: no disk used, but stat says 3 GB
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const loaded = loadProgress({ path, now: () => new Date('2026-02-01T12:00:00Z') });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 ** 2);
    expect(loaded.progress).toEqual(emptyProgress());
    expect(loaded.notice).toContain('far too large');
    expect(loaded.notice).toContain('3.0 GB');
    expect(loaded.notice).toContain(`moved to ${path}.too-large-20260201T120000Z`);
    expect(readdirSync(dir)).toEqual(['progress.json.too-large-20260201T120000Z']);
  });

  it('reads a file just under the limit', () => {
    const path = join(freshDir(), 'progress.json');
    const p = emptyProgress();
    p.quiz.history.q = [{ at: new Date(0).toISOString(), correct: true, answer: 'x'.repeat(MAX_PROGRESS_BYTES - 200) }];
    writeFileSync(path, JSON.stringify(p));
    expect(loadProgress({ path }).notice).toBeUndefined();
  });
});

describe('a symbolic link to the progress file stays a link (issue 14 §10)', () => {
  it('writes through the link to its target, atomically, and sets a damaged target aside beside it', () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'sync'));
    const target = join(dir, 'sync', 'cloudlab-progress.json');
    const path = join(dir, 'progress.json');
    symlinkSync('sync/cloudlab-progress.json', path);
    // A link to a file not yet made: the first save makes the target.
    updateProgress((p) => markLessonRead(p, 'cidr'), { path });
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path)).toBe('sync/cloudlab-progress.json');
    expect(JSON.parse(readFileSync(target, 'utf8')).lessons.cidr).toBeDefined();
    saveProgress(markLessonRead(loadProgress({ path }).progress, 'nat'), { path });
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(Object.keys(JSON.parse(readFileSync(target, 'utf8')).lessons)).toEqual(['cidr', 'nat']);
    expect(readdirSync(join(dir, 'sync'))).toEqual(['cloudlab-progress.json']);

    writeFileSync(target, '{ not json');
    const loaded = loadProgress({ path, now: () => new Date('2026-02-01T12:00:00Z') });
    expect(loaded.notice).toContain(`moved to ${target}.damaged-20260201T120000Z`);
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
  });
});
