import { readFileSync } from 'node:fs';
/**
 * RDS and Route 53 through the CloudFormation door: the warm-standby database tier as a
 * two-region folder, and broken variants refused with AWS's codes or loaded with a warning.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RDS } from '../../src/engine/rds/index.js';
import { resolve, ROUTE53 } from '../../src/engine/route53/index.js';
import { loadSubmissionFromTemplates, loadSubmissionPath } from '../../src/formats/load-submission.js';

const fixture = (p: string) => fileURLToPath(new URL(`../fixtures/services/${p}`, import.meta.url));
const load = (p: string) => {
  const r = loadSubmissionPath(fixture(p));
  return { ...r, errors: r.diagnostics.filter((d) => d.severity === 'error'), warnings: r.diagnostics.filter((d) => d.severity === 'warning') };
};
const one = (text: string, region = 'us-east-1') => {
  const r = loadSubmissionFromTemplates([{ file: 't.yaml', text, region }]);
  return { ...r, errors: r.diagnostics.filter((d) => d.severity === 'error'), warnings: r.diagnostics.filter((d) => d.severity === 'warning') };
};

describe('the warm-standby database tier (two regions)', () => {
  it('loads: a Multi-AZ primary, a cross-region replica by ARN, private zones naming each region\'s endpoint', () => {
    const r = load('rds/warm-standby');
    expect(r.errors).toEqual([]);
    const dbs = [...r.cloud.table(RDS.dbInstance).values()];
    const primary = dbs.find((d) => d.logicalId === 'Database')!;
    const replica = dbs.find((d) => d.logicalId === 'Replica')!;
    expect(primary.identifier).toBe('shop-db');
    expect(primary.port).toBe(3306);
    expect(primary.dnsName).toMatch(/^shop-db\.c[a-z0-9]{11}\.us-east-1\.rds\.amazonaws\.com$/);
    expect(primary.availabilityZone).toBe('us-east-1a');
    expect(primary.standby?.availabilityZone).toBe('us-east-1b');
    expect(primary.publiclyAccessible).toBe(false);
    expect(replica.replicaOf?.id).toBe(primary.id);
    expect(replica.replicaOf?.crossRegion).toBe(true);
    expect(replica.engine).toBe('mysql');
    expect(replica.backupRetentionPeriod).toBe(0);
    expect(r.stacks['us-east-1'].outputs.DbPort.value).toBe('3306');
    expect(r.stacks['us-east-1'].outputs.DbArn.value).toBe('arn:aws:rds:us-east-1:123456789012:db:shop-db');
    // The primary's address comes from its subnet's pool (the first free one, .4).
    const eni = r.cloud.interfaces.get(primary.networkInterfaceId!)!;
    expect(r.cloud.subnets.get(eni.subnetId)!.logicalId).toBe('DbA');
    expect(eni.privateIp & 0xff).toBe(4);
    // Each region's private zone answers inside its own VPC with that region's database.
    const vpcWest = [...r.cloud.vpcs.values()].find((v) => v.region === 'us-west-2')!;
    const west = resolve(r.cloud, 'db.internal.example.com', vpcWest.id);
    expect(west.zone?.private).toBe(true);
    expect(west.target?.id).toBe(replica.id);
    expect(resolve(r.cloud, 'db.internal.example.com').answered).toEqual([]);
  });

  it('RDS-03: a replica of a source without automated backups is refused (InvalidDBInstanceState), even when the source loads after it', () => {
    const text = (region: string) => readFileSync(fixture(`rds/warm-standby/${region}.yaml`), 'utf8') as string;
    const east = text('us-east-1').replace('BackupRetentionPeriod: 7', 'BackupRetentionPeriod: 0');
    const r = loadSubmissionFromTemplates([
      { file: 'us-west-2.yaml', text: text('us-west-2'), region: 'us-west-2' },
      { file: 'us-east-1.yaml', text: east, region: 'us-east-1' },
    ]);
    const e = r.diagnostics.find((d) => d.severity === 'error')!;
    expect(e.code).toBe('InvalidDBInstanceState');
    expect(e.logicalId).toBe('Replica');
    expect(r.ok).toBe(false);
  });
});

describe('Route 53 through CloudFormation', () => {
  it('R53-12: failover records in a record set group, a weighted pair and a health check, in a zone assumed to exist', () => {
    const r = load('route53/failover.yaml');
    expect(r.errors).toEqual([]);
    // One warning: the first record that names the zone assumes it; the others find it.
    expect(r.warnings.map((w) => [w.code, w.logicalId])).toEqual([['HostedZoneAssumed', 'Api']]);
    expect([...r.cloud.table(ROUTE53.hostedZone).values()]).toHaveLength(1);
    const api = resolve(r.cloud, 'api.example.com');
    expect(api.values).toEqual(['203.0.113.10']);
    expect(api.answered[0].record.setIdentifier).toBe('primary');
    const app = resolve(r.cloud, 'app.example.com');
    expect(app.candidates.map((c) => c.share)).toEqual([0.9, 0.1]);
    expect(String(r.stacks['us-east-1'].outputs.CheckId.value)).toMatch(/^[0-9a-f-]{36}$/);
  });

  const vpcAndZone = `
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Zone:
    Type: AWS::Route53::HostedZone
    Properties: { Name: example.com }`;

  it('R53-03: a CNAME at the apex is refused at its line with InvalidChangeBatch', () => {
    const r = one(`Resources:${vpcAndZone}
  Apex:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: !Ref Zone
      Name: example.com
      Type: CNAME
      TTL: '300'
      ResourceRecords: [shop.example.net]
`);
    expect(r.errors.map((e) => [e.code, e.logicalId, e.line])).toEqual([['InvalidChangeBatch', 'Apex', 12]]);
    expect(r.errors[0].message).toMatch(/RRSet of type CNAME with DNS name example\.com\. is not permitted at apex in zone example\.com\./);
  });

  it('R53-04: a record without TTL is refused (InvalidInput); an alias with one too', () => {
    const r = one(`Resources:${vpcAndZone}
  Www:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneId: !Ref Zone
      Name: www.example.com
      Type: A
      ResourceRecords: [203.0.113.1]
`);
    expect(r.errors.map((e) => [e.code, e.logicalId])).toEqual([['InvalidInput', 'Www']]);
  });

  it('R53-06: a failover PRIMARY without a health check loads with a warning', () => {
    const r = one(`Resources:${vpcAndZone}
  Primary:
    Type: AWS::Route53::RecordSet
    Properties: { HostedZoneId: !Ref Zone, Name: api.example.com, Type: A, TTL: '60', ResourceRecords: [203.0.113.1], SetIdentifier: p, Failover: PRIMARY }
  Secondary:
    Type: AWS::Route53::RecordSet
    Properties: { HostedZoneId: !Ref Zone, Name: api.example.com, Type: A, TTL: '60', ResourceRecords: [198.51.100.1], SetIdentifier: s, Failover: SECONDARY }
`);
    expect(r.errors).toEqual([]);
    expect(r.warnings.find((w) => w.code === 'FailoverWithoutHealthCheck')?.logicalId).toBe('Primary');
  });

  it('R53-06: in a record set group, the warning names the group and the line of the record', () => {
    const r = one(`Resources:${vpcAndZone}
  Api:
    Type: AWS::Route53::RecordSetGroup
    Properties:
      HostedZoneId: !Ref Zone
      RecordSets:
        - { Name: api.example.com, Type: A, TTL: '60', ResourceRecords: [203.0.113.1], SetIdentifier: p, Failover: PRIMARY }
        - { Name: api.example.com, Type: A, TTL: '60', ResourceRecords: [198.51.100.1], SetIdentifier: s, Failover: SECONDARY }
`);
    const w = r.warnings.find((x) => x.code === 'FailoverWithoutHealthCheck')!;
    expect([w.logicalId, w.line]).toEqual(['Api', 13]);
  });

  it('R53-08: a health check of a private address is refused', () => {
    const r = one(`Resources:
  Check:
    Type: AWS::Route53::HealthCheck
    Properties:
      HealthCheckConfig: { Type: HTTP, IPAddress: 10.0.1.15, Port: 80 }
`);
    expect(r.errors.map((e) => [e.code, e.logicalId, e.line])).toEqual([['InvalidInput', 'Check', 5]]);
  });
});

describe('RDS through CloudFormation', () => {
  const net = (db: string, extra = '') => `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Igw:
    Type: AWS::EC2::InternetGateway
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw }
  A:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a }
  B:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: ${extra || 'us-east-1b'} }
  Group:
    Type: AWS::RDS::DBSubnetGroup
    Properties: { DBSubnetGroupDescription: db, SubnetIds: [!Ref A, !Ref B] }
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: '20'
      DBSubnetGroupName: !Ref Group
${db}`;

  it('RDS-01: a subnet group in one zone is refused at its line', () => {
    const r = one(net('', 'us-east-1a'));
    expect(r.errors.map((e) => [e.code, e.logicalId])).toEqual([['DBSubnetGroupDoesNotCoverEnoughAZs', 'Group']]);
    expect(r.errors[0].line).toBe(18);
  });

  it('RDS-06: a database left public by default loads, flagged with a warning and in describe', async () => {
    const r = one(net(''));
    expect(r.errors).toEqual([]);
    expect(r.warnings.find((w) => w.code === 'PubliclyAccessibleDatabase')?.logicalId).toBe('Db');
    const { servicesView } = await import('../../src/formats/describe/data-services.js');
    const db = servicesView(r.cloud).databases[0];
    expect(db).toMatchObject({ name: 'Db', engine: 'postgres', port: 5432, publiclyAccessible: true, multiAz: false, backupRetentionDays: 1, deletionPolicy: 'Snapshot' });
    expect(db.publicIp).toBeDefined();
    expect(db.identifier).toMatch(/^db-[a-z0-9]{13}$/);
    const priv = one(net('      PubliclyAccessible: false\n'));
    expect(priv.warnings.filter((w) => w.code === 'PubliclyAccessibleDatabase')).toEqual([]);
  });

  it('RDS-08: DeletionPolicy comes from the template; Snapshot when it says nothing', () => {
    const r = one(net('').replace('  Db:\n    Type: AWS::RDS::DBInstance\n', '  Db:\n    Type: AWS::RDS::DBInstance\n    DeletionPolicy: Retain\n'));
    expect(r.errors).toEqual([]);
    expect([...r.cloud.table(RDS.dbInstance).values()][0].deletionPolicy).toBe('Retain');
  });

  it('RDS-11: an Aurora instance of a DB cluster is kept unmodelled with a warning', () => {
    const r = one(net('      DBClusterIdentifier: my-cluster\n').replace('Engine: postgres', 'Engine: aurora-postgresql'));
    expect(r.errors).toEqual([]);
    expect(r.warnings.find((w) => w.logicalId === 'Db')?.code).toBe('UnmodelledResource');
  });
});
