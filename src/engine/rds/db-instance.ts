import type { Cloud } from '../cloud.js';
import { checkGroups, createInterfaceRecord } from '../ec2/network-interface.js';
import { EC2 } from '../ec2/kinds.js';
import { CloudError } from '../errors.js';
import { nearest } from '../suggest.js';
import { named, type Named, type Origin } from '../store.js';
import { CLUSTER_ENGINES, ENGINES, type EngineFacts } from './engines.js';
import { RDS, RDS_LIMITS } from './kinds.js';
import { checkIdentifier, dbArn, endpointAddress, generatedName, resourceId } from './names.js';
import { dbSubnetGroupByName, type DbSubnetGroup } from './subnet-group.js';

/**
 * DB instances (RDS-02, RDS-06, RDS-07, RDS-08, RDS-11): engine and port, class, storage,
 * Multi-AZ with a standby in another zone of the subnet group, public access, security
 * groups, automated backups, the endpoint. Read replicas are in read-replica.ts; defaults
 * that need the whole topology (public access) are settled in settle.ts.
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html
 */
export interface DbInstance extends Named {
  /** DBInstanceIdentifier, lower case; what Ref returns. */
  identifier: string;
  /** Endpoint.Address: `<identifier>.<label>.<region>.rds.amazonaws.com`. */
  dnsName: string;
  port: number;
  arn: string;
  resourceId: string;
  engine: string;
  engineFamily: EngineFacts['family'];
  instanceClass: string;
  allocatedStorage?: number;
  storageEncrypted: boolean;
  multiAz: boolean;
  /** Absent for a database in the default VPC, which the virtual cloud does not model. */
  subnetGroupId?: string;
  vpcId?: string;
  subnetId?: string;
  availabilityZone?: string;
  standby?: { subnetId: string; availabilityZone: string };
  securityGroupIds: string[];
  networkInterfaceId?: string;
  /** As given; undefined until settled when the request did not say (settle.ts). */
  publiclyAccessible?: boolean;
  publiclyAccessibleGiven: boolean;
  /** Days of automated backups; 0 = disabled. */
  backupRetentionPeriod: number;
  /** CloudFormation's DeletionPolicy: Snapshot by default for a DB instance (RDS-08); not used for replicas. */
  deletionPolicy?: 'Delete' | 'Retain' | 'Snapshot' | 'RetainExceptOnCreate';
  replicaOf?: ReplicaSource;
}

export interface ReplicaSource {
  /** As given: an identifier (same region) or an ARN. */
  given: string;
  region: string;
  identifier: string;
  /** The source's id once found (it may be in a template loaded later: settle.ts). */
  id?: string;
  crossRegion: boolean;
}

export interface DbInstanceSpec {
  identifier?: string;
  engine?: string;
  engineVersion?: string;
  instanceClass?: string;
  allocatedStorage?: number;
  /** gp2 (default), gp3, io1, io2 or standard (magnetic). */
  storageType?: string;
  port?: number;
  multiAz?: boolean;
  availabilityZone?: string;
  publiclyAccessible?: boolean;
  subnetGroupName?: string;
  vpcSecurityGroupIds?: string[];
  backupRetentionPeriod?: number;
  storageEncrypted?: boolean;
  deletionPolicy?: string;
  sourceDbInstanceIdentifier?: string;
  sourceRegion?: string;
}

export interface Created<T> {
  resource: T;
  /** What AWS deploys but a student should know (a database in the default VPC). */
  warnings: { code: string; message: string; field?: string }[];
}

