import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { formatIp, lastAddress, parseCidr } from '../../src/engine/address.js';
import { instantiate, type Lab } from '../../src/content/labs.js';
import { gradeTemplates } from '../../src/grading/grade.js';
import type { GradeResult } from '../../src/grading/result.js';

/** Helpers for the lab content tests: fixtures, grading one file, reading a brief's checklist. */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LABS_DIR = join(ROOT, 'labs');
export const LESSONS_DIR = join(ROOT, 'lessons');
export const FIXTURES_DIR = join(ROOT, 'test', 'fixtures', 'labs');

/** The students every lab is instantiated for: different ids draw different parameters. */
export const STUDENTS = ['alice', 's1234567', 'bob'] as const;

/**
 * A fixture's text: a template, or for a lab across regions a folder of `<region>.yaml`
 * templates, their texts joined (for the assertions on text: placeholders, Metadata).
 */
export function fixture(labId: string, name: string): string {
  const path = join(FIXTURES_DIR, labId, name);
  if (statSync(path).isDirectory()) return regionFiles(path).map((f) => f.text).join('\n');
  return readFileSync(path, 'utf8');
}

/** A fixture's templates one by one: the file, or each `<region>.yaml` of a folder fixture. */
export function fixtureTexts(labId: string, name: string): string[] {
  const path = join(FIXTURES_DIR, labId, name);
  return statSync(path).isDirectory() ? regionFiles(path).map((f) => f.text) : [readFileSync(path, 'utf8')];
}

/** The reference solution's name: solution.yaml, or the folder solution/ of a lab across regions. */
export function solutionName(labId: string): string {
  return existsSync(join(FIXTURES_DIR, labId, 'solution.yaml')) ? 'solution.yaml' : 'solution';
}

/** Where a fixture of a lab is, to grade it (gradeFor reads a folder fixture from there). */
export function fixturePath(labId: string, name: string): string {
  return join(FIXTURES_DIR, labId, name);
}

function regionFiles(dir: string): { file: string; region: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: f, region: f.slice(0, -'.yaml'.length), text: readFileSync(join(dir, f), 'utf8') }));
}

/** The broken variants: broken-<mistake>.yaml, or broken-<mistake>/ folders of a lab across regions. */
export function brokenVariants(labId: string): string[] {
  const dir = join(FIXTURES_DIR, labId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^broken-.+\.ya?ml$/.test(f) || (/^broken-[^.]+$/.test(f) && statSync(join(dir, f)).isDirectory()))
    .sort();
}

/** expect.yaml: for each broken variant, the ids of the checks it must fail. */
export function expectedFailures(labId: string): Record<string, string[]> {
  const raw = parse(fixture(labId, 'expect.yaml')) as unknown;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${labId}/expect.yaml must map file names to lists of check ids`);
  const out: Record<string, string[]> = {};
  for (const [file, ids] of Object.entries(raw)) {
    if (file === 'cannot-fail-alone') continue;
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw new Error(`${labId}/expect.yaml: ${file} must list check ids`);
    out[file] = [...(ids as string[])].sort();
  }
  return out;
}

/** expect.yaml's `cannot-fail-alone`: checks no variant fails alone, each with the reason. */
export function cannotFailAlone(labId: string): Record<string, string> {
  const raw = (parse(fixture(labId, 'expect.yaml')) as Record<string, unknown>)['cannot-fail-alone'];
  if (raw === undefined) return {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${labId}/expect.yaml: cannot-fail-alone maps check ids to reasons`);
  return raw as Record<string, string>;
}

/**
 * Instantiates a template for one student, as `lab start` would, and grades it. A lab across
 * regions is graded as a folder: `file` is then the folder fixture's path (fixturePath), or
 * `starter.yaml` for the lab's own starter templates.
 */
export function gradeFor(lab: Lab, text: string, file: string, student: string): GradeResult {
  const folder = isAbsolute(file) ? file : join(FIXTURES_DIR, lab.id, file);
  if (existsSync(folder) && statSync(folder).isDirectory()) {
    return gradeTemplates(lab, regionFiles(folder).map((f) => ({ ...f, text: instantiate(f.text, lab, student) })), { student });
  }
  if (file === 'starter.yaml' && lab.starters.length && lab.starters[0].name !== 'template.yaml') {
    return gradeTemplates(lab, lab.starters.map((f) => ({ file: f.name, region: f.region, text: instantiate(f.text, lab, student) })), { student });
  }
  return gradeTemplates(lab, [{ file, text: instantiate(text, lab, student) }], { student });
}

export function failedIds(result: GradeResult): string[] {
  return result.checks
    .filter((c) => !c.passed)
    .map((c) => c.id)
    .sort();
}

/** A readable summary of a failed check, so a failing test says why. */
export function failureSummary(result: GradeResult): string[] {
  if (result.status !== 'graded') return [`${result.status}: ${result.reason ?? ''}`];
  return result.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.detail}`);
}

export interface ChecklistItem {
  title: string;
  points: number;
}

/**
 * The checklist of a brief: lines `- [ ] **Title** (N points)`, in order. It must mirror the
 * manifest's checks, so a student can tick off exactly what the grader looks at.
 */
export function checklist(brief: string): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const line of brief.split('\n')) {
    const m = /^- \[ \] \*\*(.+?)\*\* \((\d+) points?\)/.exec(line);
    if (m) items.push({ title: m[1], points: Number(m[2]) });
  }
  return items;
}

/** Lines inside fenced code blocks, with their line numbers (from 1). */
export function codeBlockLines(markdown: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let inside = false;
  markdown.split('\n').forEach((text, i) => {
    if (/^\s*```/.test(text)) {
      inside = !inside;
      return;
    }
    if (inside) out.push({ line: i + 1, text });
  });
  return out;
}

/** The `{{name}}` placeholders of a text (not CloudFormation's `{{resolve:…}}` references). */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();
}

/** Lesson ids, from the front matter of lessons/NN-<id>.md. */
export function lessonIds(): string[] {
  return readdirSync(LESSONS_DIR)
    .filter((f) => /^\d\d-.+\.md$/.test(f))
    .map((f) => /^id:\s*(\S+)/m.exec(readFileSync(join(LESSONS_DIR, f), 'utf8'))?.[1])
    .filter((id): id is string => id !== undefined);
}

/**
 * The brief with every parameter replaced by its widest possible value (the longest choice, or
 * the longest address of the `within` block), so width limits hold for every student.
 */
export function widestBrief(lab: Lab): string {
  const widest = new Map<string, string>();
  for (const p of lab.parameters) {
    let values: string[];
    if (p.kind === 'ip') {
      const block = parseCidr(p.within!);
      values = [formatIp(block.network), formatIp(lastAddress(block))];
    } else values = (p.choices ?? []).map(String);
    widest.set(p.name, values.reduce((a, b) => (b.length > a.length ? b : a), ''));
  }
  widest.set('student', 'anonymous');
  return lab.brief.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => widest.get(name) ?? whole);
}
