import { Box, useApp } from 'ink';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Lab } from '../../content/labs.js';
import type { Course } from '../../content/lessons.js';
import { markLessonRead, recordLabResult, recordQuizAnswer, type Progress } from '../../content/progress.js';
import { planQuiz, resolveTopic, TopicError, topicLabel } from '../../content/quiz/plan.js';
import { GENERATED_TOPIC } from '../../content/quiz/generate.js';
import { TRACE_TOPIC } from '../../content/quiz/trace-quiz.js';
import type { Question } from '../../content/quiz/types.js';
import type { GradeResult } from '../../grading/result.js';
import { KeyRouter } from '../components/key-router.js';
import { TooSmall } from '../components/too-small.js';
import { useTerminalSize, type Size } from '../components/use-terminal-size.js';
import { MIN_SIZE } from '../layout.js';
import type { Verdict } from '../quiz-session.js';
import { applied, type ProgressEdit, type Recorder } from '../recorder.js';
import { HelpOverlay } from './help-overlay.js';
import { Home } from './home.js';
import { lessonLabs, nextLabId } from '../course-path.js';
import { LabList } from './lab-list.js';
import { LabScreen } from './lab-screen.js';
import { LessonReader } from './lesson-reader.js';
import { QuizScreen, type QuizResult } from './quiz-screen.js';
import { SimulationScreen } from './simulation-screen.js';
import { labDrills, type ScenarioChoice } from '../simulation-actions.js';

export interface RootProps {
  readonly course: Course;
  readonly labs: readonly Lab[];
  readonly labProblems: readonly string[];
  readonly labsDir: string;
  readonly progress: Progress;
  readonly recorder: Recorder;
  /** Folder that typed paths (starter folder, template) are relative to. */
  readonly cwd: string;
  /** Shown on the home screen at start: a progress file set aside, content problems. */
  readonly notice?: string;
  /** A fixed size (tests); else the terminal's, following resizes. */
  readonly size?: Size;
  readonly now?: () => Date;
  /** Seed of each quiz's question order (default: the time). */
  readonly seed?: () => string;
  /** Questions per quiz, as `cloudlab quiz --count`. */
  readonly quizLength?: number;
  /** Called when the learner quits (default: ink's exit, which ends the app). */
  readonly onQuit?: () => void;
}

type Entry =
  | { readonly id: number; readonly kind: 'home' }
  | { readonly id: number; readonly kind: 'lesson'; readonly lessonId: string }
  | { readonly id: number; readonly kind: 'quiz'; readonly title: string; readonly questions: Question[] }
  | { readonly id: number; readonly kind: 'labs' }
  | { readonly id: number; readonly kind: 'lab'; readonly lab: Lab }
  | { readonly id: number; readonly kind: 'simulation'; readonly title: string; readonly template: string; readonly scenarios: readonly ScenarioChoice[]; readonly region?: string };

type NewEntry = Entry extends infer E ? (E extends Entry ? Omit<E, 'id'> : never) : never;

/**
 * The app: a stack of screens (home at the bottom; q pops), the help overlay, the session's
 * progress and student id. Screens below the top stay mounted, hidden, so going back finds
 * them as they were left.
 */