export function engineFacts(engine: string, field = 'Engine'): EngineFacts {
  const facts = Object.prototype.hasOwnProperty.call(ENGINES, engine.toLowerCase()) ? ENGINES[engine.toLowerCase()] : undefined;
  if (facts) return facts;
  if (CLUSTER_ENGINES.includes(engine.toLowerCase())) {
    throw new CloudError('InvalidParameterCombination', `${engine} DB instances belong to a DB cluster (DBClusterIdentifier); give a DB instance engine such as mysql or postgres`, field);
  }
  const near = nearest(engine.toLowerCase(), Object.keys(ENGINES));
  throw new CloudError('InvalidParameterValue', `Invalid DB engine: "${engine}"${near ? `. Did you mean ${near}?` : ''} (engines: mysql, mariadb, postgres, oracle-ee, oracle-se2, sqlserver-ee, sqlserver-se, sqlserver-ex, sqlserver-web, db2-ae, db2-se)`, field);
}

function checkRetention(days: number | undefined, fallback: number): number {
  const d = days ?? fallback;
  if (!Number.isInteger(d) || d < 0 || d > RDS_LIMITS.maxBackupRetentionDays) {
    throw new CloudError('InvalidParameterValue', `BackupRetentionPeriod ${d} is out of range: give 0 (no automated backups) to ${RDS_LIMITS.maxBackupRetentionDays} days`, 'BackupRetentionPeriod');
  }
  return d;
}

function checkPort(port: number | undefined, facts: EngineFacts): number {
  const p = port ?? facts.port;
  if (!Number.isInteger(p) || p < 1150 || p > 65535) {
    throw new CloudError('InvalidParameterValue', `Port ${p} is out of range: a DB instance listens on a port from 1150 to 65535 (default ${facts.port})`, 'Port');
  }
  if ((facts.family === 'mysql' || facts.family === 'mariadb') && p === 33060) {
    throw new CloudError('InvalidParameterValue', `Port 33060 is reserved for ${facts.family} (the X protocol); choose another port, such as the default ${facts.port}`, 'Port');
  }
  return p;
}

function checkDeletionPolicy(policy: string | undefined): DbInstance['deletionPolicy'] {
  if (policy === undefined) return 'Snapshot';
  if (policy === 'Delete' || policy === 'Retain' || policy === 'Snapshot' || policy === 'RetainExceptOnCreate') return policy;
  throw new CloudError('InvalidParameterValue', `DeletionPolicy ${policy} is not one of Delete, Retain, Snapshot, RetainExceptOnCreate`, 'DeletionPolicy');
}

function uniqueIdentifier(cloud: Cloud, region: string, identifier: string): void {
  for (const d of cloud.table(RDS.dbInstance).values()) {
    if (d.region === region && d.identifier === identifier) {
      throw new CloudError('DBInstanceAlreadyExists', `a DB instance named ${identifier} already exists in ${region} (${d.logicalId ?? d.id})`, 'DBInstanceIdentifier');
    }
  }
}

/** Where the database lives in its subnet group: the primary's subnet (in the zone asked for, else the group's first), the standby's (the first of another zone). */
export function placeInGroup(cloud: Cloud, group: DbSubnetGroup, multiAz: boolean, zone: string | undefined): Pick<DbInstance, 'subnetId' | 'availabilityZone' | 'standby'> {
  const subnets = group.subnetIds.map((id) => cloud.subnet(id));
  const primary = zone ? subnets.find((s) => s.availabilityZone === zone) : subnets[0];
  if (!primary) {
    throw new CloudError(
      'InvalidParameterCombination',
      `DB subnet group ${group.name} has no subnet in ${zone}; its zones are ${group.zones.join(', ')}`,
      'AvailabilityZone',
    );
  }
  const other = multiAz ? subnets.find((s) => s.availabilityZone !== primary.availabilityZone) : undefined;
  return {
    subnetId: primary.id,
    availabilityZone: primary.availabilityZone,
    ...(other ? { standby: { subnetId: other.id, availabilityZone: other.availabilityZone } } : {}),
  };
}

