import { isSeq } from 'yaml';
import { AddressFormatError, formatCidr, parseCidr, parseIp } from '../engine/address.js';
import { QUESTION_TYPES, type Question, type QuestionType } from './quiz/types.js';
import { childNode, parseYamlSource, type YamlSource } from './yaml-source.js';

/**
 * Reads one quiz bank (lessons/NN-<id>.quiz.yaml) and checks every question. Problems are
 * strings "file:line: what is wrong, and what would be valid"; a question with a problem is
 * left out, the others are kept.
 */
export interface QuizBank {
  /** The lesson id the bank names, when it names one. */
  readonly lesson: string | undefined;
  readonly questions: Question[];
  /** Line of each kept question, by id, for problems found across banks. */
  readonly lines: ReadonlyMap<string, number>;
  readonly problems: string[];
}

const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BANK_KEYS = ['lesson', 'questions'];
const QUESTION_KEYS = ['id', 'type', 'prompt', 'choices', 'answer', 'tolerance', 'checks', 'explanation'];

export function parseQuizBank(text: string, name: string): QuizBank {
  const src = parseYamlSource(text);
  const problems: string[] = [];
  const lines = new Map<string, number>();
  const questions: Question[] = [];
  const at = (line: number, message: string): void => {
    problems.push(`${name}:${line}: ${message}`);
  };
  if (src.errors.length > 0) {
    for (const e of src.errors) problems.push(`${name}: YAML ${e}`);
    return { lesson: undefined, questions, lines, problems };
  }
  const root = src.value;
  if (!isRecord(root)) {
    at(1, 'a quiz bank is a mapping with `lesson:` (a lesson id) and `questions:` (a list)');
    return { lesson: undefined, questions, lines, problems };
  }
  for (const key of Object.keys(root)) {
    if (!BANK_KEYS.includes(key)) at(src.lineOf(childNode(src.doc.contents, key)), `unknown field "${key}"; a bank has ${BANK_KEYS.join(' and ')}`);
  }
  let lesson: string | undefined;
  if (typeof root.lesson === 'string' && root.lesson.trim() !== '') lesson = root.lesson.trim();
  else at(src.lineOf(childNode(src.doc.contents, 'lesson')), 'missing `lesson:`, the id of the lesson this bank belongs to');

  const listNode = childNode(src.doc.contents, 'questions');
  if (!Array.isArray(root.questions) || root.questions.length === 0) {
    at(src.lineOf(listNode), '`questions:` must be a list with at least one question');
    return { lesson, questions, lines, problems };
  }
  const seen = new Set<string>();
  root.questions.forEach((raw: unknown, i: number) => {
    const node = isSeq(listNode) ? listNode.items[i] : undefined;
    const line = src.lineOf(node, src.lineOf(listNode));
    const q = checkQuestion(raw, i, lesson ?? '', src, node, line, at);
    if (!q) return;
    if (seen.has(q.id)) {
      at(line, `question id "${q.id}" is used twice in this bank; ids must be unique`);
      return;
    }
    seen.add(q.id);
    lines.set(q.id, line);
    questions.push(q);
  });
  return { lesson, questions, lines, problems };
}

type Report = (line: number, message: string) => void;

