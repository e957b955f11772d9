/**
 * CloudFront, WAF, ACM and AWS Backup through the template door: the fixtures under
 * test/fixtures/services/ load with their attributes, and the broken variants are refused with
 * AWS's code, file, line and logical id.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSubmissionFromTemplates, loadSubmissionPath } from '../../src/formats/load-submission.js';
import { topologyView } from '../../src/formats/describe/topology.js';
import { topologyText } from '../../src/formats/describe/text.js';

const path = (name: string) => fileURLToPath(new URL(`../fixtures/services/${name}`, import.meta.url));
const load = (name: string) => loadSubmissionPath(path(name));
const errors = (name: string) => load(name).diagnostics.filter((d) => d.severity === 'error');
const text = (name: string) => readFileSync(path(name), 'utf8');
const fromText = (t: string, region = 'us-east-1') => loadSubmissionFromTemplates([{ file: 't.yaml', text: t, region }]);

describe('CloudFront through templates', () => {
  it('CF-01: the edge fixture loads; Ref and GetAtt give the E… id and d….cloudfront.net, describe shows the design', () => {
    const r = load('cloudfront/edge.yaml');
    expect(r.ok).toBe(true);
    const out = r.stacks['us-east-1'] ?? Object.values(r.stacks)[0];
    expect(String(out.outputs.CdnDomain.value)).toMatch(/^d[0-9a-f]{13}\.cloudfront\.net$/);
    const view = topologyView(r.cloud);
    const [d] = view.distributions;
    expect(d).toMatchObject({ name: 'Cdn', aliases: ['www.example.com'], priceClass: 'PriceClass_100', hostedZoneId: 'Z2FDTNDATAQYW2' });
    expect(d.certificate).toMatchObject({ source: 'acm', name: 'SiteCertificate', inSubmission: true });
    expect(d.webAcl?.name).toBe('EdgeAcl');
    expect(d.originGroups).toEqual([{ id: 'failover', primary: 'primary', secondary: 'secondary', statusCodes: [500, 502, 503, 504] }]);
    expect(d.origins.map((o) => o.giveUpSeconds)).toEqual([10, 30]);
    const lines = topologyText(view);
    expect(lines.every((l) => [...l].length <= 80)).toBe(true);
    expect(lines.join('\n')).toMatch(/origin group failover: primary, failing over to secondary on 500, 502/);
    expect(r.diagnostics.filter((x) => x.code === 'OriginOutsideSubmission').map((x) => [x.logicalId, x.line])).toEqual([['Cdn', 28], ['Cdn', 33]]);
  });

  it('CF-06: a certificate outside us-east-1 is refused with InvalidViewerCertificate at its line', () => {
    expect(errors('cloudfront/broken-cert-region.yaml').map((e) => [e.code, e.logicalId, e.line])).toEqual([['InvalidViewerCertificate', 'Cdn', 19]]);
  });

  it('CF-06: an alias without a certificate, or one its certificate does not cover, is refused', () => {
    const noCert = text('cloudfront/edge.yaml').replace(/ {8}ViewerCertificate:\n(.*\n){3}/, '');
    expect(fromText(noCert).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['InvalidViewerCertificate']);
    const other = text('cloudfront/edge.yaml').replace('Aliases: [www.example.com]', 'Aliases: [shop.example.com]');
    const e = fromText(other).diagnostics.find((d) => d.severity === 'error');
    expect(e).toMatchObject({ code: 'InvalidViewerCertificate', logicalId: 'Cdn' });
    expect(e?.message).toMatch(/does not cover shop\.example\.com/);
  });

  it('CF-03: a behavior on an origin group that allows writes, and a bad failover status code, are refused', () => {
    expect(errors('cloudfront/broken-group-writes.yaml').map((e) => [e.code, e.line])).toEqual([['InvalidArgument', 25]]);
    const bad = text('cloudfront/edge.yaml').replace('Items: [500, 502, 503, 504]', 'Items: [500, 501, 503, 504]');
    expect(fromText(bad).diagnostics.find((d) => d.severity === 'error')?.message).toMatch(/cannot fail over on status 501/);
  });

  it('CF-02: an origin port CloudFront does not allow, and a TargetOriginId that names nothing, are refused at their line', () => {
    const port = fromText(text('cloudfront/edge.yaml').replace('HTTPSPort: 443', 'HTTPSPort: 444')).diagnostics.find((d) => d.severity === 'error');
    expect(port).toMatchObject({ code: 'InvalidArgument', line: 31 });
    const target = fromText(text('cloudfront/edge.yaml').replace('TargetOriginId: primary', 'TargetOriginId: api')).diagnostics.find((d) => d.severity === 'error');
    expect(target).toMatchObject({ code: 'NoSuchOrigin', line: 48 });
  });

  it('CF-07: a CLOUDFRONT web ACL made outside us-east-1 is refused: "The scope is not valid"', () => {
    const t = 'Resources:\n  Acl:\n    Type: AWS::WAFv2::WebACL\n    Properties:\n      Scope: CLOUDFRONT\n      DefaultAction: { Allow: {} }\n      VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: m }\n';
    const e = fromText(t, 'eu-west-1').diagnostics.find((d) => d.severity === 'error');
    expect(e).toMatchObject({ code: 'WAFInvalidParameterException', logicalId: 'Acl', line: 5 });
    expect(e?.message).toMatch(/The scope is not valid/);
    expect(fromText(t.replace('CLOUDFRONT', 'REGIONAL'), 'eu-west-1').ok).toBe(true);
  });
});

describe('AWS Backup through templates', () => {
  it('BAK-01: the plan fixture loads; the selection covers the tagged instance; the copy goes to another region', () => {
    const r = load('backup/plan.yaml');
    expect(r.ok).toBe(true);
    const [region] = topologyView(r.cloud).backup;
    expect(region.vaults.map((v) => v.name)).toEqual(['app-vault']);
    const [plan] = region.plans;
    expect(plan.rules[0]).toMatchObject({ schedule: 'cron(0 5 ? * * *)', periodHours: 24, startWindowMinutes: 60, completionWindowMinutes: 180, lifecycle: { moveToColdStorageAfterDays: 30, deleteAfterDays: 120 } });
    expect(plan.rules[0].copies).toEqual([{ vaultArn: 'arn:aws:backup:us-west-2:123456789012:backup-vault:dr-vault', region: 'us-west-2' }]);
    expect(plan.selections[0].covers.map((c) => c.name)).toEqual(['Db']);
    expect(topologyText(topologyView(r.cloud)).join('\n')).toMatch(/selection tagged: Db \(EC2\)/);
    expect(r.diagnostics.map((d) => d.code)).toContain('VaultOutsideSubmission');
  });

  it('BAK-01: Ref and Fn::GetAtt of vault, plan, selection and web ACL are what AWS returns', () => {
    const t = `${text('backup/plan.yaml')}Outputs:
  VaultRef: { Value: !Ref Vault }
  VaultArn: { Value: !GetAtt Vault.BackupVaultArn }
  PlanRef: { Value: !Ref Plan }
  PlanArn: { Value: !GetAtt Plan.BackupPlanArn }
  Version: { Value: !GetAtt Plan.VersionId }
  SelectionRef: { Value: !Ref Selection }
  SelectionPlan: { Value: !GetAtt Selection.BackupPlanId }
`;
    const r = fromText(t);
    const o = Object.fromEntries(Object.entries(Object.values(r.stacks)[0].outputs).map(([k, v]) => [k, String(v.value)]));
    expect(o.VaultRef).toBe('app-vault');
    expect(o.VaultArn).toBe('arn:aws:backup:us-east-1:123456789012:backup-vault:app-vault');
    expect(o.PlanArn).toBe(`arn:aws:backup:us-east-1:123456789012:backup-plan:${o.PlanRef}`);
    expect(o.Version).toMatch(/^[A-Za-z0-9+/]{20,}$/);
    expect(o.SelectionPlan).toBe(o.PlanRef);
    expect(o.SelectionRef).toMatch(/^[0-9a-f-]{36}$/);
    const acl = fromText(`${text('cloudfront/edge.yaml')}  AclRef: { Value: !Ref EdgeAcl }\n  AclId: { Value: !GetAtt EdgeAcl.Id }\n`);
    const out = Object.values(acl.stacks)[0].outputs;
    expect(String(out.AclRef.value)).toBe(`edge-acl|${String(out.AclId.value)}|CLOUDFRONT`);
  });

  it('BAK-03: a lifecycle deleting before the 90 days of cold storage is refused at DeleteAfterDays', () => {
    expect(errors('backup/broken-lifecycle.yaml').map((e) => [e.code, e.logicalId, e.line])).toEqual([['InvalidParameterValueException', 'Plan', 19]]);
  });

  it('BAK-02: a schedule more often than hourly is refused at ScheduleExpression', () => {
    expect(errors('backup/broken-schedule.yaml').map((e) => [e.code, e.line])).toEqual([['InvalidParameterValueException', 16]]);
  });

  it('BAK-01: the role from an AWS::IAM::Role of the template stands for its ARN; a literal name is refused', () => {
    const bad = text('backup/plan.yaml').replace('IamRoleArn: !GetAtt BackupRole.Arn', 'IamRoleArn: BackupRole');
    expect(fromText(bad).diagnostics.find((d) => d.severity === 'error')).toMatchObject({ code: 'InvalidParameterValueException', logicalId: 'Selection' });
  });

  it('BAK-04: copies to a vault of the other region in a two-region folder are found, without a warning', () => {
    const west = 'Resources:\n  DrVault:\n    Type: AWS::Backup::BackupVault\n    Properties: { BackupVaultName: dr-vault }\n';
    const r = loadSubmissionFromTemplates([
      { file: 'us-west-2.yaml', text: west, region: 'us-west-2' },
      { file: 'us-east-1.yaml', text: text('backup/plan.yaml'), region: 'us-east-1' },
    ]);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.filter((d) => d.code === 'VaultOutsideSubmission')).toEqual([]);
  });
});
