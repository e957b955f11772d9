/**
 * IPv6 and managed prefix lists, as ../shared/aws-semantics.md's items apply to them (blocks:
 * items 1 and 3; routes: items 6-8; rules: items 14 onward by topic), and AWS's pages on
 * IPv6 CIDR blocks, egress-only internet gateways, managed prefix lists and route priority.
 */
import { describe, expect, it } from 'vitest';
import { Cloud, QUOTAS } from '../../src/engine/cloud.js';
import { ipv6InUse, ipv6RulesOf, openToAllIpv6, openToWorld } from '../../src/engine/ec2/ipv6.js';
import { ipv6RoutesOf } from '../../src/engine/ec2/ipv6-route.js';
import { effectiveRoutes } from '../../src/engine/ec2/prefix-list.js';
import { CloudError } from '../../src/engine/errors.js';
import { formatIpv6Cidr, parseIpv6Cidr, standInBlock } from '../../src/engine/ipv6-address.js';
import { resolveEndpoint } from '../../src/engine/reach/endpoints.js';
import { ask, basic, REGION } from '../support/net.js';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof CloudError) return e.code;
    throw e;
  }
  return 'no error';
}

function dualStack() {
  const b = basic();
  const block = b.cloud.associateVpcIpv6Block({ vpcId: b.vpc, amazonProvidedIpv6CidrBlock: true });
  return { ...b, block: formatIpv6Cidr(block) };
}

