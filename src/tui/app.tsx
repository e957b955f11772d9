import { render, useApp, useInput } from 'ink';
import { LookContext } from './components/look-context.js';
import { loadAppData, type AppData } from './load.js';
import { detectLook } from './look.js';
import { fileRecorder } from './recorder.js';
import { Root } from './screens/root.js';

/**
 * The terminal app: `cloudlab` with no command, on a terminal. It draws on the terminal's
 * alternate screen, like a pager, so quitting gives the shell back as it was; notices
 * (a progress file set aside, content problems) are printed when it ends.
 */
export interface AppOptions {
  readonly cwd?: string;
}

const ENTER_ALT_SCREEN = '\u001b[?1049h';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';

export async function startApp(options: AppOptions = {}): Promise<number> {
  const data = loadAppData();
  const look = detectLook();
  const stdout = process.stdout;
  let left = false;
  const leave = (): void => {
    if (left) return;
    left = true;
    stdout.write(LEAVE_ALT_SCREEN);
  };
  let interrupted = false;
  stdout.write(ENTER_ALT_SCREEN);
  // Also on a crash or a signal, so the shell never stays on the alternate screen.
  process.once('exit', leave);
  try {
    const instance = render(
      <LookContext.Provider value={look}>
        <Root
          course={data.course}
          labs={data.labs}
          labProblems={data.labProblems}
          labsDir={data.labsDir}
          progress={data.progress}
          recorder={fileRecorder(data.progressReadable)}
          cwd={options.cwd ?? process.cwd()}
          notice={startNotice(data)}
        />
        <CtrlC
          onInterrupt={() => {
            interrupted = true;
          }}
        />
      </LookContext.Provider>,
      { exitOnCtrlC: false, patchConsole: true },
    );
    await instance.waitUntilExit();
  } finally {
    leave();
    process.removeListener('exit', leave);
  }
  for (const line of laterNotices(data)) process.stderr.write(`cloudlab: ${line}\n`);
  // Every answer and every lesson read was saved when it happened; Ctrl-C only ends the session.
  return interrupted ? EXIT_INTERRUPTED : 0;
}

/** The shell's code for a program ended by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;

/** Ctrl-C from any screen: leave the app, with exit code 130. */
export function CtrlC({ onInterrupt }: { onInterrupt: () => void }) {
  const app = useApp();
  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      onInterrupt();
      app.exit();
    }
  });
  return null;
}

/** One line for the home screen; the details are printed when the app ends. */
function startNotice(data: AppData): string | undefined {
  if (data.notices.length > 0) return data.notices[0];
  const problems = data.course.problems.length + data.labProblems.length;
  if (problems > 0) return `The course files have ${problems} problem${problems === 1 ? '' : 's'}; they are listed when you quit.`;
  return undefined;
}

function laterNotices(data: AppData): string[] {
  return [...data.notices, ...data.course.problems.map((p) => `content problem: ${p}`), ...data.labProblems.map((p) => `content problem: ${p}`)];
}
