import { formatIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin } from '../store.js';
import type { ElasticIp } from './elastic-ip.js';
import { EC2 } from './kinds.js';
import { createInterfaceRecord } from './network-interface.js';

/** NAT gateways: public (with an elastic IP) or private, in one subnet. */

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
      throw new CloudError('Resource.AlreadyAssociated', `elastic IP ${formatIp(eip.publicIp)} is already associated with ${eip.networkInterfaceId}`, 'AllocationId');
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
