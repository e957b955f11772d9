import { BLANK, line, renderMarkdown, seg, THEME, wrapSegments, type RenderedLine, type RenderMode } from '../content/markdown/index.js';
import { answerHint } from '../content/quiz/present.js';
import { choiceLetter, hasChoices, type Question } from '../content/quiz/types.js';
import { currentQuestion, score, type QuizSession } from './quiz-session.js';
import { fitText } from './text.js';

/**
 * The quiz screen's lines for a state: the question with its choices, the verdict and
 * explanation after an answer, the score at the end. `focus` is the line to keep in view.
 * Without `boxes` (for screen readers) a long line of the score wraps instead of being cut.
 */
export interface QuizLines {
  readonly lines: RenderedLine[];
  readonly focus: number;
}

const RIGHT = { bold: true, color: 'green' } as const;
const WRONG = { bold: true, color: 'red' } as const;

export function quizLines(s: QuizSession, width: number, mode: RenderMode, boxes = true): QuizLines {
  const q = currentQuestion(s);
  if (!q) return summaryLines(s, width, boxes);
  const lines: RenderedLine[] = [line([seg(`Question ${s.index + 1} of ${s.questions.length}`, THEME.heading)]), BLANK];
  lines.push(...renderMarkdown(q.prompt, { width, mode }));
  let focus = 0;
  const verdict = s.phase === 'feedback' ? s.verdicts[s.verdicts.length - 1] : undefined;
  if (hasChoices(q)) {
    lines.push(BLANK);
    const right = new Set(q.type === 'single' ? [q.answer] : q.answer);
    q.choices.forEach((choice, i) => {
      const at = s.cursor === i && !verdict;
      if (at) focus = lines.length;
      let mark = at ? '› ' : '  ';
      if (verdict) mark = right.has(i) ? '✓ ' : s.picked.includes(i) ? '✗ ' : '  ';
      const box = q.type === 'multiple' ? (s.picked.includes(i) ? '[x] ' : '[ ] ') : '';
      const label = `${mark}${box}${choiceLetter(i)}) `;
      const markStyle = verdict ? (right.has(i) ? RIGHT : WRONG) : THEME.marker;
      const body = wrapSegments([seg(choice, at ? { bold: true } : {})], Math.max(10, width - label.length));
      body.forEach((l, k) =>
        lines.push(line(k === 0 ? [seg(mark, markStyle), seg(`${box}${choiceLetter(i)}) `, THEME.marker), ...l.segments] : [seg(' '.repeat(label.length)), ...l.segments])),
      );
    });
  }
  if (!verdict) {
    lines.push(BLANK, line([seg(answerHint(q), THEME.url)]));
    return { lines, focus };
  }
  lines.push(BLANK);
  focus = lines.length;
  const head = verdict.correct ? seg('✓ Correct.', RIGHT) : seg('✗ Incorrect.', WRONG);
  lines.push(...wrapSegments(verdict.correct ? [head] : [head, seg(' '), seg(verdict.feedback)], width));
  lines.push(BLANK, ...renderMarkdown(q.explanation, { width, mode }), BLANK);
  const last = s.index + 1 >= s.questions.length;
  lines.push(line([seg(last ? 'Press Enter to see your score.' : 'Press Enter for the next question.', THEME.url)]));
  return { lines, focus };
}

function summaryLines(s: QuizSession, width: number, boxes: boolean): QuizLines {
  const { correct, answered } = score(s);
  const pct = answered === 0 ? 0 : Math.round((100 * correct) / answered);
  const lines: RenderedLine[] = [line([seg(`Score: ${correct} of ${answered} (${pct}%)`, THEME.heading)]), BLANK];
  s.verdicts.forEach((v, i) => {
    const q = s.questions.find((x) => x.id === v.questionId);
    const prompt = (q?.prompt ?? v.questionId).replace(/\s+/g, ' ').replace(/`|\*\*/g, '').trim();
    const mark = v.correct ? seg('✓ ', RIGHT) : seg('✗ ', WRONG);
    fitText(`${i + 1}. ${prompt}`, width - 2, boxes).forEach((l, k) => lines.push(line([k === 0 ? mark : seg('  '), ...l.segments])));
  });
  if (answered < s.questions.length) lines.push(BLANK, line([seg(`${s.questions.length - answered} question(s) not answered.`)]));
  lines.push(BLANK, ...wrapSegments([seg('Your answers are recorded; questions you missed come back sooner.', THEME.url)], width));
  return { lines, focus: 0 };
}
