/**
 * `npm start`: build what changed (usually nothing), then open the course in the folder
 * where the student typed `npm start` (npm's INIT_CWD), not in the course checkout, so lab
 * folders are written there. Runs the command in this process: no second Node start-up.
 */
import { buildIfStale } from './build-if-stale.js';

const status = buildIfStale();
if (status !== 0) {
  process.stderr.write('cloudlab: the build failed (errors above); fix them, then npm start again.\n');
  process.exit(status);
}
const from = process.env.INIT_CWD;
if (from) {
  try {
    process.chdir(from);
  } catch {
    // a folder that went away: stay in the checkout
  }
}
await import('../bin/cloudlab.js');
