import type { Cloud } from '../cloud.js';
import { createInstance, type InstanceSpec } from '../ec2/instance.js';
import { EC2 } from '../ec2/kinds.js';
import type { Subnet } from '../ec2/subnet.js';
import { ELBV2 } from '../elbv2/kinds.js';
import { registerTarget } from '../elbv2/target-group.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin } from '../store.js';
import { AUTOSCALING, AUTOSCALING_QUOTAS } from './kinds.js';
import { type LaunchData, templateVersion } from './launch-template.js';
import { placeInstances } from './placement.js';

/**
 * Auto scaling groups (ASG-02, ASG-05, ELB-23): sizes with their validation, subnets, health
 * check settings, the launch template version, target groups. The group's instances exist at
 * desired capacity as EC2 instances, spread over its zones (placement.ts), named
 * `<Group>-1`, `<Group>-2`, … in launch order, tagged `aws:autoscaling:groupName`, and
 * registered with the group's target groups.
 */

export interface AutoScalingGroup extends Named {
  /** The group's name (its `Ref`); `id` is the same. */
  name: string;
  arn: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  subnetIds: string[];
  availabilityZones: string[];
  targetGroupArns: string[];
  healthCheckType: 'EC2' | 'ELB' | 'VPC_LATTICE';
  healthCheckGracePeriod: number;
  cooldown: number;
  defaultInstanceWarmup?: number;
  maxInstanceLifetime?: number;
  launch: { kind: 'launch-template'; id: string; version: number; versionAsked: string } | { kind: 'launch-configuration'; name: string };
  instanceIds: string[];
}

export interface LaunchTemplateRef {
  launchTemplateId?: string;
  launchTemplateName?: string;
  version?: string;
}

export interface GroupSpec {
  name?: string;
  minSize?: unknown;
  maxSize?: unknown;
  desiredCapacity?: unknown;
  vpcZoneIdentifier?: string[];
  availabilityZones?: string[];
  targetGroupArns?: string[];
  healthCheckType?: string;
  healthCheckGracePeriod?: unknown;
  cooldown?: unknown;
  defaultInstanceWarmup?: unknown;
  maxInstanceLifetime?: unknown;
  launchTemplate?: LaunchTemplateRef;
  /** MixedInstancesPolicy's LaunchTemplateSpecification (its overrides only change instance types). */
  mixedInstancesTemplate?: LaunchTemplateRef;
  launchConfigurationName?: string;
  instanceId?: string;
}

const bad = (message: string, field: string | (string | number)[]) => new CloudError('ValidationError', message, field);

/** A whole number given as a number or as text ("2"), as Auto Scaling reads sizes. */
function whole(v: unknown, field: string, lo = 0, hi = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < lo || n > hi) throw bad(`${field} ${JSON.stringify(v)} is not valid: a whole number${hi < Number.MAX_SAFE_INTEGER ? ` from ${lo} to ${hi}` : ` of at least ${lo}`}`, field);
  return n;
}

function resolveTemplate(cloud: Cloud, region: string, ref: LaunchTemplateRef, field: string): { id: string; version: number; versionAsked: string; data: LaunchData } {
  if ((ref.launchTemplateId === undefined) === (ref.launchTemplateName === undefined)) {
    throw bad('the launch template is named by exactly one of LaunchTemplateId and LaunchTemplateName', [field, 'LaunchTemplateId']);
  }
  const templates = cloud.table(AUTOSCALING.launchTemplate);
  const lt = ref.launchTemplateId !== undefined
    ? templates.get(ref.launchTemplateId)
    : [...templates.values()].find((t) => t.region === region && t.name === ref.launchTemplateName);
  if (!lt) {
    throw new CloudError(
      ref.launchTemplateId !== undefined ? 'InvalidLaunchTemplateId.NotFound' : 'InvalidLaunchTemplateName.NotFoundException',
      `the launch template "${ref.launchTemplateId ?? ref.launchTemplateName}" does not exist`,
      [field, ref.launchTemplateId !== undefined ? 'LaunchTemplateId' : 'LaunchTemplateName'],
    );
  }
  const v = templateVersion(lt, ref.version, [field, 'Version']);
  return { id: lt.id, version: v.number, versionAsked: ref.version!, data: v.data };
}

