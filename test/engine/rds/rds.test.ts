import { describe, expect, it } from 'vitest';
import { CloudWarning } from '../../../src/engine/finish-steps.js';
import { createDbInstance, createDbSubnetGroup, createReadReplica, endpointAddress, parseDbArn, RDS } from '../../../src/engine/rds/index.js';
import { codeOf, network } from './support.js';

const mysql = { engine: 'mysql', instanceClass: 'db.t3.micro', allocatedStorage: 20 };

function withGroup(region = 'us-east-1', opts: { igw?: boolean } = {}) {
  const n = network(region, opts);
  const group = createDbSubnetGroup(n.cloud, region, { description: 'db', subnetIds: [n.a.id, n.b.id] }, { logicalId: 'DbSubnets' });
  return { ...n, group };
}

describe('RDS', () => {
  it('RDS-01: a DB subnet group covers at least two zones of one VPC', () => {
    const n = network();
    expect(codeOf(() => createDbSubnetGroup(n.cloud, 'us-east-1', { description: 'db', subnetIds: [n.a.id, n.a2.id] }))).toBe('DBSubnetGroupDoesNotCoverEnoughAZs');
    const other = n.cloud.createVpc('us-east-1', { cidrBlock: '10.1.0.0/16' }, { logicalId: 'Other' });
    const far = n.cloud.createSubnet({ vpcId: other.id, cidrBlock: '10.1.0.0/24', availabilityZone: 'us-east-1b' }, { logicalId: 'Far' });
    expect(codeOf(() => createDbSubnetGroup(n.cloud, 'us-east-1', { description: 'db', subnetIds: [n.a.id, far.id] }))).toBe('InvalidSubnet');
    expect(codeOf(() => createDbSubnetGroup(n.cloud, 'us-east-1', { name: 'Default', description: 'db', subnetIds: [n.a.id, n.b.id] }))).toBe('InvalidParameterValue');
    const g = createDbSubnetGroup(n.cloud, 'us-east-1', { name: 'My-Group', description: 'db', subnetIds: [n.a.id, n.b.id] });
    expect(g.name).toBe('my-group');
    expect(g.zones).toEqual(['us-east-1a', 'us-east-1b']);
  });

  it('RDS-02: a Multi-AZ instance keeps its standby in another zone of the subnet group; AvailabilityZone with MultiAZ is refused', () => {
    const n = withGroup();
    const db = createDbInstance(n.cloud, 'us-east-1', { ...mysql, multiAz: true, subnetGroupName: n.group.name }, { logicalId: 'Db' }).resource;
    expect(db.availabilityZone).toBe('us-east-1a');
    expect(db.standby).toEqual({ subnetId: n.b.id, availabilityZone: 'us-east-1b' });
    expect(codeOf(() => createDbInstance(n.cloud, 'us-east-1', { ...mysql, multiAz: true, availabilityZone: 'us-east-1a', subnetGroupName: n.group.name }))).toBe('InvalidParameterCombination');
    const single = createDbInstance(n.cloud, 'us-east-1', { ...mysql, availabilityZone: 'us-east-1b', subnetGroupName: n.group.name }, { logicalId: 'Single' }).resource;
    expect(single.subnetId).toBe(n.b.id);
    expect(single.standby).toBeUndefined();
  });

  it('RDS-03: a read replica needs automated backups on its source, and is created with backups off', () => {
    const n = withGroup();
    const noBackups = createDbInstance(n.cloud, 'us-east-1', { ...mysql, identifier: 'nobackups', backupRetentionPeriod: 0, subnetGroupName: n.group.name }).resource;
    expect(codeOf(() => createReadReplica(n.cloud, 'us-east-1', { sourceDbInstanceIdentifier: noBackups.identifier, instanceClass: 'db.t3.micro' }))).toBe('InvalidDBInstanceState');
    const src = createDbInstance(n.cloud, 'us-east-1', { ...mysql, identifier: 'src', subnetGroupName: n.group.name }).resource;
    const rep = createReadReplica(n.cloud, 'us-east-1', { sourceDbInstanceIdentifier: 'src' }, { logicalId: 'Rep' }).resource;
    expect(rep.replicaOf?.id).toBe(src.id);
    expect(rep.backupRetentionPeriod).toBe(0);
    expect(rep.instanceClass).toBe('db.t3.micro');
    expect(rep.subnetGroupId).toBe(n.group.id);
    expect(codeOf(() => createReadReplica(n.cloud, 'us-east-1', { sourceDbInstanceIdentifier: 'nosuchdb' }))).toBe('DBInstanceNotFound');
    expect(codeOf(() => createReadReplica(n.cloud, 'us-east-1', { sourceDbInstanceIdentifier: 'src', engine: 'postgres' }))).toBe('InvalidParameterCombination');
  });

  it('RDS-04: a cross-region replica names its source by ARN; SQL Server cannot replicate across regions; a source outside the submission is a warning', () => {
    const east = withGroup('us-east-1');
    const cloud = east.cloud;
    const vpc = cloud.createVpc('us-west-2', { cidrBlock: '10.9.0.0/16' }, { logicalId: 'WestVpc' });
    const w1 = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: '10.9.1.0/24', availabilityZone: 'us-west-2a' }, { logicalId: 'W1' });
    const w2 = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: '10.9.2.0/24', availabilityZone: 'us-west-2b' }, { logicalId: 'W2' });
    const westGroup = createDbSubnetGroup(cloud, 'us-west-2', { description: 'db', subnetIds: [w1.id, w2.id] });
    const src = createDbInstance(cloud, 'us-east-1', { ...mysql, identifier: 'primary', subnetGroupName: east.group.name }).resource;
    expect(parseDbArn(src.arn)).toEqual({ region: 'us-east-1', account: '123456789012', identifier: 'primary' });
    const rep = createReadReplica(cloud, 'us-west-2', { sourceDbInstanceIdentifier: src.arn, sourceRegion: 'us-east-1', instanceClass: 'db.t3.micro', subnetGroupName: westGroup.name }, { logicalId: 'WestReplica' }).resource;
    expect(rep.replicaOf).toMatchObject({ crossRegion: true, id: src.id });
    expect(rep.vpcId).toBe(vpc.id);
    // By identifier alone, the source is looked for in the replica's own region.
    expect(codeOf(() => createReadReplica(cloud, 'us-west-2', { sourceDbInstanceIdentifier: 'primary', instanceClass: 'db.t3.micro' }))).toBe('DBInstanceNotFound');
    expect(codeOf(() => createReadReplica(cloud, 'us-west-2', { sourceDbInstanceIdentifier: src.arn, sourceRegion: 'eu-west-1', instanceClass: 'db.t3.micro' }))).toBe('InvalidParameterCombination');
    const sql = createDbInstance(cloud, 'us-east-1', { engine: 'sqlserver-se', instanceClass: 'db.m5.large', allocatedStorage: 100, identifier: 'sql', subnetGroupName: east.group.name }).resource;
    expect(sql.port).toBe(1433);
    expect(codeOf(() => createReadReplica(cloud, 'us-west-2', { sourceDbInstanceIdentifier: sql.arn, instanceClass: 'db.m5.large', subnetGroupName: westGroup.name }))).toBe('InvalidParameterCombination');
    // A source in a region no template builds is assumed to exist.
    createReadReplica(cloud, 'us-west-2', { sourceDbInstanceIdentifier: 'arn:aws:rds:eu-west-1:123456789012:db:elsewhere', engine: 'mysql', instanceClass: 'db.t3.micro', subnetGroupName: westGroup.name }, { logicalId: 'Orphan' });
    const found = cloud.finish();
    expect(found.filter((f) => !(f instanceof CloudWarning))).toEqual([]);
    expect(found.find((f) => f.code === 'SourceOutsideSubmission')?.logicalId).toBe('Orphan');
  });

  it('RDS-06: PubliclyAccessible defaults to true when the subnet group\'s VPC has an internet gateway, else false; true without one is refused', () => {
    const open = withGroup('us-east-1', { igw: true });
    const pub = createDbInstance(open.cloud, 'us-east-1', { ...mysql, subnetGroupName: open.group.name }, { logicalId: 'Open' }).resource;
    const found = open.cloud.finish();
    expect(pub.publiclyAccessible).toBe(true);
    expect(open.cloud.interfaces.get(pub.networkInterfaceId!)!.publicIp).toBeDefined();
    expect(found.find((f) => f.code === 'PubliclyAccessibleDatabase')).toBeInstanceOf(CloudWarning);
    const closed = withGroup('us-east-1');
    const priv = createDbInstance(closed.cloud, 'us-east-1', { ...mysql, subnetGroupName: closed.group.name }).resource;
    createDbInstance(closed.cloud, 'us-east-1', { ...mysql, publiclyAccessible: true, subnetGroupName: closed.group.name }, { logicalId: 'Exposed' });
    const errors = closed.cloud.finish();
    expect(priv.publiclyAccessible).toBe(false);
    expect(errors.map((e) => [e.code, e.logicalId])).toEqual([['InvalidVPCNetworkStateFault', 'Exposed']]);
  });

  it('RDS-07: default ports per engine, port 33060 blocked for MySQL, the endpoint name and ARN', () => {
    const n = withGroup();
    const pg = createDbInstance(n.cloud, 'us-east-1', { engine: 'postgres', instanceClass: 'db.t3.micro', allocatedStorage: 20, identifier: 'Orders', subnetGroupName: n.group.name }).resource;
    expect(pg.port).toBe(5432);
    expect(pg.identifier).toBe('orders');
    expect(pg.dnsName).toBe(endpointAddress('t', 'us-east-1', 'orders'));
    expect(pg.dnsName).toMatch(/^orders\.c[a-z0-9]{11}\.us-east-1\.rds\.amazonaws\.com$/);
    expect(pg.arn).toBe('arn:aws:rds:us-east-1:123456789012:db:orders');
    expect(codeOf(() => createDbInstance(n.cloud, 'us-east-1', { ...mysql, port: 33060, subnetGroupName: n.group.name }))).toBe('InvalidParameterValue');
    expect(codeOf(() => createDbInstance(n.cloud, 'us-east-1', { ...mysql, identifier: 'bad--name', subnetGroupName: n.group.name }))).toBe('InvalidParameterValue');
    expect(codeOf(() => createDbInstance(n.cloud, 'us-east-1', { ...mysql, identifier: 'orders', engine: 'mysql', subnetGroupName: n.group.name }))).toBe('DBInstanceAlreadyExists');
    expect(codeOf(() => createDbInstance(n.cloud, 'us-east-1', { ...mysql, engine: 'mysq', subnetGroupName: n.group.name }))).toBe('InvalidParameterValue');
    // Same seed, same names: deterministic.
    const again = withGroup();
    expect(createDbInstance(again.cloud, 'us-east-1', { engine: 'postgres', instanceClass: 'db.t3.micro', allocatedStorage: 20, identifier: 'orders', subnetGroupName: again.group.name }).resource.dnsName).toBe(pg.dnsName);
  });

  it('RDS-08: backup retention defaults to 1 day, ranges 0-35; DeletionPolicy defaults to Snapshot', () => {
    const n = withGroup();
    const db = createDbInstance(n.cloud, 'us-east-1', { ...mysql, subnetGroupName: n.group.name }, { logicalId: 'Db' }).resource;
    expect(db.backupRetentionPeriod).toBe(1);
    expect(db.deletionPolicy).toBe('Snapshot');
    expect(codeOf(() => createDbInstance(n.cloud, 'us-east-1', { ...mysql, backupRetentionPeriod: 36, subnetGroupName: n.group.name }))).toBe('InvalidParameterValue');
  });

  it('RDS-11: Engine, DBInstanceClass and AllocatedStorage are checked; security groups must be of the subnet group\'s VPC', () => {
    const n = withGroup();
    expect(codeOf(() => createDbInstance(n.cloud, 'us-east-1', { instanceClass: 'db.t3.micro', allocatedStorage: 20, subnetGroupName: n.group.name }))).toBe('MissingParameter');
    expect(codeOf(() => createDbInstance(n.cloud, 'us-east-1', { ...mysql, instanceClass: 't3.micro', subnetGroupName: n.group.name }))).toBe('InvalidParameterValue');
    expect(codeOf(() => createDbInstance(n.cloud, 'us-east-1', { ...mysql, allocatedStorage: 5, subnetGroupName: n.group.name }))).toBe('InvalidParameterValue');
    expect(createDbInstance(n.cloud, 'us-east-1', { ...mysql, allocatedStorage: 5, storageType: 'standard', subnetGroupName: n.group.name }).resource.allocatedStorage).toBe(5);
    expect(codeOf(() => createDbInstance(n.cloud, 'us-east-1', { ...mysql, allocatedStorage: 50, storageType: 'io1', subnetGroupName: n.group.name }))).toBe('InvalidParameterValue');
    const other = n.cloud.createVpc('us-east-1', { cidrBlock: '10.5.0.0/16' });
    const far = n.cloud.createSecurityGroup({ vpcId: other.id, groupName: 'far', description: 'far' });
    expect(codeOf(() => createDbInstance(n.cloud, 'us-east-1', { ...mysql, vpcSecurityGroupIds: [far.id], subnetGroupName: n.group.name }))).toBe('InvalidParameterCombination');
    const db = createDbInstance(n.cloud, 'us-east-1', { ...mysql, vpcSecurityGroupIds: [n.dbSg.id], subnetGroupName: n.group.name }).resource;
    expect(n.cloud.interfaces.get(db.networkInterfaceId!)!.securityGroupIds).toEqual([n.dbSg.id]);
    expect(codeOf(() => createDbInstance(n.cloud, 'us-east-1', { ...mysql, subnetGroupName: 'nosuch' }))).toBe('DBSubnetGroupNotFoundFault');
    expect([...n.cloud.table(RDS.dbInstance).values()]).toHaveLength(2);
  });
});
