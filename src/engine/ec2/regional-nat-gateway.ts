import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { availabilityZones, hasZone } from '../regions.js';
import { kind, named, type Named, type Origin } from '../store.js';
import { EC2 } from './kinds.js';
import { interfaceOwnerName } from './network-interface.js';

/**
 * Regional NAT gateways (aws-semantics 12): created on a VPC with no subnet, they expand
 * across the zones where the VPC's workloads run, with elastic IPs per zone given in
 * AvailabilityZoneAddresses or managed by AWS.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateways-regional.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-natgateway.html
 *
 * The virtual cloud keeps them, checks their parameters and lets routes point at them, but
 * does not trace traffic through them yet: a route to one is a target of a kind not modelled
 * (route-targets.ts), so a flow that takes it stops there with the cause
 * RouteTargetNotModelled, never a guessed verdict. Creating one warns once, saying so.
 */

export interface RegionalNatGateway extends Named {
  vpcId: string;
  connectivity: 'public' | 'private';
  /** The elastic IPs given, by zone ('' for AllocationId given without a zone). */
  addresses: { availabilityZone: string; allocationIds: string[] }[];
}

export const REGIONAL_NAT_GATEWAY = kind<RegionalNatGateway>({ noun: 'the NAT gateway', notFound: 'InvalidNatGatewayID.NotFound', field: 'NatGatewayId' });

export interface RegionalNatGatewaySpec {
  vpcId?: string;
  subnetId?: string;
  connectivityType?: string;
  allocationId?: string;
  availabilityZoneAddresses?: { allocationIds?: string[]; availabilityZone?: string; availabilityZoneId?: string }[];
}

/** CreateNatGateway with AvailabilityMode regional: on a VPC, never in a subnet. */
export function createRegionalNatGateway(cloud: Cloud, spec: RegionalNatGatewaySpec, origin?: Origin): RegionalNatGateway {
  if (spec.subnetId) {
    throw new CloudError('InvalidParameterCombination', 'a regional NAT gateway is created on its VPC, not in a subnet: give VpcId and leave SubnetId out', 'SubnetId');
  }
  if (!spec.vpcId) throw new CloudError('MissingParameter', 'a regional NAT gateway needs VpcId: the VPC it serves', 'VpcId');
  const vpc = cloud.vpc(spec.vpcId);
  const connectivity = spec.connectivityType ?? 'public';
  if (connectivity !== 'public' && connectivity !== 'private') {
    throw new CloudError('InvalidParameterValue', `ConnectivityType is "public" or "private", not "${connectivity}"`, 'ConnectivityType');
  }
  const addresses: RegionalNatGateway['addresses'] = [];
  if (spec.allocationId) addresses.push({ availabilityZone: '', allocationIds: [spec.allocationId] });
  (spec.availabilityZoneAddresses ?? []).forEach((a, i) => {
    const az = a.availabilityZone ?? '';
    if (az && !hasZone(vpc.region, az)) {
      throw new CloudError(
        'InvalidParameterValue',
        `"${az}" is not an availability zone of ${vpc.region}; its zones are ${availabilityZones(vpc.region).join(', ')}`,
        ['AvailabilityZoneAddresses', i, 'AvailabilityZone'],
      );
    }
    addresses.push({ availabilityZone: az, allocationIds: a.allocationIds ?? [] });
  });
  const given = addresses.flatMap((a) => a.allocationIds);
  if (connectivity === 'private' && given.length) {
    throw new CloudError('InvalidParameterCombination', 'a private NAT gateway has no elastic IP: remove its allocation ids', 'AllocationId');
  }
  for (const id of given) {
    const eip = cloud.get(EC2.elasticIp, id, 'AllocationId');
    if (eip.networkInterfaceId) {
      throw new CloudError('Resource.AlreadyAssociated', `elastic IP ${eip.logicalId ?? eip.id} is already associated with ${interfaceOwnerName(cloud, eip.networkInterfaceId)}`, 'AllocationId');
    }
  }
  const id = cloud.newId('nat', vpc.region, origin, 'nat');
  const nat: RegionalNatGateway = { ...named(id, vpc.region, origin), vpcId: vpc.id, connectivity, addresses };
  cloud.table(REGIONAL_NAT_GATEWAY).set(id, nat);
  cloud.warn({
    code: 'RegionalNatGatewayNotTraced',
    message: `the regional NAT gateway ${origin?.logicalId ?? id} of ${vpc.logicalId ?? vpc.id} is kept, but traffic is not traced through regional NAT gateways yet: a flow routed to it stops there, saying so`,
    field: 'AvailabilityMode',
  });
  return nat;
}

/** The regional NAT gateway with that id, if there is one. */
export function regionalNatGateway(cloud: Cloud, id: string | undefined): RegionalNatGateway | undefined {
  return id === undefined ? undefined : cloud.table(REGIONAL_NAT_GATEWAY).get(id);
}
