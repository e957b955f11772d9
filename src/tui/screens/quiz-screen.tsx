import { useState } from 'react';
import { choiceLetter, type Question } from '../../content/quiz/types.js';
import { Frame } from '../components/frame.js';
import { useKeys } from '../components/key-router.js';
import { useLook } from '../components/look-context.js';
import type { Keys } from '../input.js';
import { KEYS, type KeyBinding } from '../keys.js';
import { frameLayout, promptLine, statusText } from '../layout.js';
import { quizLines } from '../quiz-lines.js';
import { currentQuestion, isTyping, quizKey, score, startQuiz, type QuizSession, type Verdict } from '../quiz-session.js';
import { applyScroll, clampOffset, revealOffset } from '../scroll.js';

export interface QuizResult {
  readonly answered: number;
  readonly correct: number;
  readonly total: number;
}

export interface QuizScreenProps {
  /** "Quiz · ip-addresses-and-cidr (lesson 3)". */
  readonly title: string;
  readonly questions: readonly Question[];
  readonly width: number;
  readonly height: number;
  readonly active?: boolean;
  readonly status?: string;
  /** Every answer, when it is given: record it. */
  readonly onAnswer: (verdict: Verdict) => void;
  readonly onBack: (result: QuizResult) => void;
  readonly onHelp: () => void;
}

/** One question at a time: choose or type, see right or wrong and why, then the score. */
export function QuizScreen(props: QuizScreenProps) {
  const { width, height, active = true } = props;
  const look = useLook();
  const [session, setSession] = useState<QuizSession>(() => startQuiz(props.questions));
  const [offset, setOffset] = useState(0);
  const hints = hintsFor(session);
  const status = statusFor(session, width);
  const layout = frameLayout(width, height, hints, status, look);
  const { lines, focus } = quizLines(session, width, look.mode, look.boxes);
  const top = clampOffset(offset, lines.length, layout.bodyHeight);

  useKeys(
    (input: string, key: Keys) => {
      if ((key.pageUp || key.pageDown) && !key.ctrl) {
        setOffset(applyScroll(top, key.pageUp ? 'pageUp' : 'pageDown', lines.length, layout.bodyHeight));
        return;
      }
      const step = quizKey(session, input, key);
      if (step.answered) props.onAnswer(step.answered);
      if (step.leave) {
        const { correct, answered } = score(step.session);
        props.onBack({ correct, answered, total: session.questions.length });
        return;
      }
      if (step.help) props.onHelp();
      if (step.session === session) return;
      const next = quizLines(step.session, width, look.mode, look.boxes);
      const h = frameLayout(width, height, hintsFor(step.session), statusFor(step.session, width), look).bodyHeight;
      const moved = step.session.index !== session.index || step.session.phase !== session.phase;
      // A new question starts at its top; a verdict is brought into view; the cursor stays visible.
      if (step.session.phase === 'feedback' && moved) setOffset(clampOffset(next.focus, next.lines.length, h));
      else if (moved) setOffset(0);
      else setOffset(revealOffset(top, next.focus, next.lines.length, h));
      setSession(step.session);
    },
    { active, text: isTyping(session) },
  );

  const { correct, answered } = score(session);
  const q = currentQuestion(session);
  const info = q ? `${session.index + 1} of ${session.questions.length} · ${correct}/${answered} right` : 'finished';
  return <Frame layout={layout} title={props.title} info={info} body={lines.slice(top, top + layout.bodyHeight)} />;
}

function hintsFor(s: QuizSession): KeyBinding[] {
  const k = KEYS.quiz;
  if (s.phase === 'done') return [k.finish, k.page];
  if (s.phase === 'feedback') return [k.next, k.page, k.help, k.back];
  if (isTyping(s)) return [k.type, k.answer, k.page, k.escBack];
  const multiple = currentQuestion(s)?.type === 'multiple';
  return [k.choose, ...(multiple ? [k.toggle] : []), k.answer, k.page, k.help, k.back];
}

function statusFor(s: QuizSession, width: number) {
  if (s.notice) return statusText(s.notice, width);
  if (isTyping(s)) return promptLine('Your answer', s.typed, width);
  if (s.phase === 'asking' && currentQuestion(s)?.type === 'multiple') {
    return statusText(s.picked.length === 0 ? 'Nothing ticked yet.' : `Ticked: ${s.picked.map((i) => choiceLetter(i)).join(', ')}`, width);
  }
  return statusText('', width);
}
