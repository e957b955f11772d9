import { AWS_MAX_PREFIX, AWS_MIN_PREFIX, type Cidr, cidrContains, cidrOverlaps, formatCidr } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { requireBlock } from '../params.js';
import { availabilityZones, hasZone } from '../regions.js';
import { named, type Named, type Origin } from '../store.js';
import type { Ipv6Cidr } from '../ipv6-address.js';
import { subnetIpv6Block } from './ipv6.js';
import { EC2 } from './kinds.js';

/** Subnets: a block of one VPC in one availability zone. */

export interface Subnet extends Named {
  vpcId: string;
  availabilityZone: string;
  cidr: Cidr;
  mapPublicIpOnLaunch: boolean;
  /** The subnet's IPv6 /64, when it has one (ipv6.ts). */
  ipv6Cidr?: Ipv6Cidr;
  assignIpv6AddressOnCreation?: boolean;
}

export interface SubnetSpec {
  vpcId: string;
  cidrBlock: unknown;
  availabilityZone?: string;
  /** Zone ids (use1-az1) are not modelled; given alone, they are refused. */
  availabilityZoneId?: string;
  ipv4IpamPoolId?: unknown;
  mapPublicIpOnLaunch?: boolean;
  ipv6CidrBlock?: unknown;
  assignIpv6AddressOnCreation?: boolean;
}

/** CreateSubnet: inside one of the VPC's blocks, overlapping none of its other subnets. */
export function createSubnet(cloud: Cloud, spec: SubnetSpec, origin?: Origin): Subnet {
  if (spec.availabilityZoneId !== undefined && spec.availabilityZone === undefined) {
    throw new CloudError('InvalidParameterValue', 'zone ids (use1-az1) are not modelled: give AvailabilityZone', 'AvailabilityZoneId');
  }
  if (spec.cidrBlock === undefined && spec.ipv4IpamPoolId !== undefined) {
    throw new CloudError('InvalidParameterValue', 'IPAM pools are not modelled: give CidrBlock', 'Ipv4IpamPoolId');
  }
  if (spec.cidrBlock === undefined && spec.ipv6CidrBlock !== undefined) {
    throw new CloudError('InvalidParameterValue', 'IPv6-only subnets are not modelled yet: give the subnet an IPv4 CidrBlock as well as its Ipv6CidrBlock', 'CidrBlock');
  }
  const vpc = cloud.vpc(spec.vpcId);
  const cidr = requireBlock(spec.cidrBlock, 'CidrBlock', 'a subnet', cloud);
  if (cidr.prefix < AWS_MIN_PREFIX || cidr.prefix > AWS_MAX_PREFIX) {
    throw new CloudError(
      'InvalidSubnet.Range',
      `the subnet block ${formatCidr(cidr)} is a /${cidr.prefix}; AWS allows subnets from /16 to /28`,
      'CidrBlock',
    );
  }
  if (!vpc.cidrs.some((b) => cidrContains(b, cidr))) {
    throw new CloudError(
      'InvalidSubnet.Range',
      `the subnet block ${formatCidr(cidr)} is not inside ${vpc.logicalId ?? vpc.id}'s ${vpc.cidrs.length > 1 ? 'blocks' : 'block'} ${vpc.cidrs.map(formatCidr).join(', ')}; choose a block inside ${vpc.cidrs.length > 1 ? 'one of them' : 'it'}`,
      'CidrBlock',
    );
  }
  for (const other of cloud.subnets.values()) {
    if (other.vpcId === vpc.id && cidrOverlaps(other.cidr, cidr)) {
      throw new CloudError(
        'InvalidSubnet.Conflict',
        `the subnet block ${formatCidr(cidr)} overlaps ${other.logicalId ?? other.id} (${formatCidr(other.cidr)}); subnets of one VPC must not overlap`,
        'CidrBlock',
      );
    }
  }
  const ipv6Cidr = subnetIpv6Block(cloud, vpc, spec);
  const zones = availabilityZones(vpc.region);
  const az = spec.availabilityZone || zones[0];
  if (!hasZone(vpc.region, az)) {
    throw new CloudError(
      'InvalidParameterValue',
      `"${az}" is not an availability zone of ${vpc.region}; its zones are ${zones.join(', ')}`,
      'AvailabilityZone',
    );
  }
  const id = cloud.newId('subnet', vpc.region, origin, 'subnet');
  const subnet: Subnet = {
    ...named(id, vpc.region, origin),
    vpcId: vpc.id,
    availabilityZone: az,
    cidr,
    mapPublicIpOnLaunch: Boolean(spec.mapPublicIpOnLaunch),
    ...(ipv6Cidr ? { ipv6Cidr, assignIpv6AddressOnCreation: Boolean(spec.assignIpv6AddressOnCreation) } : {}),
  };
  cloud.table(EC2.subnet).set(id, subnet);
  return subnet;
}
