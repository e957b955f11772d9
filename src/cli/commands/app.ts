import { defaultWidth } from '../../content/markdown/index.js';
import { openProgress } from '../../content/command-support.js';
import { loadCourse } from '../../content/lessons.js';
import { loadLabs } from '../../tui/load.js';
import { courseOverview } from '../../tui/overview.js';
import { err, out } from '../output.js';

/**
 * `cloudlab` with no command: the terminal app when there is a terminal to draw on and
 * type into, else a plain-text overview of the course and the commands to use. ink and
 * react are imported only here, and only when the app opens.
 */
export async function run(_options: Record<string, unknown> = {}): Promise<number> {
  if (canDrawApp()) {
    // ink draws only the last frame when it believes it runs in CI (CI or
    // CONTINUOUS_INTEGRATION set). Here a person is at a terminal, so the app must draw.
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
    const { startApp } = await import('../../tui/app.js');
    return startApp();
  }
  const warn = (m: string): void => err(`cloudlab: ${m}`);
  const course = loadCourse();
  for (const p of course.problems) warn(`content problem: ${p}`);
  const { progress } = openProgress(warn);
  const { labs, problems } = loadLabs();
  for (const p of problems) warn(`content problem: ${p}`);
  const width = Math.min(defaultWidth(process.stdout), 100);
  out(courseOverview({ course, progress, labs, now: new Date(), width }).join('\n'));
  return 0;
}

/**
 * ink needs raw mode on standard input (only a TTY has it) and draws on standard output;
 * piped either way, the overview is printed instead.
 */
export function canDrawApp(stdin: { isTTY?: boolean; setRawMode?: unknown } = process.stdin, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return stdin.isTTY === true && typeof stdin.setRawMode === 'function' && stdout.isTTY === true;
}
