import { formatIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin } from '../store.js';
import type { ElasticIp } from './elastic-ip.js';
import { EC2 } from './kinds.js';
import { createInterfaceRecord, interfaceOwnerName } from './network-interface.js';
import { createRegionalNatGateway, type RegionalNatGateway, type RegionalNatGatewaySpec } from './regional-nat-gateway.js';

/** NAT gateways: public (with an elastic IP) or private, in one subnet (zonal; regional ones are in regional-nat-gateway.ts). */

export interface NatGateway extends Named {
  subnetId: string;
  connectivity: 'public' | 'private';
  allocationId?: string;
  networkInterfaceId: string;
}

export interface NatGatewaySpec {
  subnetId: string;
  allocationId?: string;
  connectivityType?: string;
  privateIpAddress?: string;
}

/** CreateNatGateway with any AvailabilityMode: zonal (the default, in a subnet) or regional (on a VPC). */
export interface AnyNatGatewaySpec extends Omit<NatGatewaySpec, 'subnetId'>, RegionalNatGatewaySpec {
  availabilityMode?: string;
}

/** CreateNatGateway: a zonal gateway in a subnet, or (AvailabilityMode regional) a regional one on a VPC (regional-nat-gateway.ts). */
export function createAnyNatGateway(cloud: Cloud, spec: AnyNatGatewaySpec, origin?: Origin): NatGateway | RegionalNatGateway {
  const mode = spec.availabilityMode ?? 'zonal';
  if (mode !== 'zonal' && mode !== 'regional') {
    throw new CloudError('InvalidParameterValue', `AvailabilityMode is "zonal" or "regional", not "${mode}"`, 'AvailabilityMode');
  }
  if (mode === 'regional') return createRegionalNatGateway(cloud, spec, origin);
  if (!spec.subnetId) {
    throw new CloudError('MissingParameter', 'a zonal NAT gateway sits in one subnet: give SubnetId (or AvailabilityMode regional with VpcId)', 'SubnetId');
  }
  return createNatGateway(cloud, { ...spec, subnetId: spec.subnetId }, origin);
}

export function createNatGateway(cloud: Cloud, spec: NatGatewaySpec, origin?: Origin): NatGateway {
  const subnet = cloud.subnet(spec.subnetId);
  const connectivity = (spec.connectivityType ?? 'public') as string;
  if (connectivity !== 'public' && connectivity !== 'private') {
    throw new CloudError('InvalidParameterValue', `ConnectivityType is "public" or "private", not "${connectivity}"`, 'ConnectivityType');
  }
  if (connectivity === 'public' && !spec.allocationId) {
    throw new CloudError('MissingParameter', 'a public NAT gateway needs an elastic IP: give AllocationId', 'AllocationId');
  }
  if (connectivity === 'private' && spec.allocationId) {
    throw new CloudError('InvalidParameterCombination', 'a private NAT gateway has no elastic IP: remove AllocationId', 'AllocationId');
  }
  let eip: ElasticIp | undefined;
  if (spec.allocationId) {
    eip = cloud.get(EC2.elasticIp, spec.allocationId);
    if (eip.networkInterfaceId) {
      throw new CloudError('Resource.AlreadyAssociated', `elastic IP ${formatIp(eip.publicIp)} is already associated with ${interfaceOwnerName(cloud, eip.networkInterfaceId)}`, 'AllocationId');
    }
  }
  const id = cloud.newId('nat', subnet.region, origin, 'nat');
  const eni = createInterfaceRecord(cloud, subnet, {
    privateIp: spec.privateIpAddress,
    securityGroupIds: [],
    sourceDestCheck: false,
    owner: { kind: 'nat-gateway', id },
    field: 'PrivateIpAddress',
    name: `${id}/eni`,
  });
  const nat: NatGateway = {
    ...named(id, subnet.region, origin),
    subnetId: subnet.id,
    connectivity,
    allocationId: eip?.id,
    networkInterfaceId: eni.id,
  };
  cloud.table(EC2.natGateway).set(id, nat);
  if (eip) {
    eip.networkInterfaceId = eni.id;
    eni.publicIp = eip.publicIp;
    eni.publicIpSource = 'elastic';
    eni.elasticIpId = eip.id;
  }
  return nat;
}
