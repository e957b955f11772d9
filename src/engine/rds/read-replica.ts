import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import type { Origin } from '../store.js';
import {
  attachInterface,
  checkClass,
  checkDbGroups,
  checkPort,
  checkRetention,
  type Created,
  type DbInstance,
  type DbInstanceSpec,
  dbInstanceByIdentifier,
  engineFacts,
  identifierFor,
  newDbInstance,
  placeInGroup,
  type ReplicaSource,
} from './db-instance.js';
import { RDS, RDS_LIMITS } from './kinds.js';
import { parseDbArn } from './names.js';
import { dbSubnetGroupByName } from './subnet-group.js';

/**
 * Read replicas (RDS-03, RDS-04): SourceDBInstanceIdentifier names the source by identifier
 * in the same region or by ARN (`arn:aws:rds:<region>:<account>:db:<id>`) across regions. The
 * source must keep automated backups (BackupRetentionPeriod > 0); a cross-region replica
 * needs an engine that supports it and a source that is not itself a replica. A source in a
 * template loaded later is checked once everything is created (settle.ts).
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.XRgn.html
 */

/** Where SourceDBInstanceIdentifier points. */
export function replicaSource(region: string, given: string, sourceRegion: string | undefined): ReplicaSource {
  const arn = parseDbArn(given);
  if (!arn && given.startsWith('arn:')) {
    throw new CloudError('InvalidParameterValue', `SourceDBInstanceIdentifier "${given}" is not a DB instance ARN; an ARN looks like arn:aws:rds:us-east-1:123456789012:db:mydb`, 'SourceDBInstanceIdentifier');
  }
  const sourceOf = arn ? arn.region : region;
  if (sourceRegion !== undefined && sourceRegion !== sourceOf) {
    throw new CloudError('InvalidParameterCombination', `SourceRegion ${sourceRegion} does not match the source's region ${sourceOf} in SourceDBInstanceIdentifier`, 'SourceRegion');
  }
  return { given, region: sourceOf, identifier: arn ? arn.identifier : given.toLowerCase(), crossRegion: sourceOf !== region };
}

/** The checks of a replica against its source, once the source is known. */
export function checkAgainstSource(cloud: Cloud, replica: DbInstance, source: DbInstance): void {
  if (source.backupRetentionPeriod === 0) {
    // RDS-03: the code and text are UNCONFIRMED in AWS's documentation; this is the error
    // reported for CreateDBInstanceReadReplica on a source without automated backups.
    throw new CloudError(
      'InvalidDBInstanceState',
      `Automated backups are not enabled for this database instance: ${source.logicalId ?? source.identifier} has BackupRetentionPeriod 0, and a read replica needs automated backups on its source; set BackupRetentionPeriod to 1 to 35 on ${source.logicalId ?? source.identifier}`,
      'SourceDBInstanceIdentifier',
    );
  }
  if (replica.replicaOf?.crossRegion) {
    const facts = engineFacts(source.engine);
    if (!facts.crossRegionReplicas) {
      throw new CloudError('InvalidParameterCombination', `${source.engine} does not support read replicas in another region (MariaDB, MySQL, Oracle and PostgreSQL do)`, 'SourceDBInstanceIdentifier');
    }
    if (source.replicaOf) {
      throw new CloudError('InvalidDBInstanceState', `${source.logicalId ?? source.identifier} is itself a read replica; a cross-region read replica needs a source that is not a replica`, 'SourceDBInstanceIdentifier');
    }
  }
  const siblings = [...cloud.table(RDS.dbInstance).values()].filter((d) => d.replicaOf?.id === source.id && d.region === source.region && d !== replica);
  if (!replica.replicaOf?.crossRegion && siblings.length >= RDS_LIMITS.readReplicasPerSource) {
    throw new CloudError('DBInstanceQuotaExceeded', `${source.logicalId ?? source.identifier} already has ${siblings.length} read replicas in ${source.region}; the quota is ${RDS_LIMITS.readReplicasPerSource}`, 'SourceDBInstanceIdentifier');
  }
  replica.engine = source.engine;
  replica.engineFamily = source.engineFamily;
  replica.allocatedStorage = source.allocatedStorage;
  if (replica.replicaOf) replica.replicaOf.id = source.id;
}

