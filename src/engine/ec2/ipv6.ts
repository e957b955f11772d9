import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { ANY_IPV6, formatIpv6Cidr, type Ipv6Cidr, ipv6Contains, ipv6Overlaps, standInBlock } from '../ipv6-address.js';
import { requireIpv6Block } from '../ipv6-params.js';
import { EGRESS_ONLY_IGW } from './egress-only-internet-gateway.js';
import { PREFIX_LIST } from './prefix-list.js';
import type { SecurityGroup, SecurityGroupRule } from './security-group.js';
import type { Subnet } from './subnet.js';
import type { Vpc } from './vpc.js';

/**
 * IPv6 in a VPC: its blocks, its subnets' blocks, and the rules that name IPv6 addresses.
 * Everything is kept in the model, so describe and the graders see it; reachability traces
 * IPv4 only for now (the front door says so once per submission, `ipv6InUse`).
 */

export interface Ipv6Block extends Ipv6Cidr {
  /** Drawn from the stand-in pool (AmazonProvidedIpv6CidrBlock), not given by the request. */
  amazonProvided: boolean;
}

/** AWS's default quota of IPv6 blocks per VPC. */
export const IPV6_BLOCKS_PER_VPC = 5;

export interface Ipv6VpcBlockSpec {
  vpcId: string;
  amazonProvidedIpv6CidrBlock?: boolean;
  ipv6CidrBlock?: unknown;
  ipv6Pool?: unknown;
  ipv6IpamPoolId?: unknown;
}

/** How many stand-in blocks the cloud has given out, so the next is the next /56 of 2001:db8::/32. */
function standInsGiven(cloud: Cloud): number {
  let n = 0;
  for (const v of cloud.vpcs.values()) for (const b of v.ipv6Cidrs ?? []) if (b.amazonProvided) n++;
  return n;
}

/**
 * AssociateVpcCidrBlock with AmazonProvidedIpv6CidrBlock (a /56 AWS chooses: here the next
 * /56 of the documentation range 2001:db8::/32, in creation order) or an Ipv6CidrBlock from a
 * pool of the account's own (Ipv6Pool). The VPC's default network ACL and default security
 * group gain their IPv6 allow-all rules, as AWS adds them.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
 */
export function associateVpcIpv6Block(cloud: Cloud, spec: Ipv6VpcBlockSpec): Ipv6Block {
  const vpc = cloud.vpc(spec.vpcId);
  if (spec.ipv6IpamPoolId !== undefined) throw new CloudError('InvalidParameterValue', 'IPAM pools are not modelled: give AmazonProvidedIpv6CidrBlock: true', 'Ipv6IpamPoolId');
  const blocks = (vpc.ipv6Cidrs ??= []);
  if (blocks.length >= IPV6_BLOCKS_PER_VPC) {
    throw new CloudError('CidrLimitExceeded', `${vpc.logicalId ?? vpc.id} already has ${blocks.length} IPv6 blocks; the default quota is ${IPV6_BLOCKS_PER_VPC} per VPC`, 'AmazonProvidedIpv6CidrBlock');
  }
  let block: Ipv6Block;
  if (spec.amazonProvidedIpv6CidrBlock) {
    if (spec.ipv6CidrBlock !== undefined) {
      throw new CloudError('InvalidParameterCombination', 'give AmazonProvidedIpv6CidrBlock or Ipv6CidrBlock, not both: AWS chooses an Amazon-provided block', 'Ipv6CidrBlock');
    }
    block = { ...standInBlock(standInsGiven(cloud)), amazonProvided: true };
  } else if (spec.ipv6CidrBlock !== undefined) {
    if (spec.ipv6Pool === undefined) {
      throw new CloudError('MissingParameter', 'an Ipv6CidrBlock of your own comes from an address pool: give Ipv6Pool too, or AmazonProvidedIpv6CidrBlock: true', 'Ipv6Pool');
    }
    const c = requireIpv6Block(spec.ipv6CidrBlock, 'Ipv6CidrBlock', 'an IPv6 VPC block');
    if (c.prefix < 44 || c.prefix > 60) {
      throw new CloudError('InvalidParameterValue', `the IPv6 block ${formatIpv6Cidr(c)} is a /${c.prefix}; a VPC's IPv6 block is from /44 to /60 (an Amazon-provided one is a /56)`, 'Ipv6CidrBlock');
    }
    block = { ...c, amazonProvided: false };
  } else {
    throw new CloudError('MissingParameter', 'an IPv6 block needs AmazonProvidedIpv6CidrBlock: true (or an Ipv6CidrBlock with its Ipv6Pool)', 'AmazonProvidedIpv6CidrBlock');
  }
  const clash = blocks.find((b) => ipv6Overlaps(b, block));
  if (clash) {
    throw new CloudError('CidrConflict', `${formatIpv6Cidr(block)} overlaps ${formatIpv6Cidr(clash)}, an IPv6 block ${vpc.logicalId ?? vpc.id} already has`, 'Ipv6CidrBlock');
  }
  blocks.push(block);
  addDefaultIpv6Rules(cloud, vpc);
  return block;
}

