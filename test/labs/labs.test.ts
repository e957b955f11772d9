import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { LAB_IDS } from '../../src/content/lab-ids.js';
import { instantiate, listLabs, loadLab, studentParameters } from '../../src/content/labs.js';
import {
  brokenVariants,
  cannotFailAlone,
  checklist,
  codeBlockLines,
  expectedFailures,
  failedIds,
  failureSummary,
  fixture,
  fixturePath,
  fixtureTexts,
  gradeFor,
  lessonIds,
  placeholders,
  solutionName,
  STUDENTS,
  widestBrief,
} from './support.js';

describe('the labs in labs/', () => {
  it('are the labs of the course, numbered from 1 in course order', () => {
    const labs = listLabs();
    expect(labs.map((l) => l.id)).toEqual([...LAB_IDS]);
    expect(labs.map((l) => l.order)).toEqual(LAB_IDS.map((_, i) => i + 1));
  });

  it('each follow a lesson that exists', () => {
    const lessons = lessonIds();
    for (const lab of listLabs()) expect(lessons, lab.id).toContain(lab.lesson);
  });
});

describe.each([...LAB_IDS])('lab %s', (id) => {
  const lab = loadLab(id);
  const starter = lab.starter;
  const solutionFile = solutionName(id);
  const solution = fixture(id, solutionFile);
  const expected = expectedFailures(id);
  const checkIds = lab.checks.map((c) => c.id);

  describe('manifest and brief', () => {
    it('is worth 10 to 25 points over 5 to 16 checks', () => {
      expect(lab.maxScore).toBeGreaterThanOrEqual(10);
      expect(lab.maxScore).toBeLessThanOrEqual(25);
      expect(lab.checks.length).toBeGreaterThanOrEqual(5);
      expect(lab.checks.length).toBeLessThanOrEqual(16);
    });

    it("has a checklist in the brief that mirrors the checks: same order, titles and points", () => {
      expect(checklist(lab.brief)).toEqual(lab.checks.map((c) => ({ title: c.title, points: c.points })));
    });

    it("keeps code blocks in the brief within 76 columns, whatever the student's values", () => {
      const long = codeBlockLines(widestBrief(lab)).filter((l) => [...l.text].length > 76);
      expect(long.map((l) => `brief.md:${l.line}: ${l.text}`)).toEqual([]);
    });

    it('uses only its own parameters as placeholders, and tells the student every value a visible check uses', () => {
      const known = [...lab.parameters.map((p) => p.name), 'student'];
      for (const text of [lab.brief, starter, solution]) {
        for (const name of placeholders(text)) expect(known, `{{${name}}}`).toContain(name);
      }
      const briefNames = placeholders(lab.brief);
      for (const c of lab.checks.filter((x) => !x.hidden)) {
        for (const m of JSON.stringify(c.args).matchAll(/\$\{(\w+)\}/g)) expect(briefNames, `${c.id} uses \${${m[1]}}`).toContain(m[1]);
      }
    });

    it('names the lab and the student in the Metadata of the starter and the solution', () => {
      // A lab across regions has one template per region, each with its own Metadata.
      for (const text of [...lab.starters.map((f) => f.text), ...fixtureTexts(id, solutionFile)]) {
        // CloudFormation's short-form tags (!Ref …) mean nothing to a plain YAML parser; only
        // the Metadata section is read here.
        const doc = parse(instantiate(text, lab, 'alice'), { logLevel: 'error' }) as { Metadata?: { cloudlab?: { lab?: string; student?: string } } };
        expect(doc.Metadata?.cloudlab).toEqual({ lab: id, student: 'alice' });
      }
    });

    it('has at least three broken variants, each listed in expect.yaml with checks of the lab', () => {
      const variants = brokenVariants(id);
      expect(variants.length).toBeGreaterThanOrEqual(3);
      expect(Object.keys(expected).sort()).toEqual(variants);
      for (const [file, ids] of Object.entries(expected)) {
        expect(ids.length, `${file} must fail at least one check`).toBeGreaterThan(0);
        expect(ids.length, `${file} must pass at least one check`).toBeLessThan(checkIds.length);
        for (const c of ids) expect(checkIds, `${file}: unknown check ${c}`).toContain(c);
      }
    });
  });

  describe.each([...STUDENTS])('for student %s', (student) => {
    it('the starter loads without errors and scores less than full marks', () => {
      const r = gradeFor(lab, starter, 'starter.yaml', student);
      expect(r.status, failureSummary(r).join('\n')).toBe('graded');
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(r.score).toBeLessThan(r.max);
    });

    it('the reference solution scores full marks', () => {
      const r = gradeFor(lab, solution, solutionFile, student);
      expect(failureSummary(r)).toEqual([]);
      expect(r.status).toBe('graded');
      expect(r.score).toBe(lab.maxScore);
    });

    it.each(brokenVariants(id))('%s fails exactly the checks expect.yaml lists', (file) => {
      const r = gradeFor(lab, fixture(id, file), file, student);
      expect(r.status, failureSummary(r).join('\n')).toBe('graded');
      expect(failedIds(r), `${JSON.stringify(studentParameters(lab, student))}\n${failureSummary(r).join('\n')}`).toEqual(expected[file]);
    });
  });

  it('shows each check failing alone: a variant breaks only that requirement, or expect.yaml says why none can', () => {
    const alone = new Set(Object.values(expected).filter((ids) => ids.length === 1).map((ids) => ids[0]));
    const excused = cannotFailAlone(id);
    for (const c of Object.keys(excused)) {
      expect(checkIds, `cannot-fail-alone names unknown check ${c}`).toContain(c);
      expect(alone.has(c), `${c} is listed as unable to fail alone, but a variant shows it does`).toBe(false);
      expect(excused[c].length, `${c} needs a reason`).toBeGreaterThan(10);
    }
    expect(checkIds.filter((c) => !alone.has(c) && !(c in excused))).toEqual([]);
  });

  it('gives two of 1,000 students the same values with a chance under 2%', () => {
    if (lab.parameters.length === 0) return;
    const counts = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const key = JSON.stringify(studentParameters(lab, `s${1000000 + i * 7919}`));
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    let same = 0;
    for (const n of counts.values()) same += (n * (n - 1)) / 2;
    expect(same / ((1000 * 999) / 2)).toBeLessThan(0.02);
  });

  it('refuses its solution when it is handed in for another lab', () => {
    const other = loadLab(LAB_IDS.find((x) => x !== id)!);
    const r = gradeFor(other, solution, solutionFile === 'solution.yaml' ? solutionFile : fixturePath(id, solutionFile), 'alice');
    expect(r.status).toBe('wrong-lab');
    expect(r.score).toBe(0);
  });
});
