import { ACCOUNT_ID } from '../../../engine/arns.js';
import { createBackupSelection, unmatchedResources } from '../../../engine/backup/selection.js';
import { UNMODELLED } from '../../../engine/unmodelled.js';
import { JSON_VALUE, S, list, obj } from '../schema.js';
import { originOf, str } from './props.js';
import { type BuildContext, type ResourceType, schema } from './resource-type.js';

/**
 * AWS::Backup::BackupSelection → CreateBackupSelection.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-backup-backupselection.html
 * Ref is the selection id; Fn::GetAtt gives BackupPlanId, Id and SelectionId.
 */
const tagCondition = obj({ ConditionKey: S, ConditionType: S, ConditionValue: S }, { required: ['ConditionKey', 'ConditionType', 'ConditionValue'] });

/**
 * The role is usually an AWS::IAM::Role of the template, which is not modelled: its Arn
 * attribute reads as the placeholder `Role.Arn`, which stands here for the role's ARN.
 */
function roleArn(ctx: BuildContext, value: string | undefined): string | undefined {
  const m = value === undefined ? null : /^([A-Za-z0-9]+)\.Arn$/.exec(value);
  if (!m) return value;
  const role = [...ctx.cloud.table(UNMODELLED).values()].find((u) => u.logicalId === m[1] && u.type === 'AWS::IAM::Role');
  return role ? `arn:aws:iam::${ACCOUNT_ID}:role/${m[1]}` : value;
}

export const backupSelection: ResourceType = {
  schema: schema(
    {
      BackupPlanId: S,
      BackupSelection: obj(
        {
          Conditions: JSON_VALUE,
          IamRoleArn: S,
          ListOfTags: list(tagCondition),
          NotResources: list(S),
          Resources: list(S),
          SelectionName: S,
        },
        { required: ['IamRoleArn', 'SelectionName'] },
      ),
    },
    { required: ['BackupPlanId', 'BackupSelection'], readOnly: ['Id', 'SelectionId'] },
  ),
  attributes: ['BackupPlanId', 'Id', 'SelectionId'],
  create(ctx, r) {
    const p = r.properties;
    const spec = { ...(p.BackupSelection as Record<string, unknown>) };
    spec.IamRoleArn = roleArn(ctx, str(spec, 'IamRoleArn'));
    const planId = str(p, 'BackupPlanId') ?? '';
    const { selection, notes } = createBackupSelection(ctx.cloud, ctx.region, planId, spec, originOf(r));
    for (const n of notes) ctx.warn({ logicalId: r.logicalId, code: n.code, message: n.message, path: n.field });
    const outside = unmatchedResources(ctx.cloud, selection);
    if (outside.length) {
      ctx.warn({ logicalId: r.logicalId, code: 'ResourceOutsideSubmission', message: `${outside.join(', ')} ${outside.length === 1 ? 'names' : 'name'} nothing this submission makes that AWS Backup can protect (modelled: EC2 instances); kept as given`, path: ['BackupSelection', 'Resources'] });
    }
    return { ref: selection.selectionId, attributes: { BackupPlanId: planId, Id: selection.selectionId, SelectionId: selection.selectionId } };
  },
};
