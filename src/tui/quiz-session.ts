import { answerProblem, checkAnswer, recordedAnswer } from '../content/quiz/check.js';
import { choiceLetter, hasChoices, type Question } from '../content/quiz/types.js';
import { isBack, isErase, type Keys } from './input.js';
import { editLine } from './line-edit.js';

/**
 * A quiz in the terminal app, one question at a time, as a pure state machine: each key
 * gives the next state, and when an answer was given, what to record. Answers are checked
 * by the same `checkAnswer` as `cloudlab quiz`, from the same text a learner would type
 * there ("b", "a, c", "10.0.0.0/16").
 */
export type QuizPhase = 'asking' | 'feedback' | 'done';

export interface Verdict {
  readonly questionId: string;
  /** What the history keeps: the chosen choice's text, or what was typed. */
  readonly answer: string;
  /** The bank's indexes of the chosen choices (choice questions). */
  readonly chosen?: readonly number[];
  readonly correct: boolean;
  readonly feedback: string;
}

export interface QuizSession {
  readonly questions: readonly Question[];
  readonly index: number;
  readonly phase: QuizPhase;
  /** The highlighted choice. */
  readonly cursor: number;
  /** Choices ticked (multiple) or chosen (single). */
  readonly picked: readonly number[];
  /** The typed answer (numeric, cidr, address). */
  readonly typed: string;
  /** Every answer given, in order; the last is the one shown as feedback. */
  readonly verdicts: readonly Verdict[];
  /** Why Enter did nothing ("tick at least one choice"). */
  readonly notice?: string;
}

export interface QuizStep {
  readonly session: QuizSession;
  /** Set on the key that answered a question: record it. */
  readonly answered?: Verdict;
  /** The learner leaves the quiz. */
  readonly leave?: boolean;
  /** `?` was pressed where it is not part of an answer. */
  readonly help?: boolean;
}

export function startQuiz(questions: readonly Question[]): QuizSession {
  return { questions, index: 0, phase: questions.length === 0 ? 'done' : 'asking', cursor: 0, picked: [], typed: '', verdicts: [] };
}

export function currentQuestion(s: QuizSession): Question | undefined {
  return s.phase === 'done' ? undefined : s.questions[s.index];
}

/** Whether the current question takes typed text, so letters are not keys. */
export function isTyping(s: QuizSession): boolean {
  const q = currentQuestion(s);
  return s.phase === 'asking' && q !== undefined && !hasChoices(q);
}

export function score(s: QuizSession): { correct: number; answered: number } {
  return { correct: s.verdicts.filter((v) => v.correct).length, answered: s.verdicts.length };
}

export function quizKey(s: QuizSession, input: string, key: Keys): QuizStep {
  if (s.phase === 'done') {
    return key.return || isBack(input, key) ? { session: s, leave: true } : { session: s, help: input === '?' };
  }
  if (s.phase === 'feedback') {
    if (key.return || input === 'n' || input === ' ') return { session: advance(s) };
    if (isBack(input, key)) return { session: s, leave: true };
    return { session: s, help: input === '?' };
  }
  const q = s.questions[s.index];
  return hasChoices(q) ? choiceKey(s, q, input, key) : typedKey(s, q, input, key);
}

function choiceKey(s: QuizSession, q: Extract<Question, { choices: readonly string[] }>, input: string, key: Keys): QuizStep {
  const n = q.choices.length;
  const letter = key.ctrl || key.meta ? -1 : q.choices.findIndex((_, i) => choiceLetter(i) === input.toLowerCase());
  const multiple = q.type === 'multiple';
  const pick = (i: number): QuizSession => ({
    ...s,
    cursor: i,
    notice: undefined,
    picked: multiple ? (s.picked.includes(i) ? s.picked.filter((p) => p !== i) : [...s.picked, i].sort((a, b) => a - b)) : [i],
  });
  if (letter >= 0) return { session: pick(letter) };
  if (key.upArrow || input === 'k') return { session: { ...s, cursor: Math.max(0, s.cursor - 1) } };
  if (key.downArrow || input === 'j') return { session: { ...s, cursor: Math.min(n - 1, s.cursor + 1) } };
  if (input === ' ') return { session: pick(s.cursor) };
  if (key.return) {
    const chosen = multiple ? s.picked : s.picked.length > 0 ? s.picked : [s.cursor];
    if (chosen.length === 0) return { session: { ...s, notice: 'Tick every right choice first (its letter, or Space), then Enter.' } };
    return answer(s, q, chosen.map(choiceLetter).join(', '));
  }
  if (isBack(input, key)) return { session: s, leave: true };
  return { session: s, help: input === '?' };
}

function typedKey(s: QuizSession, q: Question, input: string, key: Keys): QuizStep {
  if (key.escape) return { session: s, leave: true };
  const edit = editLine(s.typed, input, key);
  if (edit.action === 'submit') {
    if (s.typed.trim() === '') return { session: { ...s, notice: 'Type your answer, then Enter.' } };
    // Text that is no answer at all ("ten" for a number) is asked again, as in `cloudlab quiz`.
    const problem = answerProblem(q, s.typed);
    if (problem !== undefined) return { session: { ...s, notice: problem } };
    return answer(s, q, s.typed.trim());
  }
  if (isErase(key) || edit.value !== s.typed) return { session: { ...s, typed: edit.value, notice: undefined } };
  return { session: s };
}

function answer(s: QuizSession, q: Question, text: string): QuizStep {
  const result = checkAnswer(q, text);
  const verdict: Verdict = { questionId: q.id, ...recordedAnswer(q, text), correct: result.correct, feedback: result.feedback };
  return { session: { ...s, phase: 'feedback', notice: undefined, verdicts: [...s.verdicts, verdict] }, answered: verdict };
}

function advance(s: QuizSession): QuizSession {
  const index = s.index + 1;
  if (index >= s.questions.length) return { ...s, phase: 'done' };
  return { ...s, index, phase: 'asking', cursor: 0, picked: [], typed: '', notice: undefined };
}
