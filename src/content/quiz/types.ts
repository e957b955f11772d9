/** The kinds of question a quiz bank may hold (lessons/NN-<id>.quiz.yaml). */
export const QUESTION_TYPES = ['single', 'multiple', 'numeric', 'cidr', 'address'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

interface QuestionBase {
  /** Unique across all banks; the learner's history keys on it. */
  readonly id: string;
  /** The lesson id of a bank question, or "cidr" for a generated one. */
  readonly topic: string;
  readonly prompt: string;
  readonly explanation: string;
}

interface ChoiceBase extends QuestionBase {
  readonly choices: readonly string[];
  /**
   * Set when the choices are shown shuffled: the bank's index of each choice as shown
   * (`choices[i]` is the bank's choice `choiceOrder[i]`). `answer` counts the shown order.
   */
  readonly choiceOrder?: readonly number[];
  /** The choices have a meaning in their order (the hops of a path): never shuffled. */
  readonly ordered?: boolean;
}

/** One right choice; `answer` counts from 0. */
export interface SingleQuestion extends ChoiceBase {
  readonly type: 'single';
  readonly answer: number;
}

/** Several right choices; `answer` lists them, counting from 0. */
export interface MultipleQuestion extends ChoiceBase {
  readonly type: 'multiple';
  readonly answer: readonly number[];
}

export interface NumericQuestion extends QuestionBase {
  readonly type: 'numeric';
  readonly answer: number;
  /** An answer within this distance of `answer` is right. */
  readonly tolerance: number;
}

/** The answer is a block in canonical form (no host bits), such as 10.0.0.0/16. */
export interface CidrQuestion extends QuestionBase {
  readonly type: 'cidr';
  readonly answer: string;
}

/** The answer is one IPv4 address, such as 10.0.1.5 or a netmask 255.255.240.0. */
export interface AddressQuestion extends QuestionBase {
  readonly type: 'address';
  readonly answer: string;
}

export type Question = SingleQuestion | MultipleQuestion | NumericQuestion | CidrQuestion | AddressQuestion;

export type ChoiceQuestion = SingleQuestion | MultipleQuestion;

export function hasChoices(q: Question): q is ChoiceQuestion {
  return q.type === 'single' || q.type === 'multiple';
}

/** a, b, c … for choice 0, 1, 2 …; past z: aa, ab … */
export function choiceLetter(index: number): string {
  let n = index;
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** A question as shown to a learner before they answer: everything but the answer. */
export interface PublicQuestion {
  readonly id: string;
  readonly topic: string;
  readonly type: QuestionType;
  readonly prompt: string;
  readonly choices?: readonly string[];
}

export function withoutAnswer(q: Question): PublicQuestion {
  return {
    id: q.id,
    topic: q.topic,
    type: q.type,
    prompt: q.prompt,
    ...(hasChoices(q) ? { choices: q.choices } : {}),
  };
}
