import { describe, expect, it } from 'vitest';
import { CHECK_KINDS, CheckArgumentError } from '../../graders/index.js';
import { Walker } from '../../src/engine/reach/walker.js';
import { REGION } from '../support/net.js';
import { runKind, tagged } from './support.js';

const run = runKind;


describe('reachable / not-reachable', () => {
  it('pass and fail with the trace as evidence', () => {
    const b = tagged();
    expect(run(b.cloud, 'reachable', { from: 'internet', to: 'role:web', port: 80 }).passed).toBe(true);
    const fail = run(b.cloud, 'reachable', { from: 'internet', to: 'role:web', port: 22 });
    expect(fail.passed).toBe(false);
    expect(fail.evidence!.trace!.drop!.hop.component).toBe('security-group');
    expect(run(b.cloud, 'not-reachable', { from: 'internet', to: 'role:app', ports: '0-65535' }).passed).toBe(true);
    const open = run(b.cloud, 'not-reachable', { from: 'role:web', to: 'role:app', ports: '8000-9000' });
    expect(open.passed).toBe(false);
    expect(open.detail).toMatch(/tcp port 8080/);
    expect(open.evidence!.trace!.path.length).toBeGreaterThan(3);
  });
  it('a role that matches nothing fails with a clear reason', () => {
    const b = tagged();
    const r = run(b.cloud, 'reachable', { from: 'internet', to: 'role:db', port: 5432 });
    expect(r.passed).toBe(false);
    expect(r.detail).toBe('no instance has the tag Role: db');
  });
  it('every member pair must pass', () => {
    const b = tagged();
    const w2 = b.cloud.createInstance(REGION, { subnetId: b.priv, securityGroupIds: [b.webSg] }, { logicalId: 'Web2' });
    w2.tags.Role = 'web';
    const r = run(b.cloud, 'reachable', { from: 'internet', to: 'role:web', port: 80 });
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/Web2/);
  });
});

describe('only-from and open-ports', () => {
  it('only-from passes only for exactly the sources', () => {
    const b = tagged();
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '198.51.100.7/32' });
    expect(run(b.cloud, 'only-from', { to: 'role:web', port: 22, sources: '198.51.100.7/32' }).passed).toBe(true);
    // Someone else (.7) gets through: "only .8" is false, whether or not .8 itself does.
    const wrongAdmin = run(b.cloud, 'only-from', { to: 'role:web', port: 22, sources: '198.51.100.8/32' });
    expect(wrongAdmin.passed).toBe(false);
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' });
    const tooWide = run(b.cloud, 'only-from', { to: 'role:web', port: 22, sources: '198.51.100.7/32' });
    expect(tooWide.passed).toBe(false);
    expect(tooWide.detail).toMatch(/reachable on port 22 from every internet address except/);
  });
  it('only-from with a role: only that role reaches, from inside', () => {
    const b = tagged();
    expect(run(b.cloud, 'only-from', { to: 'role:app', port: 8080, sources: 'role:web' }).passed).toBe(true);
    b.cloud.addSecurityGroupRule(b.appSg, 'ingress', { ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, cidrIp: '10.0.0.0/16' });
    b.cloud.createInstance(REGION, { subnetId: b.pub }, { logicalId: 'Intruder' });
    const r = run(b.cloud, 'only-from', { to: 'role:app', port: 8080, sources: 'role:web' });
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/Intruder reaches App/);
  });
  it('open-ports: exactly these, no others', () => {
    const b = tagged();
    expect(run(b.cloud, 'open-ports', { from: 'internet', to: 'role:web', ports: '80' }).passed).toBe(true);
    const r = run(b.cloud, 'open-ports', { from: 'internet', to: 'role:web', ports: '80,443' });
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/not open: 443/);
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 0, toPort: 65535, cidrIp: '0.0.0.0/0' });
    expect(run(b.cloud, 'open-ports', { from: 'internet', to: 'role:web', ports: '80' }).detail).toMatch(/also open: 0-79, 81-65535/);
  });
});

