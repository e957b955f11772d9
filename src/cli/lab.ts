import { type Lab, LabError, listLabs, loadLab } from '../content/labs.js';
import { UsageError } from './exit-codes.js';

/** A lab by id, or a usage error (exit 2) that names the nearest lab. */
export function labOrUsageError(id: string): Lab {
  try {
    return loadLab(id);
  } catch (e) {
    if (e instanceof LabError) throw new UsageError(e.message);
    throw e;
  }
}

export function labsOrUsageError(): Lab[] {
  try {
    return listLabs();
  } catch (e) {
    if (e instanceof LabError) throw new UsageError(e.message);
    throw e;
  }
}

export interface NextLab {
  readonly id: string | null;
  readonly command: string | null;
  readonly text: string;
}

/** What to do after full marks: the next lab in course order and how to start it. */
export function nextLab(lab: Lab, student: string | undefined): NextLab {
  let labs: Lab[];
  try {
    labs = listLabs();
  } catch {
    labs = [];
  }
  const after = labs.filter((l) => l.order > lab.order).sort((a, b) => a.order - b.order)[0];
  if (!after) return { id: null, command: null, text: `That was the last lab of the course. Well done.` };
  const command = `cloudlab lab start ${after.id} --student ${student ?? '<your id>'}`;
  return { id: after.id, command, text: `Next: lab ${after.order}, ${after.title}. Start it with:\n  ${command}` };
}
