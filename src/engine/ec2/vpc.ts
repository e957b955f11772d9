import { AWS_MAX_PREFIX, AWS_MIN_PREFIX, type Cidr, cidrContains, cidrOverlaps, formatCidr, parseCidr, PRIVATE_RANGES } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { requireBlock } from '../params.js';
import { named, type Named, type Origin } from '../store.js';
import type { Ipv6Block } from './ipv6.js';
import { EC2, QUOTAS } from './kinds.js';
import { createNetworkAcl } from './network-acl.js';
import { createRouteTable } from './route-table.js';
import { createSecurityGroup } from './security-group.js';

/** VPCs and their IPv4 blocks (primary and secondary). */

export interface Vpc extends Named {
  /** Primary block first, then secondary blocks in the order they were associated. */
  cidrs: Cidr[];
  /** IPv6 blocks (ipv6.ts), in the order they were associated. */
  ipv6Cidrs?: Ipv6Block[];
  mainRouteTableId: string;
  defaultNetworkAclId: string;
  defaultSecurityGroupId: string;
}

export function prefixRangeCheck(c: Cidr, code: string, what: string, field: string): void {
  if (c.prefix < AWS_MIN_PREFIX || c.prefix > AWS_MAX_PREFIX) {
    throw new CloudError(
      code,
      `${what} ${formatCidr(c)} is a /${c.prefix}; AWS allows blocks from /16 (65,536 addresses) to /28 (16 addresses)`,
      field,
    );
  }
}

/** Which of the private ranges (or none) a block falls in; secondary blocks must agree. */
function rangeFamily(c: Cidr): string {
  for (const r of PRIVATE_RANGES) if (cidrContains(r, c)) return formatCidr(r);
  if (cidrContains(parseCidr('198.19.0.0/16'), c)) return '198.19.0.0/16';
  return 'public';
}

/** CreateVpc: the VPC with its main route table, default network ACL and default security group. */
export function createVpc(cloud: Cloud, region: string, spec: { cidrBlock: unknown; ipv4IpamPoolId?: unknown }, origin?: Origin): Vpc {
  if (spec.cidrBlock === undefined && spec.ipv4IpamPoolId !== undefined) {
    throw new CloudError('InvalidParameterValue', 'IPAM pools are not modelled: give CidrBlock', 'Ipv4IpamPoolId');
  }
  const cidr = requireBlock(spec.cidrBlock, 'CidrBlock', 'a VPC', cloud);
  prefixRangeCheck(cidr, 'InvalidVpc.Range', 'the VPC block', 'CidrBlock');
  const id = cloud.newId('vpc', region, origin, 'vpc');
  const vpc: Vpc = { ...named(id, region, origin), cidrs: [cidr], mainRouteTableId: '', defaultNetworkAclId: '', defaultSecurityGroupId: '' };
  cloud.table(EC2.vpc).set(id, vpc);
  const part = (name: string) => ({ logicalId: origin?.logicalId ? `${origin.logicalId}.${name}` : undefined });
  vpc.mainRouteTableId = createRouteTable(cloud, { vpcId: id }, part('MainRouteTable'), true).id;
  vpc.defaultNetworkAclId = createNetworkAcl(cloud, { vpcId: id }, part('DefaultNetworkAcl'), true).id;
  vpc.defaultSecurityGroupId = createSecurityGroup(
    cloud,
    { vpcId: id, groupName: 'default', description: 'default VPC security group' },
    part('DefaultSecurityGroup'),
    true,
  ).id;
  return vpc;
}

/** AssociateVpcCidrBlock: a secondary block, with AWS's association restrictions. */
export function associateVpcCidrBlock(cloud: Cloud, spec: { vpcId: string; cidrBlock: unknown }): Cidr {
  const vpc = cloud.vpc(spec.vpcId);
  const cidr = requireBlock(spec.cidrBlock, 'CidrBlock', 'a secondary VPC block', cloud);
  prefixRangeCheck(cidr, 'InvalidVpc.Range', 'the secondary block', 'CidrBlock');
  if (vpc.cidrs.length >= QUOTAS.cidrBlocksPerVpc) {
    throw new CloudError(
      'CidrLimitExceeded',
      `${vpc.logicalId ?? vpc.id} already has ${vpc.cidrs.length} IPv4 blocks; the default quota is ${QUOTAS.cidrBlocksPerVpc} per VPC`,
      'CidrBlock',
    );
  }
  for (const existing of vpc.cidrs) {
    if (cidrOverlaps(existing, cidr)) {
      throw new CloudError(
        'CidrConflict',
        `${formatCidr(cidr)} overlaps ${formatCidr(existing)}, a block ${vpc.logicalId ?? vpc.id} already has; a VPC's blocks must not overlap`,
        'CidrBlock',
      );
    }
  }
  const primary = rangeFamily(vpc.cidrs[0]);
  const added = rangeFamily(cidr);
  const rfc1918 = PRIVATE_RANGES.map(formatCidr);
  const restricted =
    (rfc1918.includes(primary) && rfc1918.includes(added) && primary !== added) ||
    (rfc1918.includes(primary) && added === '198.19.0.0/16') ||
    (!rfc1918.includes(primary) && rfc1918.includes(added));
  if (restricted) {
    throw new CloudError(
      'InvalidVpc.Range',
      `${formatCidr(cidr)} (in ${added === 'public' ? 'a public range' : added}) cannot be added to a VPC whose primary block ${formatCidr(vpc.cidrs[0])} is in ${primary === 'public' ? 'a public range' : primary}; AWS restricts secondary blocks to the primary block's range`,
      'CidrBlock',
    );
  }
  vpc.cidrs.push(cidr);
  for (const t of cloud.routeTables.values()) {
    if (t.vpcId === vpc.id) t.routes.push({ destination: cidr, target: { kind: 'local' } });
  }
  return cidr;
}
