import { createInterface } from 'node:readline';
import { loadCourseWarning, openProgress, saveChange } from '../../content/command-support.js';
import { defaultWidth, detectMode, line, renderMarkdown, seg, THEME, toAnsi, toPlain, wrapSegments, type RenderedLine } from '../../content/markdown/index.js';
import { recordQuizAnswer } from '../../content/progress.js';
import { answerProblem, checkAnswer, recordedAnswer } from '../../content/quiz/check.js';
import { SEED_PATTERN } from '../../content/quiz/generate.js';
import { planQuiz, resolveTopic, TopicError, topicLabel } from '../../content/quiz/plan.js';
import { presentQuestion } from '../../content/quiz/present.js';
import { withoutAnswer, type Question } from '../../content/quiz/types.js';
import { UsageError } from '../exit-codes.js';
import { err, out, outJson } from '../output.js';

interface Options {
  count?: string;
  seed?: string;
  cram?: boolean;
  json?: boolean;
}

const MAX_COUNT = 500;

/**
 * `cloudlab quiz [topic]`: asks questions one by one on the terminal (or from piped lines),
 * says right or wrong with the explanation, records every answer, and ends with the score.
 */
export async function run(topicArg: string | undefined, options: Options): Promise<number> {
  const warn = (m: string): void => err(`cloudlab: ${m}`);
  const count = parseCount(options.count ?? '10');
  const seed = options.seed === undefined ? Date.now().toString(36) : parseSeed(options.seed);
  const course = loadCourseWarning(warn);
  const { progress, readable } = openProgress(warn);
  let topic;
  try {
    topic = resolveTopic(course, topicArg, progress);
  } catch (e) {
    if (e instanceof TopicError) throw new UsageError(e.message);
    throw e;
  }
  const questions = planQuiz(course, progress, topic, { count, seed, cram: options.cram, now: new Date() });

  if (options.json) {
    outJson({ topic: topicLabel(topic), seed, questions: questions.map(withoutAnswer) });
    return 0;
  }
  const stopped = await ask(questions, readable, `Quiz: ${topicLabel(topic)} · ${questions.length} question${questions.length === 1 ? '' : 's'} · seed ${seed}`, warn);
  return stopped === 'interrupted' ? EXIT_INTERRUPTED : 0;
}

/** Ctrl-C (SIGINT) ends the quiz as a shell expects: 128 + signal 2. */
const EXIT_INTERRUPTED = 130;

type Ending = 'finished' | 'ended' | 'interrupted';

async function ask(questions: readonly Question[], record: boolean, title: string, warn: (m: string) => void): Promise<Ending> {
  const mode = detectMode(process.stdout);
  const width = Math.min(defaultWidth(process.stdout), 100);
  const print = (lines: readonly RenderedLine[]): void => out(lines.map(mode === 'ansi' ? toAnsi : toPlain).join('\n'));
  const interactive = Boolean(process.stdin.isTTY);
  const reader = lineReader(interactive);

  print(wrapSegments([seg(title, { bold: true })], width));
  if (interactive) print(wrapSegments([seg('Type your answer and press Enter. Ctrl-D or Ctrl-C stops the quiz; the answers so far are kept.')], width));
  let answered = 0;
  let correct = 0;
  let recording = record;
  let ending: Ending = 'finished';
  try {
    for (const [i, q] of questions.entries()) {
      out('');
      print(presentQuestion(q, i + 1, questions.length, width, mode));
      let answer: string | undefined;
      // Input that is no answer at all (a blank line, a letter past the last choice) is asked again.
      for (;;) {
        const read = await reader.read('> ');
        if (typeof read !== 'string') {
          ending = read.end;
          break;
        }
        const problem = answerProblem(q, read);
        if (problem === undefined) {
          answer = read;
          break;
        }
        print(wrapSegments([seg(`${problem} Try again.`, THEME.url)], width));
      }
      if (answer === undefined) break;
      const result = checkAnswer(q, answer);
      answered++;
      if (result.correct) correct++;
      const verdict = result.correct
        ? seg('✓ Correct.', { bold: true, color: 'green' })
        : seg('✗ Incorrect.', { bold: true, color: 'red' });
      const feedback = result.correct ? [] : [seg(' '), seg(result.feedback)];
      print([...wrapSegments([verdict, ...feedback], width), ...renderMarkdown(q.explanation, { width, mode })]);
      if (recording) {
        const entry = { correct: result.correct, ...recordedAnswer(q, answer) };
        recording = saveChange((p) => recordQuizAnswer(p, q.id, entry), warn, '; answers in this quiz are not recorded');
      }
    }
  } finally {
    reader.close();
  }
  out('');
  const pct = answered === 0 ? 0 : Math.round((100 * correct) / answered);
  const stopped = answered < questions.length ? `Stopped after ${answered} of ${questions.length} questions. ` : '';
  out(`${stopped}Score: ${correct} of ${answered} (${pct}%).`);
  if (ending === 'interrupted' && answered > 0 && record) out('Your answers so far are saved.');
  return ending;
}

/**
 * Reads one answer line at a time. On a terminal: with line editing; Ctrl-D ends, Ctrl-C
 * interrupts. Piped: each line is the next answer, echoed after the prompt so the transcript
 * reads well; end of input ends, and a SIGINT interrupts.
 */
function lineReader(interactive: boolean): { read(prompt: string): Promise<string | { end: Ending }>; close(): void } {
  const rl = createInterface({
    input: process.stdin,
    ...(interactive ? { output: process.stdout, terminal: true } : { terminal: false }),
  });
  let interrupted = false;
  const interrupt = (): void => {
    interrupted = true;
    rl.close();
  };
  rl.on('SIGINT', interrupt);
  process.on('SIGINT', interrupt);
  const lines = rl[Symbol.asyncIterator]();
  return {
    async read(prompt) {
      if (interactive) {
        rl.setPrompt(prompt);
        rl.prompt();
      }
      const next = interrupted ? { done: true as const, value: undefined } : await lines.next();
      if (next.done || interrupted) {
        if (interactive) out('');
        return { end: interrupted ? 'interrupted' : 'ended' };
      }
      const text = String(next.value).trim();
      if (!interactive) out(`${prompt}${text}`);
      return text;
    },
    close: () => {
      process.off('SIGINT', interrupt);
      rl.close();
      if (!interactive) process.stdin.destroy();
    },
  };
}

function parseCount(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > MAX_COUNT) {
    throw new UsageError(`--count "${text}" is not valid; give a whole number from 1 to ${MAX_COUNT}`);
  }
  return n;
}

function parseSeed(text: string): string {
  if (!SEED_PATTERN.test(text) || text.length > 40) {
    throw new UsageError(`--seed "${text}" is not valid; use letters, digits and _ only (at most 40), such as 42`);
  }
  return text;
}
