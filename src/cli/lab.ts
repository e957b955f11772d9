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