/** The groups of a database: each of its subnet group's VPC (else the VPC's default group). */
export function checkDbGroups(cloud: Cloud, vpcId: string, ids: string[] | undefined): string[] {
  (ids ?? []).forEach((g, i) => {
    const group = cloud.get(EC2.securityGroup, g, ['VPCSecurityGroups', i]);
    if (group.vpcId !== vpcId) {
      throw new CloudError(
        'InvalidParameterCombination',
        `The DB instance and EC2 security group are in different VPCs: ${group.logicalId ?? group.id} is in ${group.vpcId}, the DB subnet group in ${vpcId}`,
        ['VPCSecurityGroups', i],
      );
    }
  });
  return ids && ids.length ? [...new Set(ids)] : [cloud.vpc(vpcId).defaultSecurityGroupId];
}

/** The database's network interface: its primary's address, drawn from the subnet's pool. */
export function attachInterface(cloud: Cloud, db: DbInstance): void {
  if (!db.subnetId) return;
  const subnet = cloud.subnet(db.subnetId);
  const groups = checkGroups(cloud, subnet, db.securityGroupIds, 'VPCSecurityGroups');
  const eni = createInterfaceRecord(cloud, subnet, {
    securityGroupIds: groups,
    sourceDestCheck: true,
    owner: { kind: 'none' },
    field: 'DBSubnetGroupName',
    name: `rds/${db.logicalId ?? db.identifier}`,
    tags: { 'cloudlab:rds': db.identifier },
  });
  db.networkInterfaceId = eni.id;
}

/** The common part of a new database record. */
export function newDbInstance(cloud: Cloud, region: string, identifier: string, fields: Omit<DbInstance, keyof Named | 'identifier' | 'dnsName' | 'arn' | 'resourceId'>, origin?: Origin): DbInstance {
  const id = cloud.newId('db', region, origin, 'db-instance');
  return {
    ...named(id, region, origin),
    identifier,
    dnsName: endpointAddress(cloud.seed, region, identifier),
    arn: dbArn(region, identifier),
    resourceId: resourceId(cloud.seed, region, identifier),
    ...fields,
  };
}

export function identifierFor(cloud: Cloud, region: string, given: string | undefined, origin?: Origin): string {
  const identifier = given !== undefined ? checkIdentifier(given, 'DBInstanceIdentifier', 'DBInstanceIdentifier') : generatedName(cloud.seed, region, origin?.logicalId ?? `db-${cloud.nextAnonymous()}`);
  uniqueIdentifier(cloud, region, identifier);
  return identifier;
}

export function checkClass(instanceClass: string | undefined): string {
  if (instanceClass === undefined || instanceClass === '') {
    throw new CloudError('MissingParameter', 'a DB instance needs DBInstanceClass (for example db.t3.micro)', 'DBInstanceClass');
  }
  if (!/^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(instanceClass)) {
    throw new CloudError('InvalidParameterValue', `"${instanceClass}" is not a DB instance class; classes look like db.t3.micro, db.m5.large, db.r6g.xlarge`, 'DBInstanceClass');
  }
  return instanceClass;
}

/**
 * The storage range of a storage type, in GiB: general purpose as the engine allows,
 * provisioned IOPS from 100, magnetic 5 to 3,072.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html
 */
function storageRange(type: string, facts: EngineFacts): [number, number] {
  if (type === 'gp2' || type === 'gp3') return facts.storage;
  if (type === 'io1' || type === 'io2') return [100, facts.storage[1]];
  if (type === 'standard') return [5, 3072];
  throw new CloudError('InvalidParameterValue', `StorageType "${type}" is not one of gp2, gp3, io1, io2, standard`, 'StorageType');
}

