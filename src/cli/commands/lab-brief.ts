import { instantiate, studentParameters } from '../../content/labs.js';
import { studentFor } from '../student.js';
import { labOrUsageError } from '../lab.js';
import { defaultWidth, detectMode, renderMarkdown, toAnsi, toPlain } from '../../content/markdown/index.js';
import { err, out, outJson } from '../output.js';
import { wrap } from '../text.js';

export async function run(id: string, opts: { student?: string; json?: boolean }): Promise<number> {
  opts = { ...opts, student: studentFor(opts.student, (m) => err(`cloudlab: ${m}`)).student };
  const lab = labOrUsageError(id);
  const brief = instantiate(lab.brief, lab, opts.student);
  if (opts.json) {
    outJson({
      id: lab.id,
      title: lab.title,
      student: opts.student ?? null,
      parameters: studentParameters(lab, opts.student),
      checks: lab.checks.map((c) => ({ id: c.id, title: c.title, points: c.points, kind: c.kind, ...(c.hidden ? {} : { args: c.args }) })),
      brief,
    });
    return 0;
  }
  const mode = detectMode(process.stdout);
  const lines = renderMarkdown(brief, { width: defaultWidth(process.stdout), mode }).map(mode === 'ansi' ? toAnsi : toPlain);
  out(lines.join('\n'));
  if (!opts.student) out(['', ...wrap('(No --student given: these are the default values. Give your student id to get your own.)', defaultWidth(process.stdout))].join('\n'));
  return 0;
}
