import { createBackupVault } from '../../../engine/backup/vault.js';
import { JSON_VALUE, S, obj, I } from '../schema.js';
import { originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/**
 * AWS::Backup::BackupVault → CreateBackupVault.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-backup-backupvault.html
 * Ref is the vault name; Fn::GetAtt gives BackupVaultArn and BackupVaultName.
 */
export const backupVault: ResourceType = {
  schema: schema(
    {
      AccessPolicy: JSON_VALUE,
      BackupVaultName: S,
      BackupVaultTags: JSON_VALUE,
      EncryptionKeyArn: S,
      LockConfiguration: obj({ ChangeableForDays: I, MaxRetentionDays: I, MinRetentionDays: I }, { required: ['MinRetentionDays'] }),
      Notifications: obj({ BackupVaultEvents: JSON_VALUE, SNSTopicArn: S }, { required: ['BackupVaultEvents', 'SNSTopicArn'] }),
    },
    { required: ['BackupVaultName'], readOnly: ['BackupVaultArn'] },
  ),
  attributes: ['BackupVaultArn', 'BackupVaultName'],
  create({ cloud, region }, r) {
    const p = r.properties;
    const tags = p.BackupVaultTags && typeof p.BackupVaultTags === 'object' ? Object.fromEntries(Object.entries(p.BackupVaultTags).map(([k, v]) => [k, String(v)])) : {};
    const v = createBackupVault(cloud, region, { name: str(p, 'BackupVaultName') ?? '', encryptionKeyArn: str(p, 'EncryptionKeyArn'), locked: p.LockConfiguration !== undefined }, { ...originOf(r), tags });
    return { ref: v.name, attributes: { BackupVaultArn: v.arn, BackupVaultName: v.name } };
  },
};
