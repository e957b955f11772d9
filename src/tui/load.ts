import { openProgress } from '../content/command-support.js';
import { LabError, labIds, labsDir, loadLab, type Lab } from '../content/labs.js';
import { loadCourse, type Course } from '../content/lessons.js';
import type { Progress } from '../content/progress.js';

/**
 * Everything the app and the overview show, loaded once at start. Nothing here throws for
 * bad content: a lab that does not load is left out and named in `labProblems`.
 */
export interface AppData {
  readonly course: Course;
  readonly labs: Lab[];
  readonly labProblems: string[];
  readonly labsDir: string;
  readonly progress: Progress;
  /** False when the progress file cannot be read: nothing is saved this session. */
  readonly progressReadable: boolean;
  /** For the learner: a progress file set aside, or one that cannot be read. */
  readonly notices: string[];
}

export function loadAppData(): AppData {
  const notices: string[] = [];
  const course = loadCourse();
  const { progress, readable } = openProgress((m) => notices.push(m));
  const { labs, problems, dir } = loadLabs();
  return { course, labs, labProblems: problems, labsDir: dir, progress, progressReadable: readable, notices };
}

/** Every lab that loads, in course order; the others as problems ("lab x: why"). */
export function loadLabs(dir: string = labsDir()): { labs: Lab[]; problems: string[]; dir: string } {
  const labs: Lab[] = [];
  const problems: string[] = [];
  for (const id of labIds(dir)) {
    try {
      labs.push(loadLab(id, dir));
    } catch (e) {
      // A lab that cannot be read (bad manifest, unreadable file) must not stop the course.
      problems.push(e instanceof LabError ? `lab ${id}: ${e.message}` : `lab ${id}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  labs.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { labs, problems, dir };
}
