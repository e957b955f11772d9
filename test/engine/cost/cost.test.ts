import { describe, expect, it } from 'vitest';
import { Cloud } from '../../../src/engine/cloud.js';
import { createDistribution } from '../../../src/engine/cloudfront/distribution.js';
import { estimateCost } from '../../../src/engine/cost/estimate.js';
import { databaseLine, healthCheckLine, hostedZoneLine, loadBalancerLine } from '../../../src/engine/cost/lines.js';
import { PRICED_KINDS } from '../../../src/engine/cost/priced-kinds.js';
import { HOURS_PER_MONTH, PRICES } from '../../../src/engine/cost/prices.js';

const S = { resource: 'X', region: 'us-east-1' };
const all = (): { usd: number; source: string; checked: string; item: string }[] => [
  ...Object.values(PRICES.instances),
  ...Object.values(PRICES.loadBalancers),
  ...Object.values(PRICES.databases),
  PRICES.publicIpv4,
  PRICES.natGateway,
  PRICES.hostedZone,
  PRICES.healthCheck,
  PRICES.healthCheckNonAws,
];

describe('prices', () => {
  it('every price carries its PRC item, source and date', () => {
    for (const p of all()) {
      expect(p.item).toMatch(/^PRC-\d\d$/);
      expect(p.source.length).toBeGreaterThan(10);
      expect(p.checked).toMatch(/^\d{4}-\d\d(-\d\d)?$/);
    }
  });

  it('PRC-01: EC2 t3.micro / t3.small / m5.large at $0.0104 / $0.0208 / $0.096 an hour', () => {
    expect(['t3.micro', 't3.small', 'm5.large'].map((t) => PRICES.instances[t].usd)).toEqual([0.0104, 0.0208, 0.096]);
  });

  it('PRC-02 and PRC-03: a public IPv4 address $0.005 and a NAT gateway $0.045 an hour', () => {
    expect([PRICES.publicIpv4.usd, PRICES.natGateway.usd]).toEqual([0.005, 0.045]);
  });

  it('PRC-04 and PRC-05: an ALB and an NLB $0.0225 an hour, and each node of an internet-facing one has a public address', () => {
    const alb = loadBalancerLine(S, { type: 'application', zones: 2, internetFacing: true });
    expect(alb.map((l) => ('what' in l ? [l.what, l.quantity, l.hourlyUsd] : l))).toEqual([
      ['ALB hours', 1, 0.0225],
      ['public IPv4 addresses', 2, 0.01],
    ]);
    expect(loadBalancerLine(S, { type: 'network', zones: 3 })).toHaveLength(1);
    expect(loadBalancerLine(S, { type: 'gateway', zones: 1 })).toEqual([{ resource: 'X', reason: 'no price for load balancer type gateway' }]);
  });

  it('PRC-06: a db.t3.micro $0.017 an hour single-AZ and twice that Multi-AZ (RDS-12)', () => {
    const [single] = databaseLine(S, { class: 'db.t3.micro', multiAz: false });
    const [multi] = databaseLine(S, { class: 'db.t3.micro', multiAz: true });
    expect('what' in single && single.hourlyUsd).toBe(0.017);
    expect('what' in multi && [multi.what, multi.hourlyUsd]).toEqual(['RDS db.t3.micro Multi-AZ', 0.034]);
    expect(databaseLine(S, { class: 'db.x9.huge', multiAz: false })[0]).toMatchObject({ reason: expect.stringMatching(/no price for database class db\.x9\.huge/) });
  });

  it('PRC-07 and PRC-08: a hosted zone and a health check $0.50 a month ($0.75 for a non-AWS endpoint)', () => {
    expect(hostedZoneLine(S).monthlyUsd).toBeCloseTo(0.5, 10);
    expect(hostedZoneLine(S).hourlyUsd).toBeCloseTo(0.5 / HOURS_PER_MONTH, 10);
    expect(healthCheckLine(S, { awsEndpoint: false }).monthlyUsd).toBeCloseTo(0.75, 10);
  });
});

describe('estimate', () => {
  it('one item per billed resource, the same grouped into lines, totals per hour and per 730-hour month', () => {
    const cloud = new Cloud('cost');
    const vpc = cloud.createVpc('us-east-1', { cidrBlock: '10.0.0.0/16' }, { logicalId: 'Vpc' }).id;
    const sub = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.1.0/24' }, { logicalId: 'Sub' }).id;
    cloud.createInstance('us-east-1', { subnetId: sub }, { logicalId: 'A' });
    cloud.createInstance('us-east-1', { subnetId: sub }, { logicalId: 'B' });
    cloud.allocateElasticIp('us-east-1', { logicalId: 'Idle' });
    const est = estimateCost({ cloud, instanceTypes: new Map([['A', 't3.micro'], ['B', 't3.micro']]) });
    expect(est.items.map((i) => [i.resource, i.what])).toEqual([['A', 'EC2 t3.micro'], ['B', 'EC2 t3.micro'], ['Idle', 'public IPv4 addresses']]);
    expect(est.lines.map((l) => [l.what, l.quantity, l.resources])).toEqual([['EC2 t3.micro', 2, ['A', 'B']], ['public IPv4 addresses', 1, ['Idle']]]);
    expect(est.hourlyUsd).toBeCloseTo(0.0104 * 2 + 0.005, 10);
    expect(est.monthlyUsd).toBe(Math.round((0.0104 * 2 + 0.005) * 730 * 100) / 100);
  });

  it('CloudFront is stated as billed by use, not hourly; it adds nothing to the total', () => {
    const cloud = new Cloud();
    createDistribution(cloud, 'us-east-1', { Enabled: true, Origins: [{ Id: 'o', DomainName: 'o.example.net', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } }], DefaultCacheBehavior: { TargetOriginId: 'o', ViewerProtocolPolicy: 'https-only', CachePolicyId: 'p' } }, { logicalId: 'Cdn' });
    const est = estimateCost({ cloud, instanceTypes: new Map() });
    expect(est.monthlyUsd).toBe(0);
    expect(est.usageBased).toEqual([{ resources: ['Cdn'], note: expect.stringMatching(/\$0\.085 per GB.*PRC-10/) }]);
  });

  it('the priced kinds are a table the estimator walks: each entry a kind and a pricing function', () => {
    expect(PRICED_KINDS.length).toBeGreaterThanOrEqual(5);
    for (const k of PRICED_KINDS) expect(typeof k.price).toBe('function');
  });
});