/** The RunInstances request for one of the group's instances, in its subnet. */
function instanceSpec(data: LaunchData, subnet: Subnet): InstanceSpec {
  if (data.networkInterfaces.length) {
    return {
      networkInterfaces: data.networkInterfaces.map((n) => ({
        deviceIndex: n.deviceIndex,
        subnetId: n.deviceIndex === 0 ? subnet.id : n.subnetId ?? subnet.id,
        groupSet: n.groups,
        associatePublicIpAddress: n.associatePublicIpAddress,
        fieldBase: [],
      })),
    };
  }
  if (data.associatePublicIpAddress !== undefined) {
    return { networkInterfaces: [{ deviceIndex: 0, subnetId: subnet.id, groupSet: data.securityGroupIds, associatePublicIpAddress: data.associatePublicIpAddress, fieldBase: [] }] };
  }
  return { subnetId: subnet.id, securityGroupIds: data.securityGroupIds };
}

/** CreateAutoScalingGroup, and the launches that bring it to its desired capacity. */
export function createAutoScalingGroup(cloud: Cloud, region: string, spec: GroupSpec, origin?: Origin): AutoScalingGroup {
  const groups = cloud.table(AUTOSCALING.group);
  const name = spec.name ?? `${origin?.logicalId ?? 'asg'}-${cloud.newId('asg', region, origin, 'auto-scaling-group').slice(4, 16).toUpperCase()}`;
  if (!/^[^:]{1,255}$/.test(name)) throw bad(`AutoScalingGroupName "${name}" is not valid: 1 to 255 characters, no colon`, 'AutoScalingGroupName');
  if ([...groups.values()].some((g) => g.region === region && g.name === name)) {
    throw new CloudError('AlreadyExists', `an auto scaling group named "${name}" already exists in ${region}`, 'AutoScalingGroupName');
  }
  if ([...groups.values()].filter((g) => g.region === region).length >= AUTOSCALING_QUOTAS.groupsPerRegion) {
    throw new CloudError('LimitExceeded', `${region} already has ${AUTOSCALING_QUOTAS.groupsPerRegion} auto scaling groups, the quota`, 'AutoScalingGroupName');
  }
  // ASG-02: sizes.
  const minSize = whole(spec.minSize, 'MinSize');
  const maxSize = whole(spec.maxSize, 'MaxSize');
  if (minSize === undefined) throw bad('an auto scaling group needs MinSize', 'MinSize');
  if (maxSize === undefined) throw bad('an auto scaling group needs MaxSize', 'MaxSize');
  if (minSize > maxSize) throw bad(`MinSize ${minSize} is greater than MaxSize ${maxSize}: the minimum cannot exceed the maximum`, 'MinSize');
  const desired = whole(spec.desiredCapacity, 'DesiredCapacity') ?? minSize;
  if (desired < minSize || desired > maxSize) {
    throw bad(`Desired capacity:${desired} must be between the specified min size:${minSize} and max size:${maxSize}`, 'DesiredCapacity');
  }
  const healthCheckType = spec.healthCheckType ?? 'EC2';
  if (!['EC2', 'ELB', 'VPC_LATTICE'].includes(healthCheckType)) throw bad(`HealthCheckType "${healthCheckType}" is not valid; it is EC2, ELB or VPC_LATTICE`, 'HealthCheckType');
  const grace = whole(spec.healthCheckGracePeriod, 'HealthCheckGracePeriod') ?? 0;
  const cooldown = whole(spec.cooldown, 'Cooldown') ?? 300;
  const warmup = whole(spec.defaultInstanceWarmup, 'DefaultInstanceWarmup', -1, 3600);
  const lifetime = whole(spec.maxInstanceLifetime, 'MaxInstanceLifetime');
  if (lifetime !== undefined && lifetime !== 0 && lifetime < 86_400) throw bad(`MaxInstanceLifetime ${lifetime} is not valid: 0 (none) or at least 86400 seconds (one day)`, 'MaxInstanceLifetime');
  // Exactly one way to say what to launch.
  const ways = [['LaunchTemplate', spec.launchTemplate], ['MixedInstancesPolicy', spec.mixedInstancesTemplate], ['LaunchConfigurationName', spec.launchConfigurationName], ['InstanceId', spec.instanceId]].filter(([, v]) => v !== undefined);
  if (ways.length !== 1) {
    throw bad(
      ways.length === 0 ? 'an auto scaling group needs one of LaunchTemplate, MixedInstancesPolicy, LaunchConfigurationName, InstanceId' : `give one of ${ways.map(([k]) => k).join(', ')}, not several`,
      ways.length === 0 ? 'LaunchTemplate' : String(ways[1][0]),
    );
  }
  if (spec.instanceId !== undefined) throw bad('creating a group from an existing instance (InstanceId) is not modelled; give a LaunchTemplate', 'InstanceId');
  let launch: AutoScalingGroup['launch'];
  let data: LaunchData;
  let launchField: string;
  if (spec.launchConfigurationName !== undefined) {
    const lc = cloud.table(AUTOSCALING.launchConfiguration).get(spec.launchConfigurationName);
    if (!lc) throw bad(`the launch configuration "${spec.launchConfigurationName}" does not exist`, 'LaunchConfigurationName');
    launch = { kind: 'launch-configuration', name: lc.name };
    data = lc.data;
    launchField = 'LaunchConfigurationName';
  } else {
    launchField = spec.launchTemplate ? 'LaunchTemplate' : 'MixedInstancesPolicy';
    const t = resolveTemplate(cloud, region, (spec.launchTemplate ?? spec.mixedInstancesTemplate)!, launchField);
    launch = { kind: 'launch-template', id: t.id, version: t.version, versionAsked: t.versionAsked };
    data = t.data;
  }
  // Subnets and zones.
  const ids = spec.vpcZoneIdentifier ?? [];
  if (ids.length === 0) {
    throw bad(
      spec.availabilityZones?.length
        ? 'AvailabilityZones alone launches into the default VPC, which the virtual cloud does not model; give VPCZoneIdentifier (the group\'s subnets)'
        : 'an auto scaling group needs VPCZoneIdentifier: the subnets it launches into',
      'VPCZoneIdentifier',
    );
  }
  const subnets = ids.map((id, i) => {
    const s = cloud.table(EC2.subnet).get(id);
    if (!s || s.region !== region) throw bad(`the subnet "${id}" does not exist${s ? ` in ${region}` : ''}`, ['VPCZoneIdentifier', i]);
    return s;
  });
  const vpcId = subnets[0].vpcId;
  subnets.forEach((s, i) => {
    if (s.vpcId !== vpcId) throw bad(`subnet ${s.logicalId ?? s.id} is in another VPC than ${subnets[0].logicalId ?? subnets[0].id}; a group's subnets are in one VPC`, ['VPCZoneIdentifier', i]);
  });
  const zones = [...new Set(subnets.map((s) => s.availabilityZone))].sort();
  if (spec.availabilityZones?.length) {
    const asked = [...new Set(spec.availabilityZones)].sort();
    if (asked.join() !== zones.join()) {
      throw bad(`The availability zones of the specified subnets and the Auto Scaling group do not match: the subnets are in ${zones.join(', ')}, AvailabilityZones says ${asked.join(', ')}`, 'AvailabilityZones');
    }
  }
  // ELB-23: target groups of instances, in the group's VPC.
  const tgArns = [...new Set(spec.targetGroupArns ?? [])];
  if (tgArns.length > AUTOSCALING_QUOTAS.targetGroupsPerGroup) throw bad(`${tgArns.length} target groups; a group has at most ${AUTOSCALING_QUOTAS.targetGroupsPerGroup}`, 'TargetGroupARNs');
  const tgs = tgArns.map((arn, i) => {
    const tg = cloud.table(ELBV2.targetGroup).get(arn);
    if (!tg || tg.targetType !== 'instance') {
      throw bad(`Provided Target Groups may not be valid. Please ensure they exist and target type is instance: ${tg ? `${tg.logicalId ?? tg.name} has target type ${tg.targetType}` : `"${arn}" does not exist`}`, ['TargetGroupARNs', i]);
    }
    if (tg.vpcId !== vpcId) throw bad(`target group ${tg.logicalId ?? tg.name} is in VPC ${tg.vpcId}, the group's subnets in ${vpcId}`, ['TargetGroupARNs', i]);
    return tg;
  });
  const arn = `arn:aws:autoscaling:${region}:123456789012:autoScalingGroup:${cloud.ids.make('asguuid', `${region}/${name}`, 32).slice(8).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')}:autoScalingGroupName/${name}`;
  const group: AutoScalingGroup = {
    ...named(name, region, origin),
    name,
    arn,
    minSize,
    maxSize,
    desiredCapacity: desired,
    subnetIds: subnets.map((s) => s.id),
    availabilityZones: zones,
    targetGroupArns: tgArns,
    healthCheckType: healthCheckType as AutoScalingGroup['healthCheckType'],
    healthCheckGracePeriod: grace,
    cooldown,
    ...(warmup !== undefined ? { defaultInstanceWarmup: warmup } : {}),
    ...(lifetime !== undefined ? { maxInstanceLifetime: lifetime } : {}),
    launch,
    instanceIds: [],
  };
  const prefix = origin?.logicalId ?? name;
  placeInstances(subnets, desired).forEach((subnet, i) => {
    launchGroupInstance(cloud, group, data, subnet, `${prefix}-${i + 1}`, origin?.tags ?? {}, launchField);
  });
  groups.set(name, group);
  return group;
}

