import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { fieldOf } from '../params.js';
import { named, type Named, type Origin } from '../store.js';
import { defaultSubnet, defaultVpcGroupByName, isDefaultVpc, warnDefaultVpc } from './default-vpc.js';
import { allocatePublicIp } from './elastic-ip.js';
import { EC2 } from './kinds.js';
import { checkGroups, createInterfaceRecord, type NetworkInterface } from './network-interface.js';

/** Instances: launched in a subnet, or with network interfaces (the primary at device index 0). */

export interface Instance extends Named {
  subnetId: string;
  availabilityZone: string;
  networkInterfaceIds: string[];
}

export interface InstanceInterfaceSpec {
  deviceIndex?: number | string;
  subnetId?: string;
  groupSet?: string[];
  privateIpAddress?: string;
  associatePublicIpAddress?: boolean;
  networkInterfaceId?: string;
  fieldBase: (string | number)[];
}

export interface InstanceSpec {
  subnetId?: string;
  securityGroupIds?: string[];
  securityGroupNames?: string[];
  privateIpAddress?: string;
  availabilityZone?: string;
  sourceDestCheck?: boolean;
  networkInterfaces?: InstanceInterfaceSpec[];
}

/** RunInstances, for one instance. */
export function createInstance(cloud: Cloud, region: string, spec: InstanceSpec, origin?: Origin): Instance {
  if (spec.subnetId && spec.networkInterfaces?.length) {
    throw new CloudError(
      'InvalidParameterCombination',
      'give either SubnetId (with SecurityGroupIds) or NetworkInterfaces, not both: network interfaces and an instance-level subnet cannot be given together',
      'NetworkInterfaces',
    );
  }
  if (spec.networkInterfaces?.length && spec.securityGroupIds?.length) {
    throw new CloudError(
      'InvalidParameterCombination',
      'with NetworkInterfaces, put the security groups in each interface\'s GroupSet, not in SecurityGroupIds',
      'SecurityGroupIds',
    );
  }
  const id = cloud.newId('i', region, origin, 'instance');
  let interfaces = spec.networkInterfaces?.length
    ? spec.networkInterfaces
    : [{ deviceIndex: 0, subnetId: spec.subnetId, groupSet: spec.securityGroupIds, privateIpAddress: spec.privateIpAddress, fieldBase: [] as (string | number)[] } as InstanceInterfaceSpec];
  let primary = interfaces.find((n) => Number(n.deviceIndex) === 0);
  if (!primary) {
    throw new CloudError('InvalidParameterValue', 'one network interface must have DeviceIndex 0 (the primary interface)', 'NetworkInterfaces');
  }
  if (!primary.subnetId && !primary.networkInterfaceId) {
    // No subnet: the default subnet of the zone, in the region's default VPC (aws-semantics 32).
    const s = defaultSubnet(cloud, region, spec.availabilityZone, 'AvailabilityZone');
    warnDefaultVpc(cloud, 'the instance has no SubnetId', cloud.vpc(s.vpcId), primary.fieldBase.length ? fieldOf(primary.fieldBase, 'SubnetId') : 'SubnetId', s);
    interfaces = interfaces.map((n) => (n.subnetId || n.networkInterfaceId ? n : { ...n, subnetId: s.id }));
  }
  if (spec.securityGroupNames?.length) {
    // Group names (SecurityGroups) work only in the default VPC, where they name its groups.
    const p = interfaces.find((n) => Number(n.deviceIndex) === 0)!;
    const vpc = spec.networkInterfaces?.length || !p.subnetId ? undefined : cloud.vpcOfSubnet(cloud.subnet(p.subnetId, 'SubnetId').id);
    if (!vpc || !isDefaultVpc(vpc)) {
      throw new CloudError(
        'InvalidParameterCombination',
        'SecurityGroups takes group names, which only work in a default VPC; in your own VPC give SecurityGroupIds',
        'SecurityGroups',
      );
    }
    const byName = spec.securityGroupNames.map((n) => defaultVpcGroupByName(cloud, region, n, 'SecurityGroups').id);
    interfaces = [{ ...p, groupSet: [...(p.groupSet ?? []), ...byName] }];
  }
  primary = interfaces.find((n) => Number(n.deviceIndex) === 0)!;
  if (interfaces.length > 1 && interfaces.some((n) => n.associatePublicIpAddress === true)) {
    throw new CloudError(
      'InvalidParameterCombination',
      'AssociatePublicIpAddress cannot be used when an instance is launched with more than one network interface; use an elastic IP',
      'NetworkInterfaces',
    );
  }
  const primarySubnet = primary.subnetId
    ? cloud.subnet(primary.subnetId, fieldOf(primary.fieldBase, 'SubnetId'))
    : cloud.subnet(cloud.interfaces.get(primary.networkInterfaceId!)?.subnetId ?? '', 'NetworkInterfaceId');
  if (primarySubnet.region !== region) {
    throw new CloudError('InvalidParameterValue', `subnet ${primarySubnet.logicalId ?? primarySubnet.id} is in ${primarySubnet.region}, not ${region}`, 'SubnetId');
  }
  if (spec.availabilityZone && spec.availabilityZone !== primarySubnet.availabilityZone) {
    throw new CloudError(
      'InvalidParameterValue',
      `AvailabilityZone ${spec.availabilityZone} does not match the subnet's zone ${primarySubnet.availabilityZone}; leave it out or make them agree`,
      'AvailabilityZone',
    );
  }
  const inst: Instance = { ...named(id, region, origin), subnetId: primarySubnet.id, availabilityZone: primarySubnet.availabilityZone, networkInterfaceIds: [] };
  const sorted = [...interfaces].sort((a, b) => Number(a.deviceIndex) - Number(b.deviceIndex));
  const created: NetworkInterface[] = [];
  const seen = new Set<number>();
  for (const n of sorted) {
    const deviceIndex = Number(n.deviceIndex ?? 0);
    if (seen.has(deviceIndex)) {
      throw new CloudError('InvalidParameterValue', `two network interfaces have DeviceIndex ${deviceIndex}`, fieldOf(n.fieldBase, 'DeviceIndex'));
    }
    seen.add(deviceIndex);
    if (n.networkInterfaceId) {
      const eni = cloud.get(EC2.networkInterface, n.networkInterfaceId, fieldOf(n.fieldBase, 'NetworkInterfaceId'));
      if (eni.owner.kind !== 'none') throw new CloudError('InvalidNetworkInterface.InUse', `${eni.logicalId ?? eni.id} is already attached`, fieldOf(n.fieldBase, 'NetworkInterfaceId'));
      if (cloud.subnet(eni.subnetId).availabilityZone !== inst.availabilityZone) {
        throw new CloudError('InvalidParameterValue', 'all network interfaces of an instance must be in its availability zone', fieldOf(n.fieldBase, 'NetworkInterfaceId'));
      }
      created.push(eni);
      continue;
    }
    const subnet = cloud.subnet(n.subnetId ?? '', fieldOf(n.fieldBase, 'SubnetId'));
    if (subnet.availabilityZone !== inst.availabilityZone) {
      throw new CloudError('InvalidParameterValue', `subnet ${subnet.logicalId ?? subnet.id} is in ${subnet.availabilityZone}; every interface of an instance is in the instance's zone (${inst.availabilityZone})`, fieldOf(n.fieldBase, 'SubnetId'));
    }
    const groups = checkGroups(cloud, subnet, n.groupSet ?? [], fieldOf(n.fieldBase, n.fieldBase.length ? 'GroupSet' : 'SecurityGroupIds'));
    const eni = createInterfaceRecord(cloud, subnet, {
      privateIp: n.privateIpAddress,
      securityGroupIds: groups,
      sourceDestCheck: spec.sourceDestCheck ?? true,
      owner: { kind: 'none' },
      field: fieldOf(n.fieldBase, 'PrivateIpAddress'),
      name: `${origin?.logicalId ?? id}/eth${deviceIndex}`,
      logicalId: origin?.logicalId ? `${origin.logicalId}.eth${deviceIndex}` : undefined,
    });
    const wantsPublic = n.associatePublicIpAddress ?? (interfaces.length === 1 ? subnet.mapPublicIpOnLaunch : false);
    if (wantsPublic && deviceIndex === 0) {
      eni.publicIp = allocatePublicIp(cloud, region);
      eni.publicIpSource = 'auto';
    }
    created.push(eni);
  }
  cloud.table(EC2.instance).set(id, inst);
  for (const [i, eni] of created.entries()) {
    eni.owner = { kind: 'instance', id, deviceIndex: Number(sorted[i].deviceIndex ?? 0) };
    if (eni.owner.deviceIndex === 0 && spec.sourceDestCheck !== undefined) eni.sourceDestCheck = spec.sourceDestCheck;
    inst.networkInterfaceIds.push(eni.id);
  }
  return inst;
}
