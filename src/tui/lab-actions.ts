import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { spansRegions, starterFiles, type Lab } from '../content/labs.js';
import { line, seg, type RenderedLine } from '../content/markdown/index.js';
import { topologyText } from '../formats/describe/text.js';
import { topologyView } from '../formats/describe/topology.js';
import { formatDiagnostic } from '../formats/diagnostics.js';
import { loadSubmissionPath } from '../formats/load-submission.js';
import { printable } from '../formats/safe-text.js';
import { formatDrills } from '../grading/format-drills.js';
import { formatGrade } from '../grading/format-check.js';
import { gradePath } from '../grading/grade-path.js';
import type { GradeResult } from '../grading/result.js';
import { wrapText } from './text.js';

/**
 * What the lab screen does to files: write the starter, grade a template, draw its
 * topology. The same library calls as `cloudlab lab start`, `check` and `describe`.
 * Paths are typed relative to `cwd`; `~` is the home folder.
 */
export function resolvePath(input: string, cwd: string): string {
  const t = input.trim();
  const home = t === '~' || t.startsWith('~/') ? join(homedir(), t.slice(1)) : t;
  return isAbsolute(home) ? home : resolve(cwd, home);
}

/** Relative to `cwd` when inside it ("public-web/template.yaml"), else absolute. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

export function defaultFolder(lab: Pick<Lab, 'id'>): string {
  return `./${lab.id}`;
}

/** What to check in a lab's folder: its template.yaml, or the folder itself for a lab across regions. */
export function templateOf(folder: string, lab?: Pick<Lab, 'starters'>): string {
  const f = folder.trim().replace(/\/+$/, '') || '.';
  return lab && spansRegions(lab) ? f : `${f}/template.yaml`;
}

export interface WriteResult {
  readonly ok: boolean;
  readonly message: string;
}

/** Writes template.yaml and BRIEF.md into the folder; refuses when either exists. */
export function writeStarter(lab: Lab, student: string | undefined, folder: string, cwd: string): WriteResult {
  if (folder.trim() === '') return { ok: false, message: 'No folder given; nothing was written.' };
  const dir = resolvePath(folder, cwd);
  const files = starterFiles(lab, student);
  const clash = files.find((f) => existsSync(join(dir, f.name)));
  if (clash) {
    return { ok: false, message: `${shownPath(join(dir, clash.name), cwd)} exists; your work is not overwritten. Press w and choose another folder, or c to check it.` };
  }
  try {
    mkdirSync(dir, { recursive: true });
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.name)), { recursive: true });
      writeFileSync(join(dir, f.name), f.text, { flag: 'wx' });
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' ? 'a part of the path is a file' : code === 'EEXIST' ? 'a file appeared there' : code ?? String(e);
    return { ok: false, message: `Cannot write into ${shownPath(dir, cwd)}: ${why}.` };
  }
  const names = files.map((f) => shownPath(join(dir, f.name), cwd));
  const what = spansRegions(lab) ? 'the templates (one per region)' : 'the template';
  return { ok: true, message: `Wrote ${names.length > 2 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join(' and ')}. Edit ${what}, then press c to check it.` };
}

export interface CheckOutcome {
  readonly result?: GradeResult;
  readonly message: string;
}

/** Grades the template (a file or a folder of <region>.yaml) as `cloudlab check` does. */
export function checkTemplate(lab: Lab, path: string, student: string | undefined, cwd: string): CheckOutcome {
  const abs = resolvePath(path, cwd);
  const shown = shownPath(abs, cwd);
  if (path.trim() === '' || !existsSync(abs)) {
    return { message: `${shown || '(no path)'}: no such file. Press w to write the starter, or e to give the path of your template.` };
  }
  let result: GradeResult;
  try {
    const graded = gradePath(lab, abs, { student, submission: shown, keepDrills: true });
    result = { ...graded, diagnostics: graded.diagnostics.map((d) => (d.file ? { ...d, file: shownPath(d.file, cwd) } : d)) };
  } catch (e) {
    return { message: `The lab's checks could not run: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (result.status !== 'graded') return { result, message: printable(`Not graded: ${result.reason ?? 'the template does not load'}`) };
  const failed = result.checks.filter((c) => !c.passed).length;
  return {
    result,
    message: `Score ${result.score}/${result.max}${failed === 0 ? ': every check passes.' : `: ${failed} check${failed === 1 ? '' : 's'} to fix.`}`,
  };
}

/** The graded checks as styled lines: ✓ and ✗ marks, and the labels of what was found. */
export function gradeLines(result: GradeResult, title: string, width: number): RenderedLine[] {
  return [...formatGrade(result, title, width), ...formatDrills(result, width).map((t) => printable(t))].map((text) => {
    const mark = /^([✓✗])( .*)$/.exec(text);
    if (mark) {
      const passed = mark[1] === '✓';
      return line([seg(mark[1], { bold: true, color: passed ? 'green' : 'red' }), seg(mark[2], passed ? {} : { bold: true })]);
    }
    const label = /^(\s+)(Found:|Stops at:|Look at:|Hint:)(.*)$/.exec(text);
    if (label) return line([seg(label[1]), seg(label[2], { bold: true, color: label[2] === 'Hint:' ? 'cyan' : undefined }), seg(label[3])]);
    if (text.startsWith('Score:')) return line([seg(text, { bold: true })]);
    return line([seg(text)]);
  });
}

export interface Diagram {
  readonly ok: boolean;
  readonly lines: RenderedLine[];
  readonly message: string;
}

/** The topology of the template as a text tree; without tree lines for screen readers. */
export function diagramOf(lab: Lab, path: string, cwd: string, width: number, boxes: boolean): Diagram {
  const abs = resolvePath(path, cwd);
  const shown = shownPath(abs, cwd);
  if (path.trim() === '' || !existsSync(abs)) {
    return { ok: false, lines: [], message: `${shown || '(no path)'}: no such file. Press w to write the starter, or e to give the path of your template.` };
  }
  const loaded = loadSubmissionPath(abs, { region: lab.region });
  if (!loaded.ok) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').slice(0, 20);
    const lines = [
      line([seg(`${shown} does not load, so there is no diagram:`, { bold: true })]),
      line([]),
      ...errors.flatMap((d) => wrapText(`✗ ${formatDiagnostic({ ...d, file: d.file ? shownPath(d.file, cwd) : d.file })}`, width)),
    ];
    return { ok: false, lines, message: `${errors.length} error${errors.length === 1 ? '' : 's'} in ${shown}.` };
  }
  const tree = topologyText(topologyView(loaded.cloud), width);
  return { ok: true, lines: (boxes ? tree : tree.map(withoutTreeLines)).map((t) => line([seg(t)])), message: `Diagram of ${shown}.` };
}

/** Tree lines replaced by spaces and "-" so a screen reader reads only the words. */
export function withoutTreeLines(text: string): string {
  return text.replace(/[├└]─ ?/g, ' - ').replace(/│/g, ' ').trimEnd();
}
