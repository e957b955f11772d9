import { AddressFormatError, formatCidr, formatIp, parseCidr, parseIp } from '../../engine/address.js';
import { choiceLetter, hasChoices, type ChoiceQuestion, type Question } from './types.js';

/** The verdict on one answer; `feedback` says what was wrong, and what is right. */
export interface CheckResult {
  readonly correct: boolean;
  readonly feedback: string;
}

/**
 * Checks a learner's typed answer. Choices are named by letter (a, b, …), by number counting
 * from 1 as shown, or (single) by the choice's text; numbers may have thousands separators;
 * blocks and addresses are compared after normalising.
 */
export function checkAnswer(q: Question, input: string): CheckResult {
  const text = input.trim();
  switch (q.type) {
    case 'single':
      return checkSingle(q, text);
    case 'multiple':
      return checkMultiple(q, text);
    case 'numeric':
      return checkNumeric(q.answer, q.tolerance, text);
    case 'cidr':
      return checkCidr(q.answer, text);
    case 'address':
      return checkAddress(q.answer, text);
  }
}

/**
 * Why the input is not an answer to the question at all, or undefined when it is one (right
 * or wrong). A quiz asks again after such input instead of scoring it: a blank line, a letter
 * past the last choice, "1,024" to an a-d question, words where a number or block is asked.
 */
export function answerProblem(q: Question, input: string): string | undefined {
  const text = input.trim();
  if (text === '') return `No answer given. ${howToAnswer(q)}`;
  switch (q.type) {
    case 'single':
      return pickOne(q, text) === undefined ? `"${text}" is not one of the choices. ${howToAnswer(q)}` : undefined;
    case 'multiple': {
      const { picked, unknown } = pickMany(q, text);
      if (unknown.length === 0) return picked.size > 0 ? undefined : `No choice given. ${howToAnswer(q)}`;
      return `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a choice. ${howToAnswer(q)}`;
    }
    case 'numeric':
      return parseNumber(text) === undefined ? `"${text}" is not a number. ${howToAnswer(q)}` : undefined;
    case 'cidr':
      try {
        parseCidr(text);
        return undefined;
      } catch (e) {
        return `${reason(e)}. ${howToAnswer(q)}`;
      }
    case 'address':
      if (text.includes('/')) return `${text} is a block; the answer is one address, without a /prefix. ${howToAnswer(q)}`;
      try {
        parseIp(text);
        return undefined;
      } catch (e) {
        return `${reason(e)}. ${howToAnswer(q)}`;
      }
  }
}

/** One sentence on the form of an answer, for a learner who typed something else. */
function howToAnswer(q: Question): string {
  switch (q.type) {
    case 'single':
      return `Answer with a letter from a to ${choiceLetter(q.choices.length - 1)}, or the text of a choice.`;
    case 'multiple':
      return `Name every right choice by its letter, from a to ${choiceLetter(q.choices.length - 1)}, such as "a, c".`;
    case 'numeric':
      return 'Answer with digits, such as 4096 or 4,096.';
    case 'cidr':
      return 'Answer with a block, such as 10.0.0.0/16.';
    case 'address':
      return 'Answer with one address, such as 10.0.1.5.';
  }
}

/**
 * The bank's indexes of the choices an answer names (through `choiceOrder` when the choices
 * were shuffled), or undefined for a typed answer or input that names no choice.
 */
export function chosenChoices(q: Question, input: string): number[] | undefined {
  if (q.type !== 'single' && q.type !== 'multiple') return undefined;
  const text = input.trim();
  let shown: number[];
  if (q.type === 'single') {
    const i = pickOne(q, text);
    if (i === undefined) return undefined;
    shown = [i];
  } else {
    const { picked, unknown } = pickMany(q, text);
    if (unknown.length > 0 || picked.size === 0) return undefined;
    shown = [...picked];
  }
  const order = q.choiceOrder;
  return shown.map((i) => (order ? order[i] : i)).sort((a, b) => a - b);
}

