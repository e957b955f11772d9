import { AUTOSCALING } from '../autoscaling/kinds.js';
import { launchDataOf, launchGroupInstance, type AutoScalingGroup } from '../autoscaling/group.js';
import type { Cloud } from '../cloud.js';
import type { Subnet } from '../ec2/subnet.js';
import { copyCloud } from './copy-cloud.js';

/** The instances of a group the simulation may launch, per zone, in the order they are used. */
export interface GroupPool {
  group: AutoScalingGroup;
  /** Instance ids by zone: the group's instances first, then the ones not launched yet. */
  byZone: Map<string, string[]>;
  /** The instances the group has when the scenario starts (desired capacity). */
  initial: string[];
}

export interface Scaling {
  cloud: Cloud;
  instanceTypes: ReadonlyMap<string, string>;
  pools: GroupPool[];
}

/**
 * ASG-05: room for at most max(10 % of MaxSize, 1) more than MaxSize while a group rebalances.
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/auto-scaling-benefits.html#AutoScalingBehavior.InstanceUsage
 */
export function rebalanceMargin(maxSize: number): number {
  return Math.max(Math.ceil(maxSize / 10), 1);
}

/**
 * The simulated copy of a submission with every instance its auto scaling groups may need: as
 * many in each of a group's zones as the group can hold there (MaxSize plus the rebalancing
 * margin, since after a zone failure every instance may be in one zone), launched by the
 * engine as the group launches (same launch data, same target groups), named on after the
 * group's own (`WebGroup-5`, …). The ones beyond the desired capacity are held down by the
 * auto scaling participant until it launches them, so they are not billed and not reached.
 * The loaded submission is not changed.
 */
export function withScalingRoom(original: Cloud, instanceTypes: ReadonlyMap<string, string>): Scaling {
  const groups = [...original.table(AUTOSCALING.group).values()];
  if (groups.length === 0) return { cloud: original, instanceTypes, pools: [] };
  const cloud = copyCloud(original);
  const types = new Map(instanceTypes);
  const pools: GroupPool[] = [];
  for (const g0 of groups) {
    const group = cloud.table(AUTOSCALING.group).get(g0.id)!;
    const data = launchDataOf(cloud, group);
    const subnets = group.subnetIds.map((id) => cloud.subnets.get(id)).filter((s): s is Subnet => s !== undefined);
    const byZone = new Map<string, string[]>();
    for (const z of group.availabilityZones) byZone.set(z, []);
    const initial = [...group.instanceIds];
    for (const id of initial) {
      const inst = cloud.instances.get(id);
      if (inst) byZone.get(inst.availabilityZone)?.push(id);
    }
    const room = group.maxSize + rebalanceMargin(group.maxSize);
    const prefix = group.logicalId ?? group.name;
    const type = data?.instanceType;
    let n = initial.length;
    if (data) {
      for (const zone of group.availabilityZones) {
        const inZone = subnets.filter((s) => s.availabilityZone === zone);
        const list = byZone.get(zone)!;
        for (let k = list.length; k < room && inZone.length; k++) {
          const name = `${prefix}-${++n}`;
          const inst = launchGroupInstance(cloud, group, data, inZone[k % inZone.length], name, {}, 'LaunchTemplate');
          list.push(inst.id);
          if (type) types.set(name, type);
        }
      }
    }
    pools.push({ group, byZone, initial });
  }
  return { cloud, instanceTypes: types, pools };
}
