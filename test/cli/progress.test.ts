import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyProgress, markLessonRead, recordLabResult, recordQuizAnswer, saveProgress } from '../../src/content/progress.js';
import { buildIfStale, ROOT } from '../content/support/build.js';
import { cloudlab, isOneLineError, tempHome } from '../content/support/cli.js';

const FIXTURE = join(ROOT, 'test/fixtures/content/course');
const run = (args: string[], home: string, input = '') => cloudlab(['progress', ...args], { home, input, env: { CLOUDLAB_LESSONS: FIXTURE } });

/** A home whose progress has one lesson read, four answers and two lab attempts. */
function homeWithProgress(): string {
  const home = tempHome();
  const p = emptyProgress();
  const t = new Date('2026-04-01T10:00:00Z');
  markLessonRead(p, 'addresses', t);
  recordQuizAnswer(p, 'addr-size-20', { correct: true, answer: '4096' }, t);
  recordQuizAnswer(p, 'addr-mask-20', { correct: false, answer: '255.255.0.0' }, t);
  recordQuizAnswer(p, 'route-q1', { correct: true, answer: 'a' }, t);
  recordQuizAnswer(p, 'gen-size-1-0', { correct: true, answer: '256' }, t);
  recordLabResult(p, 'address-plan', { score: 4, max: 10, passed: ['a'] }, t);
  recordLabResult(p, 'address-plan', { score: 9, max: 10, passed: ['a', 'b'] }, new Date('2026-04-03T10:00:00Z'));
  saveProgress(p, { path: join(home, 'progress.json') });
  return home;
}

beforeAll(() => buildIfStale());

describe('cloudlab progress', () => {
  it('says where the file is and that nothing is done yet', () => {
    const home = tempHome();
    const r = run([], home);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        `Progress file: ${join(home, 'progress.json')}`,
        '',
        'Lessons read: 0 of 2',
        '',
        'Quizzes',
        '  No quiz answered yet. Try: cloudlab quiz',
        '',
        'Labs',
        '  No lab checked yet. Try: cloudlab labs',
        '',
      ].join('\n'),
    );
  });

  it('shows lessons read, accuracy and due reviews per lesson, and the best lab score', () => {
    const r = run([], homeWithProgress());
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('Lessons read: 1 of 2');
    expect(lines.find((l) => l.startsWith('1. addresses'))).toMatch(/^1\. addresses\s+2 of 10\s+1\/2 \(50%\)\s+2$/);
    expect(lines.find((l) => l.startsWith('2. routes'))).toMatch(/^2\. routes\s+1 of 10\s+1\/1 \(100%\)\s+1$/);
    expect(lines.find((l) => l.startsWith('cidr'))).toMatch(/^cidr \(generated\)\s+1\s+1\/1 \(100%\)\s+1$/);
    expect(lines.find((l) => l.startsWith('address-plan'))).toMatch(/^address-plan\s+9\/10\s+2\s+2026-04-03$/);
    expect(lines).toContain('4 due for review: cloudlab quiz');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
  });

  it('prints JSON', () => {
    const home = homeWithProgress();
    const j = JSON.parse(run(['--json'], home).stdout);
    expect(j.file).toBe(join(home, 'progress.json'));
    expect(j.lessons).toMatchObject({ read: 1, total: 2 });
    expect(j.lessons.list[0]).toEqual({
      id: 'addresses',
      order: 1,
      read: true,
      firstRead: '2026-04-01T10:00:00.000Z',
      lastRead: '2026-04-01T10:00:00.000Z',
    });
    expect(j.quiz[0]).toEqual({ topic: 'addresses', questions: 10, asked: 2, attempts: 2, correct: 1, accuracy: 0.5, due: 2 });
    expect(j.quiz[2]).toMatchObject({ topic: 'cidr', questions: null, attempts: 1 });
    expect(j.labs).toEqual([{ lab: 'address-plan', bestScore: 9, max: 10, at: '2026-04-03T10:00:00.000Z', attempts: 2 }]);
  });

  it('reports a damaged file on stderr and carries on', () => {
    const home = tempHome();
    writeFileSync(join(home, 'progress.json'), '{"version": 1, "lessons": 5}');
    const r = run([], home);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^cloudlab: Your progress file was damaged \("lessons" is not an object\)\. It was moved to /);
    expect(r.stdout).toContain('Lessons read: 0 of 2');
  });
});

describe('cloudlab progress --reset', () => {
  it('refuses without --yes when standard input is not a terminal, and erases nothing', () => {
    const home = homeWithProgress();
    const r = run(['--reset'], home, 'y\n');
    expect(isOneLineError(r)).toBe(true);
    expect(r.stderr).toContain('standard input is not a terminal; add --yes to erase it');
    expect(existsSync(join(home, 'progress.json'))).toBe(true);
  });

  it('erases with --yes', () => {
    const home = homeWithProgress();
    const r = run(['--reset', '--yes'], home);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`Erased all progress in ${join(home, 'progress.json')}.\n`);
    expect(existsSync(join(home, 'progress.json'))).toBe(false);
    expect(run(['--reset', '--yes'], home).stdout).toMatch(/^Nothing to erase: there is no progress file at /);
  });

  it('refuses --yes without --reset', () => {
    expect(isOneLineError(run(['--yes'], tempHome()))).toBe(true);
  });

  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

  it.skipIf(!hasScript)('on a terminal asks first, and erases only on y or yes', () => {
    const onTerminal = (home: string, answer: string) =>
      spawnSync('script', ['-qec', `${process.execPath} ${join(ROOT, 'bin/cloudlab.js')} progress --reset`, '/dev/null'], {
        encoding: 'utf8',
        input: `${answer}\n`,
        env: { ...process.env, NO_COLOR: '1', CLOUDLAB_HOME: home, CLOUDLAB_LESSONS: FIXTURE },
        timeout: 20_000,
      });
    for (const answer of ['', 'n', 'maybe']) {
      const home = homeWithProgress();
      const r = onTerminal(home, answer);
      expect(r.stdout).toContain(`Erase all progress in ${join(home, 'progress.json')}? [y/N]`);
      expect(r.stdout).toContain('Nothing erased.');
      expect(existsSync(join(home, 'progress.json'))).toBe(true);
    }
    for (const answer of ['y', 'YES']) {
      const home = homeWithProgress();
      expect(onTerminal(home, answer).stdout).toContain('Erased all progress in');
      expect(existsSync(join(home, 'progress.json'))).toBe(false);
    }
  });
});
