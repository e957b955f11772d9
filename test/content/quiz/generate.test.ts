import { Address4 } from 'ip-address';
import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../../src/content/quiz/check.js';
import { GENERATED_KINDS, generateQuestion, generateQuestions, kindOf, questionFromId } from '../../../src/content/quiz/generate.js';
import type { Question } from '../../../src/content/quiz/types.js';

/** Independent arithmetic, with ip-address and BigInt, to check the generator's answers. */
const start = (cidr: string): bigint => new Address4(cidr).startAddress().bigInt();
const end = (cidr: string): bigint => new Address4(cidr).endAddress().bigInt();
const dotted = (n: bigint): string => Address4.fromBigInt(n).correctForm();
const blocks = (text: string): string[] => text.match(/\d+\.\d+\.\d+\.\d+\/\d+/g) ?? [];
const prefixes = (text: string): number[] => [...text.matchAll(/(?<![\d.])\/(\d+)/g)].map((m) => Number(m[1]));

function expected(q: Question): unknown {
  const kind = kindOf(q.id);
  const p = q.prompt;
  switch (kind) {
    case 'network': {
      const [b] = blocks(p);
      return `${dotted(start(b))}/${b.split('/')[1]}`;
    }
    case 'size':
      return 2 ** (32 - prefixes(p)[0]);
    case 'usable':
      return 2 ** (32 - Number(blocks(p)[0].split('/')[1])) - 5;
    case 'smallest': {
      const hosts = Number(/holds ([\d,]+) instances/.exec(p)![1].replace(/,/g, ''));
      for (let len = 28; len >= 16; len--) if (2 ** (32 - len) - 5 >= hosts) return len;
      return undefined;
    }
    case 'contains': {
      const [a, b] = blocks(p);
      return start(b) >= start(a) && end(b) <= end(a) ? 0 : 1;
    }
    case 'overlap': {
      const [a, b] = blocks(p);
      return start(a) <= end(b) && start(b) <= end(a) ? 0 : 1;
    }
    case 'nth': {
      const [outer] = blocks(p);
      const len = prefixes(p)[0];
      const n = BigInt(/subnet number (\d+)/.exec(p)![1]);
      return `${dotted(start(outer) + (n - 1n) * 2n ** BigInt(32 - len))}/${len}`;
    }
    case 'netmask': {
      const len = prefixes(p)[0];
      return dotted(((1n << 32n) - 1n) ^ ((1n << BigInt(32 - len)) - 1n));
    }
    case 'last':
      return dotted(end(blocks(p)[0]));
    case 'count': {
      const [outer] = blocks(p);
      return 2 ** (prefixes(p)[0] - Number(outer.split('/')[1]));
    }
    default:
      throw new Error(`not a generated id: ${q.id}`);
  }
}

const SEEDS = Array.from({ length: 60 }, (_, i) => `s${i}`);

describe('generated questions', () => {
  it('come in at least six kinds, all of them in ten questions', () => {
    expect(GENERATED_KINDS.length).toBeGreaterThanOrEqual(6);
    const kinds = generateQuestions('42', 10).map((q) => kindOf(q.id));
    expect(new Set(kinds)).toEqual(new Set(GENERATED_KINDS));
  });

  it('are the same for the same seed, and differ for another', () => {
    expect(generateQuestions('42', 25)).toEqual(generateQuestions('42', 25));
    expect(generateQuestions('42', 10)).not.toEqual(generateQuestions('43', 10));
  });

  it('have ids gen-<kind>-<seed>-<n> that name the question completely', () => {
    const qs = generateQuestions('abc', 12);
    qs.forEach((q, n) => {
      expect(q.id).toBe(`gen-${kindOf(q.id)}-abc-${n}`);
      expect(q.topic).toBe('cidr');
      expect(questionFromId(q.id)).toEqual(q);
    });
    expect(questionFromId('gen-nope-1-0')).toBeUndefined();
    expect(questionFromId('cidr-usable-in-slash-24')).toBeUndefined();
  });

  it('have answers that independent arithmetic agrees with, for every kind and many seeds', () => {
    for (const seed of SEEDS) {
      for (const kind of GENERATED_KINDS) {
        const q = generateQuestion(kind, seed, 0);
        expect(q.answer, `${q.id}: ${q.prompt}`).toEqual(expected(q));
        expect(q.explanation.length).toBeGreaterThan(20);
      }
    }
  });

  it('accept their own answer and reject a neighbour', () => {
    for (const seed of SEEDS.slice(0, 20)) {
      for (const q of generateQuestions(seed, GENERATED_KINDS.length)) {
        const right = q.type === 'single' ? 'abcdefgh'[q.answer] : String(q.answer);
        expect(checkAnswer(q, right).correct, q.id).toBe(true);
        if (q.type === 'numeric') expect(checkAnswer(q, String(q.answer + 1)).correct).toBe(false);
        if (q.type === 'single') expect(checkAnswer(q, 'ab'[1 - q.answer]).correct).toBe(false);
      }
    }
  });

  it('ask about a block with host bits set in network questions', () => {
    for (const seed of SEEDS) {
      const q = generateQuestion('network', seed, 0);
      const [b] = blocks(q.prompt);
      expect(b).not.toBe(q.answer);
    }
  });

  it('answer both yes and no to containment and overlap over many seeds', () => {
    for (const kind of ['contains', 'overlap'] as const) {
      const answers = new Set(SEEDS.map((s) => generateQuestion(kind, s, 0).answer));
      expect(answers).toEqual(new Set([0, 1]));
    }
  });

  it('never ask about a block and itself', () => {
    for (const kind of ['contains', 'overlap'] as const) {
      for (let n = 0; n < 3000; n++) {
        const [a, b] = blocks(generateQuestion(kind, 'self', n).prompt);
        expect(a, `${kind} ${n}`).not.toBe(b);
      }
    }
  });

  it('keep smallest-subnet questions inside what AWS allows (/16 to /28)', () => {
    for (const seed of SEEDS) {
      const q = generateQuestion('smallest', seed, 0);
      expect(q.answer).toBeGreaterThanOrEqual(16);
      expect(q.answer).toBeLessThanOrEqual(28);
    }
  });
});