/**
 * What to keep in the learner's history for an answer: for a choice question, the chosen
 * choices themselves (their text, and their indexes in the bank), never a letter, since the
 * letters change with every shuffle; for the others, what was typed.
 */
export function recordedAnswer(q: Question, input: string): { answer: string; chosen?: number[] } {
  const chosen = chosenChoices(q, input);
  if (!chosen || !hasChoices(q)) return { answer: input.trim() };
  const order = q.choiceOrder;
  const textOf = (bankIndex: number): string => q.choices[order ? order.indexOf(bankIndex) : bankIndex];
  return { answer: chosen.map(textOf).join('; '), chosen };
}

/** The right answer as a learner would type it: "b", "a, c", "4,096", "10.0.0.0/16". */
export function answerText(q: Question): string {
  switch (q.type) {
    case 'single':
      return `${choiceLetter(q.answer)}) ${q.choices[q.answer]}`;
    case 'multiple':
      return q.answer.map((i) => `${choiceLetter(i)}) ${q.choices[i]}`).join('; ');
    case 'numeric':
      return formatNumber(q.answer) + (q.tolerance > 0 ? ` (± ${formatNumber(q.tolerance)})` : '');
    case 'cidr':
    case 'address':
      return q.answer;
  }
}

function checkSingle(q: Extract<Question, { type: 'single' }>, text: string): CheckResult {
  const picked = pickOne(q, text);
  const right = `The answer is ${answerText(q)}.`;
  if (picked === undefined) {
    return { correct: false, feedback: `"${text}" is not one of the choices (${rangeHint(q)}). ${right}` };
  }
  if (picked === q.answer) return { correct: true, feedback: `Correct: ${answerText(q)}.` };
  return { correct: false, feedback: `You chose ${choiceLetter(picked)}) ${q.choices[picked]}. ${right}` };
}

/**
 * A letter, the exact text of a choice (a number compared as a number: "1,024" is the choice
 * "1024"), or a number from 1 counting the choices as shown.
 */
function pickOne(q: ChoiceQuestion, text: string): number | undefined {
  const lower = text.toLowerCase().replace(/[).]$/, '');
  const byLetter = q.choices.findIndex((_, i) => choiceLetter(i) === lower);
  if (byLetter >= 0) return byLetter;
  const byText = q.choices.findIndex((c) => normalise(c) === normalise(text));
  if (byText >= 0) return byText;
  const value = parseNumber(text);
  if (value !== undefined) {
    const byValue = q.choices.findIndex((c) => parseNumber(c) === value);
    if (byValue >= 0) return byValue;
  }
  if (/^\d+$/.test(lower) && Number(lower) >= 1 && Number(lower) <= q.choices.length) return Number(lower) - 1;
  return undefined;
}

function checkMultiple(q: Extract<Question, { type: 'multiple' }>, text: string): CheckResult {
  const right = `The answer is ${answerText(q)}.`;
  const { picked, unknown } = pickMany(q, text);
  if (unknown.length > 0 || picked.size === 0) {
    const what =
      unknown.length > 0
        ? `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a choice`
        : 'no choice given';
    return { correct: false, feedback: `${capitalise(what)} (${rangeHint(q)}; name every right choice, such as "a, c"). ${right}` };
  }
  const missed = q.answer.filter((i) => !picked.has(i));
  const extra = [...picked].filter((i) => !q.answer.includes(i)).sort((a, b) => a - b);
  if (missed.length === 0 && extra.length === 0) return { correct: true, feedback: `Correct: ${answerText(q)}.` };
  const notes: string[] = [];
  if (extra.length > 0) notes.push(`${extra.length === 1 ? 'choice' : 'choices'} ${letters(extra)} ${extra.length === 1 ? 'is' : 'are'} not right`);
  if (missed.length > 0) notes.push(`you missed ${letters(missed)}`);
  return { correct: false, feedback: `${capitalise(notes.join('; '))}. ${right}` };
}