/** One launch of a group: an instance in the subnet, tagged with the group, registered with the group's target groups (ELB-23). */
export function launchGroupInstance(cloud: Cloud, group: AutoScalingGroup, data: LaunchData, subnet: Subnet, instanceName: string, tags: Record<string, string>, field: string) {
  let inst;
  try {
    inst = createInstance(cloud, group.region, instanceSpec(data, subnet), { logicalId: instanceName, tags: { ...tags, 'aws:autoscaling:groupName': group.name } });
  } catch (e) {
    if (e instanceof CloudError) throw new CloudError(e.code, `launching ${instanceName} in ${subnet.logicalId ?? subnet.id}: ${e.message}`, field);
    throw e;
  }
  group.instanceIds.push(inst.id);
  for (const arn of group.targetGroupArns) {
    const tg = cloud.table(ELBV2.targetGroup).get(arn);
    if (tg) registerTarget(cloud, tg, { id: inst.id }, { kind: 'auto-scaling', group: group.name });
  }
  return inst;
}

export function autoScalingGroup(cloud: Cloud, name: string, field = 'AutoScalingGroupName'): AutoScalingGroup {
  return cloud.get(AUTOSCALING.group, name, field);
}

/** What a group launches: its launch template version's data, or its launch configuration's. */
export function launchDataOf(cloud: Cloud, g: AutoScalingGroup): LaunchData | undefined {
  const launch = g.launch;
  if (launch.kind === 'launch-template') return cloud.table(AUTOSCALING.launchTemplate).get(launch.id)?.versions[launch.version - 1];
  return [...cloud.table(AUTOSCALING.launchConfiguration).values()].find((c) => (c.name === launch.name || c.id === launch.name) && c.region === g.region)?.data;
}
