import { describe, expect, it } from 'vitest';
import { requestCertificate, nameCovers } from '../../../src/engine/acm/certificate.js';
import { connectionGiveUpSeconds, createDistribution, type DistributionConfig, originTarget } from '../../../src/engine/cloudfront/distribution.js';
import { CLOUDFRONT_HOSTED_ZONE_ID } from '../../../src/engine/cloudfront/kinds.js';
import { resourceAtName } from '../../../src/engine/cloudfront/origin-target.js';
import { formatIp } from '../../../src/engine/address.js';
import { Cloud } from '../../../src/engine/cloud.js';
import { dnsTargetKind, type DnsNamed, resourceByDnsName } from '../../../src/engine/dns-targets.js';
import { CloudError } from '../../../src/engine/errors.js';
import { kind, named, Store } from '../../../src/engine/store.js';
import { createWebAcl } from '../../../src/engine/wafv2/web-acl.js';

const origin = (id: string, domain: string, custom: Record<string, unknown> = { OriginProtocolPolicy: 'https-only' }, extra: Record<string, unknown> = {}) => ({ Id: id, DomainName: domain, CustomOriginConfig: custom, ...extra });

function config(over: Record<string, unknown> = {}): DistributionConfig {
  return {
    Enabled: true,
    Origins: [origin('a', 'a.example.net'), origin('b', 'b.example.net')],
    DefaultCacheBehavior: { TargetOriginId: 'a', ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: 'policy' },
    ...over,
  };
}

function refused(store: Store, c: DistributionConfig): CloudError {
  try {
    createDistribution(store, 'us-east-1', c, { logicalId: 'Cdn' });
  } catch (e) {
    if (e instanceof CloudError) return e;
    throw e;
  }
  throw new Error('the distribution was created');
}

const group = (members: string[], codes: unknown[] = [500, 502, 503, 504]) => ({
  Quantity: 1,
  Items: [{ Id: 'g', FailoverCriteria: { StatusCodes: { Quantity: codes.length, Items: codes } }, Members: { Quantity: members.length, Items: members.map((m) => ({ OriginId: m })) } }],
});

