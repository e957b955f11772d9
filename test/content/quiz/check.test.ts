import { describe, expect, it } from 'vitest';
import { answerProblem, answerText, checkAnswer, parseNumber, recordedAnswer } from '../../../src/content/quiz/check.js';
import type { Question } from '../../../src/content/quiz/types.js';

const base = { id: 'q', topic: 't', prompt: 'p', explanation: 'e' };
const single: Question = { ...base, type: 'single', choices: ['256', '254', '251', '250'], answer: 2 };
const words: Question = { ...base, type: 'single', choices: ['Internet gateway', 'NAT gateway', 'Peering'], answer: 1 };
const multiple: Question = { ...base, type: 'multiple', choices: ['10/8', '172.16/12', '8.8.8.0/24', '192.168/16'], answer: [0, 1, 3] };
const numeric: Question = { ...base, type: 'numeric', answer: 4096, tolerance: 0 };
const cidr: Question = { ...base, type: 'cidr', answer: '10.0.0.0/16' };
const address: Question = { ...base, type: 'address', answer: '10.0.1.5' };

describe('single choice', () => {
  it('accepts the letter, the number counting from 1, and the choice text', () => {
    for (const input of ['c', 'C', ' c ', 'c)', '3', '251']) expect(checkAnswer(single, input).correct, input).toBe(true);
    expect(checkAnswer(words, 'nat gateway').correct).toBe(true);
    expect(checkAnswer(words, 'NAT  Gateway').correct).toBe(true);
  });

  it('prefers the text of a numeric choice over its position', () => {
    const q: Question = { ...base, type: 'single', choices: ['4', '2', '1'], answer: 2 };
    expect(checkAnswer(q, '1').correct).toBe(true);
    expect(checkAnswer(q, 'c').correct).toBe(true);
  });

  it('says what was chosen and what is right', () => {
    expect(checkAnswer(single, 'a')).toEqual({ correct: false, feedback: 'You chose a) 256. The answer is c) 251.' });
  });

  it('explains an answer that is not a choice', () => {
    const r = checkAnswer(single, 'z');
    expect(r.correct).toBe(false);
    expect(r.feedback).toBe('"z" is not one of the choices (choose a letter from a to d, or a number from 1 to 4). The answer is c) 251.');
    expect(checkAnswer(single, '9').correct).toBe(false);
  });
});