describe('structure checks', () => {
  it('resource-count, spans-azs, no-public-ip', () => {
    const b = tagged();
    expect(run(b.cloud, 'resource-count', { type: 'AWS::EC2::NatGateway', min: 1 }).passed).toBe(false);
    expect(run(b.cloud, 'resource-count', { type: 'AWS::EC2::Instance', min: 2, max: 2 }).passed).toBe(true);
    expect(run(b.cloud, 'spans-azs', { of: 'role:public', min: 2 }).passed).toBe(false);
    const pubB = b.cloud.createSubnet({ vpcId: b.vpc, cidrBlock: '10.0.3.0/24', availabilityZone: 'us-east-1b' });
    pubB.tags.Role = 'public';
    expect(run(b.cloud, 'spans-azs', { of: 'role:public', min: 2 }).passed).toBe(true);
    expect(run(b.cloud, 'no-public-ip', { of: 'role:app' }).passed).toBe(true);
    expect(run(b.cloud, 'no-public-ip', { of: 'role:web' }).passed).toBe(false);
    expect(() => run(b.cloud, 'resource-count', { type: 'AWS::S3::Bucket' })).toThrow(CheckArgumentError);
  });
  it('address-plan: block, tiers in two zones, room to grow', () => {
    const b = tagged();
    const args = { block: '10.0.0.0/16', tiers: ['public', 'app'], perTier: 2, maxUsed: 0.5 };
    expect(run(b.cloud, 'address-plan', args).detail).toMatch(/tier "public" has 1 subnet in 1 zone/);
    for (const [cidr, zone, role] of [['10.0.3.0/24', 'us-east-1b', 'public'], ['10.0.4.0/24', 'us-east-1b', 'app']]) {
      b.cloud.createSubnet({ vpcId: b.vpc, cidrBlock: cidr, availabilityZone: zone }).tags.Role = role;
    }
    expect(run(b.cloud, 'address-plan', args).passed).toBe(true);
    expect(run(b.cloud, 'address-plan', { ...args, block: '10.1.0.0/16' }).detail).toMatch(/uses 10\.0\.0\.0\/16, but your block is 10\.1\.0\.0\/16/);
    b.cloud.createSubnet({ vpcId: b.vpc, cidrBlock: '10.0.128.0/17', availabilityZone: 'us-east-1a' });
    expect(run(b.cloud, 'address-plan', args).detail).toMatch(/leave room to grow/);
  });
  it('default-route and least-privilege', () => {
    const b = tagged();
    expect(run(b.cloud, 'default-route', { subnets: 'role:public', via: 'internet-gateway' }).passed).toBe(true);
    expect(run(b.cloud, 'default-route', { subnets: 'role:app', via: 'none' }).passed).toBe(true);
    expect(run(b.cloud, 'default-route', { subnets: 'role:app', via: 'nat-gateway' }).detail).toMatch(/route is missing; it should go to a NAT gateway/);
    expect(run(b.cloud, 'least-privilege', { of: 'role:web', allow: '80,443' }).passed).toBe(true);
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' });
    expect(run(b.cloud, 'least-privilege', { of: 'role:web', allow: '80,443' }).detail).toMatch(/open tcp 22 to the whole IPv4 internet \(WebSg: tcp 22 from 0\.0\.0\.0\/0\)/);
  });
});

describe('topology checks', () => {
  it('sg-reference: by group, not by block', () => {
    const b = tagged();
    expect(run(b.cloud, 'sg-reference', { to: 'role:app', from: 'role:web', port: 8080 }).passed).toBe(true);
    b.cloud.addSecurityGroupRule(b.appSg, 'ingress', { ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, cidrIp: '10.0.1.0/24' });
    expect(run(b.cloud, 'sg-reference', { to: 'role:app', from: 'role:web', port: 8080 }).detail).toMatch(/opens port 8080 to a block/);
  });
  it('nat-per-az: one NAT gateway per zone, each subnet using its own', () => {
    const b = tagged();
    const pubB = b.cloud.createSubnet({ vpcId: b.vpc, cidrBlock: '10.0.3.0/24', availabilityZone: 'us-east-1b' }).id;
    b.cloud.associateRouteTable({ subnetId: pubB, routeTableId: b.pubRt });
    const privB = b.cloud.createSubnet({ vpcId: b.vpc, cidrBlock: '10.0.4.0/24', availabilityZone: 'us-east-1b' });
    privB.tags.Role = 'app';
    const natA = b.cloud.createNatGateway({ subnetId: b.pub, allocationId: b.cloud.allocateElasticIp(REGION).id }, { logicalId: 'NatA' }).id;
    b.cloud.createRoute({ routeTableId: b.privRt, destinationCidrBlock: '0.0.0.0/0', natGatewayId: natA });
    const rtB = b.cloud.createRouteTable({ vpcId: b.vpc }).id;
    b.cloud.associateRouteTable({ subnetId: privB.id, routeTableId: rtB });
    b.cloud.createRoute({ routeTableId: rtB, destinationCidrBlock: '0.0.0.0/0', natGatewayId: natA });
    const shared = run(b.cloud, 'nat-per-az', { subnets: 'role:app' });
    expect(shared.passed).toBe(false);
    expect(shared.detail).toMatch(/in us-east-1b uses NAT gateway NatA in us-east-1a/);
    const rtB2 = b.cloud.routeTables.get(rtB)!;
    rtB2.routes = rtB2.routes.filter((r) => r.destination.prefix !== 0);
    const natB = b.cloud.createNatGateway({ subnetId: pubB, allocationId: b.cloud.allocateElasticIp(REGION).id }, { logicalId: 'NatB' }).id;
    b.cloud.createRoute({ routeTableId: rtB, destinationCidrBlock: '0.0.0.0/0', natGatewayId: natB });
    expect(run(b.cloud, 'nat-per-az', { subnets: 'role:app' }).passed).toBe(true);
  });
  it('no-overlap', () => {
    const b = tagged();
    expect(run(b.cloud, 'no-overlap', {}).passed).toBe(true);
    b.cloud.createVpc(REGION, { cidrBlock: '10.0.128.0/17' }, { logicalId: 'Other' });
    expect(run(b.cloud, 'no-overlap', {}).detail).toMatch(/Vpc \(10\.0\.0\.0\/16\) and Other \(10\.0\.128\.0\/17\) overlap/);
  });
});

