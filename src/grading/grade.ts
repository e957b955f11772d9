import { CHECK_KINDS, CheckArgumentError, type CheckContext } from '../../graders/index.js';
import { checkArgs, instantiate, type Lab, studentParameters } from '../content/labs.js';
import { Walker } from '../engine/reach/walker.js';
import { parseTemplate } from '../formats/cfn/parse.js';
import { formatDiagnostic } from '../formats/diagnostics.js';
import { loadSubmissionFromTemplates, type LoadedSubmission } from '../formats/load-submission.js';
import type { TemplateFile } from '../formats/submission-files.js';
import { drillRunner } from './drill-runner.js';
import { type CheckResult, type GradeResult, ungraded } from './result.js';

export interface GradeOptions {
  student?: string;
  /** Name of the submission for reports (a file or folder name). */
  submission?: string;
  /** Keep the drills as played (with their intervals) in `drills`, for a report that draws them. */
  keepDrills?: boolean;
}

/**
 * Grades one submission against a lab: load it into a fresh virtual cloud (deployed in the
 * lab's region), recognise a submission made for another lab, then run every check of the
 * manifest with the student's own parameters. Pure: same templates and student, same result.
 */
export function gradeTemplates(lab: Lab, templates: readonly TemplateFile[], opts: GradeOptions = {}): GradeResult {
  const base = { lab: lab.id, student: opts.student, submission: opts.submission ?? templates.map((t) => t.file).join(', '), max: lab.maxScore };
  const zero = (status: Exclude<GradeResult['status'], 'graded'>, reason: string, diagnostics: GradeResult['diagnostics'] = []): GradeResult =>
    ungraded(lab, status, reason, { student: opts.student, submission: base.submission, diagnostics });
  if (templates.length === 0 || templates.every((t) => t.text.trim() === '')) return zero('empty', 'the submission is empty');
  // Without a student id, the template's Metadata says whose values these are (lab start writes it).
  const peek = opts.student === undefined ? metadataStudentOf(templates) : undefined;
  const student = opts.student ?? peek;
  if (student !== opts.student) return gradeTemplates(lab, templates, { ...opts, student });
  const params = studentParameters(lab, opts.student);
  const loaded = loadSubmissionFromTemplates(templates, { region: lab.region, seed: `${lab.id}/${opts.student ?? ''}` });
  const metadataStudent = studentOf(loaded);
  const claimed = labOf(loaded);
  if (claimed && claimed !== lab.id) {
    return zero('wrong-lab', `this submission was made for the lab "${claimed}" (its Metadata says so), not "${lab.id}"`, loaded.diagnostics);
  }
  if (!loaded.ok) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    return zero('invalid', `the template does not load: ${formatDiagnostic(errors[0])}${errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : ''}`, loaded.diagnostics);
  }
  const drills = drillRunner(lab, loaded, params);
  const graded = runChecks(lab, loaded, params, starterLoader(lab, opts.student), drills.drill);
  const played = opts.keepDrills ? drills.played() : [];
  return { ...base, ...graded, status: 'graded', diagnostics: loaded.diagnostics, ...(metadataStudent ? { metadataStudent } : {}), ...(played.length ? { drills: played } : {}) };
}

/** The student the Metadata names; the starter's placeholder values ('anonymous', '{{student}}') name nobody. */
function studentOf(loaded: Pick<LoadedSubmission, 'metadata'>): string | undefined {
  const meta = loaded.metadata.cloudlab;
  const s = meta && typeof meta === 'object' ? (meta as { student?: unknown }).student : undefined;
  if (typeof s !== 'string' && typeof s !== 'number') return undefined;
  const t = String(s).trim();
  return t === '' || t === 'anonymous' || t.includes('{{') ? undefined : t;
}

/** Reads only the Metadata of the templates, for the student id, without building a cloud. */
function metadataStudentOf(templates: readonly TemplateFile[]): string | undefined {
  for (const t of templates) {
    const metadata = parseTemplate(t.text, t.file).template?.metadata;
    const s = metadata ? studentOf({ metadata }) : undefined;
    if (s) return s;
  }
  return undefined;
}

function labOf(loaded: LoadedSubmission): string | undefined {
  const meta = loaded.metadata.cloudlab;
  if (meta && typeof meta === 'object' && 'lab' in meta && typeof (meta as { lab: unknown }).lab === 'string') return (meta as { lab: string }).lab;
  return undefined;
}

/** The lab's starter for this student, loaded once on first use (the `unchanged` check compares with it). */
function starterLoader(lab: Lab, student: string | undefined): CheckContext['starter'] {
  let done = false;
  let view: ReturnType<NonNullable<CheckContext['starter']>>;
  return () => {
    if (!done) {
      done = true;
      const s = loadSubmissionFromTemplates([{ file: 'starter.yaml', text: instantiate(lab.starter, lab, student) }], { region: lab.region, seed: `${lab.id}/${student ?? ''}` });
      view = s.ok ? { cloud: s.cloud, resources: s.resources } : undefined;
    }
    return view;
  };
}

function runChecks(lab: Lab, loaded: LoadedSubmission, params: Record<string, string | number>, starter: CheckContext['starter'], drill: CheckContext['drill']): { score: number; checks: CheckResult[] } {
  const ctx: CheckContext = { cloud: loaded.cloud, walker: new Walker(loaded.cloud), resources: loaded.resources, starter, drill };
  const checks: CheckResult[] = [];
  for (const c of lab.checks) {
    const kind = CHECK_KINDS.get(c.kind);
    if (!kind) throw new CheckArgumentError(`lab ${lab.id}, check ${c.id}: unknown kind ${c.kind}`);
    const outcome = kind.run(ctx, checkArgs(c, params));
    checks.push({
      id: c.id,
      title: c.title,
      kind: c.kind,
      passed: outcome.passed,
      points: c.points,
      earned: outcome.passed ? c.points : 0,
      message: outcome.passed ? c.pass : c.fail,
      detail: outcome.detail,
      hint: outcome.passed ? undefined : c.hint,
      evidence: outcome.evidence,
    });
  }
  return { score: checks.reduce((n, c) => n + c.earned, 0), checks };
}
