import { watchSubmission } from '../grading/watch.js';
import { UsageError } from './exit-codes.js';
import { out } from './output.js';

/**
 * `cloudlab check --watch`: check now, then again on every save, until Ctrl-C (exit 130).
 * It needs a terminal: the screen is cleared before each check, and nobody would see a
 * watch that runs with its output in a file. Without one it says so and exits 2.
 */
const CLEAR = '\u001b[2J\u001b[3J\u001b[H';

export async function watchCheck(path: string, once: () => Promise<number>, stdout: NodeJS.WriteStream = process.stdout): Promise<number> {
  if (!stdout.isTTY) {
    throw new UsageError('--watch needs a terminal: it checks again each time you save; without one, run check without --watch');
  }
  const runOnce = async (): Promise<void> => {
    stdout.write(CLEAR);
    try {
      await once();
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      out(`cloudlab: ${e.message}`);
    }
    out('');
    out(`Watching ${path}: save it to check again, Ctrl-C to stop.`);
  };
  await runOnce();
  let running = Promise.resolve();
  const watch = watchSubmission(path, () => {
    running = running.then(runOnce);
  });
  return new Promise<number>((done) => {
    process.once('SIGINT', () => {
      watch.close();
      void running.then(() => {
        out('');
        out('Stopped watching.');
        done(130);
      });
    });
  });
}
