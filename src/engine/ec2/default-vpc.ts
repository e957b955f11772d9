import { formatCidr, parseCidr } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { availabilityZones, hasZone } from '../regions.js';
import type { Field } from '../store.js';
import { attachInternetGateway, createInternetGateway } from './internet-gateway.js';
import { createRoute } from './route-table.js';
import type { SecurityGroup } from './security-group.js';
import { createSubnet, type Subnet } from './subnet.js';
import { createVpc, type Vpc } from './vpc.js';

/**
 * The default VPC every account has in each region (aws-semantics 32), as AWS creates it:
 * 172.31.0.0/16, a default /20 subnet per availability zone (172.31.0.0/20 in the first
 * zone, 172.31.16.0/20 in the second, …) with MapPublicIpOnLaunch, an attached internet
 * gateway, a main route table sending 0.0.0.0/0 to it, and the default security group and
 * network ACL. https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
 *
 * The virtual cloud starts empty and creates it only when a request lands in it (an
 * instance without a subnet, a security group without a VPC, a group named in the default
 * VPC), with a DefaultVpcUsed warning on that request. Its resources are named
 * `default-vpc…`, which no template's logical id can be (logical ids are alphanumeric).
 */

export const DEFAULT_VPC_BLOCK = '172.31.0.0/16';
export const DEFAULT_VPC_NAME = 'default-vpc';

/** The region's default VPC if it was created already. */
export function existingDefaultVpc(cloud: Cloud, region: string): Vpc | undefined {
  for (const v of cloud.vpcs.values()) if (v.region === region && v.logicalId === DEFAULT_VPC_NAME) return v;
  return undefined;
}

/** True for the default VPC of its region. */
export function isDefaultVpc(vpc: Vpc): boolean {
  return vpc.logicalId === DEFAULT_VPC_NAME;
}

/** The region's default VPC, created with all its parts the first time it is asked for. */
export function defaultVpc(cloud: Cloud, region: string): Vpc {
  const existing = existingDefaultVpc(cloud, region);
  if (existing) return existing;
  const part = (name: string) => ({ logicalId: `${DEFAULT_VPC_NAME}.${name}` });
  const vpc = createVpc(cloud, region, { cidrBlock: DEFAULT_VPC_BLOCK }, { logicalId: DEFAULT_VPC_NAME });
  const igw = createInternetGateway(cloud, region, part('InternetGateway'));
  attachInternetGateway(cloud, { vpcId: vpc.id, internetGatewayId: igw.id });
  createRoute(cloud, { routeTableId: vpc.mainRouteTableId, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
  const base = parseCidr(DEFAULT_VPC_BLOCK).network;
  availabilityZones(region).forEach((zone, i) => {
    const block = formatCidr({ network: (base + i * 4096) >>> 0, prefix: 20 });
    createSubnet(cloud, { vpcId: vpc.id, cidrBlock: block, availabilityZone: zone, mapPublicIpOnLaunch: true }, part(zone));
  });
  return vpc;
}

/** The default subnet of a zone (the region's first zone when none is asked for), creating the default VPC if needed. */
export function defaultSubnet(cloud: Cloud, region: string, zone: string | undefined, field: Field): Subnet {
  const zones = availabilityZones(region);
  const az = zone || zones[0];
  if (!hasZone(region, az)) {
    throw new CloudError('InvalidParameterValue', `"${az}" is not an availability zone of ${region}; its zones are ${zones.join(', ')}`, field);
  }
  const vpc = defaultVpc(cloud, region);
  for (const s of cloud.subnets.values()) if (s.vpcId === vpc.id && s.availabilityZone === az) return s;
  throw new CloudError('InvalidSubnetID.NotFound', `the default VPC of ${region} has no default subnet in ${az}`, field);
}

/** The warning of a request that lands in the default VPC: what it is, and that the virtual cloud made it for this. */
export function warnDefaultVpc(cloud: Cloud, what: string, vpc: Vpc, field: Field, subnet?: Subnet): void {
  const where = subnet ? `the default subnet of ${subnet.availabilityZone} (${formatCidr(subnet.cidr)}) in ` : '';
  cloud.warn({
    code: 'DefaultVpcUsed',
    message: `${what}, so it lands in ${where}the default VPC of ${vpc.region} (${formatCidr(vpc.cidrs[0])}), which every AWS account has in each region (a public subnet per zone, an internet gateway, a default route to it); the virtual cloud creates it because something lands in it`,
    field,
  });
}

/** A security group of the region's default VPC by name (GroupName and SourceSecurityGroupName name groups there). */
export function defaultVpcGroupByName(cloud: Cloud, region: string, name: string, field: Field): SecurityGroup {
  const vpc = defaultVpc(cloud, region);
  for (const g of cloud.securityGroups.values()) if (g.vpcId === vpc.id && g.name === name) return g;
  const names = [...cloud.securityGroups.values()].filter((g) => g.vpcId === vpc.id).map((g) => `"${g.name}"`);
  throw new CloudError(
    'InvalidGroup.NotFound',
    `the default VPC of ${region} has no security group named "${name}"; its groups are ${names.join(', ')}`,
    field,
  );
}
