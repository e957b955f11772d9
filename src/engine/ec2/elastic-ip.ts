import { formatIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin } from '../store.js';
import { EC2 } from './kinds.js';
import { interfaceOwnerName, type NetworkInterface } from './network-interface.js';

/** Elastic IPs: allocation, and association with an instance or a network interface. */

export interface ElasticIp extends Named {
  /** The allocation id (eipalloc-…); `id` is the same. */
  publicIp: number;
  networkInterfaceId?: string;
  /** The instance it was associated with, when associated through an instance. */
  instanceId?: string;
}

/** A public address from the region's pool: each region draws from its own /16 of 54.0.0.0/8, chosen by its name. */
export function allocatePublicIp(cloud: Cloud, region: string): number {
  const block = [...region].reduce((a, ch) => (a * 31 + ch.charCodeAt(0)) % 200, 7);
  const base = ((54 << 24) | (block << 16)) >>> 0;
  const n = (cloud.publicPool.get(region) ?? 10) + 1;
  cloud.publicPool.set(region, n);
  return base + n;
}

/** AllocateAddress: Domain is `vpc` (`standard`, EC2-Classic's, is accepted as AWS still does). */
export function allocateElasticIp(cloud: Cloud, region: string, origin?: Origin, spec: { domain?: string } = {}): ElasticIp {
  if (spec.domain !== undefined && spec.domain !== 'vpc' && spec.domain !== 'standard') {
    throw new CloudError('InvalidParameterValue', `Domain is "vpc", not "${spec.domain}"`, 'Domain');
  }
  const id = cloud.newId('eipalloc', region, origin, 'eip');
  const e: ElasticIp = { ...named(id, region, origin), publicIp: allocatePublicIp(cloud, region) };
  cloud.table(EC2.elasticIp).set(id, e);
  return e;
}

export interface AssociateAddressSpec {
  allocationId?: string;
  /** The address instead of the allocation id (the `PublicIp` parameter). */
  publicIp?: string;
  instanceId?: string;
  networkInterfaceId?: string;
  allowReassociation?: boolean;
}

/** AssociateAddress: with an instance's primary interface, or with an interface. */
export function associateElasticIp(cloud: Cloud, spec: AssociateAddressSpec): void {
  let allocationId = spec.allocationId;
  if (!allocationId && spec.publicIp) {
    allocationId = [...cloud.elasticIps.values()].find((e) => formatIp(e.publicIp) === spec.publicIp)?.id;
    if (!allocationId) throw new CloudError('InvalidAddress.NotFound', `no elastic IP has the address ${spec.publicIp}`, 'EIP');
  }
  if (!allocationId) throw new CloudError('MissingParameter', 'give AllocationId', 'AllocationId');
  const eip = cloud.get(EC2.elasticIp, allocationId);
  let eni: NetworkInterface | undefined;
  if (spec.networkInterfaceId) {
    eni = cloud.get(EC2.networkInterface, spec.networkInterfaceId);
  } else if (spec.instanceId) {
    const inst = cloud.get(EC2.instance, spec.instanceId);
    eni = cloud.interfaces.get(inst.networkInterfaceIds[0]);
  } else {
    throw new CloudError('MissingParameter', 'an elastic IP association needs InstanceId or NetworkInterfaceId', 'InstanceId');
  }
  if (!eni) throw new CloudError('InvalidParameterValue', 'the instance has no network interface');
  if (eip.networkInterfaceId && eip.networkInterfaceId !== eni.id && !spec.allowReassociation) {
    throw new CloudError('Resource.AlreadyAssociated', `elastic IP ${formatIp(eip.publicIp)} is already associated with ${interfaceOwnerName(cloud, eip.networkInterfaceId)}`, 'AllocationId');
  }
  // Whether the VPC has an internet gateway is checked once everything is in (topology-checks.ts).
  if (eip.networkInterfaceId) {
    const old = cloud.interfaces.get(eip.networkInterfaceId);
    if (old) {
      old.publicIp = undefined;
      old.elasticIpId = undefined;
      old.publicIpSource = undefined;
    }
  }
  eip.networkInterfaceId = eni.id;
  eip.instanceId = eni.owner.kind === 'instance' ? eni.owner.id : undefined;
  eni.publicIp = eip.publicIp;
  eni.publicIpSource = 'elastic';
  eni.elasticIpId = eip.id;
}
