import { describe, expect, it } from 'vitest';
import { CheckArgumentError, type CheckContext } from '../../graders/index.js';
import { instanceClasses } from '../../graders/classes.js';
import { ipv6Range } from '../../graders/privilege.js';
import { estimateCost } from '../../src/engine/cost/estimate.js';
import { HOURS_PER_MONTH, PRICES } from '../../src/engine/cost/prices.js';
import { basic, REGION } from '../support/net.js';
import { runKind, tagged } from './support.js';

type Declared = CheckContext['resources'][number];

const run = runKind;


/** The public subnet behind a network ACL that lets replies out only to `from`-65535. */
function repliesFrom(b: ReturnType<typeof basic>, from: number) {
  const acl = b.cloud.createNetworkAcl({ vpcId: b.vpc }, { logicalId: 'Acl' }).id;
  b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: '6', ruleAction: 'allow', egress: false, cidrBlock: '0.0.0.0/0', portRange: { From: 80, To: 80 } });
  b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: '6', ruleAction: 'allow', egress: true, cidrBlock: '0.0.0.0/0', portRange: { From: from, To: 65535 } });
  b.cloud.associateNetworkAcl({ subnetId: b.pub, networkAclId: acl });
}

describe('every-client', () => {
  it('passes when every client port and address gets the reply; reachable alone would pass either way', () => {
    const b = tagged();
    repliesFrom(b, 1024);
    expect(run(b.cloud, 'every-client', { from: 'internet', to: 'role:web', port: 80 }).passed).toBe(true);
  });
  it('fails for replies only to 32768-65535, naming the client ports that work', () => {
    const b = tagged();
    repliesFrom(b, 32768);
    expect(run(b.cloud, 'reachable', { from: 'internet', to: 'role:web', port: 80 }).passed).toBe(true);
    const r = run(b.cloud, 'every-client', { from: 'internet', to: 'role:web', port: 80 });
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/only client ports 32768-65535 get the reply \(not 1024-32767\)/);
    expect(r.evidence?.trace?.drop?.hop.component).toBe('network-acl');
    expect(run(b.cloud, 'every-client', { from: 'internet', to: 'role:web', port: 80, clientPorts: '32768-61000' }).passed).toBe(true);
  });
  it('leaves out the excluded blocks, and fails when another block gets no answer', () => {
    const b = tagged();
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/1' });
    const r = run(b.cloud, 'every-client', { from: 'internet', to: 'role:web', port: 443 });
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/get no answer/);
    expect(run(b.cloud, 'every-client', { from: 'internet', to: 'role:web', port: 443, except: '128.0.0.0/1' }).passed).toBe(true);
  });
  it('refuses a protocol without client ports', () => {
    expect(() => run(tagged().cloud, 'every-client', { from: 'internet', to: 'role:web', port: 8, protocol: 'icmp' })).toThrow(CheckArgumentError);
  });
});

describe('only-from means no one else', () => {
  it('passes when nobody reaches the port at all (a separate check says whether the source does)', () => {
    const b = tagged();
    expect(run(b.cloud, 'only-from', { to: 'role:web', port: 22, sources: '198.51.100.7/32' }).passed).toBe(true);
    expect(run(b.cloud, 'only-from', { to: 'role:app', port: 8080, sources: 'role:nobody' }).passed).toBe(false);
  });
  it('with others: all, an instance of the topology that gets through fails it; with others: internet it does not', () => {
    const b = tagged();
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '10.0.0.0/16' });
    const all = run(b.cloud, 'only-from', { to: 'role:web', port: 22, sources: '198.51.100.7/32' });
    expect(all.passed).toBe(false);
    expect(all.detail).toMatch(/App reaches Web on port 22/);
    expect(run(b.cloud, 'only-from', { to: 'role:web', port: 22, sources: '198.51.100.7/32', others: 'internet' }).passed).toBe(true);
  });
  it('asks one question per class of instances, so thousands of sources stay fast', () => {
    const b = tagged();
    for (let i = 0; i < 200; i++) b.cloud.createInstance(REGION, { subnetId: b.pub, securityGroupIds: [b.webSg] }, { logicalId: `Web${i}` }).tags.Role = 'web';
    const r = run(b.cloud, 'only-from', { to: 'role:app', port: 8080, sources: 'role:web' });
    expect(r.passed).toBe(true);
    // 201 web servers share one subnet and group: one class, so one question, not 201.
    expect(instanceClasses(b.cloud).map((c) => c.members.length).sort((x, y) => x - y)).toEqual([1, 201]);
  });
});

