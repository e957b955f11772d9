import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCourse, type Course } from '../../../src/content/lessons.js';
import { emptyProgress, type Progress } from '../../../src/content/progress.js';
import { loadLabs } from '../../../src/tui/load.js';
import type { Lab } from '../../../src/content/labs.js';

/** The small course and lab of test/fixtures/tui: three lessons, one lab (public-web). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const LESSONS_DIR = join(ROOT, 'test/fixtures/tui/lessons');
export const LABS_DIR = join(ROOT, 'test/fixtures/tui/labs');

export function fixtureCourse(): Course {
  const course = loadCourse(LESSONS_DIR);
  if (course.problems.length > 0) throw new Error(`fixture course has problems: ${course.problems.join('; ')}`);
  return course;
}

export function fixtureLabs(): Lab[] {
  const { labs, problems } = loadLabs(LABS_DIR);
  if (problems.length > 0) throw new Error(`fixture labs have problems: ${problems.join('; ')}`);
  return labs;
}

export function freshProgress(): Progress {
  return emptyProgress();
}

export function tempDir(prefix = 'cloudlab-tui-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Frame widths the tests draw at: the smallest terminal the course promises to fit. */
export const WIDTH = 80;
export const HEIGHT = 23;
