import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/lessons.js';
import { questionFromId } from '../../src/content/quiz/generate.js';
import { shuffleChoices } from '../../src/content/quiz/shuffle.js';
import { traceQuestionFromId } from '../../src/content/quiz/trace-quiz.js';
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

/** The question as a quiz with this seed shows it: its choices shuffled. */
const shown = (id: string, seed: string): Question => shuffleChoices(BANK.get(id) ?? questionFromId(id)!, seed);

function rightAnswer(q: Question): string {
  if (q.type === 'single') return choiceLetter(q.answer);
  if (q.type === 'multiple') return q.answer.map(choiceLetter).join(', ');
  return String(q.answer);
}

/** An answer of the right form that is wrong. */
function wrongAnswer(q: Question): string {
  if (q.type === 'single') return choiceLetter(q.answer === 0 ? 1 : 0);
  if (q.type === 'multiple') return q.choices.map((_, i) => i).filter((i) => !q.answer.includes(i)).map(choiceLetter).join(', ') || 'a';
  if (q.type === 'numeric') return String(q.answer + 1000);
  if (q.type === 'cidr') return q.answer === '192.0.2.0/24' ? '198.51.100.0/24' : '192.0.2.0/24';
  return q.answer === '192.0.2.1' ? '192.0.2.2' : '192.0.2.1';
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
    const [first, second, third] = ids.map((id) => shown(id, '11'));
    const input = `${rightAnswer(first)}\n${rightAnswer(second)}\n${wrongAnswer(third)}\n`;
    const r = run(['addresses', '--count', '3', '--seed', '11'], input, home);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Quiz: addresses (lesson 1) · 3 questions · seed 11');
    expect(r.stdout).toContain('Question 1 of 3');
    expect(r.stdout).toContain(`> ${rightAnswer(first)}\n✓ Correct.`);
    expect(r.stdout).toContain(`> ${wrongAnswer(third)}\n✗ Incorrect.`);
    expect(r.stdout).toContain(third.explanation.split(' ')[0]);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Score: 2 of 3 (67%).');
    const h = history(home);
    expect(Object.keys(h).sort()).toEqual([...ids].sort());
    expect(h[first.id][0]).toMatchObject({ correct: true });
    expect(h[third.id][0]).toMatchObject({ correct: false });
  });

  it('asks again, with a message, after input that is not an answer at all', () => {
    const home = tempHome();
    const [id] = listed(['routes', '--count', '1', '--seed', '4']).questions.map((q) => q.id);
    const q = shown(id, '4');
    const r = run(['routes', '--count', '1', '--seed', '4'], `e\n1,024\n\n${rightAnswer(q)}\n`, home);
    expect(r.status).toBe(0);
    const said = r.stdout.replace(/\s+/g, ' ');
    expect(said).toContain('> e "e" is not one of the choices. Answer with a letter from a to b, or the text of a choice. Try again.');
    expect(said).toContain('> 1,024 "1,024" is not one of the choices.');
    expect(said).toContain('> No answer given.');
    expect(r.stdout).not.toContain('Incorrect');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Score: 1 of 1 (100%).');
    expect(history(home)[id]).toHaveLength(1);
  });

  it('takes the text of a choice as the answer', () => {
    const home = tempHome();
    const r = run(['routes', '--count', '1', '--seed', '4'], 'LOCAL\n', home);
    expect(r.stdout).toContain('✓ Correct.');
  });

  it('shows choices lettered a, b, c, shuffled by the seed', () => {
    const r = run(['routes', '--count', '1', '--seed', '1'], 'a\n');
    expect(r.stdout).toMatch(/\n {2}a\) (local|igw)\n {2}b\) (igw|local)\nAnswer with a letter \(a-b\)\.\n/);
    const orders = new Set(['1', '2', '3', '4'].map((seed) => listed(['routes', '--cram', '--seed', seed]).questions.map((q) => q.choices!.join()).join('|')));
    expect(orders.size).toBeGreaterThan(1);
    expect(listed(['routes', '--cram', '--seed', '3'])).toEqual(listed(['routes', '--cram', '--seed', '3']));
  });

  it('records the chosen choice and its place in the bank, not the letter', () => {
    const home = tempHome();
    const [id] = listed(['routes', '--count', '1', '--seed', '9']).questions.map((q) => q.id);
    const q = shown(id, '9');
    run(['routes', '--count', '1', '--seed', '9'], `${rightAnswer(q)}\n`, home);
    expect(history(home)[id][0]).toMatchObject({ correct: true, answer: 'local', chosen: [0] });
  });

  it('reads a progress file written before shuffling (letters in the history) and adds to it', () => {
    const home = tempHome();
    const old = { version: 1, lessons: {}, quiz: { history: { 'route-q0': [{ at: '2026-01-01T00:00:00.000Z', correct: true, answer: 'a' }] }, cards: {} }, labs: {} };
    writeFileSync(join(home, 'progress.json'), JSON.stringify(old));
    const [id] = listed(['routes', '--count', '1', '--seed', '9'], home).questions.map((q) => q.id);
    const r = run(['routes', '--count', '1', '--seed', '9'], `${rightAnswer(shown(id, '9'))}\n`, home);
    expect(r.stderr).toBe('');
    const h = history(home);
    expect(h['route-q0'][0]).toEqual(old.quiz.history['route-q0'][0]);
    expect(Object.values(h).flat()).toHaveLength(2);
  });

  it('stops at the end of input, keeping what was answered', () => {
    const home = tempHome();
    const [id] = listed(['routes', '--count', '5', '--seed', '2']).questions.map((q) => q.id);
    const r = run(['routes', '--count', '5', '--seed', '2'], `${rightAnswer(shown(id, '2'))}\n`, home);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Stopped after 1 of 5 questions. Score: 1 of 1 (100%).');
    expect(Object.keys(history(home))).toHaveLength(1);
  });

  it('on Ctrl-C (SIGINT) keeps the answers given and exits 130', async () => {
    const home = tempHome();
    const [id] = listed(['routes', '--count', '3', '--seed', '5']).questions.map((q) => q.id);
    const child = spawn(process.execPath, [join(ROOT, 'bin/cloudlab.js'), 'quiz', 'routes', '--count', '3', '--seed', '5'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', CLOUDLAB_HOME: home, CLOUDLAB_LESSONS: FIXTURE },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    const asked = new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('Question 2 of 3')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin.write(`${rightAnswer(shown(id, '5'))}\n`);
    await asked;
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stdout).toContain('Stopped after 1 of 3 questions. Score: 1 of 1 (100%).\nYour answers so far are saved.');
    expect(Object.keys(history(home))).toEqual([id]);
  });

  it('checks generated answers', () => {
    const home = tempHome();
    const ids = listed(['cidr', '--count', '4', '--seed', '8']).questions.map((q) => q.id);
    const input = ids.map((id) => rightAnswer(shown(id, '8'))).join('\n');
    const r = run(['cidr', '--count', '4', '--seed', '8'], input, home);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Score: 4 of 4 (100%).');
    expect(Object.keys(history(home)).sort()).toEqual([...ids].sort());
  });

  it('asks "which hop drops this flow?" from the engine with cloudlab quiz trace', () => {
    const home = tempHome();
    const l = listed(['trace', '--count', '2', '--seed', '6']);
    expect(l.topic).toBe('trace (generated: which hop drops the flow)');
    expect(l.questions.map((q) => q.id)).toEqual(['gen-trace-6-0', 'gen-trace-6-1']);
    const input = l.questions.map((q) => rightAnswer(traceQuestionFromId(q.id)!)).join('\n');
    const r = run(['trace', '--count', '2', '--seed', '6'], input, home);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Which hop drops it, or does it get through?');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Score: 2 of 2 (100%).');
    expect(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).quiz.cards['gen-trace']).toBeDefined();
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
    expect(r.stderr).toContain('1 addresses, 2 routes, cidr, trace');
  });

  it('refuses a bad count or seed', () => {
    for (const args of [['--count', '0'], ['--count', 'ten'], ['--seed', 'a b'], ['--seed', 'x-y']]) {
      const r = run(['cidr', ...args]);
      expect(isOneLineError(r), args.join(' ')).toBe(true);
    }
  });
});
