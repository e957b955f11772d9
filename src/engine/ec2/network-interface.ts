import { awsReservedAddresses, cidrContainsIp, formatCidr, formatIp, lastAddress, parseIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import type { Field, Named, Origin } from '../store.js';
import { isDefaultVpc } from './default-vpc.js';
import type { Instance } from './instance.js';
import { EC2, QUOTAS } from './kinds.js';
import type { Subnet } from './subnet.js';

/** Network interfaces: addresses in a subnet, security groups, the source/destination check, attachment. */

export interface NetworkInterface extends Named {
  subnetId: string;
  privateIp: number;
  /** Public address mapped one-to-one by the internet gateway (auto-assigned or elastic). */
  publicIp?: number;
  publicIpSource?: 'auto' | 'elastic';
  elasticIpId?: string;
  securityGroupIds: string[];
  sourceDestCheck: boolean;
  owner:
    | { kind: 'instance'; id: string; deviceIndex: number }
    | { kind: 'nat-gateway'; id: string }
    /** A load balancer's node in one zone (elbv2/load-balancer.ts); `id` is the load balancer's ARN. */
    | { kind: 'load-balancer'; id: string }
    | { kind: 'none' };
}

/** A private address of the subnet: the one asked for (free, not reserved), or the next free one. */
function takePrivateIp(cloud: Cloud, subnet: Subnet, requested: string | undefined, field: Field): number {
  const reserved = awsReservedAddresses(subnet.cidr);
  if (requested !== undefined) {
    let ip: number;
    try {
      ip = parseIp(requested);
    } catch (e) {
      throw new CloudError('InvalidParameterValue', (e as Error).message, field);
    }
    if (!cidrContainsIp(subnet.cidr, ip)) {
      throw new CloudError(
        'InvalidParameterValue',
        `${requested} is not in subnet ${subnet.logicalId ?? subnet.id} (${formatCidr(subnet.cidr)}); choose an address from ${formatIp(subnet.cidr.network + 4)} to ${formatIp(lastAddress(subnet.cidr) - 1)}`,
        field,
      );
    }
    if (reserved.includes(ip)) {
      throw new CloudError(
        'InvalidParameterValue',
        `${requested} is one of the five addresses AWS reserves in ${formatCidr(subnet.cidr)} (network, VPC router, DNS, future use, last); choose from ${formatIp(subnet.cidr.network + 4)} to ${formatIp(lastAddress(subnet.cidr) - 1)}`,
        field,
      );
    }
    for (const e of cloud.interfaces.values()) {
      if (e.subnetId === subnet.id && e.privateIp === ip) {
        throw new CloudError('InvalidIPAddress.InUse', `${requested} is already used by ${e.logicalId ?? e.id} in ${subnet.logicalId ?? subnet.id}`, field);
      }
    }
    return ip;
  }
  const used = new Set<number>();
  for (const e of cloud.interfaces.values()) if (e.subnetId === subnet.id) used.add(e.privateIp);
  let next = cloud.nextPrivate.get(subnet.id) ?? subnet.cidr.network + 4;
  const last = lastAddress(subnet.cidr) - 1;
  while (next <= last && used.has(next)) next++;
  if (next > last) {
    throw new CloudError(
      'InsufficientFreeAddressesInSubnet',
      `subnet ${subnet.logicalId ?? subnet.id} (${formatCidr(subnet.cidr)}) has no free address left; a /${subnet.cidr.prefix} holds ${2 ** (32 - subnet.cidr.prefix) - 5} usable addresses`,
      'SubnetId',
    );
  }
  cloud.nextPrivate.set(subnet.id, next + 1);
  return next;
}

export interface InterfaceRecord {
  privateIp?: string;
  securityGroupIds: string[];
  sourceDestCheck: boolean;
  owner: NetworkInterface['owner'];
  field: Field;
  name: string;
  logicalId?: string;
  tags?: Record<string, string>;
}

/** Creates the interface of an instance, a NAT gateway or a CreateNetworkInterface request. */
export function createInterfaceRecord(cloud: Cloud, subnet: Subnet, o: InterfaceRecord): NetworkInterface {
  const privateIp = takePrivateIp(cloud, subnet, o.privateIp, o.field);
  const id = cloud.ids.make('eni', `${subnet.region}/${o.name}`);
  const eni: NetworkInterface = {
    id,
    logicalId: o.logicalId,
    region: subnet.region,
    tags: { ...(o.tags ?? {}) },
    subnetId: subnet.id,
    privateIp,
    securityGroupIds: o.securityGroupIds,
    sourceDestCheck: o.sourceDestCheck,
    owner: o.owner,
  };
  cloud.table(EC2.networkInterface).set(id, eni);
  return eni;
}

/** How a message names an interface: the instance or NAT gateway it belongs to (by logical id when it has one), or the interface itself. */
export function interfaceOwnerName(cloud: Cloud, eniId: string): string {
  const eni = cloud.interfaces.get(eniId);
  if (!eni) return eniId;
  if (eni.owner.kind === 'load-balancer') {
    const lb = cloud.find(eni.owner.id);
    return `${lb?.logicalId ?? eni.owner.id}'s node in ${cloud.subnets.get(eni.subnetId)?.availabilityZone ?? eni.subnetId}`;
  }
  const owner = eni.owner.kind === 'instance' ? cloud.instances.get(eni.owner.id) : eni.owner.kind === 'nat-gateway' ? cloud.natGateways.get(eni.owner.id) : undefined;
  return owner ? owner.logicalId ?? owner.id : eni.logicalId ?? eni.id;
}

/** The groups of an interface: at most five, of the subnet's VPC; none given means the VPC's default group. */
export function checkGroups(cloud: Cloud, subnet: Subnet, groupIds: string[], field: Field): string[] {
  const unique = [...new Set(groupIds)];
  if (unique.length > QUOTAS.securityGroupsPerInterface) {
    throw new CloudError(
      'SecurityGroupsPerInterfaceLimitExceeded',
      `${unique.length} security groups on one network interface; the quota is ${QUOTAS.securityGroupsPerInterface}`,
      field,
    );
  }
  for (const g of unique) {
    const named = cloud.securityGroups.has(g) ? undefined : [...cloud.securityGroups.values()].find((x) => x.name === g && x.region === subnet.region);
    if (named) {
      throw new CloudError(
        'InvalidGroupId.Malformed',
        `"${g}" is the name of security group ${named.logicalId ?? g}${isDefaultVpc(cloud.vpc(named.vpcId)) ? ' of the default VPC' : ''}, not its id; SecurityGroupIds takes the group's GroupId`,
        field,
      );
    }
    const group = cloud.get(EC2.securityGroup, g, field);
    if (group.vpcId !== subnet.vpcId) {
      throw new CloudError(
        'InvalidParameter',
        `security group ${group.logicalId ?? group.id} and subnet ${subnet.logicalId ?? subnet.id} belong to different VPCs`,
        field,
      );
    }
  }
  return unique.length ? unique : [cloud.vpc(subnet.vpcId).defaultSecurityGroupId];
}

export function createNetworkInterface(
  cloud: Cloud,
  spec: { subnetId: string; groupSet?: string[]; privateIpAddress?: string; sourceDestCheck?: boolean },
  origin?: Origin,
): NetworkInterface {
  const subnet = cloud.subnet(spec.subnetId);
  const groups = checkGroups(cloud, subnet, spec.groupSet ?? [], 'GroupSet');
  return createInterfaceRecord(cloud, subnet, {
    privateIp: spec.privateIpAddress,
    securityGroupIds: groups,
    sourceDestCheck: spec.sourceDestCheck ?? true,
    owner: { kind: 'none' },
    field: 'PrivateIpAddress',
    name: origin?.logicalId ?? `eni${cloud.nextAnonymous()}`,
    logicalId: origin?.logicalId,
    tags: origin?.tags,
  });
}

export function checkDeviceIndex(cloud: Cloud, inst: Instance, deviceIndex: number): void {
  for (const id of inst.networkInterfaceIds) {
    const e = cloud.interfaces.get(id);
    if (e?.owner.kind === 'instance' && e.owner.deviceIndex === deviceIndex) {
      throw new CloudError('InvalidParameterValue', `the instance already has an interface at device index ${deviceIndex}`, 'DeviceIndex');
    }
  }
}

/** AttachNetworkInterface: a free interface, in the instance's zone, at a free device index. */
export function attachNetworkInterface(cloud: Cloud, spec: { instanceId: string; networkInterfaceId: string; deviceIndex: number }): void {
  const inst = cloud.get(EC2.instance, spec.instanceId);
  const eni = cloud.get(EC2.networkInterface, spec.networkInterfaceId);
  if (eni.owner.kind !== 'none') throw new CloudError('InvalidNetworkInterface.InUse', `${eni.logicalId ?? eni.id} is already attached`, 'NetworkInterfaceId');
  const subnet = cloud.subnet(eni.subnetId);
  if (subnet.availabilityZone !== inst.availabilityZone) {
    throw new CloudError('InvalidParameterValue', `${eni.logicalId ?? eni.id} is in ${subnet.availabilityZone} and the instance in ${inst.availabilityZone}; an interface attaches to an instance in its own zone`, 'NetworkInterfaceId');
  }
  checkDeviceIndex(cloud, inst, spec.deviceIndex);
  eni.owner = { kind: 'instance', id: inst.id, deviceIndex: spec.deviceIndex };
  inst.networkInterfaceIds.push(eni.id);
}
