/**
 * Items 3, 12, 31 and 32 of ../shared/aws-semantics.md, numbered as there: blocks with host
 * bits, regional NAT gateways, repeated security-group rules and the default VPC, through
 * the engine's operations.
 */
import { describe, expect, it } from 'vitest';
import { formatCidr } from '../../src/engine/address.js';
import { Cloud } from '../../src/engine/cloud.js';
import { errorCode as code } from '../support/cloud-error.js';
import { ask, REGION } from '../support/net.js';

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
    expect('cidr' in entry && formatCidr(entry.cidr)).toBe('198.51.100.0/24');
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

describe('32. the default VPC', () => {
  it('item 32: an instance without a subnet lands in the region\'s default VPC, made as AWS makes it, with a warning', () => {
    const cloud = new Cloud();
    const sg = cloud.createSecurityGroup({ region: REGION, description: 'ssh' }, { logicalId: 'Ssh' });
    cloud.addSecurityGroupRule(sg.id, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' });
    const inst = cloud.createInstance(REGION, { securityGroupIds: [sg.id] }, { logicalId: 'Web' });
    const vpcs = [...cloud.vpcs.values()];
    expect(vpcs.map((v) => formatCidr(v.cidrs[0]))).toEqual(['172.31.0.0/16']);
    const vpc = vpcs[0];
    expect(sg.vpcId).toBe(vpc.id);
    const subnets = [...cloud.subnets.values()];
    expect(subnets.map((s) => [s.availabilityZone, formatCidr(s.cidr), s.mapPublicIpOnLaunch])).toEqual([
      ['us-east-1a', '172.31.0.0/20', true],
      ['us-east-1b', '172.31.16.0/20', true],
      ['us-east-1c', '172.31.32.0/20', true],
      ['us-east-1d', '172.31.48.0/20', true],
      ['us-east-1e', '172.31.64.0/20', true],
      ['us-east-1f', '172.31.80.0/20', true],
    ]);
    const igw = cloud.attachedGateway(vpc.id)!;
    expect(igw).toBeDefined();
    expect(cloud.routeTable(vpc.mainRouteTableId).routes.map((r) => [formatCidr(r.destination), r.target])).toEqual([
      ['172.31.0.0/16', { kind: 'local' }],
      ['0.0.0.0/0', { kind: 'internet-gateway', id: igw.id }],
    ]);
    expect(cloud.networkAcls.get(vpc.defaultNetworkAclId)?.isDefault).toBe(true);
    expect(cloud.securityGroups.get(vpc.defaultSecurityGroupId)?.name).toBe('default');
    expect(inst.subnetId).toBe(subnets[0].id);
    expect(cloud.interfaces.get(inst.networkInterfaceIds[0])!.publicIp).toBeDefined();
    expect(cloud.warnings.map((w) => [w.code, w.field])).toEqual([
      ['DefaultVpcUsed', 'VpcId'],
      ['DefaultVpcUsed', 'SubnetId'],
    ]);
    expect(cloud.warnings[1].message).toContain('the default subnet of us-east-1a (172.31.0.0/20)');
    // reachability runs through it: SSH from the internet, and the instance out to the internet
    expect(ask(cloud, 'internet', inst.id, 22).reachable).toBe(true);
    expect(ask(cloud, inst.id, '8.8.8.8', 443).reachable).toBe(true);
    expect(ask(cloud, 'internet', inst.id, 80).reachable).toBe(false);
  });

  it('item 32: one default VPC per region, made only when something lands in it; the zone picks the default subnet', () => {
    const cloud = new Cloud();
    cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' });
    expect(cloud.vpcs.size).toBe(1);
    const a = cloud.createInstance(REGION, { availabilityZone: 'us-east-1c' });
    const b = cloud.createInstance(REGION, {});
    const c = cloud.createInstance('eu-west-1', {});
    expect(cloud.vpcs.size).toBe(3);
    expect(formatCidr(cloud.subnet(a.subnetId).cidr)).toBe('172.31.32.0/20');
    expect(cloud.vpcOfSubnet(a.subnetId).id).toBe(cloud.vpcOfSubnet(b.subnetId).id);
    expect(cloud.vpcOfSubnet(c.subnetId).region).toBe('eu-west-1');
    expect(code(() => cloud.createInstance(REGION, { availabilityZone: 'eu-west-1a' }))).toBe('InvalidParameterValue');
  });

  it('item 32: group names work in the default VPC (SecurityGroups, GroupName, SourceSecurityGroupName) and nowhere else', () => {
    const cloud = new Cloud();
    const web = cloud.createSecurityGroup({ region: REGION, description: 'web' }, { logicalId: 'WebSg' });
    const lb = cloud.createSecurityGroup({ region: REGION, description: 'lb', groupName: 'lb' });
    cloud.addSecurityGroupRule(undefined, 'ingress', { ipProtocol: 'tcp', fromPort: 80, toPort: 80, groupName: 'lb' }, undefined, { groupName: 'WebSg', region: REGION });
    expect(web.ingress).toEqual([expect.objectContaining({ groupId: lb.id, fromPort: 80 })]);
    const inst = cloud.createInstance(REGION, { securityGroupNames: ['WebSg', 'default'] });
    expect(cloud.interfaces.get(inst.networkInterfaceIds[0])!.securityGroupIds).toEqual([web.id, cloud.vpcOfSubnet(inst.subnetId).defaultSecurityGroupId]);
    expect(code(() => cloud.createInstance(REGION, { securityGroupNames: ['Nope'] }))).toBe('InvalidGroup.NotFound');
    // In a VPC of one's own, names are refused as AWS refuses them.
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }).id;
    const s = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.0.0/24' }).id;
    expect(code(() => cloud.createInstance(REGION, { subnetId: s, securityGroupNames: ['WebSg'] }))).toBe('InvalidParameterCombination');
    const own = cloud.createSecurityGroup({ vpcId: vpc, description: 'own' }).id;
    expect(code(() => cloud.addSecurityGroupRule(own, 'ingress', { ipProtocol: 'tcp', fromPort: 80, toPort: 80, groupName: 'lb' }))).toBe('InvalidParameterCombination');
    expect(code(() => cloud.addSecurityGroupRule(undefined, 'ingress', { ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIp: '0.0.0.0/0' }, undefined, { groupName: 'WebSg' }))).toBe(
      'InvalidParameterCombination',
    );
  });
});

