import { CloudError } from '../../engine/errors.js';

/**
 * What the CloudFormation door adds to an engine error: the engine speaks of resources and
 * AWS parameters; a template author also wants to see how to write the fix. Keyed by the
 * error code and the parameter it names (`code@Parameter`), or by the code alone.
 */
const HINTS: Readonly<Record<string, string>> = {
  'MissingParameter@VpcId': '(for example !Ref Vpc)',
  'MissingParameter@SubnetId': '(for example !Ref PublicSubnetA)',
  'MissingParameter@AllocationId': '(for example !GetAtt MyEip.AllocationId)',
  'InvalidParameterCombination@SecurityGroups': '(for example !Ref WebSecurityGroup)',
  'InvalidParameterCombination@GroupName': '(for example !Ref WebSecurityGroup)',
  'InvalidParameterCombination@SourceSecurityGroupName': '(for example !Ref AppSecurityGroup)',
  'InvalidParameterValue@AvailabilityZoneId': '(for example !Select [0, !GetAZs ""])',
  // Ref of a security group without VpcId is its name (aws-semantics 32).
  'InvalidGroupId.Malformed': '(for example !GetAtt WebSg.GroupId, or the name in SecurityGroups)',
  // Services: an auto scaling group's launch template version, a load balancer's subnets.
  'ValidationError@Version': '(for example Version: !GetAtt WebTemplate.LatestVersionNumber)',
  'ValidationError@Subnets': '(for example Subnets: [!Ref PublicSubnetA, !Ref PublicSubnetB])',
  // RDS and Route 53.
  'DBSubnetGroupNotFoundFault@DBSubnetGroupName': '(for example !Ref DbSubnetGroup)',
  'DBInstanceNotFound@SourceDBInstanceIdentifier': '(in its region, for example !Ref PrimaryDb; across regions, !Sub arn:aws:rds:us-east-1:${AWS::AccountId}:db:<the primary\'s DBInstanceIdentifier>)',
  'InvalidDBInstanceState@SourceDBInstanceIdentifier': '(BackupRetentionPeriod: 7 on the source)',
  'InvalidInput@TTL': "(for example TTL: '60')",
  'InvalidInput@HostedZoneId': '(for example !GetAtt LoadBalancer.CanonicalHostedZoneID)',
  // A route to an internet gateway that is not attached to the route's VPC (topology-checks.ts).
  'InvalidParameterValue@GatewayId': 'with an AWS::EC2::VPCGatewayAttachment',
  // CloudFront and AWS Backup.
  'InvalidViewerCertificate@AcmCertificateArn': '(for example !Ref SiteCertificate, an AWS::CertificateManager::Certificate in a us-east-1 template)',
  'NoSuchOrigin@TargetOriginId': '(the Id of one of Origins or OriginGroups)',
  'InvalidParameterValueException@BackupPlanId': '(for example !Ref Plan)',
  'InvalidParameterValueException@DestinationBackupVaultArn': '(for example !GetAtt DrVault.BackupVaultArn, or !Sub arn:aws:backup:us-west-2:${AWS::AccountId}:backup-vault:dr-vault)',
  'InvalidPrefixListId.Malformed': '(for example !Ref MyPrefixList)',
};

/** The parameter an error names: the last name of its path. */
export function parameterOf(field: CloudError['field']): string | undefined {
  if (field === undefined) return undefined;
  if (!Array.isArray(field)) return field;
  for (let i = field.length - 1; i >= 0; i--) if (typeof field[i] === 'string') return field[i] as string;
  return undefined;
}

export function templateHint(e: CloudError): string | undefined {
  const param = parameterOf(e.field);
  return (param !== undefined ? HINTS[`${e.code}@${param}`] : undefined) ?? HINTS[e.code];
}

/** The engine's message with the template hint for its code, when there is one. */
export function withTemplateHint(e: CloudError): string {
  const hint = templateHint(e);
  return hint ? `${e.message} ${hint}` : e.message;
}
