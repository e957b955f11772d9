import { completionScript, SHELLS, type Shell } from '../completion.js';
import { UsageError } from '../exit-codes.js';
import { buildProgram } from '../main.js';
import { out } from '../output.js';

/** `cloudlab completion <shell>`: the completion script, generated from the command definitions. */
export async function run(shell: string): Promise<number> {
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`no completion for "${shell}"; choose one of ${SHELLS.join(', ')}`);
  out(completionScript(buildProgram(() => {}), shell as Shell));
  return 0;
}