export function Root(props: RootProps) {
  const { course, labs } = props;
  const app = useApp();
  const size = useTerminalSize(props.size);
  const now = props.now ?? (() => new Date());
  const nextId = useRef(1);
  const [stack, setStack] = useState<Entry[]>([{ id: 0, kind: 'home' }]);
  const [progress, setProgress] = useState(props.progress);
  const [student, setStudent] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [status, setStatus] = useState(props.notice ?? '');

  /** The session's copy and the file get the same change (with the same time stamps). */
  const record = useCallback(
    (edit: ProgressEdit, consequence: string) => {
      setProgress((p) => applied(p, edit));
      const warning = props.recorder.save(edit, consequence);
      if (warning) setStatus(warning);
    },
    [props.recorder],
  );
  const push = (entry: NewEntry): void => {
    setStatus('');
    setStack((s) => [...s, { ...entry, id: nextId.current++ } as Entry]);
  };
  const pop = (message = ''): void => {
    setStatus(message);
    setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
  };
  const quit = (): void => (props.onQuit ? props.onQuit() : app.exit());

  const startQuiz = (lessonId?: string): void => {
    if (lessonId !== undefined && lessonId !== GENERATED_TOPIC && lessonId !== TRACE_TOPIC && (course.banks.get(lessonId) ?? []).length === 0) {
      setStatus('This lesson has no quiz questions yet.');
      return;
    }
    let topic;
    try {
      topic = resolveTopic(course, lessonId, progress);
    } catch (e) {
      if (!(e instanceof TopicError)) throw e;
      setStatus(lessonId === undefined ? 'No lesson has quiz questions yet.' : e.message);
      return;
    }
    const seed = props.seed?.() ?? Date.now().toString(36);
    const questions = planQuiz(course, progress, topic, { count: props.quizLength ?? 10, seed, now: now() });
    if (questions.length === 0) return setStatus('There are no questions to ask.');
    push({ kind: 'quiz', title: `Quiz · ${topicLabel(topic)}`, questions });
  };
  const openLab = (labId: string): void => {
    const lab = labs.find((l) => l.id === labId);
    if (lab) return push({ kind: 'lab', lab });
    const problem = props.labProblems.find((p) => p.startsWith(`lab ${labId}:`));
    setStatus(problem ? `The lab ${labId} could not be loaded (l lists the labs and why).` : `The lab ${labId} is not installed yet.`);
  };
  const lessonLab = (lessonId: string): void => {
    const lesson = course.lessons.find((l) => l.id === lessonId);
    if (!lesson || lesson.labs.length === 0) return setStatus('This lesson has no lab.');
    // Of several labs, the first one without full marks: s again after it opens the next.
    openLab(nextLabId(lessonLabs(lesson, labs, progress)) ?? lesson.labs[0]);
  };
  const answered = (v: Verdict): void => {
    const at = now();
    record((p) => recordQuizAnswer(p, v.questionId, { correct: v.correct, answer: v.answer, chosen: v.chosen }, at), '; answers are not recorded this session');
  };
  const quizDone = (r: QuizResult): void => {
    const pct = r.answered === 0 ? 0 : Math.round((100 * r.correct) / r.answered);
    if (r.answered === 0) pop('Quiz stopped before any answer.');
    else if (r.answered < r.total) pop(`Quiz stopped after ${r.answered} of ${r.total}: ${r.correct} right (${pct}%). Your answers are recorded.`);
    else pop(`Quiz: ${r.correct} of ${r.answered} right (${pct}%).`);
  };
  const graded = (lab: Lab) => (r: GradeResult): void => {
    if (r.status !== 'graded') return;
    const passed = r.checks.filter((c) => c.passed).map((c) => c.id);
    const at = now();
    record((p) => recordLabResult(p, lab.id, { student: student || undefined, score: r.score, max: r.max, passed }, at), '; lab results are not recorded this session');
  };

  if (size.width < MIN_SIZE.width || size.height < MIN_SIZE.height) {
    return (
      <KeyRouter>
        <TooSmall width={size.width} onQuit={quit} />
      </KeyRouter>
    );
  }

  const top = stack[stack.length - 1];
  const common = { width: size.width, height: size.height, onHelp: () => setHelp(true) };
  const screen = (e: Entry): ReactNode => {
    const active = e === top && !help;
    const shared = { ...common, active, status: active ? status : '' };
    switch (e.kind) {
      case 'home':
        return (
          <Home
            {...shared}
            course={course}
            progress={progress}
            labs={labs}
            onOpen={(id) => push({ kind: 'lesson', lessonId: id })}
            onQuiz={(id) => startQuiz(id)}
            onReview={() => startQuiz()}
            onPractice={() => startQuiz(GENERATED_TOPIC)}
            onTracePractice={() => startQuiz(TRACE_TOPIC)}
            onLab={lessonLab}
            onLabs={() => push({ kind: 'labs' })}
            onSimulate={() => push({ kind: 'simulation', title: 'Simulate · a scenario on a template', template: './template.yaml', scenarios: [] })}
            onQuit={quit}
          />
        );
      case 'lesson':
        return (
          <LessonReader
            {...shared}
            lessons={course.lessons}
            lessonId={e.lessonId}
            onRead={(id) => {
              const at = now();
              record((p) => markLessonRead(p, id, at), '; lessons are not marked read this session');
            }}
            onQuiz={(id) => startQuiz(id)}
            onLab={lessonLab}
            onBack={() => pop()}
            say={setStatus}
          />
        );
      case 'quiz':
        return <QuizScreen {...shared} title={e.title} questions={e.questions} onAnswer={answered} onBack={quizDone} />;
      case 'labs':
        return (
          <LabList
            {...shared}
            labs={labs}
            progress={progress}
            problems={props.labProblems}
            labsDir={props.labsDir}
            onOpen={openLab}
            onBack={() => pop()}
          />
        );
      case 'lab':
        return (
          <LabScreen
            {...shared}
            lab={e.lab}
            student={student}
            cwd={props.cwd}
            say={setStatus}
            onStudent={setStudent}
            onGraded={graded(e.lab)}
            onDrills={(template) => push({ kind: 'simulation', title: `Drills · Lab ${e.lab.order} · ${e.lab.title}`, template, scenarios: labDrills(e.lab, student || undefined), region: e.lab.region })}
            onBack={() => pop()}
          />
        );
      case 'simulation':
        return <SimulationScreen {...shared} title={e.title} template={e.template} scenarios={e.scenarios} region={e.region} cwd={props.cwd} say={setStatus} onBack={() => pop()} />;
    }
  };
  return (
    <KeyRouter>
      <Box flexDirection="column">
        {stack.map((e) => (
          <Box key={e.id} display={e === top && !help ? 'flex' : 'none'} flexDirection="column">
            {screen(e)}
          </Box>
        ))}
        {help ? <HelpOverlay width={size.width} height={size.height} onClose={() => setHelp(false)} /> : null}
      </Box>
    </KeyRouter>
  );
}

