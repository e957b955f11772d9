import { useEffect, useMemo, useState } from 'react';
import { lessonMarkdown } from '../../content/lessons.js';
import type { Lesson } from '../../content/lessons.js';
import { BLANK, line, renderMarkdown, seg, THEME } from '../../content/markdown/index.js';
import { Frame } from '../components/frame.js';
import { useKeys } from '../components/key-router.js';
import { useLook } from '../components/look-context.js';
import { isBack, type Keys } from '../input.js';
import { KEYS } from '../keys.js';
import { frameLayout } from '../layout.js';
import { applyScroll, clampOffset, positionLabel, scrollMove } from '../scroll.js';
import { splitWide, withoutRules } from '../text.js';

export interface LessonReaderProps {
  /** Every lesson, in course order (for n and p). */
  readonly lessons: readonly Lesson[];
  readonly lessonId: string;
  readonly width: number;
  readonly height: number;
  readonly active?: boolean;
  readonly status?: string;
  /** Called when the end of a lesson has been shown: marks it read. */
  readonly onRead: (lessonId: string) => void;
  readonly onQuiz: (lessonId: string) => void;
  readonly onLab: (lessonId: string) => void;
  readonly onBack: () => void;
  readonly onHelp: () => void;
  readonly say: (message: string) => void;
}

/** Markdown wider than this is hard to read; wide terminals get a margin instead. */
const MAX_TEXT_WIDTH = 100;

export function LessonReader(props: LessonReaderProps) {
  const { lessons, width, height, active = true } = props;
  const look = useLook();
  const [id, setId] = useState(props.lessonId);
  const [offset, setOffset] = useState(0);
  const index = Math.max(0, lessons.findIndex((l) => l.id === id));
  const lesson = lessons[index];

  const lines = useMemo(() => {
    if (!lesson) return [];
    const rendered = renderMarkdown(lessonMarkdown(lesson), { width: Math.min(width, MAX_TEXT_WIDTH), mode: look.mode });
    const text = look.boxes ? rendered : splitWide(withoutRules(rendered), Math.min(width, MAX_TEXT_WIDTH));
    const next = [`t quiz`, ...labStep(lesson), ...(index + 1 < lessons.length ? ['n next lesson'] : [])];
    return [...text, BLANK, line([seg(`End of lesson ${lesson.order}. Next: ${next.join(' · ')}`, THEME.url)])];
  }, [lesson, width, look.mode, look.boxes, index, lessons.length]);

  const hints = [KEYS.lesson.line, KEYS.lesson.page, KEYS.lesson.ends, KEYS.lesson.next, KEYS.lesson.quiz, ...(lesson && lesson.labs.length > 0 ? [KEYS.lesson.lab] : []), KEYS.lesson.help, KEYS.lesson.back];
  const layout = frameLayout(width, height, hints, props.status, look);
  const top = clampOffset(offset, lines.length, layout.bodyHeight);
  // A lesson counts as read once its last line has been on the screen, not when it opens.
  const atEnd = top + layout.bodyHeight >= lines.length;
  const { onRead } = props;
  useEffect(() => {
    if (lesson && atEnd) onRead(lesson.id);
  }, [lesson?.id, atEnd]);

  const go = (to: number): void => {
    if (to < 0) return props.say('This is the first lesson.');
    if (to >= lessons.length) return props.say('This is the last lesson.');
    props.say('');
    setId(lessons[to].id);
    setOffset(0);
  };
  useKeys(
    (input: string, key: Keys) => {
      const move = scrollMove(input, key);
      if (move) setOffset(applyScroll(top, move, lines.length, layout.bodyHeight));
      else if (input === 'n') go(index + 1);
      else if (input === 'p') go(index - 1);
      else if (input === 't' && lesson) props.onQuiz(lesson.id);
      else if (input === 's' && lesson) props.onLab(lesson.id);
      else if (input === '?') props.onHelp();
      else if (isBack(input, key)) props.onBack();
    },
    { active },
  );

  if (!lesson) {
    return <Frame layout={layout} title="Lesson" body={[line([seg(`There is no lesson "${id}".`)])]} />;
  }
  return (
    <Frame
      layout={layout}
      title={`Lesson ${lesson.order} · ${lesson.title}`}
      info={`${index + 1}/${lessons.length} · ${positionLabel(top, lines.length, layout.bodyHeight)}`}
      body={lines.slice(top, top + layout.bodyHeight)}
    />
  );
}

/** "s lab", or for several "s labs load-balanced-web, then ticket-spike": the order they are taken in. */
function labStep(lesson: Lesson): string[] {
  if (lesson.labs.length === 0) return [];
  return [lesson.labs.length === 1 ? 's lab' : `s labs ${lesson.labs.join(', then ')}`];
}