describe('least-privilege in general', () => {
  it('counts split halves together, any protocol, and IPv6 rules from the template', () => {
    const b = tagged();
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/1' });
    expect(run(b.cloud, 'least-privilege', { of: 'role:web', allow: '80' }).passed).toBe(false);
    const c = tagged();
    c.cloud.addSecurityGroupRule(c.webSg, 'ingress', { ipProtocol: 'udp', fromPort: 53, toPort: 53, cidrIp: '8.0.0.0/8' });
    expect(run(c.cloud, 'least-privilege', { of: 'role:web', allow: '80' }).detail).toMatch(/udp 53/);
    const d = tagged();
    const v6: Declared = { region: REGION, logicalId: 'WebSg', type: 'AWS::EC2::SecurityGroup', properties: { SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv6: '::/0' }] } };
    const r = run(d.cloud, 'least-privilege', { of: 'role:web', allow: '80' }, { resources: [v6] });
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/every IPv6 address/);
    expect(run(d.cloud, 'least-privilege', { of: 'role:web', allow: '80' }, { resources: [{ ...v6, properties: { SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv6: '2001:db8::1/128' }] } }] }).passed).toBe(true);
  });
  it('reads network ACLs in rule order when asked to', () => {
    const b = tagged();
    repliesFrom(b, 1024);
    expect(run(b.cloud, 'least-privilege', { of: 'role:web', allow: '80', on: 'network-acls' }).passed).toBe(true);
    expect(run(b.cloud, 'least-privilege', { of: 'role:web', allow: '80', on: 'network-acls', direction: 'outbound' }).passed).toBe(false);
  });
  it('parses IPv6 blocks', () => {
    expect(ipv6Range('::/0')).toEqual([0n, (1n << 128n) - 1n]);
    expect(ipv6Range('8000::/1')?.[0]).toBe(1n << 127n);
    expect(ipv6Range('not-a-block')).toBeUndefined();
  });
});

describe('placement, sizing, forbidden, values-bound', () => {
  it('placement: a public address or an internet route on the tier fails it', () => {
    const b = tagged();
    expect(run(b.cloud, 'placement', { of: 'role:app' }).passed).toBe(true);
    expect(run(b.cloud, 'placement', { of: 'role:web' }).detail).toMatch(/public IPv4 address/);
    b.cloud.createRoute({ routeTableId: b.privRt, destinationCidrBlock: '8.8.8.0/24', gatewayId: b.igw });
    expect(run(b.cloud, 'placement', { of: 'role:app' }).detail).toMatch(/sends 8\.8\.8\.0\/24 to an internet gateway/);
  });
  it('sizing: instance types, NAT gateways, public addresses, the smallest subnet', () => {
    const b = tagged();
    const declared: Declared[] = [{ region: REGION, logicalId: 'Web', type: 'AWS::EC2::Instance', properties: { InstanceType: 'm7i.48xlarge' } }];
    expect(run(b.cloud, 'sizing', { of: 'role:web', types: ['t3.nano'] }, { resources: declared }).detail).toMatch(/Web is a m7i\.48xlarge/);
    expect(run(b.cloud, 'sizing', { of: 'role:app', types: ['m1.small'] }).passed).toBe(true);
    expect(run(b.cloud, 'sizing', { natGateways: { max: 0 } }).passed).toBe(true);
    expect(run(b.cloud, 'sizing', { publicAddresses: { max: 0 } }).passed).toBe(false);
    expect(run(b.cloud, 'sizing', { smallest: 24 }).passed).toBe(true);
    expect(run(b.cloud, 'sizing', { smallest: 23 }).detail).toMatch(/Public is a \/24/);
    expect(() => run(b.cloud, 'sizing', {})).toThrow(CheckArgumentError);
  });
  it('forbidden: a type, and nothing that joins two VPCs', () => {
    const b = tagged();
    const other = b.cloud.createVpc(REGION, { cidrBlock: '10.9.0.0/16' }, { logicalId: 'Other' }).id;
    b.cloud.vpcs.get(other)!.tags.Role = 'other';
    b.cloud.vpcs.get(b.vpc)!.tags.Role = 'main';
    expect(run(b.cloud, 'forbidden', { between: ['role:main', 'role:other'] }).passed).toBe(true);
    b.cloud.addSecurityGroupRule(b.appSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '10.9.1.0/24' });
    expect(run(b.cloud, 'forbidden', { between: ['role:main', 'role:other'] }).detail).toMatch(/names the other environment's addresses/);
    const declared: Declared[] = [{ region: REGION, logicalId: 'Peer', type: 'AWS::EC2::VPCPeeringConnection', properties: {} }];
    expect(run(b.cloud, 'forbidden', { type: 'AWS::EC2::VPCPeeringConnection' }, { resources: declared }).passed).toBe(false);
    expect(run(b.cloud, 'forbidden', { in: 'role:main', blocks: '10.9.0.0/16' }).passed).toBe(false);
  });
  it("values-bound: the VPC's block is the student's", () => {
    const b = tagged();
    expect(run(b.cloud, 'values-bound', { blocks: [{ block: '10.0.0.0/16' }] }).passed).toBe(true);
    expect(run(b.cloud, 'values-bound', { blocks: [{ block: '10.1.0.0/16' }] }).detail).toMatch(/uses 10\.0\.0\.0\/16, but your block for it is 10\.1\.0\.0\/16/);
  });
});

