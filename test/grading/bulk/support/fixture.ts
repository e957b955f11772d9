import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { instantiate, type Lab, loadLab } from '../../../../src/content/labs.js';

/** The fixture lab of the bulk-grading tests and helpers to fill folders of submissions. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const FIXTURES = join(ROOT, 'test/fixtures/grade');
export const LABS = join(FIXTURES, 'labs');
export const LAB_ID = 'web-tier';

export function fixtureLab(): Lab {
  return loadLab(LAB_ID, LABS);
}

/** The reference solution with this student's values: full marks for that student. */
export function solution(lab: Lab, student: string): string {
  return instantiate(readFileSync(join(FIXTURES, 'solution.yaml'), 'utf8'), lab, student);
}

export function starter(lab: Lab, student: string): string {
  return instantiate(lab.starter, lab, student);
}

export function tempDir(prefix = 'cloudlab-grade-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (paths relative to `dir`; a path with a slash makes a sub-folder). */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A class of `n` students: solutions, starters and solutions with SSH left out, in turn. */
export function classFolder(lab: Lab, dir: string, n: number): void {
  for (let i = 0; i < n; i++) {
    const student = `s${String(1000 + i)}`;
    const text = i % 3 === 0 ? solution(lab, student) : i % 3 === 1 ? starter(lab, student) : solution(lab, student).replace(/(FromPort: 22, ToPort: 22, CidrIp: )'[^']+'/, "$1'198.51.100.0/24'");
    writeFileSync(join(dir, `${student}.yaml`), text);
  }
}
