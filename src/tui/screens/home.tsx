import { useMemo, useState } from 'react';
import type { Lab } from '../../content/labs.js';
import type { Course } from '../../content/lessons.js';
import { BLANK, line, seg, type RenderedLine } from '../../content/markdown/index.js';
import { formatAccuracy } from '../../content/progress-summary.js';
import type { Progress } from '../../content/progress.js';
import { Frame } from '../components/frame.js';
import { useKeys } from '../components/key-router.js';
import { useLook } from '../components/look-context.js';
import { coursePath, describeNext, labCell, labColumnWidth, labDone, nextLessonId, quizCell, type CoursePath, type LessonRow } from '../course-path.js';
import { isBack, type Keys } from '../input.js';
import { KEYS } from '../keys.js';
import { frameLayout } from '../layout.js';
import { revealOffset } from '../scroll.js';
import { hangingWrap, padTo, truncate } from '../text.js';

export interface HomeProps {
  readonly course: Course;
  readonly progress: Progress;
  readonly labs: readonly Lab[];
  readonly width: number;
  readonly height: number;
  readonly active?: boolean;
  readonly status?: string;
  readonly now?: Date;
  readonly onOpen: (lessonId: string) => void;
  readonly onQuiz: (lessonId: string) => void;
  readonly onReview: () => void;
  /** Generated subnetting questions (cloudlab quiz cidr). */
  readonly onPractice?: () => void;
  readonly onTracePractice?: () => void;
  readonly onLab: (lessonId: string) => void;
  readonly onLabs: () => void;
  /** Play a scenario file on a template (the simulation screen). */
  readonly onSimulate?: () => void;
  readonly onHelp: () => void;
  readonly onQuit: () => void;
}

const HINTS = [KEYS.home.open, KEYS.home.quiz, KEYS.home.review, KEYS.home.practice, KEYS.home.tracePractice, KEYS.home.lab, KEYS.home.labs, KEYS.home.help, KEYS.home.quit];
/** Lines above the list: the next step, a blank line, the column titles. */
const HEAD = 3;

/** The course path: every lesson with what was done, the next step marked. */
export function Home(props: HomeProps) {
  const { width, height, active = true } = props;
  const look = useLook();
  const path = useMemo(
    () => coursePath(props.course, props.progress, props.labs, props.now ?? new Date()),
    [props.course, props.progress, props.labs, props.now],
  );
  const nextId = nextLessonId(path.next);
  const [cursor, setCursor] = useState(() => Math.max(0, path.rows.findIndex((r) => r.lesson.id === nextId)));
  const [offset, setOffset] = useState(0);
  const layout = frameLayout(width, height, HINTS, props.status || summary(path), look);
  // A screen reader's row is a sentence that may take two lines (it is wrapped, never cut).
  const listHeight = Math.max(1, Math.floor((layout.bodyHeight - HEAD) / (look.boxes ? 1 : 2)));
  const top = revealOffset(offset, cursor, path.rows.length, listHeight);

  const move = (to: number): void => {
    const c = Math.min(Math.max(0, to), path.rows.length - 1);
    setCursor(c);
    setOffset(revealOffset(top, c, path.rows.length, listHeight));
  };
  useKeys(
    (input: string, key: Keys) => {
      const row = path.rows[cursor];
      if (key.upArrow || input === 'k') move(cursor - 1);
      else if (key.downArrow || input === 'j') move(cursor + 1);
      else if (key.home || input === 'g') move(0);
      else if (key.end || input === 'G') move(path.rows.length - 1);
      else if (key.pageUp) move(cursor - listHeight);
      else if (key.pageDown) move(cursor + listHeight);
      else if (key.return && row) props.onOpen(row.lesson.id);
      else if (input === 't' && row) props.onQuiz(row.lesson.id);
      else if (input === 's' && row) props.onLab(row.lesson.id);
      else if (input === 'r') props.onReview();
      else if (input === 'c') props.onPractice?.();
      else if (input === 'p') props.onTracePractice?.();
      else if (input === 'l') props.onLabs();
      else if (input === 'm') props.onSimulate?.();
      else if (input === '?') props.onHelp();
      else if (isBack(input, key)) props.onQuit();
    },
    { active },
  );

  const body: RenderedLine[] = [line([seg('Next › ', { bold: true, color: 'cyan' }), seg(describeNext(path.next), { bold: true })]), BLANK];
  const widths = columns(width, labColumnWidth(path.rows));
  body.push(look.boxes ? line([seg(headRow(widths), { dim: true })]) : line([seg(`${path.rows.length} lessons:`, { dim: true })]));
  const shown = path.rows.slice(top, top + listHeight);
  shown.forEach((r, i) => {
    const at = top + i === cursor;
    const style = { bold: at || r.lesson.id === nextId, color: r.lesson.id === nextId ? 'cyan' : undefined } as const;
    if (look.boxes) body.push(line([seg(tableRow(r, at, r.lesson.id === nextId, widths), style)]));
    else body.push(...hangingWrap([seg(at ? '› ' : '  ', style)], linearRow(r), width, style));
  });
  if (path.rows.length === 0) body.push(line([seg('No lessons are installed. Set CLOUDLAB_LESSONS to a folder of lessons.')]));
  const highlight = path.rows.length > 0 ? HEAD + cursor - top : undefined;
  return <Frame layout={layout} title="cloudlab · Cloud networking course" info={`${path.read}/${path.rows.length} lessons read`} body={body} highlight={highlight} />;
}

interface Columns {
  readonly title: number;
  readonly quiz: number;
  readonly lab: number;
}

function columns(width: number, lab: number): Columns {
  const quiz = 13;
  return { title: Math.max(10, width - 8 - quiz - lab - 2), quiz, lab };
}

function headRow(c: Columns): string {
  return `     #  ${padTo('Lesson', c.title)} ${padTo('Quiz', c.quiz)} Lab`;
}

/** "› ✓  4  VPCs and subnets · next          7/9 (78%)    3/4" */
function tableRow(r: LessonRow, at: boolean, next: boolean, c: Columns): string {
  const tag = next ? ' · next' : '';
  const title = `${truncate(r.lesson.title, c.title - tag.length)}${tag}`;
  return `${at ? '›' : ' '} ${r.read ? '✓' : ' '} ${String(r.lesson.order).padStart(2)}  ${padTo(title, c.title)} ${padTo(quizCell(r), c.quiz)} ${labCell(r)}`.trimEnd();
}

/** For screen readers: one sentence per lesson, no columns (the next step is said above). */
function linearRow(r: LessonRow): string {
  const parts = [r.read ? 'read' : 'not read'];
  if (r.questions > 0) parts.push(`quiz ${r.quiz.attempts === 0 ? 'not tried' : formatAccuracy(r.quiz)}`);
  const lab = labCell(r);
  if (r.labs.length > 1) parts.push(lab === 'n/a' ? 'no lab yet' : `${r.labs.filter(labDone).length} of ${r.labs.length} labs with full marks`);
  else if (lab) parts.push(lab === '–' ? 'lab not tried' : lab === 'n/a' ? 'no lab yet' : `lab ${lab}`);
  return `${r.lesson.order}. ${r.lesson.title}: ${parts.join(', ')}`;
}

function summary(path: CoursePath): string {
  const parts = [`${path.read} of ${path.rows.length} lessons read`];
  if (path.quiz.attempts > 0) parts.push(`quiz answers right: ${formatAccuracy(path.quiz)}`);
  if (path.due > 0) parts.push(`${path.due} question${path.due === 1 ? '' : 's'} due for review`);
  return parts.join(' · ');
}

