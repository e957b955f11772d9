import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/lessons.js';
import { emptyProgress } from '../../src/content/progress.js';
import { planQuiz, resolveTopic } from '../../src/content/quiz/plan.js';
import { choiceLetter, type Question } from '../../src/content/quiz/types.js';
import { buildIfStale, ROOT } from '../content/support/build.js';
import { cloudlab, isOneLineError, tempHome } from '../content/support/cli.js';

const FIXTURE = join(ROOT, 'test/fixtures/content/course');
const run = (args: string[], home = tempHome()) => cloudlab(args, { home, env: { CLOUDLAB_LESSONS: FIXTURE } });
const progressOf = (home: string) => JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8'));

beforeAll(() => buildIfStale());

function wrongAnswer(q: Question): string {
  if (q.type === 'single') return choiceLetter(q.answer === 0 ? 1 : 0);
  if (q.type === 'multiple') return q.answer.includes(0) ? choiceLetter(q.choices.findIndex((_, i) => !q.answer.includes(i))) : 'a';
  if (q.type === 'numeric') return String(q.answer + 1000);
  if (q.type === 'cidr') return q.answer === '192.0.2.0/24' ? '198.51.100.0/24' : '192.0.2.0/24';
  return q.answer === '192.0.2.1' ? '192.0.2.2' : '192.0.2.1';
}

describe('cloudlab lessons', () => {
  it('lists every lesson with order, id, title, read, quiz accuracy and lab, within 80 columns', () => {
    const r = run(['lessons']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^#\s+Lesson\s+Title\s+Read\s+Quiz\s+Lab$/);
    expect(lines[2]).toMatch(/^1\s+addresses\s+Addresses\s+–\s+address-plan$/);
    expect(lines[3]).toMatch(/^2\s+routes\s+Routes\s+–\s+–$/);
    expect(lines.at(-1)).toBe('0 of 2 lessons read. Open one with: cloudlab lesson <id or number>');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('shows a lesson read and its quiz accuracy', () => {
    const home = tempHome();
    expect(run(['lesson', 'addresses'], home).status).toBe(0);
    // Two answers of the right form that are wrong (input that is no answer at all is asked again).
    const planned = planQuiz(loadCourse(FIXTURE), emptyProgress(), resolveTopic(loadCourse(FIXTURE), 'addresses', emptyProgress()), { count: 2, seed: '1', now: new Date() });
    const quiz = cloudlab(['quiz', 'addresses', '--count', '2', '--seed', '1'], {
      home,
      input: `${planned.map(wrongAnswer).join('\n')}\n`,
      env: { CLOUDLAB_LESSONS: FIXTURE },
    });
    expect(quiz.status).toBe(0);
    const lines = run(['lessons'], home).stdout.split('\n');
    expect(lines[2]).toMatch(/^1\s+addresses\s+Addresses\s+✓\s+0\/2 \(0%\)\s+address-plan$/);
    expect(lines.at(-2)).toBe('1 of 2 lessons read. Open one with: cloudlab lesson <id or number>');
  });

  it('prints JSON with progress', () => {
    const r = run(['lessons', '--json']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list).toHaveLength(2);
    expect(list[0]).toEqual({
      order: 1,
      id: 'addresses',
      title: 'Addresses',
      objectives: ['Count the addresses in a block', 'Name the network a block with host bits set names'],
      lab: 'address-plan',
      labs: ['address-plan'],
      read: false,
      questions: 10,
      quiz: { attempts: 0, correct: 0, due: 0 },
    });
    expect(list[1].lab).toBeNull();
    expect(list[1].labs).toEqual([]);
  });

  it('lists the real course', () => {
    const r = cloudlab(['lessons', '--json'], { home: tempHome() });
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]).toMatchObject({ order: 0, id: 'networking-from-zero' });
    expect(list[1].order).toBe(1);
  });
});

describe('cloudlab lesson', () => {
  it('renders the lesson in plain text when piped, within the width, and ends with what to do next', () => {
    const home = tempHome();
    const r = run(['lesson', 'addresses', '--width', '40'], home);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['Lesson 1 · Addresses', '═'.repeat(20)]);
    expect(lines.join(' ')).toContain('A block such as `10.0.0.0/16` names a range of addresses.');
    expect(r.stdout).toContain('+--------+-----------+');
    expect(r.stdout).not.toContain('<!--');
    expect(r.stdout).not.toContain('check:');
    expect(r.stdout).not.toContain('\u001b');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
    expect(lines.slice(-2)).toEqual(['Next: cloudlab quiz addresses', '      cloudlab lab brief address-plan']);
    expect(Object.keys(progressOf(home).lessons)).toEqual(['addresses']);
    const wide = run(['lesson', 'addresses', '--width', '80'], home);
    expect(wide.stdout.trimEnd().split('\n').at(-1)).toBe('Next: cloudlab quiz addresses · cloudlab lab brief address-plan');
  });

  it('takes the lesson number, and leaves out the lab when there is none', () => {
    const r = run(['lesson', '2']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Lesson 2 · Routes');
    expect(r.stdout).toContain('    10.0.0.0/16   local');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Next: cloudlab quiz routes');
  });

  it('prints JSON without marking the lesson read', () => {
    const home = tempHome();
    const r = run(['lesson', 'routes', '--json'], home);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['id', 'title', 'order', 'objectives', 'lab', 'labs', 'markdown']);
    expect(j).toMatchObject({ id: 'routes', title: 'Routes', order: 2, objectives: ['Read a route table'], lab: null, labs: [] });
    expect(j.markdown).toMatch(/^# Routes/);
    expect(() => progressOf(home)).toThrow();
  });

  it('suggests the nearest id for an unknown lesson', () => {
    const r = run(['lesson', 'adresses']);
    expect(isOneLineError(r)).toBe(true);
    expect(r.stderr).toBe('cloudlab: unknown lesson "adresses"; did you mean "addresses"? (cloudlab lessons lists them all).\n');
    expect(r.stdout).toBe('');
  });

  it('names the valid numbers for an unknown number, and refuses a bad width', () => {
    const r = run(['lesson', '9']);
    expect(isOneLineError(r)).toBe(true);
    expect(r.stderr).toContain('there is no lesson 9; lessons are numbered 1 to 2');
    const w = run(['lesson', '1', '--width', 'ten']);
    expect(isOneLineError(w)).toBe(true);
    expect(w.stderr).toContain('--width "ten" is not valid; give a whole number of columns from 20 to 1000');
  });

  it('still shows the lesson when the progress file is damaged, saying where the old one went', () => {
    const home = tempHome();
    writeFileSync(join(home, 'progress.json'), '{ broken');
    const r = run(['lesson', '1'], home);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Lesson 1 · Addresses');
    expect(r.stderr).toMatch(/^cloudlab: Your progress file was damaged \(it is not valid JSON\)\. It was moved to .*progress\.json\.damaged-\d{8}T\d{6}Z/);
    expect(progressOf(home).lessons.addresses).toBeDefined();
  });

  it('renders a real lesson', () => {
    const r = cloudlab(['lesson', '1', '--width', '60'], { home: tempHome() });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Lesson 1 · /);
    for (const l of r.stdout.split('\n')) if (!l.startsWith('    ')) expect(l.length).toBeLessThanOrEqual(60);
  });
});