/** CreateDBInstance (a primary; a spec with sourceDbInstanceIdentifier goes to createReadReplica). */
export function createDbInstance(cloud: Cloud, region: string, spec: DbInstanceSpec, origin?: Origin): Created<DbInstance> {
  if (spec.engine === undefined || spec.engine === '') {
    throw new CloudError('MissingParameter', 'a DB instance needs Engine (mysql, postgres, mariadb, …)', 'Engine');
  }
  const facts = engineFacts(spec.engine);
  const instanceClass = checkClass(spec.instanceClass);
  if (spec.allocatedStorage === undefined) {
    throw new CloudError('MissingParameter', `a ${spec.engine} DB instance needs AllocatedStorage, in GiB (${facts.storage[0]} to ${facts.storage[1]})`, 'AllocatedStorage');
  }
  const storageType = (spec.storageType ?? 'gp2').toLowerCase();
  const range = storageRange(storageType, facts);
  if (!Number.isInteger(spec.allocatedStorage) || spec.allocatedStorage < range[0] || spec.allocatedStorage > range[1]) {
    throw new CloudError(
      'InvalidParameterValue',
      `Invalid storage size for engine name ${spec.engine.toLowerCase()} and storage type ${storageType}: ${spec.allocatedStorage}; give ${range[0]} to ${range[1]} GiB`,
      'AllocatedStorage',
    );
  }
  const port = checkPort(spec.port, facts);
  const multiAz = spec.multiAz ?? false;
  if (multiAz && spec.availabilityZone !== undefined) {
    throw new CloudError('InvalidParameterCombination', 'Requesting a specific availability zone is not valid for Multi-AZ instances: RDS chooses the zones of the primary and the standby; remove AvailabilityZone or MultiAZ', 'AvailabilityZone');
  }
  const backupRetentionPeriod = checkRetention(spec.backupRetentionPeriod, RDS_LIMITS.defaultBackupRetentionDays);
  const deletionPolicy = checkDeletionPolicy(spec.deletionPolicy);
  const identifier = identifierFor(cloud, region, spec.identifier, origin);
  const warnings: Created<DbInstance>['warnings'] = [];
  const base = {
    port,
    engine: spec.engine.toLowerCase(),
    engineFamily: facts.family,
    instanceClass,
    allocatedStorage: spec.allocatedStorage,
    storageEncrypted: spec.storageEncrypted ?? false,
    multiAz,
    backupRetentionPeriod,
    deletionPolicy,
    publiclyAccessible: spec.publiclyAccessible,
    publiclyAccessibleGiven: spec.publiclyAccessible !== undefined,
  };
  let db: DbInstance;
  if (spec.subnetGroupName !== undefined) {
    const group = dbSubnetGroupByName(cloud, region, spec.subnetGroupName);
    db = newDbInstance(cloud, region, identifier, { ...base, subnetGroupId: group.id, vpcId: group.vpcId, securityGroupIds: checkDbGroups(cloud, group.vpcId, spec.vpcSecurityGroupIds), ...placeInGroup(cloud, group, multiAz, spec.availabilityZone) }, origin);
  } else {
    if (spec.vpcSecurityGroupIds?.length) {
      throw new CloudError('InvalidParameterCombination', 'VPCSecurityGroups are given but no DBSubnetGroupName: the database would go to the default VPC; give the DB subnet group of the groups\' VPC', 'DBSubnetGroupName');
    }
    db = newDbInstance(cloud, region, identifier, { ...base, securityGroupIds: [], ...(spec.availabilityZone ? { availabilityZone: spec.availabilityZone } : {}) }, origin);
    warnings.push({
      code: 'DefaultVpcNotModelled',
      message: `no DBSubnetGroupName: AWS puts ${db.logicalId ?? identifier} in the default VPC of ${region}, which the virtual cloud does not model, and makes it publicly accessible by default (the default VPC has an internet gateway); give a DB subnet group of your VPC`,
      field: 'DBSubnetGroupName',
    });
  }
  cloud.table(RDS.dbInstance).set(db.id, db);
  attachInterface(cloud, db);
  return { resource: db, warnings };
}

/** The DB instance with that identifier in the region, if any. */
export function dbInstanceByIdentifier(cloud: Cloud, region: string, identifier: string): DbInstance | undefined {
  const wanted = identifier.toLowerCase();
  for (const d of cloud.table(RDS.dbInstance).values()) if (d.region === region && d.identifier === wanted) return d;
  return undefined;
}

export { checkDeletionPolicy, checkPort, checkRetention };