describe('item 1 (IPv6): VPC and subnet IPv6 blocks', () => {
  it('Amazon-provided blocks are /56 stand-ins from 2001:db8::/32, one after another in creation order', () => {
    const cloud = new Cloud('t');
    const a = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }).id;
    const b = cloud.createVpc('eu-west-1', { cidrBlock: '10.1.0.0/16' }).id;
    expect(formatIpv6Cidr(cloud.associateVpcIpv6Block({ vpcId: a, amazonProvidedIpv6CidrBlock: true }))).toBe('2001:db8::/56');
    expect(formatIpv6Cidr(cloud.associateVpcIpv6Block({ vpcId: b, amazonProvidedIpv6CidrBlock: true }))).toBe('2001:db8:0:100::/56');
    expect(formatIpv6Cidr(cloud.associateVpcIpv6Block({ vpcId: a, amazonProvidedIpv6CidrBlock: true }))).toBe('2001:db8:0:200::/56');
    expect(formatIpv6Cidr(standInBlock(255))).toBe('2001:db8:0:ff00::/56');
  });

  it('a VPC holds at most five IPv6 blocks, an own block needs its pool, IPAM pools are not modelled', () => {
    const { cloud, vpc } = basic();
    for (let i = 0; i < 5; i++) cloud.associateVpcIpv6Block({ vpcId: vpc, amazonProvidedIpv6CidrBlock: true });
    expect(code(() => cloud.associateVpcIpv6Block({ vpcId: vpc, amazonProvidedIpv6CidrBlock: true }))).toBe('CidrLimitExceeded');
    const other = cloud.createVpc(REGION, { cidrBlock: '10.5.0.0/16' }).id;
    expect(code(() => cloud.associateVpcIpv6Block({ vpcId: other, ipv6CidrBlock: '2600:1f18:1::/56' }))).toBe('MissingParameter');
    expect(code(() => cloud.associateVpcIpv6Block({ vpcId: other, ipv6CidrBlock: '2600:1f18:1::/56', ipv6Pool: 'ipv6pool-ec2-1' }))).toBe('no error');
    expect(code(() => cloud.associateVpcIpv6Block({ vpcId: other, ipv6CidrBlock: '2600:1f18:2::/64', ipv6Pool: 'ipv6pool-ec2-1' }))).toBe('InvalidParameterValue');
    expect(code(() => cloud.associateVpcIpv6Block({ vpcId: other, ipv6CidrBlock: '2600:1f18:1:80::/60', ipv6Pool: 'ipv6pool-ec2-1' }))).toBe('CidrConflict');
    expect(code(() => cloud.associateVpcIpv6Block({ vpcId: other, ipv6IpamPoolId: 'ipam-pool-1' }))).toBe('InvalidParameterValue');
    expect(code(() => cloud.associateVpcIpv6Block({ vpcId: other }))).toBe('MissingParameter');
  });

  it("a subnet's IPv6 block is a /64 inside the VPC's IPv6 block, overlapping no other subnet's", () => {
    const { cloud, vpc } = dualStack();
    const noV6 = cloud.createVpc(REGION, { cidrBlock: '10.9.0.0/16' }).id;
    expect(code(() => cloud.createSubnet({ vpcId: noV6, cidrBlock: '10.9.1.0/24', ipv6CidrBlock: '2001:db8::/64' }))).toBe('InvalidSubnet.Range');
    expect(code(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.3.0/24', ipv6CidrBlock: '2001:db8::/60' }))).toBe('InvalidSubnet.Range');
    expect(code(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.3.0/24', ipv6CidrBlock: '2001:db8:0:100::/64' }))).toBe('InvalidSubnet.Range');
    const s = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.3.0/24', ipv6CidrBlock: '2001:db8:0:3::/64', assignIpv6AddressOnCreation: true });
    expect(formatIpv6Cidr(s.ipv6Cidr!)).toBe('2001:db8:0:3::/64');
    expect(s.assignIpv6AddressOnCreation).toBe(true);
    expect(code(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.4.0/24', ipv6CidrBlock: '2001:db8:0:3::/64' }))).toBe('InvalidSubnet.Conflict');
    expect(code(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.4.0/24', ipv6CidrBlock: '10.0.4.0/24' }))).toBe('InvalidParameterValue');
    expect(code(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.5.0/24', assignIpv6AddressOnCreation: true }))).toBe('InvalidParameterValue');
    // IPv6-only subnets are refused with a message that says they are not modelled
    expect(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: undefined, ipv6CidrBlock: '2001:db8:0:9::/64' })).toThrow(/IPv6-only subnets are not modelled/);
  });
});

describe('item 3 (IPv6): a block with host bits names its network', () => {
  it('2001:db8:0:3::5/64 is the subnet 2001:db8:0:3::/64', () => {
    const c = parseIpv6Cidr('2001:db8:0:3::5/64');
    expect(formatIpv6Cidr(c)).toBe('2001:db8:0:3::/64');
    expect(c.hostBitsSet).toBe(true);
    const { cloud, vpc } = dualStack();
    expect(formatIpv6Cidr(cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.3.0/24', ipv6CidrBlock: '2001:db8:0:3::5/64' }).ipv6Cidr!)).toBe('2001:db8:0:3::/64');
  });
});

describe('items 6-8 (IPv6): routes', () => {
  it('item 6: every route table has a local route for each IPv6 block of its VPC', () => {
    const b = dualStack();
    expect(ipv6RoutesOf(b.cloud, b.cloud.routeTable(b.pubRt)).map((r) => [formatIpv6Cidr(r.destination), r.target.kind])).toEqual([[b.block, 'local']]);
    expect(code(() => b.cloud.createIpv6Route({ routeTableId: b.pubRt, destinationIpv6CidrBlock: b.block, gatewayId: b.igw }))).toBe('RouteAlreadyExists');
  });

  it('item 8: ::/0 goes to an internet gateway or an egress-only internet gateway of the VPC; an egress-only gateway carries IPv6 only', () => {
    const b = dualStack();
    b.cloud.createIpv6Route({ routeTableId: b.pubRt, destinationIpv6CidrBlock: '::/0', gatewayId: b.igw });
    const eigw = b.cloud.createEgressOnlyInternetGateway({ vpcId: b.vpc }, { logicalId: 'Eigw' });
    expect(eigw.id).toMatch(/^eigw-[0-9a-f]{17}$/);
    b.cloud.createIpv6Route({ routeTableId: b.privRt, destinationIpv6CidrBlock: '::/0', egressOnlyInternetGatewayId: eigw.id });
    expect(code(() => b.cloud.createIpv6Route({ routeTableId: b.privRt, destinationIpv6CidrBlock: '::/0', gatewayId: b.igw }))).toBe('RouteAlreadyExists');
    expect(code(() => b.cloud.createIpv6Route({ routeTableId: b.privRt, destinationIpv6CidrBlock: '2001:db8:ffff::/48', egressOnlyInternetGatewayId: 'eigw-0123456789abcdef0' }))).toBe('InvalidGatewayID.NotFound');
    expect(code(() => b.cloud.createIpv6Route({ routeTableId: b.privRt, destinationIpv6CidrBlock: '2001:db8:ffff::/48', egressOnlyInternetGatewayId: eigw.id, gatewayId: b.igw }))).toBe('InvalidParameterCombination');
    expect(code(() => b.cloud.createIpv6Route({ routeTableId: b.privRt, destinationIpv6CidrBlock: '2001:db8:0:1::/64', egressOnlyInternetGatewayId: eigw.id }))).toBe('InvalidParameterValue');
    const other = b.cloud.createVpc(REGION, { cidrBlock: '10.7.0.0/16' }).id;
    const otherRt = b.cloud.createRouteTable({ vpcId: other }).id;
    expect(code(() => b.cloud.createIpv6Route({ routeTableId: otherRt, destinationIpv6CidrBlock: '::/0', egressOnlyInternetGatewayId: eigw.id }))).toBe('InvalidParameterValue');
    expect(code(() => b.cloud.createRoute({ routeTableId: b.privRt, destinationCidrBlock: '0.0.0.0/0', unmodelledTarget: { property: 'EgressOnlyInternetGatewayId', id: eigw.id } }))).toBe('InvalidParameterValue');
    const rt = b.cloud.routeTable(b.privRt);
    expect(ipv6RoutesOf(b.cloud, rt).map((r) => `${formatIpv6Cidr(r.destination)} ${r.target.kind}`)).toEqual([`${b.block} local`, '::/0 egress-only-internet-gateway']);
  });

  it('IPv4 traces are unchanged by IPv6 routes and rules', () => {
    const plain = basic();
    const b = dualStack();
    b.cloud.createIpv6Route({ routeTableId: b.pubRt, destinationIpv6CidrBlock: '::/0', gatewayId: b.igw });
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv6: '::/0' });
    for (const port of [22, 80]) {
      expect(ask(b.cloud, 'internet', b.web, port).reachable).toBe(ask(plain.cloud, 'internet', plain.web, port).reachable);
    }
    expect(ask(b.cloud, 'internet', b.web, 22).reachable).toBe(false);
  });
});

describe('security groups and network ACLs with IPv6', () => {
  it('an SSH rule open to ::/0 is kept, and counts as open to the world', () => {
    const b = dualStack();
    const rule = b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv6: '::/0' });
    expect(ipv6RulesOf(b.cloud.securityGroup(b.webSg), 'ingress')).toEqual([rule]);
    expect(openToAllIpv6(rule)).toBe(true);
    expect(openToWorld(rule)).toBe(true);
    expect(openToWorld(b.cloud.securityGroup(b.webSg).ingress[0])).toBe(true); // tcp 80 from 0.0.0.0/0
    expect(code(() => b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv6: '::/0' }))).toBe('InvalidPermission.Duplicate');
  });

  it('a rule has exactly one peer: CidrIp and CidrIpv6 together are refused', () => {
    const b = basic();
    expect(code(() => b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0', cidrIpv6: '::/0' }))).toBe('InvalidParameterCombination');
    expect(code(() => b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 443, toPort: 443, groupId: b.appSg, cidrIpv6: '::/0' }))).toBe('InvalidParameterCombination');
  });

  it('the rule quota counts IPv4 and IPv6 rules separately', () => {
    const b = basic();
    const g = b.cloud.createSecurityGroup({ vpcId: b.vpc, description: 'many' }).id;
    for (let i = 0; i < QUOTAS.rulesPerSecurityGroupPerDirection; i++) b.cloud.addSecurityGroupRule(g, 'ingress', { ipProtocol: 'tcp', fromPort: 1000 + i, toPort: 1000 + i, cidrIp: '10.0.0.0/8' });
    expect(code(() => b.cloud.addSecurityGroupRule(g, 'ingress', { ipProtocol: 'tcp', fromPort: 1, toPort: 1, cidrIp: '10.0.0.0/8' }))).toBe('RulesPerSecurityGroupLimitExceeded');
    expect(code(() => b.cloud.addSecurityGroupRule(g, 'ingress', { ipProtocol: 'tcp', fromPort: 1, toPort: 1, cidrIpv6: '2001:db8::/32' }))).toBe('no error');
  });

  it('an IPv6 block gives the default ACL rule 101 and the default group ::/0 outbound; new groups start with ::/0 outbound', () => {
    const b = dualStack();
    const vpc = b.cloud.vpc(b.vpc);
    const acl = b.cloud.networkAcl(vpc.defaultNetworkAclId);
    expect(acl.ipv6Entries!.map((e) => `${e.egress ? 'out' : 'in'} ${e.ruleNumber} ${e.action} ${formatIpv6Cidr(e.ipv6Cidr)}`)).toEqual(['in 101 allow ::/0', 'out 101 allow ::/0']);
    expect(ipv6RulesOf(b.cloud.securityGroup(vpc.defaultSecurityGroupId), 'egress')).toHaveLength(1);
    const g = b.cloud.createSecurityGroup({ vpcId: b.vpc, description: 'new' });
    expect(g.egress.map((r) => (r.cidr ? 'v4' : formatIpv6Cidr(r.cidrIpv6!)))).toEqual(['v4', '::/0']);
  });

  it('network ACL IPv6 entries share rule numbers with the IPv4 entries of their direction', () => {
    const b = dualStack();
    const acl = b.cloud.createNetworkAcl({ vpcId: b.vpc }).id;
    b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: '6', ruleAction: 'allow', cidrBlock: '0.0.0.0/0', portRange: { From: 443, To: 443 } });
    expect(code(() => b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: '6', ruleAction: 'allow', cidrBlock: undefined, ipv6CidrBlock: '::/0', portRange: { From: 443, To: 443 } }))).toBe('NetworkAclEntryAlreadyExists');
    b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 101, protocol: '6', ruleAction: 'allow', cidrBlock: undefined, ipv6CidrBlock: '::/0', portRange: { From: 443, To: 443 } });
    b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 101, egress: true, protocol: '-1', ruleAction: 'allow', cidrBlock: undefined, ipv6CidrBlock: '::/0' });
    expect(code(() => b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 102, protocol: '-1', ruleAction: 'allow', cidrBlock: '0.0.0.0/0', ipv6CidrBlock: '::/0' }))).toBe('InvalidParameterCombination');
    const a = b.cloud.networkAcl(acl);
    expect(a.entries).toHaveLength(1);
    expect(a.ipv6Entries!.map((e) => e.ruleNumber)).toEqual([101, 101]);
  });

  it('a trace end that is IPv6 is refused with a message naming IPv6', () => {
    const b = dualStack();
    expect(() => resolveEndpoint(b.cloud, '2001:db8::10')).toThrow(/is IPv6; IPv6 traffic is not traced yet/);
    expect(() => resolveEndpoint(b.cloud, '::/0')).toThrow(/IPv6 traffic is not traced yet/);
  });

  it('the cloud says what IPv6 it holds, for the one Ipv6NotTraced warning', () => {
    expect(ipv6InUse(basic().cloud)).toEqual([]);
    const b = dualStack();
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv6: '::/0' });
    expect(ipv6InUse(b.cloud)).toEqual(['1 VPC IPv6 block', '1 IPv6 security-group rule']);
  });
});

