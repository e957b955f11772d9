import { renderMarkdown } from '../markdown/render.js';
import { line, seg, type RenderedLine } from '../markdown/segments.js';
import { THEME, type RenderMode } from '../markdown/theme.js';
import { wrapSegments } from '../markdown/wrap.js';
import { choiceLetter, hasChoices, type Question } from './types.js';

/** How to answer each kind of question, shown under the prompt. */
export function answerHint(q: Question): string {
  switch (q.type) {
    case 'single':
      return `Answer with a letter (a-${choiceLetter(q.choices.length - 1)}).`;
    case 'multiple':
      return 'Name every right choice, such as "a, c".';
    case 'numeric':
      return 'Answer with a number.';
    case 'cidr':
      return 'Answer with a block, such as 10.0.0.0/16.';
    case 'address':
      return 'Answer with one address, such as 10.0.1.5.';
  }
}

/**
 * A question as lines for a terminal: "Question 2 of 10", the prompt (Markdown), the
 * choices a), b), … with a hanging indent, and how to answer.
 */
export function presentQuestion(q: Question, position: number, total: number, width: number, mode: RenderMode): RenderedLine[] {
  const out: RenderedLine[] = [line([seg(`Question ${position} of ${total}`, THEME.heading)])];
  out.push(...renderMarkdown(q.prompt, { width, mode }));
  if (hasChoices(q)) {
    out.push(line([]));
    q.choices.forEach((choice, i) => {
      const label = `  ${choiceLetter(i)}) `;
      const body = wrapSegments([seg(choice)], Math.max(10, width - label.length));
      body.forEach((l, k) => out.push(line([seg(k === 0 ? label : ' '.repeat(label.length), k === 0 ? THEME.marker : {}), ...l.segments])));
    });
  }
  out.push(line([seg(answerHint(q), THEME.url)]));
  return out;
}
