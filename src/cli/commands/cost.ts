import { costJson, costText, submissionCost } from '../../formats/cost-report.js';
import { EXIT_OK } from '../exit-codes.js';
import { out, outJson } from '../output.js';
import { loadForCommand, refuseInvalid, type SubmissionOptions } from '../submission.js';

export async function run(path: string, opts: SubmissionOptions): Promise<number> {
  const loaded = loadForCommand(path, opts);
  if (!loaded.ok) return refuseInvalid(loaded, path);
  const est = submissionCost(loaded);
  if (opts.json) outJson(costJson(est, loaded.regions));
  else out(costText(est, path, loaded.regions).join('\n'));
  return EXIT_OK;
}