describe('CloudFront distributions', () => {
  it('CF-01: Enabled and DefaultCacheBehavior are required; Ref is the E… id, DomainName d….cloudfront.net, deterministic', () => {
    expect(refused(new Store(), { Origins: config().Origins, DefaultCacheBehavior: config().DefaultCacheBehavior }).code).toBe('InvalidArgument');
    expect(refused(new Store(), { Enabled: true, Origins: config().Origins }).message).toMatch(/DefaultCacheBehavior/);
    const a = createDistribution(new Store('s'), 'us-east-1', config(), { logicalId: 'Cdn' }).distribution;
    const b = createDistribution(new Store('s'), 'us-east-1', config(), { logicalId: 'Cdn' }).distribution;
    expect(a.id).toMatch(/^E[0-9A-F]{13}$/);
    expect(a.dnsName).toMatch(/^d[0-9a-f]{13}\.cloudfront\.net$/);
    expect([b.id, b.dnsName]).toEqual([a.id, a.dnsName]);
    expect(a.hostedZoneId).toBe(CLOUDFRONT_HOSTED_ZONE_ID);
    expect(a.priceClass).toBe('PriceClass_All');
    expect(a.httpVersion).toBe('http1.1');
  });

  it('CF-01: a behavior needs a cache policy or ForwardedValues; quotas of origins and aliases', () => {
    expect(refused(new Store(), config({ DefaultCacheBehavior: { TargetOriginId: 'a', ViewerProtocolPolicy: 'allow-all' } })).message).toMatch(/CachePolicyId .* ForwardedValues/);
    const many = Array.from({ length: 26 }, (_, i) => origin(`o${i}`, `o${i}.example.net`));
    expect(refused(new Store(), config({ Origins: many })).code).toBe('TooManyOrigins');
  });

  it('CF-01: TargetOriginId must name an origin or an origin group, with NoSuchOrigin', () => {
    const e = refused(new Store(), config({ DefaultCacheBehavior: { TargetOriginId: 'c', ViewerProtocolPolicy: 'allow-all', CachePolicyId: 'p' } }));
    expect(e.code).toBe('NoSuchOrigin');
    expect(e.field).toEqual(['DistributionConfig', 'DefaultCacheBehavior', 'TargetOriginId']);
    expect(e.message).toMatch(/\(a, b\)/);
  });

  it('CF-02: custom origins: protocol policy, ports 80, 443 or 1024-65535, attempts 1-3, timeout 1-10, path', () => {
    const { distribution: d } = createDistribution(new Store(), 'us-east-1', config(), {});
    expect(d.origins[0]).toMatchObject({ protocolPolicy: 'https-only', httpPort: 80, httpsPort: 443, connectionAttempts: 3, connectionTimeout: 10, readTimeout: 30, keepaliveTimeout: 5 });
    const bad = (o: Record<string, unknown>) => refused(new Store(), config({ Origins: [o] }));
    expect(bad(origin('a', 'a.example.net', { OriginProtocolPolicy: 'https' })).message).toMatch(/http-only, https-only, match-viewer/);
    expect(bad(origin('a', 'a.example.net', { OriginProtocolPolicy: 'http-only', HTTPPort: 8 })).message).toMatch(/80, 443 or 1024-65535/);
    expect(bad(origin('a', 'a.example.net', undefined, { ConnectionAttempts: 4 })).field).toEqual(['DistributionConfig', 'Origins', 0, 'ConnectionAttempts']);
    expect(bad(origin('a', 'a.example.net', undefined, { ConnectionTimeout: 11 })).message).toMatch(/from 1 to 10/);
    expect(bad(origin('a', 'a.example.net', { OriginProtocolPolicy: 'https-only', OriginReadTimeout: 61 })).code).toBe('InvalidOriginReadTimeout');
    expect(bad(origin('a', 'a.example.net', { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.3'] })).message).toMatch(/SSLv3, TLSv1, TLSv1\.1, TLSv1\.2/);
    expect(bad(origin('a', 'a.example.net', undefined, { OriginPath: 'prod/' })).message).toMatch(/begin with \//);
    expect(bad({ Id: 'a', DomainName: 'a.example.net' }).message).toMatch(/exactly one of CustomOriginConfig, S3OriginConfig/);
    expect(refused(new Store(), config({ Origins: [origin('a', 'x.net'), origin('a', 'y.net')] })).message).toMatch(/used twice/);
  });

  it('CF-02: an origin at a load balancer of the submission is found by its DNS name; another is outside it (a note)', () => {
    const lbKind = dnsTargetKind(kind<DnsNamed>({ noun: 'the load balancer', notFound: 'LoadBalancerNotFound', field: 'LoadBalancerArn' }));
    const store = new Store();
    const lb: DnsNamed = { ...named('lb-1', 'eu-west-1', { logicalId: 'FrontAlb' }), dnsName: 'front-123.eu-west-1.elb.amazonaws.com' };
    store.table(lbKind).set(lb.id, lb);
    const { distribution: d, notes } = createDistribution(store, 'us-east-1', config({ Origins: [origin('a', 'Front-123.eu-west-1.elb.amazonaws.com.'), origin('b', 'b.example.net')] }), {});
    expect(originTarget(store, d.origins[0])).toBe(lb);
    expect(originTarget(store, d.origins[1])).toBeUndefined();
    expect(notes.map((n) => [n.code, n.field])).toEqual([['OriginOutsideSubmission', ['DistributionConfig', 'Origins', 1, 'DomainName']]]);
    expect(resourceByDnsName(store, d.dnsName)).toBe(d);
  });

  it("CF-02: an origin at an instance's public DNS name is that instance", () => {
    const cloud = new Cloud('cf');
    const vpc = cloud.createVpc('eu-west-1', { cidrBlock: '10.0.0.0/16' }, { logicalId: 'Vpc' }).id;
    const igw = cloud.createInternetGateway('eu-west-1', { logicalId: 'Igw' }).id;
    cloud.attachInternetGateway({ vpcId: vpc, internetGatewayId: igw });
    const sub = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.1.0/24', mapPublicIpOnLaunch: true }, { logicalId: 'Pub' }).id;
    const web = cloud.createInstance('eu-west-1', { subnetId: sub }, { logicalId: 'Web' });
    const ip = formatIp(cloud.interfaces.get(web.networkInterfaceIds[0])!.publicIp!);
    const name = `ec2-${ip.replace(/\./g, '-')}.eu-west-1.compute.amazonaws.com`;
    const { distribution: d, notes } = createDistribution(cloud, 'us-east-1', config({ Origins: [origin('a', name)] }), {});
    expect(originTarget(cloud, d.origins[0])).toBe(web);
    expect(notes).toEqual([]);
    expect(resourceAtName(cloud, name.replace('eu-west-1', 'us-west-2'))).toBeUndefined();
    expect(resourceAtName(cloud, 'ec2-999-1-1-1.compute-1.amazonaws.com')).toBeUndefined();
  });

  it('CF-03: an origin group has exactly two origins and fails over on AWS\'s status codes only', () => {
    const { distribution: d } = createDistribution(new Store(), 'us-east-1', config({ OriginGroups: group(['a', 'b']), DefaultCacheBehavior: { TargetOriginId: 'g', ViewerProtocolPolicy: 'https-only', CachePolicyId: 'p' } }), {});
    expect(d.originGroups).toEqual([{ id: 'g', members: ['a', 'b'], statusCodes: [500, 502, 503, 504] }]);
    expect(d.defaultBehavior.targetIsGroup).toBe(true);
    expect(refused(new Store(), config({ OriginGroups: group(['a']) })).message).toMatch(/exactly two/);
    expect(refused(new Store(), config({ OriginGroups: group(['a', 'c']) })).code).toBe('NoSuchOrigin');
    const e = refused(new Store(), config({ OriginGroups: group(['a', 'b'], [500, 501]) }));
    expect(e.message).toMatch(/cannot fail over on status 501; the allowed codes are 400, 403, 404, 416, 500, 502, 503, 504/);
    expect(e.field).toEqual(['DistributionConfig', 'OriginGroups', 'Items', 0, 'FailoverCriteria', 'StatusCodes', 'Items', 1]);
    const q = { ...group(['a', 'b']), Quantity: 2 };
    expect(refused(new Store(), config({ OriginGroups: q })).code).toBe('InconsistentQuantities');
  });

  it('CF-03: a behavior that targets an origin group may not allow POST, PUT, PATCH or DELETE', () => {
    const all = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'];
    const e = refused(new Store(), config({ OriginGroups: group(['a', 'b']), DefaultCacheBehavior: { TargetOriginId: 'g', ViewerProtocolPolicy: 'https-only', CachePolicyId: 'p', AllowedMethods: all } }));
    expect(e.message).toMatch(/cannot include POST, PUT, PATCH, or DELETE for a cached behavior associated with an origin group/);
    const ok = createDistribution(new Store(), 'us-east-1', config({ DefaultCacheBehavior: { TargetOriginId: 'a', ViewerProtocolPolicy: 'https-only', CachePolicyId: 'p', AllowedMethods: all } }), {});
    expect(ok.distribution.defaultBehavior.allowedMethods).toHaveLength(7);
  });

  it('CF-01: AllowedMethods and CachedMethods are one of the sets CloudFront accepts; viewer policy as AWS names it', () => {
    const beh = (b: Record<string, unknown>) => config({ DefaultCacheBehavior: { TargetOriginId: 'a', ViewerProtocolPolicy: 'https-only', CachePolicyId: 'p', ...b } });
    expect(refused(new Store(), beh({ AllowedMethods: ['GET', 'POST'] })).message).toMatch(/not a set CloudFront accepts/);
    expect(refused(new Store(), beh({ CachedMethods: ['GET', 'HEAD', 'OPTIONS'] })).message).toMatch(/must be among AllowedMethods/);
    expect(refused(new Store(), beh({ ViewerProtocolPolicy: 'https' })).message).toMatch(/allow-all, https-only, redirect-to-https/);
  });

  it('CF-04: CloudFront gives up on an origin after ConnectionAttempts × ConnectionTimeout (30 s by default)', () => {
    const { distribution: d } = createDistribution(new Store(), 'us-east-1', config({ Origins: [origin('a', 'a.net', undefined, { ConnectionAttempts: 1, ConnectionTimeout: 4 }), origin('b', 'b.net')] }), {});
    expect(d.origins.map(connectionGiveUpSeconds)).toEqual([4, 30]);
  });

  it('CF-05: legacy TTLs default to 0 / 86,400 / 31,536,000 and must be ordered', () => {
    const beh = (b: Record<string, unknown>) => config({ DefaultCacheBehavior: { TargetOriginId: 'a', ViewerProtocolPolicy: 'https-only', ForwardedValues: { QueryString: false }, ...b } });
    expect(createDistribution(new Store(), 'us-east-1', beh({}), {}).distribution.defaultBehavior.ttl).toEqual({ min: 0, default: 86_400, max: 31_536_000 });
    expect(refused(new Store(), beh({ MinTTL: 100, DefaultTTL: 50 })).code).toBe('InvalidTTLOrder');
  });

  it('CF-06: aliases need a certificate in us-east-1 that covers them; the default certificate serves none', () => {
    const store = new Store();
    expect(refused(store, config({ Aliases: ['www.example.com'] })).code).toBe('InvalidViewerCertificate');
    expect(refused(store, config({ Aliases: ['www.example.com'], ViewerCertificate: { CloudFrontDefaultCertificate: true } })).message).toMatch(/default certificate covers only \*\.cloudfront\.net/);
    const west = requestCertificate(store, 'eu-west-1', { domainName: 'www.example.com' }, { logicalId: 'WestCert' });
    const e = refused(store, config({ Aliases: ['www.example.com'], ViewerCertificate: { AcmCertificateArn: west.arn, SslSupportMethod: 'sni-only' } }));
    expect([e.code, e.field]).toEqual(['InvalidViewerCertificate', ['DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn']]);
    expect(e.message).toMatch(/isn't in us-east-1 region.*the certificate is in eu-west-1/);
    const cert = requestCertificate(store, 'us-east-1', { domainName: '*.example.com' }, { logicalId: 'Cert' });
    const vc = { AcmCertificateArn: cert.arn, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' };
    expect(refused(store, config({ Aliases: ['example.com'], ViewerCertificate: vc })).message).toMatch(/does not cover example\.com/);
    expect(refused(store, config({ Aliases: ['a.b.example.com'], ViewerCertificate: vc })).code).toBe('InvalidViewerCertificate');
    expect(refused(store, config({ Aliases: ['WWW.example.com'], ViewerCertificate: vc })).message).toMatch(/lower case/);
    expect(refused(store, config({ Aliases: ['www.example.com'], ViewerCertificate: { AcmCertificateArn: cert.arn } })).message).toMatch(/SslSupportMethod/);
    const ok = createDistribution(store, 'us-east-1', config({ Aliases: ['www.example.com'], ViewerCertificate: vc }), { logicalId: 'Cdn' });
    expect(ok.distribution.viewerCertificate).toMatchObject({ source: 'acm', inSubmission: true, sslSupportMethod: 'sni-only' });
    expect(refused(store, config({ Aliases: ['www.example.com'], ViewerCertificate: vc })).code).toBe('CNAMEAlreadyExists');
    expect([nameCovers('*.example.com', 'www.example.com'), nameCovers('*.example.com', 'example.com'), nameCovers('*.example.com', 'a.b.example.com')]).toEqual([true, false, false]);
  });

  it('CF-06: a certificate outside the submission is taken as given, with a note that coverage is not checked', () => {
    const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
    const { notes } = createDistribution(new Store(), 'us-east-1', config({ Aliases: ['www.example.com'], ViewerCertificate: { AcmCertificateArn: arn, SslSupportMethod: 'sni-only' } }), {});
    expect(notes.map((n) => n.code)).toContain('CertificateOutsideSubmission');
  });

  it('CF-07: the web ACL must have scope CLOUDFRONT in us-east-1, else InvalidWebACLId; one outside the submission is a note', () => {
    const store = new Store();
    expect(() => createWebAcl(store, 'eu-west-1', { scope: 'CLOUDFRONT', defaultAction: { Allow: {} } }, { logicalId: 'Acl' })).toThrow(/The scope is not valid/);
    const regional = createWebAcl(store, 'eu-west-1', { scope: 'REGIONAL', defaultAction: { Block: {} } }, { logicalId: 'Regional' });
    expect(refused(store, config({ WebACLId: regional.arn })).code).toBe('InvalidWebACLId');
    const global = createWebAcl(store, 'us-east-1', { name: 'edge', scope: 'CLOUDFRONT', defaultAction: { Allow: {} } }, { logicalId: 'Edge' });
    expect(global.arn).toMatch(/^arn:aws:wafv2:us-east-1:123456789012:global\/webacl\/edge\/[0-9a-f-]{36}$/);
    const { distribution: d, notes } = createDistribution(store, 'us-east-1', config({ WebACLId: global.arn }), {});
    expect(d.webAcl).toEqual({ id: global.arn, webAcl: global.arn, classic: false });
    expect(notes.filter((n) => n.code === 'WebAclOutsideSubmission')).toEqual([]);
    const other = createDistribution(store, 'us-east-1', config({ WebACLId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/11111111-2222-3333-4444-555555555555' }), {});
    expect(other.notes.map((n) => n.code)).toContain('WebAclOutsideSubmission');
    expect(() => createWebAcl(store, 'us-east-1', { name: 'edge', scope: 'CLOUDFRONT', defaultAction: { Allow: {} } }, { logicalId: 'Edge2' })).toThrow(/already exists/);
  });

  it('CF-08: PriceClass is PriceClass_100, PriceClass_200 or PriceClass_All', () => {
    expect(createDistribution(new Store(), 'us-east-1', config({ PriceClass: 'PriceClass_100' }), {}).distribution.priceClass).toBe('PriceClass_100');
    expect(refused(new Store(), config({ PriceClass: 'PriceClass_50' })).message).toMatch(/PriceClass_100, PriceClass_200, PriceClass_All/);
  });
});
