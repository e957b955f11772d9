import { createBackupPlan } from '../../../engine/backup/plan.js';
import { B, I, JSON_VALUE, S, list, obj } from '../schema.js';
import { originOf } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/**
 * AWS::Backup::BackupPlan → CreateBackupPlan.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-backup-backupplan.html
 * Ref is the plan id; Fn::GetAtt gives BackupPlanArn, BackupPlanId and VersionId.
 */
const lifecycle = obj({ DeleteAfterDays: I, MoveToColdStorageAfterDays: I, OptInToArchiveForSupportedResources: B });

const rule = obj(
  {
    CompletionWindowMinutes: I,
    CopyActions: list(obj({ DestinationBackupVaultArn: S, Lifecycle: lifecycle }, { required: ['DestinationBackupVaultArn'] })),
    EnableContinuousBackup: B,
    IndexActions: JSON_VALUE,
    Lifecycle: lifecycle,
    RecoveryPointTags: JSON_VALUE,
    RuleName: S,
    ScheduleExpression: S,
    ScheduleExpressionTimezone: S,
    StartWindowMinutes: I,
    TargetBackupVault: S,
  },
  { required: ['RuleName', 'TargetBackupVault'] },
);

export const backupPlan: ResourceType = {
  schema: schema(
    {
      BackupPlan: obj({ AdvancedBackupSettings: JSON_VALUE, BackupPlanName: S, BackupPlanRule: list(rule) }, { required: ['BackupPlanName', 'BackupPlanRule'] }),
      BackupPlanTags: JSON_VALUE,
    },
    { required: ['BackupPlan'], readOnly: ['BackupPlanArn', 'BackupPlanId', 'VersionId'] },
  ),
  attributes: ['BackupPlanArn', 'BackupPlanId', 'VersionId'],
  create({ cloud, region, warn }, r) {
    const { plan, notes } = createBackupPlan(cloud, region, r.properties.BackupPlan as Record<string, unknown>, originOf(r));
    for (const n of notes) warn({ logicalId: r.logicalId, code: n.code, message: n.message, path: n.field });
    return { ref: plan.planId, attributes: { BackupPlanArn: plan.arn, BackupPlanId: plan.planId, VersionId: plan.versionId } };
  },
};
