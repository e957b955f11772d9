import { createDbInstance, createReadReplica } from '../../../engine/rds/index.js';
import { B, I, JSON_VALUE, list, obj, S, TAGS } from '../schema.js';
import { bool, originOf, placeholderAttributes, str, strList } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/**
 * AWS::RDS::DBInstance → CreateDBInstance, or CreateDBInstanceReadReplica when
 * SourceDBInstanceIdentifier is given. Ref is the DB instance identifier. Aurora instances
 * (DBClusterIdentifier, or an aurora engine) belong to a DB cluster, which is not modelled:
 * they are kept, unmodelled, with a warning.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html
 * (Return values: Endpoint.Address, Endpoint.Port, DBInstanceArn, DbiResourceId.)
 */
const num = (v: unknown): number | undefined => (v === undefined ? undefined : typeof v === 'number' ? v : Number(v));

export const dbInstance: ResourceType = {
  schema: schema({
    AllocatedStorage: S,
    AllowMajorVersionUpgrade: B,
    AssociatedRoles: list(JSON_VALUE),
    AutoMinorVersionUpgrade: B,
    AutomaticBackupReplicationKmsKeyId: S,
    AutomaticBackupReplicationRegion: S,
    AvailabilityZone: S,
    BackupRetentionPeriod: I,
    CACertificateIdentifier: S,
    CertificateRotationRestart: B,
    CharacterSetName: S,
    CopyTagsToSnapshot: B,
    CustomIAMInstanceProfile: S,
    DBClusterIdentifier: S,
    DBClusterSnapshotIdentifier: S,
    DBInstanceClass: S,
    DBInstanceIdentifier: S,
    DBName: S,
    DBParameterGroupName: S,
    DBSecurityGroups: list(S),
    DBSnapshotIdentifier: S,
    DBSubnetGroupName: S,
    DBSystemId: S,
    DedicatedLogVolume: B,
    DeleteAutomatedBackups: B,
    DeletionProtection: B,
    Domain: S,
    DomainIAMRoleName: S,
    EnableCloudwatchLogsExports: list(S),
    EnableIAMDatabaseAuthentication: B,
    EnablePerformanceInsights: B,
    Engine: S,
    EngineLifecycleSupport: S,
    EngineVersion: S,
    Iops: I,
    KmsKeyId: S,
    LicenseModel: S,
    ManageMasterUserPassword: B,
    MasterUserPassword: S,
    MasterUserSecret: JSON_VALUE,
    MasterUsername: S,
    MaxAllocatedStorage: I,
    MonitoringInterval: I,
    MonitoringRoleArn: S,
    MultiAZ: B,
    NcharCharacterSetName: S,
    NetworkType: S,
    OptionGroupName: S,
    PerformanceInsightsKMSKeyId: S,
    PerformanceInsightsRetentionPeriod: I,
    Port: S,
    PreferredBackupWindow: S,
    PreferredMaintenanceWindow: S,
    ProcessorFeatures: list(obj({ Name: S, Value: S })),
    PromotionTier: I,
    PubliclyAccessible: B,
    ReplicaMode: S,
    RestoreTime: S,
    SourceDBClusterIdentifier: S,
    SourceDBInstanceAutomatedBackupsArn: S,
    SourceDBInstanceIdentifier: S,
    SourceDbiResourceId: S,
    SourceRegion: S,
    StorageEncrypted: B,
    StorageThroughput: I,
    StorageType: S,
    Tags: TAGS,
    Timezone: S,
    UseDefaultProcessorFeatures: B,
    UseLatestRestorableTime: B,
    VPCSecurityGroups: list(S),
  }, { readOnly: ['DBInstanceArn', 'DbiResourceId', 'Endpoint'] }),
  attributes: ['DBInstanceArn', 'DbiResourceId', 'Endpoint.Address', 'Endpoint.Port'],
  create(ctx, r) {
    const { cloud, region } = ctx;
    const p = r.properties;
    const engine = str(p, 'Engine');
    if (p.DBClusterIdentifier !== undefined || (engine ?? '').toLowerCase().startsWith('aurora')) {
      ctx.warn({ logicalId: r.logicalId, code: 'UnmodelledResource', message: 'an Aurora DB instance belongs to a DB cluster (AWS::RDS::DBCluster), which the virtual cloud does not model; it is kept and plays no part', path: p.DBClusterIdentifier !== undefined ? ['DBClusterIdentifier'] : ['Engine'] });
      const u = cloud.createUnmodelled(region, r.type, originOf(r));
      return { ref: u.id, attributes: placeholderAttributes(r.logicalId) };
    }
    const spec = {
      identifier: str(p, 'DBInstanceIdentifier'),
      engine,
      engineVersion: str(p, 'EngineVersion'),
      instanceClass: str(p, 'DBInstanceClass'),
      allocatedStorage: num(p.AllocatedStorage),
      storageType: str(p, 'StorageType'),
      port: num(p.Port),
      multiAz: bool(p, 'MultiAZ'),
      availabilityZone: str(p, 'AvailabilityZone'),
      publiclyAccessible: bool(p, 'PubliclyAccessible'),
      subnetGroupName: str(p, 'DBSubnetGroupName'),
      vpcSecurityGroupIds: strList(p, 'VPCSecurityGroups'),
      backupRetentionPeriod: num(p.BackupRetentionPeriod),
      storageEncrypted: bool(p, 'StorageEncrypted'),
      deletionPolicy: r.deletionPolicy,
      sourceRegion: str(p, 'SourceRegion'),
    };
    const source = str(p, 'SourceDBInstanceIdentifier');
    const { resource: db, warnings } = source !== undefined ? createReadReplica(cloud, region, { ...spec, sourceDbInstanceIdentifier: source }, originOf(r)) : createDbInstance(cloud, region, spec, originOf(r));
    for (const w of warnings) ctx.warn({ logicalId: r.logicalId, code: w.code, message: w.message, ...(w.field ? { path: [w.field] } : {}) });
    return {
      ref: db.identifier,
      attributes: { DBInstanceArn: db.arn, DbiResourceId: db.resourceId, 'Endpoint.Address': db.dnsName, 'Endpoint.Port': String(db.port) },
    };
  },
};