describe('12. regional NAT gateways', () => {
  function regionalNet() {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }, { logicalId: 'Vpc' }).id;
    const igw = cloud.createInternetGateway(REGION).id;
    cloud.attachInternetGateway({ vpcId: vpc, internetGatewayId: igw });
    const priv = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.2.0/24' }).id;
    const rt = cloud.createRouteTable({ vpcId: vpc }).id;
    cloud.associateRouteTable({ subnetId: priv, routeTableId: rt });
    return { cloud, vpc, priv, rt };
  }

  it('item 12: a regional NAT gateway is created on its VPC with no subnet, and says it is not traced', () => {
    const { cloud, vpc, priv } = regionalNet();
    const eip = cloud.allocateElasticIp(REGION).id;
    const nat = cloud.createAnyNatGateway({ availabilityMode: 'regional', vpcId: vpc, availabilityZoneAddresses: [{ availabilityZone: 'us-east-1a', allocationIds: [eip] }] }, { logicalId: 'Nat' });
    expect(nat).toMatchObject({ vpcId: vpc, connectivity: 'public' });
    expect(cloud.warnings).toEqual([expect.objectContaining({ code: 'RegionalNatGatewayNotTraced' })]);
    expect(code(() => cloud.createAnyNatGateway({ availabilityMode: 'regional', vpcId: vpc, subnetId: priv }))).toBe('InvalidParameterCombination');
    expect(code(() => cloud.createAnyNatGateway({ availabilityMode: 'regional' }))).toBe('MissingParameter');
    expect(code(() => cloud.createAnyNatGateway({ availabilityMode: 'regional', vpcId: vpc, availabilityZoneAddresses: [{ availabilityZone: 'eu-west-1a' }] }))).toBe('InvalidParameterValue');
    expect(code(() => cloud.createAnyNatGateway({ availabilityMode: 'multi', vpcId: vpc }))).toBe('InvalidParameterValue');
    expect(code(() => cloud.createAnyNatGateway({ vpcId: vpc }))).toBe('MissingParameter');
  });

  it('item 12: traffic routed to it stops there with a machine-readable cause, never a guessed "reachable"', () => {
    const { cloud, vpc, priv, rt } = regionalNet();
    const nat = cloud.createAnyNatGateway({ availabilityMode: 'regional', vpcId: vpc }, { logicalId: 'Nat' });
    cloud.createRoute({ routeTableId: rt, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
    const app = cloud.createInstance(REGION, { subnetId: priv }, { logicalId: 'App' }).id;
    const a = ask(cloud, app, '8.8.8.8', 443);
    expect(a.reachable).toBe(false);
    const drop = a.path.find((h) => h.action === 'drop')!;
    expect(drop.cause).toMatchObject({ code: 'RouteTargetNotModelled', target: { kind: 'unmodelled', id: nat.id, property: 'NatGatewayId', what: 'a regional NAT gateway' } });
    expect(a.explanation).toContain('Nat (');
    expect(a.explanation).toContain('regional NAT gateway');
    // a route in another VPC cannot use it
    const other = cloud.createVpc(REGION, { cidrBlock: '10.9.0.0/16' }).id;
    const otherRt = cloud.createRouteTable({ vpcId: other }).id;
    expect(code(() => cloud.createRoute({ routeTableId: otherRt, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id }))).toBe('InvalidParameterValue');
  });
});

describe('messages name resources by logical id', () => {
  it('an elastic IP already associated names the instance it is on, and a VPC over its block quota names the VPC', () => {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }, { logicalId: 'Vpc' }).id;
    const s = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.1.0/24' }, { logicalId: 'Public' }).id;
    const web = cloud.createInstance(REGION, { subnetId: s }, { logicalId: 'Web' }).id;
    const eip = cloud.allocateElasticIp(REGION, { logicalId: 'Ip' }).id;
    cloud.associateElasticIp({ allocationId: eip, instanceId: web });
    expect(() => cloud.createNatGateway({ subnetId: s, allocationId: eip })).toThrow(/is already associated with Web$/);
    expect(() => cloud.associateVpcCidrBlock({ vpcId: vpc, cidrBlock: '10.0.128.0/17' })).toThrow(/a block Vpc already has/);
  });
});
