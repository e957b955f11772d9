import { formatArn } from '../arns.js';
import { EC2 } from '../ec2/kinds.js';
import { RDS } from '../rds/kinds.js';
import type { DbInstance } from '../rds/db-instance.js';
import type { Kind, Named } from '../store.js';

/**
 * The kinds of resource AWS Backup can protect that the virtual cloud models, each with the
 * ARN a selection names it by. Another service adds its kind with one entry here.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/working-with-other-services.html
 */
export interface ProtectableKind {
  kind: Kind<Named>;
  /** AWS Backup's resource type name (EC2, RDS, EBS, …). */
  type: string;
  arn(r: Named): string;
}

export const PROTECTABLE: ProtectableKind[] = [
  { kind: EC2.instance as unknown as Kind<Named>, type: 'EC2', arn: (i) => formatArn('ec2', i.region, `instance/${i.id}`) },
  { kind: RDS.dbInstance as unknown as Kind<Named>, type: 'RDS', arn: (d) => (d as DbInstance).arn },
];
