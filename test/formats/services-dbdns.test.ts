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