/** Rule 101 allowing all IPv6 traffic in and out of the default network ACL, ::/0 outbound in the default security group. */
function addDefaultIpv6Rules(cloud: Cloud, vpc: Vpc): void {
  const acl = cloud.networkAcls.get(vpc.defaultNetworkAclId);
  if (acl && !(acl.ipv6Entries ?? []).length) {
    acl.ipv6Entries = [false, true].map((egress) => ({ ruleNumber: 101, egress, action: 'allow' as const, protocol: 'all' as const, ipv6Cidr: ANY_IPV6 }));
  }
  const sg = cloud.securityGroups.get(vpc.defaultSecurityGroupId);
  if (sg && !sg.egress.some((r) => r.cidrIpv6)) sg.egress.push(allIpv6Egress());
}

/** The outbound rule a group of a VPC with IPv6 starts with: all traffic to ::/0. */
export function allIpv6Egress(): SecurityGroupRule {
  return { protocol: 'all', fromPort: -1, toPort: -1, cidrIpv6: ANY_IPV6 };
}

/**
 * A subnet's IPv6 block (CreateSubnet Ipv6CidrBlock): a /64 inside one of the VPC's IPv6
 * blocks, overlapping no other subnet's, with AssignIpv6AddressOnCreation only when it has one.
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 */
export function subnetIpv6Block(cloud: Cloud, vpc: Vpc, spec: { ipv6CidrBlock?: unknown; assignIpv6AddressOnCreation?: boolean }): Ipv6Cidr | undefined {
  if (spec.ipv6CidrBlock === undefined) {
    if (spec.assignIpv6AddressOnCreation) {
      throw new CloudError('InvalidParameterValue', 'AssignIpv6AddressOnCreation is true but the subnet has no Ipv6CidrBlock; give the subnet a /64 of the VPC\'s IPv6 block', 'AssignIpv6AddressOnCreation');
    }
    return undefined;
  }
  const c = requireIpv6Block(spec.ipv6CidrBlock, 'Ipv6CidrBlock', 'a subnet');
  const blocks = vpc.ipv6Cidrs ?? [];
  if (blocks.length === 0) {
    throw new CloudError(
      'InvalidSubnet.Range',
      `the subnet's IPv6 block ${formatIpv6Cidr(c)} needs an IPv6 block on ${vpc.logicalId ?? vpc.id}, which has none yet; associate an IPv6 block with the VPC first (AmazonProvidedIpv6CidrBlock: true) and create the subnet after it`,
      'Ipv6CidrBlock',
    );
  }
  if (c.prefix !== 64) {
    throw new CloudError('InvalidSubnet.Range', `the subnet's IPv6 block ${formatIpv6Cidr(c)} is a /${c.prefix}; a subnet's IPv6 block is a /64`, 'Ipv6CidrBlock');
  }
  if (!blocks.some((b) => ipv6Contains(b, c))) {
    throw new CloudError(
      'InvalidSubnet.Range',
      `the subnet's IPv6 block ${formatIpv6Cidr(c)} is not inside ${vpc.logicalId ?? vpc.id}'s IPv6 ${blocks.length > 1 ? 'blocks' : 'block'} ${blocks.map(formatIpv6Cidr).join(', ')}`,
      'Ipv6CidrBlock',
    );
  }
  for (const other of cloud.subnets.values()) {
    if (other.vpcId === vpc.id && other.ipv6Cidr && ipv6Overlaps(other.ipv6Cidr, c)) {
      throw new CloudError('InvalidSubnet.Conflict', `the subnet's IPv6 block ${formatIpv6Cidr(c)} overlaps ${other.logicalId ?? other.id} (${formatIpv6Cidr(other.ipv6Cidr)})`, 'Ipv6CidrBlock');
    }
  }
  return c;
}

