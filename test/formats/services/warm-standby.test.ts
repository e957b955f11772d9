/**
 * The course's two-region warm standby (test/fixtures/services/warm-standby/): two VPCs of
 * eight subnets, frontend and backend load balancers over auto scaling groups, a bastion, a NAT
 * gateway, a Multi-AZ primary and a cross-region replica, failover records with a health check,
 * a CloudFront origin group of both regions' frontends, private zones for the database name and
 * a backup plan copying to the standby region. It loads as AWS deploys it; its broken variants,
 * each made by one edit of the reference, are refused with AWS's code or warned about.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUTOSCALING } from '../../../src/engine/autoscaling/kinds.js';
import { coveredResources } from '../../../src/engine/backup/selection.js';
import { BACKUP } from '../../../src/engine/backup/kinds.js';
import { CLOUDFRONT } from '../../../src/engine/cloudfront/kinds.js';
import { originTarget } from '../../../src/engine/cloudfront/distribution.js';
import { ELBV2 } from '../../../src/engine/elbv2/kinds.js';
import { RDS } from '../../../src/engine/rds/kinds.js';
import { resolve } from '../../../src/engine/route53/resolve.js';
import { loadSubmissionFromTemplates } from '../../../src/formats/load-submission.js';

const dir = (f: string) => fileURLToPath(new URL(`../../fixtures/services/warm-standby/${f}`, import.meta.url));
const primary = readFileSync(dir('us-east-1.yaml'), 'utf8');
const standby = readFileSync(dir('us-west-2.yaml'), 'utf8');

function load(east = primary, west = standby) {
  return loadSubmissionFromTemplates([
    { file: 'us-east-1.yaml', region: 'us-east-1', text: east },
    { file: 'us-west-2.yaml', region: 'us-west-2', text: west },
  ]);
}
const codes = (r: ReturnType<typeof load>, severity: 'error' | 'warning') => r.diagnostics.filter((d) => d.severity === severity).map((d) => `${d.code} ${d.logicalId ?? ''}`.trim());
/** One edit of the reference text; fails loudly when the text to replace is not there. */
function edit(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe('the two-region warm standby loads as AWS deploys it', () => {
  const r = load();
  const { cloud } = r;

  it('with no errors; the warnings are the IAM role (not modelled) and the domain the student owns', () => {
    expect(codes(r, 'error')).toEqual([]);
    expect(codes(r, 'warning').sort()).toEqual(['HostedZoneAssumed ApiRecords', 'UnmodelledResourceType BackupRole']);
  });

  it('CFN-01: two VPCs of eight subnets over two zones each', () => {
    const vpcs = [...cloud.vpcs.values()];
    expect(vpcs.map((v) => v.region).sort()).toEqual(['us-east-1', 'us-west-2']);
    for (const v of vpcs) {
      const subnets = [...cloud.subnets.values()].filter((s) => s.vpcId === v.id);
      expect(subnets).toHaveLength(8);
      expect(new Set(subnets.map((s) => s.availabilityZone)).size).toBe(2);
    }
  });

  it('CFN-02: four internet-facing load balancers, each with a node in both zones, and groups at their desired capacity', () => {
    const lbs = [...cloud.table(ELBV2.loadBalancer).values()];
    expect(lbs.map((l) => `${l.region} ${l.name} ${l.nodes.length}`).sort()).toEqual([
      'us-east-1 shop-api 2',
      'us-east-1 shop-frontend 2',
      'us-west-2 shop-api-standby 2',
      'us-west-2 shop-frontend-standby 2',
    ]);
    const groups = [...cloud.table(AUTOSCALING.group).values()];
    const sizes = groups.map((g) => `${g.region} ${g.logicalId} ${[...cloud.instances.values()].filter((i) => i.tags['aws:autoscaling:groupName'] === g.name).length}`);
    expect(sizes.sort()).toEqual(['us-east-1 BackendGroup 2', 'us-east-1 FrontendGroup 2', 'us-west-2 BackendGroup 1', 'us-west-2 FrontendGroup 1']);
  });

  it('CFN-02, CFN-04: a Multi-AZ primary with its standby in the other zone, and a replica in the other region by ARN', () => {
    const dbs = [...cloud.table(RDS.dbInstance).values()];
    const db = dbs.find((d) => d.identifier === 'shop-db')!;
    const replica = dbs.find((d) => d.identifier === 'shop-db-standby')!;
    expect(db.standby && db.standby.availabilityZone !== db.availabilityZone).toBe(true);
    expect(replica.region).toBe('us-west-2');
    expect(replica.replicaOf).toMatchObject({ region: 'us-east-1', identifier: 'shop-db' });
  });

  it('the database name answers the local database inside each VPC and nothing outside', () => {
    for (const v of cloud.vpcs.values()) {
      const res = resolve(cloud, 'db.internal.example.com', v.id, 'A');
      const db = [...cloud.table(RDS.dbInstance).values()].find((d) => d.region === v.region)!;
      expect(JSON.stringify(res)).toContain(db.dnsName);
    }
    expect(resolve(cloud, 'db.internal.example.com', undefined, 'A').answered).toEqual([]);
  });

  it('CFN-03, CFN-04: the API name answers the primary by failover, with the health check on the primary API load balancer', () => {
    const res = resolve(cloud, 'api.example.com', undefined, 'A');
    const primaryApi = [...cloud.table(ELBV2.loadBalancer).values()].find((l) => l.name === 'shop-api')!;
    expect(JSON.stringify(res)).toContain(primaryApi.dnsName);
  });

  it('CFN-03, CFN-04: the site is one distribution whose origin group holds both regions\' frontend load balancers', () => {
    const [d] = [...cloud.table(CLOUDFRONT.distribution).values()];
    expect(d.originGroups).toHaveLength(1);
    const targets = d.origins.map((o) => originTarget(cloud, o) as { name?: string; region: string });
    expect(targets.map((t) => `${t.region} ${t.name}`)).toEqual(['us-east-1 shop-frontend', 'us-west-2 shop-frontend-standby']);
  });

  it('CFN-02: the backup plan covers the primary database and copies to the standby region', () => {
    const [sel] = [...cloud.table(BACKUP.selection).values()];
    expect(coveredResources(cloud, sel).map((c) => `${c.name} ${c.type}`)).toEqual(['Db RDS']);
    const [plan] = [...cloud.table(BACKUP.plan).values()];
    expect(JSON.stringify(plan)).toContain('backup-vault:standby-vault');
  });
});

describe('broken variants of the warm standby', () => {
  it('ELB-04: an application load balancer in one zone is refused', () => {
    const r = load(edit(primary, 'Subnets: [!Ref PublicA, !Ref PublicB]\n      SecurityGroups: [!Ref BackendLbSg]', 'Subnets: [!Ref PublicA]\n      SecurityGroups: [!Ref BackendLbSg]'));
    expect(codes(r, 'error')).toEqual(['ValidationError BackendAlb']);
  });

  it('a replica of a source without backups is refused', () => {
    const r = load(edit(primary, 'BackupRetentionPeriod: 7', 'BackupRetentionPeriod: 0'));
    expect(codes(r, 'error').length).toBeGreaterThan(0);
    expect(r.diagnostics.find((d) => d.severity === 'error')!.message).toMatch(/backup/i);
  });

  it('a target group on another port than the servers open loads (AWS deploys it): the reach is what fails', () => {
    const r = load(edit(primary, 'Protocol: HTTP\n      Port: 8080', 'Protocol: HTTP\n      Port: 80'));
    expect(codes(r, 'error')).toEqual([]);
  });

  it('a publicly accessible database in private subnets loads, as AWS deploys it', () => {
    const r = load(edit(primary, 'PubliclyAccessible: false', 'PubliclyAccessible: true'));
    expect(codes(r, 'error')).toEqual([]);
    const db = [...r.cloud.table(RDS.dbInstance).values()].find((d) => d.identifier === 'shop-db')!;
    expect(db.publiclyAccessible).toBe(true);
  });

  it('R53-06: a failover primary without a health check, its alias not evaluating target health, loads with a warning that it never fails over', () => {
    const noCheck = edit(primary, '          HealthCheckId: !Ref ApiCheck\n', '');
    const r = load(edit(noCheck, 'HostedZoneId: !GetAtt BackendAlb.CanonicalHostedZoneID\n            EvaluateTargetHealth: true', 'HostedZoneId: !GetAtt BackendAlb.CanonicalHostedZoneID\n            EvaluateTargetHealth: false'));
    expect(codes(r, 'error')).toEqual([]);
    expect(codes(r, 'warning')).toContain('FailoverWithoutHealthCheck ApiRecords');
  });

  it('R53-07: without a health check but evaluating the load balancer\'s target health, the primary can still fail over: no warning', () => {
    const r = load(edit(primary, '          HealthCheckId: !Ref ApiCheck\n', ''));
    expect(codes(r, 'warning')).not.toContain('FailoverWithoutHealthCheck ApiRecords');
  });
});
