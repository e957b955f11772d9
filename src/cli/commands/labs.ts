import { labsOrUsageError } from '../lab.js';
import { out, outJson } from '../output.js';
import { table } from '../text.js';

export async function run(opts: { json?: boolean }): Promise<number> {
  const labs = labsOrUsageError();
  if (opts.json) {
    outJson(labs.map((l) => ({ id: l.id, order: l.order, title: l.title, summary: l.summary, lesson: l.lesson ?? null, region: l.region, points: l.maxScore, checks: l.checks.length })));
    return 0;
  }
  out(table(['#', 'ID', 'TITLE', 'POINTS'], labs.map((l) => [String(l.order), l.id, l.title, String(l.maxScore)])).join('\n'));
  out('');
  out('cloudlab lab brief <id> --student <you>   then   cloudlab lab start <id>');
  return 0;
}
