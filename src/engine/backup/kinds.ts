import { kind } from '../store.js';
import type { BackupPlan } from './plan.js';
import type { BackupSelection } from './selection.js';
import type { BackupVault } from './vault.js';

/** AWS Backup's kinds, with the code AWS answers for one that does not exist. */
export const BACKUP = {
  vault: kind<BackupVault>({ noun: 'the backup vault', notFound: 'ResourceNotFoundException', field: 'BackupVaultName' }),
  plan: kind<BackupPlan>({ noun: 'the backup plan', notFound: 'ResourceNotFoundException', field: 'BackupPlanId' }),
  selection: kind<BackupSelection>({ noun: 'the backup selection', notFound: 'ResourceNotFoundException', field: 'SelectionId' }),
} as const;

/** AWS Backup's error for a value it refuses. */
export const INVALID = 'InvalidParameterValueException';
