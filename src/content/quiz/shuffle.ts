import { createRng } from '../../engine/random.js';
import { hasChoices, type Question } from './types.js';

/**
 * The question with its choices in an order drawn from the seed and the question's id, so
 * every attempt (every seed) shows them differently and no position gives an answer away;
 * the same seed shows the same order again. `answer` is moved along and `choiceOrder` keeps
 * each shown choice's index in the bank, so the history records the choice, not its letter.
 * Questions whose choices are `ordered` (the hops of a path) keep their order.
 */
export function shuffleChoices<Q extends Question>(q: Q, seed: string | number): Q {
  if (!hasChoices(q) || q.ordered || q.choiceOrder) return q;
  const order = createRng(`choices-${seed}-${q.id}`).shuffle(q.choices.map((_, i) => i));
  const choices = order.map((i) => q.choices[i]);
  const shownAt = (bankIndex: number): number => order.indexOf(bankIndex);
  if (q.type === 'single') return { ...q, choices, answer: shownAt(q.answer), choiceOrder: order };
  return { ...q, choices, answer: q.answer.map(shownAt).sort((a, b) => a - b), choiceOrder: order };
}
