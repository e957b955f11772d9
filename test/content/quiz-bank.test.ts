import { describe, expect, it } from 'vitest';
import { parseQuizBank } from '../../src/content/quiz-bank.js';

const NAME = 'lessons/01-one.quiz.yaml';

function problemsOf(questions: string): string[] {
  return parseQuizBank(`lesson: one\nquestions:\n${questions}`, NAME).problems;
}

describe('parseQuizBank', () => {
  it('reads every question type', () => {
    const bank = parseQuizBank(
      `lesson: one
questions:
  - id: s
    type: single
    prompt: Pick
    choices: [a, b, 16]
    answer: 2
    explanation: e
  - id: m
    type: multiple
    prompt: Pick some
    choices: [a, b, c]
    answer: [2, 0]
    explanation: e
  - id: n
    type: numeric
    prompt: How many
    answer: 4096
    tolerance: 2
    checks: ["size 10.0.0.0/20 = 4096"]
    explanation: e
  - id: c
    type: cidr
    prompt: Block
    answer: " 10.0.0.0/16 "
    explanation: e
  - id: a
    type: address
    prompt: Address
    answer: 10.0.1.5
    explanation: e
`,
      NAME,
    );
    expect(bank.problems).toEqual([]);
    expect(bank.lesson).toBe('one');
    expect(bank.questions).toEqual([
      { id: 's', topic: 'one', type: 'single', prompt: 'Pick', choices: ['a', 'b', '16'], answer: 2, explanation: 'e' },
      { id: 'm', topic: 'one', type: 'multiple', prompt: 'Pick some', choices: ['a', 'b', 'c'], answer: [0, 2], explanation: 'e' },
      { id: 'n', topic: 'one', type: 'numeric', prompt: 'How many', answer: 4096, tolerance: 2, explanation: 'e' },
      { id: 'c', topic: 'one', type: 'cidr', prompt: 'Block', answer: '10.0.0.0/16', explanation: 'e' },
      { id: 'a', topic: 'one', type: 'address', prompt: 'Address', answer: '10.0.1.5', explanation: 'e' },
    ]);
  });

  it('reports a missing answer or explanation at the question line', () => {
    expect(problemsOf('  - id: q\n    type: numeric\n    prompt: p\n    explanation: e\n')).toEqual([
      `${NAME}:3: question "q": missing \`answer:\` (a number, such as 4096)`,
    ]);
    expect(problemsOf('  - id: q\n    type: numeric\n    prompt: p\n    answer: 3\n')).toEqual([
      `${NAME}:3: question "q": missing \`explanation:\`, shown after the learner answers (why the answer is right)`,
    ]);
  });

  it('reports an answer index out of range at the answer line, with the valid range', () => {
    expect(problemsOf('  - id: q\n    type: single\n    prompt: p\n    choices: [x, y]\n    answer: 2\n    explanation: e\n')).toEqual([
      `${NAME}:7: question "q": answer 2 is out of range; there are 2 choices, 0 to 1 (choices count from 0)`,
    ]);
    expect(problemsOf('  - id: q\n    type: multiple\n    prompt: p\n    choices: [x, y]\n    answer: [0, 5]\n    explanation: e\n')[0]).toContain(
      'answer 5 is out of range',
    );
    expect(problemsOf('  - id: q\n    type: single\n    prompt: p\n    choices: [x, y]\n    answer: b\n    explanation: e\n')[0]).toContain(
      'answer "b" must be the number of the right choice, 0 to 1',
    );
  });

  it('rejects a cidr answer that is not a valid block, and one with host bits set', () => {
    const bad = problemsOf('  - id: q\n    type: cidr\n    prompt: p\n    answer: 10.0.0.0/33\n    explanation: e\n');
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/^lessons\/01-one\.quiz\.yaml:6: question "q": answer is not a valid CIDR block: .*prefix length/);
    expect(problemsOf('  - id: q\n    type: cidr\n    prompt: p\n    answer: 10.0.1.5/16\n    explanation: e\n')).toEqual([
      `${NAME}:6: question "q": answer 10.0.1.5/16 has host bits set; the block it names is 10.0.0.0/16`,
    ]);
  });

  it('rejects an address answer that is not an address', () => {
    expect(problemsOf('  - id: q\n    type: address\n    prompt: p\n    answer: 10.0.300.1\n    explanation: e\n')[0]).toMatch(
      /question "q": answer is not a valid address: "10\.0\.300\.1" is not an IPv4 address/,
    );
  });

  it('rejects unknown types and fields, fields on the wrong type, and reserved ids', () => {
    expect(problemsOf('  - id: q\n    type: essay\n    prompt: p\n    answer: x\n    explanation: e\n')).toEqual([
      `${NAME}:4: question "q": type "essay" is not one of single, multiple, numeric, cidr, address`,
    ]);
    const many = problemsOf(
      '  - id: gen-x\n    type: numeric\n    prompt: p\n    choices: [a, b]\n    answer: 1\n    hint: h\n    explanation: e\n',
    ).join('\n');
    expect(many).toContain('unknown field "hint"');
    expect(many).toContain('`choices:` is only for single and multiple questions, not numeric');
    expect(many).toContain('starts with "gen-", which is kept for generated questions');
    expect(problemsOf('  - id: q\n    type: cidr\n    prompt: p\n    answer: 10.0.0.0/8\n    tolerance: 1\n    explanation: e\n')[0]).toContain(
      '`tolerance:` is only for numeric questions',
    );
  });

  it('rejects duplicate ids and duplicate choices within a bank', () => {
    const q = '  - id: q\n    type: numeric\n    prompt: p\n    answer: 1\n    explanation: e\n';
    expect(problemsOf(q + q)).toEqual([`${NAME}:8: question id "q" is used twice in this bank; ids must be unique`]);
    expect(problemsOf('  - id: q\n    type: single\n    prompt: p\n    choices: [x, x]\n    answer: 0\n    explanation: e\n')[0]).toContain(
      'choice "x" appears twice',
    );
  });

  it('numbers a question without an id by its place', () => {
    expect(problemsOf('  - type: numeric\n    prompt: p\n    answer: 1\n    explanation: e\n')).toEqual([
      `${NAME}:3: question 1: missing \`id:\`, a kebab-case name unique across all banks (learner history keys on it)`,
    ]);
  });

  it('reports YAML that does not parse, a bank without lesson or questions, and never throws', () => {
    expect(parseQuizBank('lesson: [one\n', NAME).problems[0]).toMatch(/^lessons\/01-one\.quiz\.yaml: YAML line \d+: /);
    expect(parseQuizBank('- 1\n- 2\n', NAME).problems).toEqual([
      `${NAME}:1: a quiz bank is a mapping with \`lesson:\` (a lesson id) and \`questions:\` (a list)`,
    ]);
    expect(parseQuizBank('questions: []\n', NAME).problems).toEqual([
      `${NAME}:1: missing \`lesson:\`, the id of the lesson this bank belongs to`,
      `${NAME}:1: \`questions:\` must be a list with at least one question`,
    ]);
    expect(parseQuizBank('a: &x [*x]\n', NAME).problems.length).toBeGreaterThan(0);
  });
});
