import { listLabs, LabError } from '../../content/labs.js';
import { UsageError } from '../exit-codes.js';
import { out, outJson } from '../output.js';
import { table } from '../text.js';

export async function run(opts: { json?: boolean }): Promise<number> {
  let labs;
  try {
    labs = listLabs();
  } catch (e) {
    if (e instanceof LabError) throw new UsageError(e.message);
    throw e;
  }
  if (opts.json) {
    outJson(labs.map((l) => ({ id: l.id, order: l.order, title: l.title, summary: l.summary, lesson: l.lesson ?? null, region: l.region, points: l.maxScore, checks: l.checks.length })));
    return 0;
  }
  out(table(['#', 'ID', 'TITLE', 'POINTS'], labs.map((l) => [String(l.order), l.id, l.title, String(l.maxScore)])).join('\n'));
  out('');
  out('cloudlab lab brief <id> --student <you>   then   cloudlab lab start <id>');
  return 0;
}