describe('multiple choice', () => {
  it('accepts letters or numbers in any order and with any separator', () => {
    for (const input of ['a,b,d', 'd b a', 'a, b, d', 'A;B;D', '1 2 4', '4,1,2', 'abd', 'a b and d']) {
      expect(checkAnswer(multiple, input).correct, input).toBe(true);
    }
  });

  it('names the choices missed and the ones that are wrong', () => {
    expect(checkAnswer(multiple, 'a, c').feedback).toBe(
      'Choice c is not right; you missed b, d. The answer is a) 10/8; b) 172.16/12; d) 192.168/16.',
    );
    expect(checkAnswer(multiple, 'a b').feedback).toMatch(/^You missed d\./);
    expect(checkAnswer(multiple, 'a b d q').feedback).toMatch(/^"q" is not a choice/);
    expect(checkAnswer(multiple, 'a b c d').correct).toBe(false);
    expect(checkAnswer(multiple, '').feedback).toMatch(/^No choice given \(choose a letter from a to d/);
  });

  it('takes the text of one choice when its words are not choices', () => {
    const q: Question = { ...base, type: 'multiple', choices: ['Internet gateway', 'NAT gateway'], answer: [1] };
    expect(checkAnswer(q, 'NAT gateway').correct).toBe(true);
    expect(checkAnswer(q, 'b').correct).toBe(true);
  });
});

describe('numeric', () => {
  it('accepts thousands separators and spaces', () => {
    for (const input of ['4096', '4,096', ' 4 096 ', '4_096', '4096.0']) expect(checkAnswer(numeric, input).correct, input).toBe(true);
  });

  it('honours the tolerance', () => {
    const q: Question = { ...base, type: 'numeric', answer: 99.99, tolerance: 0.01 };
    expect(checkAnswer(q, '99.98').correct).toBe(true);
    expect(checkAnswer(q, '100').correct).toBe(true);
    expect(checkAnswer(q, '99.97').correct).toBe(false);
  });

  it('says too high or too low, and what is not a number', () => {
    expect(checkAnswer(numeric, '4095').feedback).toBe('4,095 is too low. The answer is 4,096.');
    expect(checkAnswer(numeric, '5000').feedback).toBe('5,000 is too high. The answer is 4,096.');
    expect(checkAnswer(numeric, 'lots').feedback).toBe('"lots" is not a number; write digits, such as 4096 or 4,096. The answer is 4,096.');
  });

  it('parses numbers strictly', () => {
    expect(parseNumber('1,234,567')).toBe(1234567);
    expect(parseNumber('/27')).toBe(27);
    expect(parseNumber('-3.5')).toBe(-3.5);
    expect(parseNumber('12,34')).toBeUndefined();
    expect(parseNumber('12abc')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });
});

describe('cidr', () => {
  it('accepts the block with spaces around it', () => {
    expect(checkAnswer(cidr, ' 10.0.0.0/16 ').correct).toBe(true);
  });

  it('marks a block with host bits set wrong and names the network it means', () => {
    const r = checkAnswer(cidr, '10.0.1.5/16');
    expect(r.correct).toBe(false);
    expect(r.feedback).toBe(
      '10.0.1.5/16 has host bits set: it names the network 10.0.0.0/16, the right network, but a block is written with its host bits zero. The answer is 10.0.0.0/16.',
    );
    expect(checkAnswer(cidr, '10.1.1.5/16').feedback).toBe('10.1.1.5/16 has host bits set: it names the network 10.1.0.0/16. The answer is 10.0.0.0/16.');
  });

  it('says whether the prefix or the network is wrong', () => {
    expect(checkAnswer(cidr, '10.0.0.0/17').feedback).toBe('10.0.0.0/17: the prefix length is wrong (/17, not /16). The answer is 10.0.0.0/16.');
    expect(checkAnswer(cidr, '10.1.0.0/16').feedback).toBe(
      '10.1.0.0/16: the prefix length is right but the network address is not. The answer is 10.0.0.0/16.',
    );
  });

  it('explains text that is not a block', () => {
    expect(checkAnswer(cidr, '10.0.0.0').feedback).toMatch(/^"10\.0\.0\.0" is not a CIDR block: it has no prefix length/);
    expect(checkAnswer(cidr, '').feedback).toBe('No block given. The answer is 10.0.0.0/16.');
  });
});

describe('address', () => {
  it('compares the address, whatever the spacing', () => {
    expect(checkAnswer(address, ' 10.0.1.5').correct).toBe(true);
    expect(checkAnswer(address, '10.0.1.6').feedback).toBe('You wrote 10.0.1.6. The answer is 10.0.1.5.');
    expect(checkAnswer(address, '10.0.1.5/32').feedback).toMatch(/is a block; the answer is one address/);
    expect(checkAnswer(address, '10.0.1.256').feedback).toMatch(/^"10\.0\.1\.256" is not an IPv4 address/);
  });
});

describe('answerText', () => {
  it('writes the right answer as a learner would', () => {
    expect(answerText(single)).toBe('c) 251');
    expect(answerText(multiple)).toBe('a) 10/8; b) 172.16/12; d) 192.168/16');
    expect(answerText({ ...base, type: 'numeric', answer: 65536, tolerance: 2 })).toBe('65,536 (± 2)');
    expect(answerText(cidr)).toBe('10.0.0.0/16');
  });
});

describe('input that is not an answer at all', () => {
  const fiveAt: Question = { ...base, type: 'single', choices: ['2', '3', '5', '1,024'], answer: 2 };

  it('is named, so the quiz asks again instead of scoring it', () => {
    expect(answerProblem(single, 'e')).toBe('"e" is not one of the choices. Answer with a letter from a to d, or the text of a choice.');
    expect(answerProblem(words, '1,024')).toMatch(/^"1,024" is not one of the choices/);
    expect(answerProblem(words, '   ')).toMatch(/^No answer given\./);
    expect(answerProblem(multiple, 'a, z')).toMatch(/^"z" is not a choice/);
    expect(answerProblem(multiple, ',')).toMatch(/^No choice given/);
    expect(answerProblem(numeric, 'lots')).toBe('"lots" is not a number. Answer with digits, such as 4096 or 4,096.');
    expect(answerProblem(cidr, '10.0.0.0/33')).toMatch(/Answer with a block, such as 10\.0\.0\.0\/16\.$/);
    expect(answerProblem(address, '10.0.1.0/24')).toMatch(/is a block/);
    expect(answerProblem(address, 'ten')).toMatch(/Answer with one address/);
  });

  it('leaves real answers, right or wrong, to be scored', () => {
    for (const input of ['a', 'd', '4', '256']) expect(answerProblem(single, input), input).toBeUndefined();
    expect(answerProblem(numeric, '4,000')).toBeUndefined();
    expect(answerProblem(cidr, '10.0.0.1/16')).toBeUndefined();
    expect(answerProblem(address, '10.0.1.6')).toBeUndefined();
  });

  it('takes a number as the choice with that value: 5 is "c) 5", 1024 is "d) 1,024"', () => {
    expect(checkAnswer(fiveAt, '5').correct).toBe(true);
    expect(recordedAnswer(fiveAt, '1024')).toEqual({ answer: '1,024', chosen: [3] });
    expect(answerProblem(fiveAt, '5')).toBeUndefined();
  });
});

describe('what the history keeps', () => {
  it('keeps the chosen choice and its index in the bank, whatever letter it was shown under', () => {
    const shuffled: Question = { ...base, type: 'single', choices: ['NAT gateway', 'Peering', 'Internet gateway'], answer: 0, choiceOrder: [1, 2, 0] };
    expect(recordedAnswer(shuffled, 'a')).toEqual({ answer: 'NAT gateway', chosen: [1] });
    expect(recordedAnswer(shuffled, 'internet gateway')).toEqual({ answer: 'Internet gateway', chosen: [0] });
    const many: Question = { ...multiple, choices: ['192.168/16', '10/8', '8.8.8.0/24', '172.16/12'], answer: [0, 1, 3], choiceOrder: [3, 0, 2, 1] };
    expect(recordedAnswer(many, 'd, a')).toEqual({ answer: '172.16/12; 192.168/16', chosen: [1, 3] });
    expect(recordedAnswer(numeric, ' 4,096 ')).toEqual({ answer: '4,096' });
  });
});
