import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulationText } from '../../src/cli/simulate-output.js';
import { loadSubmissionPath } from '../../src/formats/load-submission.js';
import { simulateSubmission } from '../../src/formats/scenario/simulate-submission.js';

/*
 * A lesson's worked simulation: `<!-- simulate: TEMPLATE --scenario SCENARIO [--param K=V] -->`
 * before a fenced block. The files sit in the lesson's folder, lessons/<NN-id>/, beside
 * lessons/<NN-id>.md. The block's first line is the command, with the paths as a student
 * types them from the course folder; every other line is a line of the command's output, in
 * the order printed (a block may leave lines out). This suite plays each example and checks
 * the lesson against the output, so a lesson never shows a number the simulation disagrees with.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LESSONS = join(ROOT, 'lessons');

interface Example {
  lesson: string;
  line: number;
  template: string;
  scenario: string;
  params: Record<string, string>;
  command: string;
  shown: string[];
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const name of readdirSync(LESSONS).filter((n) => n.endsWith('.md') && n !== 'README.md')) {
    const lines = readFileSync(join(LESSONS, name), 'utf8').split('\n');
    lines.forEach((l, i) => {
      const m = /^<!-- simulate: (\S+) --scenario (\S+)((?: --param \S+)*) -->$/.exec(l);
      if (!m) return;
      if (lines[i + 1] !== '```') throw new Error(`${name}:${i + 1}: a simulate comment is followed by a fenced block`);
      const end = lines.indexOf('```', i + 2);
      const block = lines.slice(i + 2, end);
      const params = Object.fromEntries([...m[3].matchAll(/--param (\w+)=(\S+)/g)].map((p) => [p[1], p[2]]));
      out.push({ lesson: name.replace(/\.md$/, ''), line: i + 1, template: m[1], scenario: m[2], params, command: block[0], shown: block.slice(1) });
    });
  }
  return out;
}

function play(e: Example): string[] {
  const dir = join(LESSONS, e.lesson);
  const loaded = loadSubmissionPath(join(dir, e.template), { params: e.params });
  expect(loaded.ok, `${e.lesson}/${e.template} loads`).toBe(true);
  const sim = simulateSubmission(loaded, readFileSync(join(dir, e.scenario), 'utf8'), join(dir, e.scenario));
  expect(sim.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return simulationText(sim.result!, { submission: `lessons/${e.lesson}/${e.template}`, scenario: `lessons/${e.lesson}/${e.scenario}` });
}

const all = examples();

describe('the worked simulations of the lessons', () => {
  it('lessons 10, 11, 14 and 15 each have one', () => {
    const lessons = new Set(all.map((e) => e.lesson.slice(0, 2)));
    for (const n of ['10', '11', '14', '15']) expect(lessons.has(n), `lesson ${n} has a worked simulation`).toBe(true);
  });

  for (const e of all) {
    it(`${e.lesson}.md:${e.line}: ${e.scenario} on ${e.template} prints what the lesson shows`, () => {
      const dir = `lessons/${e.lesson}`;
      expect(existsSync(join(ROOT, dir, e.template)) && existsSync(join(ROOT, dir, e.scenario))).toBe(true);
      const params = Object.entries(e.params).map(([k, v]) => ` --param ${k}=${v}`).join('');
      expect(e.command).toBe(`$ cloudlab simulate ${dir}/${e.template} --scenario ${dir}/${e.scenario}${params}`);
      const output = play(e).map((l) => l.trimEnd());
      let at = 0;
      for (const want of e.shown) {
        if (want.trim() === '') continue;
        const found = output.indexOf(want.trimEnd(), at);
        expect(found, `"${want}" (in this order) is in the output:\n${output.join('\n')}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    });
  }
});
