import { loadCourse, type Course } from './lessons.js';
import { emptyProgress, loadProgress, progressPath, ProgressError, updateProgress, type Progress } from './progress.js';

/**
 * What the lesson, quiz and progress commands share: loading the course and the progress
 * file without ever failing the command for a problem the learner can do nothing about
 * right now. Problems are passed to `warn` (the commands print them on stderr).
 */
export type Warn = (message: string) => void;

export function loadCourseWarning(warn: Warn, dir?: string): Course {
  const course = loadCourse(dir);
  for (const p of course.problems) warn(`content problem: ${p}`);
  return course;
}

/**
 * The progress, or an empty one when the file cannot be read (with a warning); `readable`
 * is false when the file cannot be read or must not be written (a newer version's), so a
 * command can skip saving to it.
 */
export function openProgress(warn: Warn): { progress: Progress; path: string; readable: boolean } {
  try {
    const loaded = loadProgress();
    if (loaded.notice) warn(loaded.notice);
    return { progress: loaded.progress, path: loaded.path, readable: !loaded.readOnly };
  } catch (e) {
    if (!(e instanceof ProgressError)) throw e;
    warn(`${e.message}; your progress is not shown or saved this time`);
    return { progress: emptyProgress(), path: progressPath(), readable: false };
  }
}

/**
 * Saves a change to the progress; returns false when it could not, after a warning that
 * ends with `consequence` ("; the lesson is not marked read").
 */
export function saveChange(change: (p: Progress) => void, warn: Warn, consequence = ''): boolean {
  try {
    const loaded = updateProgress(change);
    if (loaded.notice) warn(loaded.notice);
    return true;
  } catch (e) {
    if (!(e instanceof ProgressError)) throw e;
    warn(`${e.message}${consequence}`);
    return false;
  }
}
