import { formatArn } from '../arns.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin, type Store } from '../store.js';
import { BACKUP, INVALID } from './kinds.js';

/**
 * A backup vault (CreateBackupVault, BAK-01): a regional container of recovery points, named
 * 2-50 of [a-zA-Z0-9-_], unique in its region. Without EncryptionKeyArn AWS uses its own key.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateBackupVault.html
 */
export interface BackupVault extends Named {
  readonly name: string;
  readonly arn: string;
  readonly encryptionKeyArn?: string;
  readonly locked: boolean;
}

export interface BackupVaultSpec {
  name: string;
  encryptionKeyArn?: string;
  locked?: boolean;
}

export function createBackupVault(store: Store, region: string, spec: BackupVaultSpec, origin?: Origin): BackupVault {
  if (!/^[a-zA-Z0-9\-_]{2,50}$/.test(spec.name)) {
    throw new CloudError(INVALID, `BackupVaultName "${spec.name}" must be 2 to 50 letters, digits, hyphens or underscores`, 'BackupVaultName');
  }
  const arn = formatArn('backup', region, `backup-vault:${spec.name}`);
  if (store.table(BACKUP.vault).has(arn)) throw new CloudError('AlreadyExistsException', `a backup vault named ${spec.name} already exists in ${region}`, 'BackupVaultName');
  const v: BackupVault = { ...named(arn, region, origin), name: spec.name, arn, ...(spec.encryptionKeyArn ? { encryptionKeyArn: spec.encryptionKeyArn } : {}), locked: spec.locked ?? false };
  store.table(BACKUP.vault).set(arn, v);
  return v;
}

/** The vault of that name in the region, if the submission makes it. */
export function vaultByName(store: Store, region: string, name: string): BackupVault | undefined {
  return store.table(BACKUP.vault).get(formatArn('backup', region, `backup-vault:${name}`));
}
