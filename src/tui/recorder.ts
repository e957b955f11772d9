import { saveChange } from '../content/command-support.js';
import type { Progress } from '../content/progress.js';

/**
 * Where the app's progress changes go. The screens always see their change at once (the
 * session keeps its own copy); the file is updated with the same `saveChange` the commands
 * use. After a save fails, the session goes on without saving and says so once.
 */
export type ProgressEdit = (p: Progress) => void;

export interface Recorder {
  /** Saves the change; returns a warning to show when it could not. */
  save(edit: ProgressEdit, consequence: string): string | undefined;
}

export function fileRecorder(readable: boolean): Recorder {
  let saving = readable;
  return {
    save(edit, consequence) {
      if (!saving) return undefined;
      let warning: string | undefined;
      saving = saveChange(edit, (m) => {
        warning = warning ?? m;
      }, consequence);
      return warning;
    },
  };
}

/** Keeps nothing: for tests, and for a progress file that cannot be read. */
export const memoryRecorder: Recorder = { save: () => undefined };

/** A copy of the progress with the change made; the original is left as it was. */
export function applied(progress: Progress, edit: ProgressEdit): Progress {
  const copy = structuredClone(progress);
  edit(copy);
  return copy;
}
