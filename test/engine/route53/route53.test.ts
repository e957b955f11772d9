import { describe, expect, it } from 'vitest';
import { Cloud } from '../../../src/engine/cloud.js';
import { modifyVpcDnsAttributes } from '../../../src/engine/ec2/vpc-dns.js';
import { CloudWarning } from '../../../src/engine/finish-steps.js';
import { createDbInstance, createDbSubnetGroup } from '../../../src/engine/rds/index.js';
import { CLOUDFRONT_ZONE_ID, createHealthCheck, createHostedZone, createRecordSet, resolve } from '../../../src/engine/route53/index.js';
import { codeOf } from '../rds/support.js';

const R = 'us-east-1';
const setup = () => {
  const cloud = new Cloud('t');
  const zone = createHostedZone(cloud, R, { name: 'example.com' }, { logicalId: 'Zone' });
  return { cloud, zone };
};
const rec = (cloud: Cloud, spec: Parameters<typeof createRecordSet>[2], logicalId?: string) => createRecordSet(cloud, R, spec, logicalId ? { logicalId } : undefined);

describe('Route 53', () => {
  it('R53-01: a public zone has an id and four name servers; no zone for a top-level domain', () => {
    const { cloud, zone } = setup();
    expect(zone.zoneId).toMatch(/^Z0[0-9A-Z]{19}$/);
    expect(zone.nameServers).toHaveLength(4);
    expect(zone.nameServers[0]).toMatch(/^ns-\d+\.awsdns-\d\d\.com$/);
    expect(codeOf(() => createHostedZone(cloud, R, { name: 'com' }))).toBe('InvalidDomainName');
    expect(new Cloud('t').seed).toBe('t');
    expect(createHostedZone(new Cloud('t'), R, { name: 'example.com' }, { logicalId: 'Zone' }).zoneId).toBe(zone.zoneId);
  });

  it('R53-02: a private zone answers only inside its VPCs, and only with DNS support and hostnames on; it beats the public zone and does not fall back', () => {
    const { cloud, zone } = setup();
    const vpc = cloud.createVpc(R, { cidrBlock: '10.0.0.0/16' }, { logicalId: 'Vpc' });
    const other = cloud.createVpc(R, { cidrBlock: '10.1.0.0/16' }, { logicalId: 'Other' });
    modifyVpcDnsAttributes(cloud, vpc.id, { enableDnsHostnames: true });
    const inner = createHostedZone(cloud, R, { name: 'example.com', vpcs: [{ vpcId: vpc.id, vpcRegion: R }] }, { logicalId: 'Inner' });
    expect(inner.private).toBe(true);
    rec(cloud, { hostedZoneId: inner.zoneId, name: 'db.example.com', type: 'A', ttl: 60, resourceRecords: ['10.0.0.5'] });
    // HostedZoneName is ambiguous now (a public and a private example.com): refused.
    expect(codeOf(() => rec(cloud, { hostedZoneName: 'example.com.', name: 'www.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.10'] }))).toBe('InvalidInput');
    rec(cloud, { hostedZoneId: zone.zoneId, name: 'www.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.10'] });
    expect(resolve(cloud, 'db.example.com', vpc.id).values).toEqual(['10.0.0.5']);
    const nx = resolve(cloud, 'www.example.com', vpc.id);
    expect(nx.zone?.private).toBe(true);
    expect(nx.answered).toEqual([]);
    expect(nx.why.join(' ')).toMatch(/NXDOMAIN/);
    expect(resolve(cloud, 'www.example.com').values).toEqual(['203.0.113.10']);
    expect(resolve(cloud, 'www.example.com', other.id).values).toEqual(['203.0.113.10']);
    modifyVpcDnsAttributes(cloud, vpc.id, { enableDnsHostnames: false });
    const off = resolve(cloud, 'db.example.com', vpc.id);
    expect(off.zone?.private).toBe(false);
    expect(off.why.join(' ')).toMatch(/EnableDnsHostnames off/);
    expect(cloud.finish().find((f) => f.code === 'PrivateZoneNotAnswering')).toBeInstanceOf(CloudWarning);
    expect(codeOf(() => createHostedZone(cloud, R, { name: 'x.example.org', vpcs: [{ vpcId: 'vpc-0000000000000000a', vpcRegion: R }] }))).toBe('InvalidVPCId');
  });

  it('R53-03: CNAME is not allowed at the apex nor beside another type; alias records take no TTL', () => {
    const { cloud, zone } = setup();
    expect(codeOf(() => rec(cloud, { hostedZoneId: zone.zoneId, name: 'example.com', type: 'CNAME', ttl: 60, resourceRecords: ['x.example.net'] }))).toBe('InvalidChangeBatch');
    rec(cloud, { hostedZoneId: zone.zoneId, name: 'www.example.com', type: 'CNAME', ttl: 60, resourceRecords: ['web.example.net'] });
    let message = '';
    try {
      rec(cloud, { hostedZoneId: zone.zoneId, name: 'www.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.1'] });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('RRSet of type A with DNS name www.example.com. is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone example.com.');
    expect(codeOf(() => rec(cloud, { hostedZoneId: zone.zoneId, name: 'a.example.com', type: 'A', ttl: 60, alias: { dnsName: 'x.elb.amazonaws.com', hostedZoneId: 'Z35SXDOTRQ7X7K' } }))).toBe('InvalidInput');
    expect(codeOf(() => rec(cloud, { hostedZoneId: zone.zoneId, name: 'www.other.org', type: 'A', ttl: 60, resourceRecords: ['203.0.113.1'] }))).toBe('InvalidChangeBatch');
    expect(codeOf(() => rec(cloud, { hostedZoneId: zone.zoneId, name: 'b.example.com', type: 'A', ttl: 60, resourceRecords: ['not-an-ip'] }))).toBe('InvalidChangeBatch');
    // Alias at the apex to another record of the zone.
    rec(cloud, { hostedZoneId: zone.zoneId, name: 'web.example.com', type: 'A', ttl: 300, resourceRecords: ['203.0.113.7'] });
    rec(cloud, { hostedZoneId: zone.zoneId, name: 'example.com', type: 'A', alias: { dnsName: 'web.example.com', hostedZoneId: zone.zoneId } });
    expect(resolve(cloud, 'example.com').values).toEqual(['203.0.113.7']);
    // CNAME chain.
    rec(cloud, { hostedZoneId: zone.zoneId, name: 'shop.example.com', type: 'CNAME', ttl: 60, resourceRecords: ['web.example.com'] });
    expect(resolve(cloud, 'shop.example.com').values).toEqual(['203.0.113.7']);
  });

  it('R53-03: an alias to CloudFront cannot evaluate target health, nor live in a private zone', () => {
    const { cloud, zone } = setup();
    expect(codeOf(() => rec(cloud, { hostedZoneId: zone.zoneId, name: 'www.example.com', type: 'A', alias: { dnsName: 'd111111abcdef8.cloudfront.net', hostedZoneId: CLOUDFRONT_ZONE_ID, evaluateTargetHealth: true } }))).toBe('InvalidChangeBatch');
    const vpc = cloud.createVpc(R, { cidrBlock: '10.0.0.0/16' });
    const inner = createHostedZone(cloud, R, { name: 'corp.example.com', vpcs: [{ vpcId: vpc.id, vpcRegion: R }] });
    expect(codeOf(() => rec(cloud, { hostedZoneId: inner.zoneId, name: 'cdn.corp.example.com', type: 'A', alias: { dnsName: 'd111111abcdef8.cloudfront.net', hostedZoneId: CLOUDFRONT_ZONE_ID } }))).toBe('InvalidChangeBatch');
  });

  it('R53-04: a non-alias record needs a TTL', () => {
    const { cloud, zone } = setup();
    let message = '';
    try {
      rec(cloud, { hostedZoneId: zone.zoneId, name: 'api.example.com', type: 'A', resourceRecords: ['203.0.113.1'] });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found none in Change with [Action=CREATE, Name=api.example.com., Type=A, SetIdentifier=null]');
  });

  it('R53-05: routing policies need SetIdentifier, share one policy per name and type; weights 0-255; one PRIMARY', () => {
    const { cloud, zone } = setup();
    const z = zone.zoneId;
    expect(codeOf(() => rec(cloud, { hostedZoneId: z, name: 'w.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.1'], weight: 10 }))).toBe('InvalidInput');
    rec(cloud, { hostedZoneId: z, name: 'w.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.1'], weight: 10, setIdentifier: 'blue' }, 'Blue');
    rec(cloud, { hostedZoneId: z, name: 'w.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.2'], weight: 30, setIdentifier: 'green' }, 'Green');
    expect(codeOf(() => rec(cloud, { hostedZoneId: z, name: 'w.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.3'], weight: 256, setIdentifier: 'red' }))).toBe('InvalidInput');
    expect(codeOf(() => rec(cloud, { hostedZoneId: z, name: 'w.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.3'], weight: 5, setIdentifier: 'blue' }))).toBe('InvalidChangeBatch');
    expect(codeOf(() => rec(cloud, { hostedZoneId: z, name: 'w.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.3'], failover: 'PRIMARY', setIdentifier: 'p' }))).toBe('InvalidChangeBatch');
    expect(codeOf(() => rec(cloud, { hostedZoneId: z, name: 'w.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.3'] }))).toBe('InvalidChangeBatch');
    const w = resolve(cloud, 'w.example.com');
    expect(w.answered.map((a) => a.record.setIdentifier)).toEqual(['green']);
    expect(w.candidates.map((c) => [c.record.setIdentifier, c.share])).toEqual([['blue', 0.25], ['green', 0.75]]);
    rec(cloud, { hostedZoneId: z, name: 'f.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.5'], failover: 'PRIMARY', setIdentifier: 'p' });
    expect(codeOf(() => rec(cloud, { hostedZoneId: z, name: 'f.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.6'], failover: 'PRIMARY', setIdentifier: 'q' }))).toBe('InvalidChangeBatch');
    expect(codeOf(() => rec(cloud, { hostedZoneId: z, name: 'f.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.6'], failover: 'MAIN', setIdentifier: 'q' }))).toBe('InvalidInput');
    rec(cloud, { hostedZoneId: z, name: 'l.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.8'], region: 'us-east-1', setIdentifier: 'east' });
    rec(cloud, { hostedZoneId: z, name: 'l.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.9'], region: 'us-west-2', setIdentifier: 'west' });
    expect(codeOf(() => rec(cloud, { hostedZoneId: z, name: 'l.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.9'], region: 'us-west-2', setIdentifier: 'west2' }))).toBe('InvalidChangeBatch');
    const west = cloud.createVpc('us-west-2', { cidrBlock: '10.2.0.0/16' });
    expect(resolve(cloud, 'l.example.com', west.id).values).toEqual(['203.0.113.9']);
  });

  it('R53-06: failover answers with the PRIMARY while healthy; a PRIMARY without health check never fails over (warning)', () => {
    const { cloud, zone } = setup();
    const z = zone.zoneId;
    const hc = createHealthCheck(cloud, R, { type: 'HTTPS', fullyQualifiedDomainName: 'api-east.example.net', resourcePath: '/health' }, { logicalId: 'Hc' });
    rec(cloud, { hostedZoneId: z, name: 'api.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.5'], failover: 'PRIMARY', setIdentifier: 'primary', healthCheckId: hc.checkId }, 'Primary');
    rec(cloud, { hostedZoneId: z, name: 'api.example.com', type: 'A', ttl: 60, resourceRecords: ['198.51.100.5'], failover: 'SECONDARY', setIdentifier: 'secondary' }, 'Secondary');
    const r = resolve(cloud, 'api.example.com');
    expect(r.answered.map((a) => a.record.logicalId)).toEqual(['Primary']);
    expect(r.candidates).toHaveLength(2);
    expect(cloud.finish().filter((f) => f.code === 'FailoverWithoutHealthCheck')).toEqual([]);
    rec(cloud, { hostedZoneId: z, name: 'app.example.com', type: 'A', ttl: 60, resourceRecords: ['203.0.113.6'], failover: 'PRIMARY', setIdentifier: 'primary' }, 'Blind');
    const found = cloud.finish();
    expect(found.find((f) => f.code === 'FailoverWithoutHealthCheck')?.logicalId).toBe('Blind');
    expect(found.find((f) => f.code === 'FailoverIncomplete')?.logicalId).toBe('Blind');
  });

  it('R53-08: health checks refuse private addresses, check interval 10 or 30, threshold 1-10', () => {
    const { cloud } = setup();
    expect(codeOf(() => createHealthCheck(cloud, R, { type: 'HTTP', ipAddress: '10.0.1.10' }))).toBe('InvalidInput');
    expect(codeOf(() => createHealthCheck(cloud, R, { type: 'HTTP', ipAddress: '127.0.0.1' }))).toBe('InvalidInput');
    expect(codeOf(() => createHealthCheck(cloud, R, { type: 'HTTP', ipAddress: '203.0.113.9', requestInterval: 20 }))).toBe('InvalidInput');
    expect(codeOf(() => createHealthCheck(cloud, R, { type: 'HTTP', ipAddress: '203.0.113.9', failureThreshold: 11 }))).toBe('InvalidInput');
    expect(codeOf(() => createHealthCheck(cloud, R, { type: 'TCP', ipAddress: '203.0.113.9' }))).toBe('InvalidInput');
    expect(codeOf(() => createHealthCheck(cloud, R, { type: 'HTTP' }))).toBe('InvalidInput');
    expect(codeOf(() => createHealthCheck(cloud, R, { type: 'PING', ipAddress: '203.0.113.9' }))).toBe('InvalidInput');
    expect(codeOf(() => createHealthCheck(cloud, R, { type: 'HTTP_STR_MATCH', ipAddress: '203.0.113.9' }))).toBe('InvalidInput');
    const h = createHealthCheck(cloud, R, { type: 'HTTPS', ipAddress: '203.0.113.9' });
    expect(h).toMatchObject({ port: 443, requestInterval: 30, failureThreshold: 3 });
    expect(h.checkId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('R53-08: a health check of a private database endpoint is a warning: the checkers are on the internet', () => {
    const { cloud } = setup();
    const vpc = cloud.createVpc(R, { cidrBlock: '10.0.0.0/16' });
    const a = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a' });
    const b = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: '10.0.2.0/24', availabilityZone: 'us-east-1b' });
    const g = createDbSubnetGroup(cloud, R, { description: 'db', subnetIds: [a.id, b.id] });
    const db = createDbInstance(cloud, R, { engine: 'mysql', instanceClass: 'db.t3.micro', allocatedStorage: 20, subnetGroupName: g.name }, { logicalId: 'Db' }).resource;
    createHealthCheck(cloud, R, { type: 'TCP', fullyQualifiedDomainName: db.dnsName, port: 3306 }, { logicalId: 'DbCheck' });
    expect(cloud.finish().find((f) => f.code === 'HealthCheckTargetInternal')?.logicalId).toBe('DbCheck');
  });

  it('R53-12: a zone named by HostedZoneName but not created is assumed to exist, with a warning; an alias to nothing the submission makes is a warning', () => {
    const cloud = new Cloud('t');
    const { warnings } = createRecordSet(cloud, R, { hostedZoneName: 'shop.example.', name: 'www.shop.example', type: 'A', alias: { dnsName: 'dualstack.web-123.us-east-1.elb.amazonaws.com', hostedZoneId: 'Z35SXDOTRQ7X7K' } }, { logicalId: 'Www' });
    expect(warnings.map((w) => w.code)).toEqual(['HostedZoneAssumed']);
    const found = cloud.finish();
    expect(found.map((f) => [f.code, f.logicalId])).toEqual([['AliasTargetNotFound', 'Www']]);
    expect(found[0]).toBeInstanceOf(CloudWarning);
    const r = resolve(cloud, 'www.shop.example');
    expect(r.external).toBe('dualstack.web-123.us-east-1.elb.amazonaws.com');
    expect(r.why.join(' ')).toMatch(/assumed to exist/);
  });
});
