import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/lessons.js';
import { questionFromId } from '../../src/content/quiz/generate.js';
import { choiceLetter, type Question } from '../../src/content/quiz/types.js';
import { buildIfStale, ROOT } from '../content/support/build.js';
import { cloudlab, isOneLineError, tempHome } from '../content/support/cli.js';

const FIXTURE = join(ROOT, 'test/fixtures/content/course');
const BANK = new Map([...loadCourse(FIXTURE).banks.values()].flat().map((q) => [q.id, q]));
const run = (args: string[], input = '', home = tempHome()) => cloudlab(['quiz', ...args], { home, input, env: { CLOUDLAB_LESSONS: FIXTURE } });
const history = (home: string) => JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).quiz.history;

interface Listed {
  topic: string;
  seed: string;
  questions: { id: string; topic: string; type: string; prompt: string; choices?: string[] }[];
}
const listed = (args: string[], home?: string): Listed => JSON.parse(run([...args, '--json'], '', home).stdout);

function rightAnswer(q: Question): string {
  if (q.type === 'single') return choiceLetter(q.answer);
  if (q.type === 'multiple') return q.answer.map(choiceLetter).join(', ');
  return String(q.answer);
}

beforeAll(() => buildIfStale());

describe('cloudlab quiz --json', () => {
  it('lists the selected questions without their answers', () => {
    const l = listed(['addresses', '--count', '4', '--seed', '3']);
    expect(l.topic).toBe('addresses (lesson 1)');
    expect(l.seed).toBe('3');
    expect(l.questions).toHaveLength(4);
    for (const q of l.questions) {
      expect(Object.keys(q)).not.toContain('answer');
      expect(Object.keys(q)).not.toContain('explanation');
      expect(BANK.get(q.id)?.topic).toBe('addresses');
    }
    expect(listed(['addresses', '--count', '4', '--seed', '3'])).toEqual(l);
  });

  it('generates cidr questions from the seed, the same every time', () => {
    const a = listed(['cidr', '--count', '3', '--seed', '5']);
    expect(a.questions.map((q) => q.id)).toEqual(a.questions.map((q, n) => expect.stringMatching(new RegExp(`^gen-[a-z]+-5-${n}$`))));
    expect(listed(['cidr', '--count', '3', '--seed', '5'])).toEqual(a);
  });

  it('in cram mode lists every question of the topic', () => {
    expect(listed(['routes', '--cram', '--seed', '1']).questions).toHaveLength(10);
  });

  it('takes a lesson number as the topic', () => {
    expect(listed(['2', '--count', '1']).topic).toBe('routes (lesson 2)');
  });
});

describe('cloudlab quiz with answers piped in', () => {
  it('says right or wrong with the explanation, records each answer, and ends with the score', () => {
    const home = tempHome();
    const ids = listed(['addresses', '--count', '3', '--seed', '11']).questions.map((q) => q.id);
    const [first, second, third] = ids.map((id) => BANK.get(id)!);
    const input = `${rightAnswer(first)}\n\n${rightAnswer(second)}\nnot it\n`;
    const r = run(['addresses', '--count', '3', '--seed', '11'], input, home);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Quiz: addresses (lesson 1) · 3 questions · seed 11');
    expect(r.stdout).toContain('Question 1 of 3');
    expect(r.stdout).toContain(`> ${rightAnswer(first)}\n✓ Correct.`);
    expect(r.stdout).toContain(`> not it\n✗ Incorrect.`);
    expect(r.stdout).toContain(third.explanation.split(' ')[0]);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Score: 2 of 3 (67%).');
    const h = history(home);
    expect(Object.keys(h).sort()).toEqual([...ids].sort());
    expect(h[first.id][0]).toMatchObject({ correct: true, answer: rightAnswer(first) });
    expect(h[third.id][0]).toMatchObject({ correct: false, answer: 'not it' });
  });

  it('shows choices lettered a, b, c', () => {
    const r = run(['routes', '--count', '1', '--seed', '1'], 'a\n');
    expect(r.stdout).toMatch(/\n {2}a\) local\n {2}b\) igw\nAnswer with a letter \(a-b\)\.\n/);
  });

  it('stops at the end of input, keeping what was answered', () => {
    const home = tempHome();
    const r = run(['routes', '--count', '5', '--seed', '2'], 'a\n', home);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Stopped after 1 of 5 questions. Score: 1 of 1 (100%).');
    expect(Object.keys(history(home))).toHaveLength(1);
  });

  it('checks generated answers', () => {
    const home = tempHome();
    const ids = listed(['cidr', '--count', '4', '--seed', '8']).questions.map((q) => q.id);
    const input = ids.map((id) => rightAnswer(questionFromId(id)!)).join('\n');
    const r = run(['cidr', '--count', '4', '--seed', '8'], input, home);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Score: 4 of 4 (100%).');
    expect(Object.keys(history(home)).sort()).toEqual([...ids].sort());
  });

  it('without a topic reviews the lessons read', () => {
    const home = tempHome();
    cloudlab(['lesson', 'routes'], { home, env: { CLOUDLAB_LESSONS: FIXTURE } });
    expect(listed(['--count', '20'], home).questions.every((q) => q.topic === 'routes')).toBe(true);
    expect(listed(['--count', '20'], home).topic).toBe('review of 1 lesson read');
  });
});

describe('cloudlab quiz refuses bad input', () => {
  it('lists the valid topics for an unknown one', () => {
    const r = run(['subnets']);
    expect(isOneLineError(r)).toBe(true);
    expect(r.stderr).toContain('unknown quiz topic "subnets"');
    expect(r.stderr).toContain('1 addresses, 2 routes, cidr');
  });

  it('refuses a bad count or seed', () => {
    for (const args of [['--count', '0'], ['--count', 'ten'], ['--seed', 'a b'], ['--seed', 'x-y']]) {
      const r = run(['cidr', ...args]);
      expect(isOneLineError(r), args.join(' ')).toBe(true);
    }
  });
});
