/**
 * Items 3, 12, 31 and 32 of ../shared/aws-semantics.md, numbered as there: blocks with host
 * bits, regional NAT gateways, repeated security-group rules and the default VPC, through
 * the engine's operations.
 */
import { describe, expect, it } from 'vitest';
import { formatCidr } from '../../src/engine/address.js';
import { Cloud } from '../../src/engine/cloud.js';
import { CloudError } from '../../src/engine/errors.js';
import { REGION } from '../support/net.js';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof CloudError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('3. blocks with host bits are canonicalised', () => {
  it('item 3: VPC, secondary block, subnet, route and network ACL entry deploy as the network, each with a warning naming it', () => {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.100.119.0/16' });
    expect(formatCidr(vpc.cidrs[0])).toBe('10.100.0.0/16');
    expect(formatCidr(cloud.associateVpcCidrBlock({ vpcId: vpc.id, cidrBlock: '10.101.3.3/16' }))).toBe('10.101.0.0/16');
    const s = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: '10.100.119.0/21' });
    expect(formatCidr(s.cidr)).toBe('10.100.112.0/21');
    const igw = cloud.createInternetGateway(REGION).id;
    cloud.attachInternetGateway({ vpcId: vpc.id, internetGatewayId: igw });
    const rt = cloud.createRouteTable({ vpcId: vpc.id }).id;
    expect(formatCidr(cloud.createRoute({ routeTableId: rt, destinationCidrBlock: '0.0.0.1/0', gatewayId: igw }).destination)).toBe('0.0.0.0/0');
    const acl = cloud.createNetworkAcl({ vpcId: vpc.id }).id;
    const entry = cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, ruleAction: 'allow', protocol: -1, cidrBlock: '198.51.100.25/24' });
    expect(formatCidr(entry.cidr)).toBe('198.51.100.0/24');
    expect(cloud.warnings.map((w) => w.code)).toEqual(Array(5).fill('CidrCanonicalised'));
    expect(cloud.warnings.map((w) => w.message.match(/deploys it as (\S+),/)?.[1])).toEqual([
      '10.100.0.0/16',
      '10.101.0.0/16',
      '10.100.112.0/21',
      '0.0.0.0/0',
      '198.51.100.0/24',
    ]);
    expect(cloud.warnings[2].message).toContain('10.100.119.0/21 has host bits set');
  });

  it('item 3: a canonical block still obeys the rules of the network it names', () => {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }).id;
    cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.1.0/24' });
    expect(code(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.1.77/24' }))).toBe('InvalidSubnet.Conflict');
    expect(code(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.1.0.5/24' }))).toBe('InvalidSubnet.Range');
    expect(code(() => cloud.createVpc(REGION, { cidrBlock: '10.0.0.5/29' }))).toBe('InvalidVpc.Range');
  });

  it('item 3: a security-group rule with host bits is its network, and repeating it in canonical form is InvalidPermission.Duplicate', () => {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }).id;
    const g = cloud.createSecurityGroup({ vpcId: vpc, description: 'web' }).id;
    const rule = cloud.addSecurityGroupRule(g, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '203.0.113.9/24' })!;
    expect(formatCidr(rule.cidr!)).toBe('203.0.113.0/24');
    expect(cloud.warnings).toEqual([expect.objectContaining({ code: 'CidrCanonicalised', field: 'CidrIp' })]);
    expect(code(() => cloud.addSecurityGroupRule(g, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '203.0.113.0/24' }))).toBe('InvalidPermission.Duplicate');
    expect(code(() => cloud.addSecurityGroupRule(g, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '203.0.113.200/24' }))).toBe('InvalidPermission.Duplicate');
  });

  it('item 3: a block without host bits gives no warning', () => {
    const cloud = new Cloud();
    cloud.createSubnet({ vpcId: cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }).id, cidrBlock: '10.0.4.0/22' });
    expect(cloud.warnings).toEqual([]);
  });
});

describe('31. repeated security-group rules', () => {
  it('item 31: a repeat among the rules a group is created with is ignored with a warning; a separate request repeating it is InvalidPermission.Duplicate', () => {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }).id;
    const g = cloud.createSecurityGroup({ vpcId: vpc, description: 'web' }, { logicalId: 'WebSg' }).id;
    const ssh = { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' };
    cloud.addSecurityGroupRule(g, 'ingress', { ...ssh, field: ['SecurityGroupIngress', 0] }, undefined, undefined, { ignoreRepeat: true });
    cloud.addSecurityGroupRule(g, 'ingress', { ...ssh, field: ['SecurityGroupIngress', 1] }, undefined, undefined, { ignoreRepeat: true });
    expect(cloud.securityGroup(g).ingress).toHaveLength(1);
    expect(cloud.warnings).toEqual([expect.objectContaining({ code: 'DuplicateRuleIgnored', field: ['SecurityGroupIngress', 1] })]);
    expect(cloud.warnings[0].message).toContain('tcp 22 from 0.0.0.0/0');
    expect(cloud.warnings[0].message).toContain('WebSg');
    expect(code(() => cloud.addSecurityGroupRule(g, 'ingress', ssh))).toBe('InvalidPermission.Duplicate');
    // another port, protocol or peer is another rule
    cloud.addSecurityGroupRule(g, 'ingress', { ...ssh, fromPort: 23, toPort: 23 });
    cloud.addSecurityGroupRule(g, 'ingress', { ...ssh, ipProtocol: 'udp' });
    cloud.addSecurityGroupRule(g, 'ingress', { ...ssh, cidrIp: '10.0.0.0/8' });
    expect(cloud.securityGroup(g).ingress).toHaveLength(4);
  });
});