/** CreateDBInstanceReadReplica. */
export function createReadReplica(cloud: Cloud, region: string, spec: DbInstanceSpec & { sourceDbInstanceIdentifier: string }, origin?: Origin): Created<DbInstance> {
  const src = replicaSource(region, spec.sourceDbInstanceIdentifier, spec.sourceRegion);
  const source = dbInstanceByIdentifier(cloud, src.region, src.identifier);
  if (!source && !src.crossRegion) {
    throw new CloudError('DBInstanceNotFound', `DBInstance ${src.identifier} not found in ${region}: the source of a read replica in its own region is named by its DBInstanceIdentifier, and across regions by its ARN`, 'SourceDBInstanceIdentifier');
  }
  if (spec.engine !== undefined && source && spec.engine.toLowerCase() !== source.engine) {
    throw new CloudError('InvalidParameterCombination', `Engine ${spec.engine} differs from the source's engine ${source.engine}; a read replica runs its source's engine (leave Engine out)`, 'Engine');
  }
  const engine = source?.engine ?? spec.engine?.toLowerCase() ?? 'mysql';
  const facts = engineFacts(engine);
  const instanceClass = spec.instanceClass === undefined && source ? source.instanceClass : checkClass(spec.instanceClass);
  const port = checkPort(spec.port ?? source?.port, facts);
  const multiAz = spec.multiAz ?? false;
  if (multiAz && spec.availabilityZone !== undefined) {
    throw new CloudError('InvalidParameterCombination', 'Requesting a specific availability zone is not valid for Multi-AZ instances: remove AvailabilityZone or MultiAZ', 'AvailabilityZone');
  }
  const identifier = identifierFor(cloud, region, spec.identifier, origin);
  const warnings: Created<DbInstance>['warnings'] = [];
  const base = {
    port,
    engine,
    engineFamily: facts.family,
    instanceClass,
    allocatedStorage: source?.allocatedStorage ?? spec.allocatedStorage,
    storageEncrypted: spec.storageEncrypted ?? source?.storageEncrypted ?? false,
    multiAz,
    // Replicas are created with automated backups off (RDS-03); a replica that is itself a source may turn them on.
    backupRetentionPeriod: checkRetention(spec.backupRetentionPeriod, 0),
    publiclyAccessible: spec.publiclyAccessible,
    publiclyAccessibleGiven: spec.publiclyAccessible !== undefined,
    replicaOf: src,
  };
  // The subnet group: the one given (of the replica's region), else, in the source's region, the source's own.
  const groupId = spec.subnetGroupName !== undefined ? dbSubnetGroupByName(cloud, region, spec.subnetGroupName).id : !src.crossRegion ? source?.subnetGroupId : undefined;
  const group = groupId ? cloud.table(RDS.subnetGroup).get(groupId) : undefined;
  let db: DbInstance;
  if (group) {
    db = newDbInstance(cloud, region, identifier, { ...base, subnetGroupId: group.id, vpcId: group.vpcId, securityGroupIds: checkDbGroups(cloud, group.vpcId, spec.vpcSecurityGroupIds), ...placeInGroup(cloud, group, multiAz, spec.availabilityZone) }, origin);
  } else {
    db = newDbInstance(cloud, region, identifier, { ...base, securityGroupIds: [] }, origin);
    warnings.push({
      code: 'DefaultVpcNotModelled',
      message: `no DBSubnetGroupName: AWS puts the read replica ${db.logicalId ?? identifier} in the default VPC of ${region}, which the virtual cloud does not model; give a DB subnet group of the replica's region`,
      field: 'DBSubnetGroupName',
    });
  }
  if (source) checkAgainstSource(cloud, db, source);
  cloud.table(RDS.dbInstance).set(db.id, db);
  attachInterface(cloud, db);
  return { resource: db, warnings };
}