/** "a, c", "a c", "1 3", "ac"; or the text of one choice when the words are not choices. */
function pickMany(q: ChoiceQuestion, text: string): { picked: Set<number>; unknown: string[] } {
  let tokens = text
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter((t) => t !== '' && t !== 'and');
  if (tokens.length === 1 && /^[a-z]{2,}$/.test(tokens[0]) && [...tokens[0]].every((ch) => pickOne(q, ch) !== undefined)) {
    tokens = [...tokens[0]];
  }
  const picked = new Set<number>();
  const unknown: string[] = [];
  for (const t of tokens) {
    const i = pickOne(q, t);
    if (i === undefined) unknown.push(t);
    else picked.add(i);
  }
  const whole = pickOne(q, text);
  if (unknown.length > 0 && whole !== undefined) return { picked: new Set([whole]), unknown: [] };
  return { picked, unknown };
}

function checkNumeric(answer: number, tolerance: number, text: string): CheckResult {
  const value = parseNumber(text);
  const right = `The answer is ${formatNumber(answer)}${tolerance > 0 ? ` (± ${formatNumber(tolerance)})` : ''}.`;
  if (value === undefined) return { correct: false, feedback: `"${text}" is not a number; write digits, such as 4096 or 4,096. ${right}` };
  if (Math.abs(value - answer) <= tolerance + 1e-9) return { correct: true, feedback: `Correct: ${formatNumber(answer)}.` };
  const dir = value > answer ? 'too high' : 'too low';
  return { correct: false, feedback: `${formatNumber(value)} is ${dir}. ${right}` };
}

/** "4,096", "4 096", "4_096", "/27" (a prefix length) and "1e3" are numbers; "12abc" is not. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(/^\//, '');
  if (!/^[-+]?(\d{1,3}([, _]\d{3})+|\d+)(\.\d+)?$|^[-+]?\.\d+$|^[-+]?\d+(\.\d+)?e[-+]?\d+$/i.test(t)) return undefined;
  const n = Number(t.replace(/[, _]/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

function checkCidr(answer: string, text: string): CheckResult {
  const right = `The answer is ${answer}.`;
  if (text === '') return { correct: false, feedback: `No block given. ${right}` };
  let c;
  try {
    c = parseCidr(text);
  } catch (e) {
    return { correct: false, feedback: `${reason(e)}. ${right}` };
  }
  const canonical = formatCidr(c);
  if (c.hostBitsSet) {
    const same = canonical === answer ? ', the right network, but a block is written with its host bits zero' : '';
    return {
      correct: false,
      feedback: `${text.trim()} has host bits set: it names the network ${canonical}${same}. ${right}`,
    };
  }
  if (canonical === answer) return { correct: true, feedback: `Correct: ${answer}.` };
  const want = parseCidr(answer);
  const hint =
    c.prefix !== want.prefix && c.network === want.network
      ? `the prefix length is wrong (/${c.prefix}, not /${want.prefix})`
      : c.prefix === want.prefix
        ? `the prefix length is right but the network address is not`
        : `both the network address and the prefix length differ`;
  return { correct: false, feedback: `${canonical}: ${hint}. ${right}` };
}

function checkAddress(answer: string, text: string): CheckResult {
  const right = `The answer is ${answer}.`;
  if (text === '') return { correct: false, feedback: `No address given. ${right}` };
  if (text.includes('/')) return { correct: false, feedback: `${text} is a block; the answer is one address, without a /prefix. ${right}` };
  let ip: number;
  try {
    ip = parseIp(text);
  } catch (e) {
    return { correct: false, feedback: `${reason(e)}. ${right}` };
  }
  if (ip === parseIp(answer)) return { correct: true, feedback: `Correct: ${answer}.` };
  return { correct: false, feedback: `You wrote ${formatIp(ip)}. ${right}` };
}

function reason(e: unknown): string {
  const m = e instanceof AddressFormatError || e instanceof Error ? e.message : String(e);
  return capitalise(m.replace(/\.$/, ''));
}

function rangeHint(q: ChoiceQuestion): string {
  const last = q.choices.length - 1;
  return `choose a letter from a to ${choiceLetter(last)}, or a number from 1 to ${last + 1}`;
}

function letters(indexes: readonly number[]): string {
  return indexes.map(choiceLetter).join(', ');
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}
