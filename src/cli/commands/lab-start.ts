import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { spansRegions, starterFiles } from '../../content/labs.js';
import { labOrUsageError } from '../lab.js';
import { UsageError } from '../exit-codes.js';
import { err, out, outJson } from '../output.js';
import { rememberStudent, studentFor } from '../student.js';

/** Writes the lab's starter template (with the student's values) and its brief into a folder. */
export async function run(id: string, opts: { student?: string; dir?: string; force?: boolean; json?: boolean }): Promise<number> {
  const lab = labOrUsageError(id);
  const dir = resolve(opts.dir ?? id);
  const chosen = studentFor(opts.student, (m) => err(`cloudlab: ${m}`));
  opts = { ...opts, student: chosen.student };
  const files = starterFiles(lab, opts.student);
  const clash = files.filter((f) => existsSync(join(dir, f.name)));
  if (clash.length && !opts.force) {
    throw new UsageError(`${join(dir, clash[0].name)} exists; your work is not overwritten. Choose another --dir, or add --force to replace it.`);
  }
  mkdirSync(dir, { recursive: true });
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.name)), { recursive: true });
    writeFileSync(join(dir, f.name), f.text);
  }
  if (chosen.source === 'option' && chosen.student) rememberStudent(chosen.student, (m) => err(`cloudlab: ${m}`));
  // A lab across regions is checked as its folder of <region>.yaml templates.
  const template = spansRegions(lab) ? (opts.dir ?? id) : join(opts.dir ?? id, 'template.yaml');
  if (opts.json) {
    outJson({ lab: lab.id, student: opts.student ?? null, dir, files: files.map((f) => join(dir, f.name)) });
    return 0;
  }
  const shown = files.map((f) => join(opts.dir ?? id, f.name));
  out(`Wrote ${shown.length > 2 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown.join(' and ')}.`);
  out('');
  out(spansRegions(lab) ? 'Edit the templates (one per region), then check the folder:' : 'Edit the template, then check your work:');
  out(`  cloudlab validate ${template}`);
  out(`  cloudlab check ${lab.id} ${template}${opts.student ? ` --student ${opts.student}` : ''}`);
  return 0;
}