/** AssociateSubnetCidrBlock: one IPv6 /64 for a subnet that has none yet, by the same rules as at creation. */
export function associateSubnetIpv6Block(cloud: Cloud, spec: { subnetId: string; ipv6CidrBlock?: unknown; ipv6IpamPoolId?: unknown }): Ipv6Cidr {
  const subnet = cloud.subnet(spec.subnetId);
  if (spec.ipv6CidrBlock === undefined && spec.ipv6IpamPoolId !== undefined) throw new CloudError('InvalidParameterValue', 'IPAM pools are not modelled: give Ipv6CidrBlock', 'Ipv6IpamPoolId');
  if (subnet.ipv6Cidr) {
    throw new CloudError('InvalidParameterValue', `${subnet.logicalId ?? subnet.id} already has the IPv6 block ${formatIpv6Cidr(subnet.ipv6Cidr)}; a subnet has one IPv6 block`, 'SubnetId');
  }
  const c = subnetIpv6Block(cloud, cloud.vpc(subnet.vpcId), { ipv6CidrBlock: spec.ipv6CidrBlock ?? '' });
  subnet.ipv6Cidr = c;
  return c!;
}

/** The rules of a group that name IPv6 addresses (CidrIpv6), in one direction or both. */
export function ipv6RulesOf(group: SecurityGroup, direction?: 'ingress' | 'egress'): SecurityGroupRule[] {
  const rules = direction === 'ingress' ? group.ingress : direction === 'egress' ? group.egress : [...group.ingress, ...group.egress];
  return rules.filter((r) => r.cidrIpv6 !== undefined);
}

/** True for a rule open to every IPv6 address (::/0): as open to the world as 0.0.0.0/0. */
export function openToAllIpv6(rule: SecurityGroupRule): boolean {
  return rule.cidrIpv6 !== undefined && rule.cidrIpv6.prefix === 0;
}

/** True for a rule open to the whole internet, over IPv4 (0.0.0.0/0) or IPv6 (::/0). */
export function openToWorld(rule: SecurityGroupRule): boolean {
  return rule.cidr?.prefix === 0 || openToAllIpv6(rule);
}

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * What of IPv6 the cloud holds, in words ("2 IPv6 blocks, 1 IPv6 route, 3 IPv6 rules"), or
 * nothing when it holds none: the front door warns once that none of it is traced yet.
 */
export function ipv6InUse(cloud: Cloud): string[] {
  let blocks = 0;
  let subnets = 0;
  let routes = 0;
  let rules = 0;
  let entries = 0;
  for (const v of cloud.vpcs.values()) blocks += v.ipv6Cidrs?.length ?? 0;
  for (const s of cloud.subnets.values()) if ((s as Subnet).ipv6Cidr) subnets++;
  for (const t of cloud.routeTables.values()) routes += t.ipv6Routes?.length ?? 0;
  for (const g of cloud.securityGroups.values()) rules += ipv6RulesOf(g).filter((r) => !(r.protocol === 'all' && openToAllIpv6(r) && g.egress.includes(r))).length;
  for (const a of cloud.networkAcls.values()) entries += (a.ipv6Entries ?? []).filter((e) => !(a.isDefault && e.ruleNumber === 101)).length;
  const eigws = cloud.table(EGRESS_ONLY_IGW).size;
  const v6Lists = [...cloud.table(PREFIX_LIST).values()].filter((p) => p.addressFamily === 'IPv6').length;
  const out: string[] = [];
  if (blocks) out.push(count(blocks, 'VPC IPv6 block'));
  if (subnets) out.push(count(subnets, 'subnet IPv6 block'));
  if (routes) out.push(count(routes, 'IPv6 route'));
  if (eigws) out.push(count(eigws, 'egress-only internet gateway'));
  if (rules) out.push(count(rules, 'IPv6 security-group rule'));
  if (entries) out.push(count(entries, 'IPv6 network ACL entry', 'IPv6 network ACL entries'));
  if (v6Lists) out.push(count(v6Lists, 'IPv6 prefix list'));
  return out;
}