function checkQuestion(
  raw: unknown,
  index: number,
  topic: string,
  src: YamlSource,
  node: unknown,
  line: number,
  at: Report,
): Question | undefined {
  if (!isRecord(raw)) {
    at(line, `question ${index + 1} is not a mapping; write id, type, prompt, answer and explanation`);
    return undefined;
  }
  const fieldLine = (key: string): number => src.lineOf(childNode(node, key), line);
  const id = typeof raw.id === 'string' ? raw.id.trim() : undefined;
  const who = id ? `question "${id}"` : `question ${index + 1}`;
  const bad = (key: string, message: string): undefined => {
    at(fieldLine(key), `${who}: ${message}`);
    return undefined;
  };
  let ok = true;
  const fail = (key: string, message: string): void => {
    bad(key, message);
    ok = false;
  };

  for (const key of Object.keys(raw)) {
    if (!QUESTION_KEYS.includes(key)) fail(key, `unknown field "${key}"; a question has ${QUESTION_KEYS.join(', ')}`);
  }
  if (!id) fail('id', 'missing `id:`, a kebab-case name unique across all banks (learner history keys on it)');
  else if (!QUESTION_ID.test(id)) fail('id', `id "${id}" must be kebab-case: lower-case letters, digits and single hyphens`);
  else if (id.startsWith('gen-')) fail('id', `id "${id}" starts with "gen-", which is kept for generated questions`);

  const type = raw.type as QuestionType;
  if (!QUESTION_TYPES.includes(type)) {
    return bad('type', `type ${describe(raw.type)} is not one of ${QUESTION_TYPES.join(', ')}`);
  }
  if (typeof raw.prompt !== 'string' || raw.prompt.trim() === '') fail('prompt', 'missing `prompt:`, the question text');
  if (typeof raw.explanation !== 'string' || raw.explanation.trim() === '') {
    fail('explanation', 'missing `explanation:`, shown after the learner answers (why the answer is right)');
  }
  if (raw.checks !== undefined && !(Array.isArray(raw.checks) && raw.checks.every((c) => typeof c === 'string'))) {
    fail('checks', '`checks:` must be a list of strings');
  }
  const isChoice = type === 'single' || type === 'multiple';
  if (!isChoice && raw.choices !== undefined) fail('choices', `\`choices:\` is only for single and multiple questions, not ${type}`);
  if (type !== 'numeric' && raw.tolerance !== undefined) fail('tolerance', `\`tolerance:\` is only for numeric questions, not ${type}`);
  if (raw.answer === undefined || raw.answer === null) {
    return bad('answer', `missing \`answer:\` (${ANSWER_SHAPE[type]})`);
  }

  const base = {
    id: id ?? '',
    topic,
    prompt: typeof raw.prompt === 'string' ? raw.prompt.trim() : '',
    explanation: typeof raw.explanation === 'string' ? raw.explanation.trim() : '',
  };
  switch (type) {
    case 'single':
    case 'multiple': {
      const choices = checkChoices(raw.choices, (m) => fail('choices', m));
      if (!choices) return undefined;
      const range = `0 to ${choices.length - 1} (choices count from 0)`;
      if (type === 'single') {
        if (!isIndex(raw.answer)) return bad('answer', `answer ${describe(raw.answer)} must be the number of the right choice, ${range}`);
        if (raw.answer >= choices.length) return bad('answer', `answer ${raw.answer} is out of range; there are ${choices.length} choices, ${range}`);
        return ok ? { ...base, type, choices, answer: raw.answer } : undefined;
      }
      if (!Array.isArray(raw.answer) || raw.answer.length === 0 || !raw.answer.every(isIndex)) {
        return bad('answer', `answer ${describe(raw.answer)} must be a list of the right choices' numbers, such as [0, 2]; ${range}`);
      }
      const answers = raw.answer as number[];
      const outside = answers.filter((a) => a >= choices.length);
      if (outside.length > 0) return bad('answer', `answer ${outside.join(', ')} is out of range; there are ${choices.length} choices, ${range}`);
      if (new Set(answers).size !== answers.length) return bad('answer', 'answer lists a choice twice');
      return ok ? { ...base, type, choices, answer: [...answers].sort((a, b) => a - b) } : undefined;
    }
    case 'numeric': {
      if (typeof raw.answer !== 'number' || !Number.isFinite(raw.answer)) {
        return bad('answer', `answer ${describe(raw.answer)} must be a number, such as 4096 (no commas or units)`);
      }
      let tolerance = 0;
      if (raw.tolerance !== undefined) {
        if (typeof raw.tolerance !== 'number' || !(raw.tolerance >= 0)) return bad('tolerance', '`tolerance:` must be a number 0 or more');
        tolerance = raw.tolerance;
      }
      return ok ? { ...base, type, answer: raw.answer, tolerance } : undefined;
    }
    case 'cidr': {
      const text = String(raw.answer).trim();
      try {
        const c = parseCidr(text);
        if (c.hostBitsSet) return bad('answer', `answer ${text} has host bits set; the block it names is ${formatCidr(c)}`);
        return ok ? { ...base, type, answer: formatCidr(c) } : undefined;
      } catch (e) {
        return bad('answer', `answer is not a valid CIDR block: ${messageOf(e)}`);
      }
    }
    case 'address': {
      const text = String(raw.answer).trim();
      try {
        parseIp(text);
        return ok ? { ...base, type, answer: text } : undefined;
      } catch (e) {
        return bad('answer', `answer is not a valid address: ${messageOf(e)}`);
      }
    }
  }
}

const ANSWER_SHAPE: Record<QuestionType, string> = {
  single: 'the number of the right choice, counting from 0',
  multiple: 'a list of the right choices, counting from 0, such as [0, 2]',
  numeric: 'a number, such as 4096',
  cidr: 'a block such as 10.0.0.0/16',
  address: 'an address such as 10.0.1.5',
};

function checkChoices(raw: unknown, fail: (message: string) => void): string[] | undefined {
  if (!Array.isArray(raw) || raw.length < 2) {
    fail('`choices:` must be a list of at least two choices');
    return undefined;
  }
  const texts: string[] = [];
  for (const [i, c] of raw.entries()) {
    if ((typeof c !== 'string' && typeof c !== 'number') || String(c).trim() === '') {
      fail(`choice ${i} is empty or not text`);
      return undefined;
    }
    texts.push(String(c).trim());
  }
  const dup = texts.find((t, i) => texts.indexOf(t) !== i);
  if (dup !== undefined) {
    fail(`choice "${dup}" appears twice`);
    return undefined;
  }
  return texts;
}

function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return '(missing)';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function messageOf(e: unknown): string {
  return e instanceof AddressFormatError || e instanceof Error ? e.message : String(e);
}
