import { CloudError } from '../errors.js';
import { INVALID } from './kinds.js';

/**
 * A recovery point's lifecycle (BAK-03): when it moves to cold storage and when it is deleted.
 * Cold storage keeps a recovery point at least 90 days, so DeleteAfterDays must be at least
 * MoveToColdStorageAfterDays + 90. Without a lifecycle a recovery point is kept indefinitely.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_Lifecycle.html
 */
export interface Lifecycle {
  deleteAfterDays?: number;
  moveToColdStorageAfterDays?: number;
}

type Path = (string | number)[];

function days(v: unknown, field: Path): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new CloudError(INVALID, `${String(field[field.length - 1])} must be a whole number of days, at least 1, not ${JSON.stringify(v)}`, field);
  return n;
}

export function readLifecycle(raw: unknown, at: Path, continuous: boolean): Lifecycle | undefined {
  if (raw === undefined) return undefined;
  const l = (raw ?? {}) as Record<string, unknown>;
  const deleteAfterDays = days(l.DeleteAfterDays, [...at, 'DeleteAfterDays']);
  const moveToColdStorageAfterDays = days(l.MoveToColdStorageAfterDays, [...at, 'MoveToColdStorageAfterDays']);
  if (deleteAfterDays !== undefined && moveToColdStorageAfterDays !== undefined && deleteAfterDays < moveToColdStorageAfterDays + 90) {
    throw new CloudError(
      INVALID,
      `DeleteAfterDays (${deleteAfterDays}) must be at least 90 days after MoveToColdStorageAfterDays (${moveToColdStorageAfterDays}): cold storage keeps a recovery point at least 90 days, so at least ${moveToColdStorageAfterDays + 90}`,
      [...at, 'DeleteAfterDays'],
    );
  }
  if (continuous && moveToColdStorageAfterDays !== undefined) {
    throw new CloudError(INVALID, 'continuous backups (EnableContinuousBackup) cannot move to cold storage; remove MoveToColdStorageAfterDays', [...at, 'MoveToColdStorageAfterDays']);
  }
  if (continuous && deleteAfterDays !== undefined && deleteAfterDays > 35) {
    throw new CloudError(INVALID, `continuous backups are kept at most 35 days, not ${deleteAfterDays} (DeleteAfterDays 1-35)`, [...at, 'DeleteAfterDays']);
  }
  return { ...(deleteAfterDays !== undefined ? { deleteAfterDays } : {}), ...(moveToColdStorageAfterDays !== undefined ? { moveToColdStorageAfterDays } : {}) };
}