describe('selectors and protocols', () => {
  it('not-reachable with protocol all means no traffic of any protocol', () => {
    const b = tagged();
    const r = run(b.cloud, 'not-reachable', { from: 'role:web', to: 'role:app', protocol: 'all' });
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/tcp port 8080/);
    expect(run(b.cloud, 'not-reachable', { from: 'internet', to: 'role:app', protocol: 'all' }).passed).toBe(true);
  });
  it('a block of internet addresses is a selector', () => {
    const b = tagged();
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '203.0.113.128/25' });
    expect(run(b.cloud, 'not-reachable', { from: '203.0.113.0/25', to: 'role:web', port: 22 }).passed).toBe(true);
    const r = run(b.cloud, 'not-reachable', { from: '203.0.113.0/24', to: 'role:web', port: 22 });
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/from 203\.0\.113\.128\/25/);
  });
  it('sg-reference does not count a group both tiers share', () => {
    const cloudTiers = tagged();
    const { cloud } = cloudTiers;
    const def = cloud.vpc(cloudTiers.vpc).defaultSecurityGroupId;
    const web = cloud.createInstance(REGION, { subnetId: cloudTiers.pub }, { logicalId: 'W' });
    const app = cloud.createInstance(REGION, { subnetId: cloudTiers.priv }, { logicalId: 'A' });
    web.tags.Role = 'w';
    app.tags.Role = 'a';
    expect(cloud.interfaces.get(app.networkInterfaceIds[0])!.securityGroupIds).toEqual([def]);
    expect(run(cloud, 'sg-reference', { to: 'role:a', from: 'role:w', port: 8080 }).passed).toBe(false);
  });
});

describe('resource-exists', () => {
  it('matches declared properties after intrinsic functions are resolved', async () => {
    const { loadSubmissionFromTemplates } = await import('../../src/formats/load-submission.js');
    const loaded = loadSubmissionFromTemplates([
      {
        file: 't.yaml',
        text: [
          'Parameters: {Dns: {Type: String, Default: "true"}}',
          'Resources:',
          '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16, EnableDnsHostnames: !Ref Dns, Tags: [{Key: Role, Value: main}]}}',
          '  Sub: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: false}}',
        ].join('\n'),
      },
    ]);
    expect(loaded.ok).toBe(true);
    const ctx = { cloud: loaded.cloud, walker: new Walker(loaded.cloud), resources: loaded.resources };
    const run2 = (args: Record<string, unknown>) => CHECK_KINDS.get('resource-exists')!.run(ctx, args);
    expect(run2({ type: 'AWS::EC2::VPC', role: 'main', properties: { EnableDnsHostnames: true } }).passed).toBe(true);
    expect(run2({ type: 'AWS::EC2::Subnet', properties: { MapPublicIpOnLaunch: true } }).detail).toMatch(/1 AWS::EC2::Subnet found, but none has MapPublicIpOnLaunch: true/);
    expect(run2({ type: 'AWS::EC2::NatGateway' }).detail).toBe('there is no AWS::EC2::NatGateway');
    expect(run2({ type: 'AWS::EC2::VPC', properties: { Tags: [{ Key: 'Role', Value: 'main' }] } }).passed).toBe(true);
  });
});