describe('managed prefix lists', () => {
  const spec = (entries: string[], extra: Record<string, unknown> = {}) => ({
    prefixListName: 'offices',
    addressFamily: 'IPv4',
    maxEntries: 5,
    entries: entries.map((cidr) => ({ cidr })),
    ...extra,
  });

  it("CreateManagedPrefixList: a name not starting with com.amazonaws, a family, MaxEntries, entries of the family that fit", () => {
    const { cloud } = basic();
    expect(cloud.createManagedPrefixList(REGION, spec(['198.51.100.0/24'])).id).toMatch(/^pl-[0-9a-f]{17}$/);
    expect(code(() => cloud.createManagedPrefixList(REGION, spec([], { prefixListName: 'com.amazonaws.mine' })))).toBe('InvalidParameterValue');
    expect(code(() => cloud.createManagedPrefixList(REGION, spec([], { prefixListName: '' })))).toBe('MissingParameter');
    expect(code(() => cloud.createManagedPrefixList(REGION, spec([], { addressFamily: 'ipv5' })))).toBe('InvalidParameterValue');
    expect(code(() => cloud.createManagedPrefixList(REGION, spec([], { maxEntries: undefined })))).toBe('MissingParameter');
    expect(code(() => cloud.createManagedPrefixList(REGION, spec([], { maxEntries: 0 })))).toBe('InvalidParameterValue');
    expect(code(() => cloud.createManagedPrefixList(REGION, spec(['10.0.0.0/8', '10.1.0.0/16'], { maxEntries: 1 })))).toBe('InvalidParameterValue');
    expect(code(() => cloud.createManagedPrefixList(REGION, spec(['2001:db8::/32'])))).toBe('InvalidParameterValue');
    expect(code(() => cloud.createManagedPrefixList(REGION, spec(['10.0.0.0/8', '10.0.0.0/8'])))).toBe('InvalidParameterValue');
    expect(cloud.createManagedPrefixList(REGION, spec(['2001:db8::/32'], { addressFamily: 'IPv6' })).ipv6).toHaveLength(1);
  });

  it('a rule naming a prefix list allows exactly its entries', () => {
    const b = basic();
    const pl = b.cloud.createManagedPrefixList(REGION, spec(['198.51.100.0/24', '203.0.113.7/32'])).id;
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, prefixListId: pl });
    const a = ask(b.cloud, 'internet', b.web, 22);
    expect(a.reachable).toBe(true);
    expect(a.addresses).toEqual(['198.51.100.0/24', '203.0.113.7/32']);
    expect(ask(b.cloud, '198.51.100.200', b.web, 22).reachable).toBe(true);
    expect(ask(b.cloud, '203.0.113.8', b.web, 22).reachable).toBe(false);
  });

  it('an outbound rule naming a prefix list allows exactly its entries', () => {
    const b = basic();
    const pl = b.cloud.createManagedPrefixList(REGION, spec(['192.0.2.0/25'])).id;
    const g = b.cloud.securityGroup(b.webSg);
    b.cloud.clearEgress(g.id);
    b.cloud.addSecurityGroupRule(g.id, 'egress', { ipProtocol: 'tcp', fromPort: 443, toPort: 443, prefixListId: pl });
    expect(ask(b.cloud, b.web, '192.0.2.100', 443).reachable).toBe(true);
    expect(ask(b.cloud, b.web, '192.0.2.200', 443).reachable).toBe(false);
  });

  it('an AWS-managed list by id is kept and matches nothing; what is not a prefix list id is refused', () => {
    const b = basic();
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, prefixListId: 'pl-02cd2c6b' });
    expect(b.cloud.securityGroup(b.webSg).ingress.some((r) => r.prefixListId === 'pl-02cd2c6b')).toBe(true);
    expect(ask(b.cloud, 'internet', b.web, 22).reachable).toBe(false);
    expect(code(() => b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 23, toPort: 23, prefixListId: 'sg-12345678' }))).toBe('InvalidPrefixListId.Malformed');
  });

  it('a prefix-list rule counts as its MaxEntries against the rule quota', () => {
    const b = basic();
    const big = b.cloud.createManagedPrefixList(REGION, spec(['10.0.0.0/8'], { maxEntries: 59 })).id;
    const g = b.cloud.createSecurityGroup({ vpcId: b.vpc, description: 'quota' }).id;
    b.cloud.addSecurityGroupRule(g, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, prefixListId: big });
    b.cloud.addSecurityGroupRule(g, 'ingress', { ipProtocol: 'tcp', fromPort: 23, toPort: 23, cidrIp: '10.0.0.0/8' });
    expect(code(() => b.cloud.addSecurityGroupRule(g, 'ingress', { ipProtocol: 'tcp', fromPort: 24, toPort: 24, cidrIp: '10.0.0.0/8' }))).toBe('RulesPerSecurityGroupLimitExceeded');
  });

  it('item 7: a route to a prefix list routes exactly its entries, longest prefix first, a static route winning at equal length', () => {
    const b = basic({ withIgwRoute: false });
    const pl = b.cloud.createManagedPrefixList(REGION, spec(['198.51.100.0/24', '203.0.113.0/24'])).id;
    b.cloud.createPrefixListRoute({ routeTableId: b.pubRt, destinationCidrBlock: undefined, destinationPrefixListId: pl, gatewayId: b.igw });
    expect(code(() => b.cloud.createPrefixListRoute({ routeTableId: b.pubRt, destinationCidrBlock: undefined, destinationPrefixListId: pl, gatewayId: b.igw }))).toBe('RouteAlreadyExists');
    expect(ask(b.cloud, '198.51.100.9', b.web, 80).reachable).toBe(true);
    expect(ask(b.cloud, '8.8.8.8', b.web, 80).reachable).toBe(false);
    const a = ask(b.cloud, 'internet', b.web, 80);
    expect(a.addresses).toEqual(['198.51.100.0/24', '203.0.113.0/24']);
    // A static route to the same block wins over the prefix-list route: here it goes to a NAT
    // gateway, so replies to 203.0.113.0/24 leave the wrong way and are dropped.
    const nat = b.cloud.createNatGateway({ subnetId: b.pub, allocationId: b.cloud.allocateElasticIp(REGION).id });
    b.cloud.createRoute({ routeTableId: b.pubRt, destinationCidrBlock: '203.0.113.0/24', natGatewayId: nat.id });
    const routes = effectiveRoutes(b.cloud, b.cloud.routeTable(b.pubRt)).filter((r) => r.destination.prefix === 24);
    expect(routes.map((r) => `${r.prefixListId ? 'list' : 'static'} ${r.destination.network >>> 24}`)).toEqual(['static 203', 'list 198', 'list 203']);
    expect(ask(b.cloud, 'internet', b.web, 80).addresses).toEqual(['198.51.100.0/24']);
  });

  it('a prefix-list route to an unknown AWS-managed list routes nothing', () => {
    const b = basic({ withIgwRoute: false });
    b.cloud.createPrefixListRoute({ routeTableId: b.pubRt, destinationCidrBlock: undefined, destinationPrefixListId: 'pl-63a5400a', gatewayId: b.igw });
    expect(ask(b.cloud, 'internet', b.web, 80).reachable).toBe(false);
  });
});