describe('unchanged', () => {
  it("compares groups by their rules, subnets by ACL and routes, with the starter's", () => {
    const starter = tagged();
    const now = tagged();
    const ctx = { starter: () => ({ cloud: starter.cloud, resources: [] }) };
    expect(run(now.cloud, 'unchanged', { of: ['id:WebSg', 'role:app'] }, ctx).passed).toBe(true);
    now.cloud.addSecurityGroupRule(now.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '198.51.100.7/32' });
    expect(run(now.cloud, 'unchanged', { of: ['id:WebSg'] }, ctx).detail).toMatch(/added inbound tcp 22-22 from 198\.51\.100\.7\/32/);
    const acl = now.cloud.createNetworkAcl({ vpcId: now.vpc }, { logicalId: 'Deny' }).id;
    now.cloud.associateNetworkAcl({ subnetId: now.priv, networkAclId: acl });
    expect(run(now.cloud, 'unchanged', { of: ['role:app'], only: ['subnets'] }, ctx).passed).toBe(false);
    expect(run(now.cloud, 'unchanged', { of: ['role:app'], only: ['instances'] }, ctx).passed).toBe(true);
  });
});

describe('cost', () => {
  it('prices instances, NAT gateway hours and public addresses per 730-hour month, with the source of each price', () => {
    const b = tagged();
    const est = estimateCost({ cloud: b.cloud, instanceTypes: new Map([['Web', 't3.micro'], ['App', 't3.small']]) });
    expect(est.hoursPerMonth).toBe(730);
    expect(est.lines.map((l) => l.what)).toEqual(['EC2 t3.micro', 'EC2 t3.small', 'public IPv4 addresses']);
    expect(est.monthlyUsd).toBeCloseTo((0.0104 + 0.0208 + 0.005) * HOURS_PER_MONTH, 1);
    expect(Object.values(PRICES.instances).every((p) => p.source && p.checked && p.item)).toBe(true);
    const unknown = estimateCost({ cloud: b.cloud, instanceTypes: new Map([['Web', 'x9.huge']]) });
    expect(unknown.unpriced.map((u) => u.resource)).toEqual(['App', 'Web']);
  });
  it('cost-under passes under the ceiling and says it cannot price an unknown type', () => {
    const b = tagged();
    const declared: Declared[] = ['Web', 'App'].map((id) => ({ region: REGION, logicalId: id, type: 'AWS::EC2::Instance', properties: { InstanceType: 't3.micro' } }));
    expect(run(b.cloud, 'cost-under', { max: 20 }, { resources: declared }).passed).toBe(true);
    expect(run(b.cloud, 'cost-under', { max: 10 }, { resources: declared }).detail).toMatch(/about \$18\.83 a month/);
    expect(run(b.cloud, 'cost-under', { max: 100 }).detail).toMatch(/cannot price/);
  });
});
