import { AUTOSCALING } from '../engine/autoscaling/kinds.js';
import { launchDataOf } from '../engine/autoscaling/group.js';
import type { LoadedSubmission } from './load-submission.js';

/**
 * The InstanceType of every instance of a submission, by its logical id as the engine names it
 * (stack-qualified where two stacks share it): an AWS::EC2::Instance's own property, and for
 * an auto scaling group's instances the type of what the group launches (its launch template
 * version or launch configuration). The engine keeps no type on an instance; an instance
 * without one is m1.small, as RunInstances gives it.
 */
export function instanceTypesOf(loaded: Pick<LoadedSubmission, 'cloud' | 'resources'>): Map<string, string> {
  const { cloud } = loaded;
  const out = new Map<string, string>();
  for (const r of loaded.resources) {
    if (r.type !== 'AWS::EC2::Instance' || !r.ref) continue;
    const inst = cloud.instances.get(r.ref);
    const type = r.properties.InstanceType;
    if (inst && typeof type === 'string' && type.trim()) out.set(inst.logicalId ?? inst.id, type.trim());
  }
  for (const g of cloud.table(AUTOSCALING.group).values()) {
    const data = launchDataOf(cloud, g);
    if (!data?.instanceType) continue;
    for (const id of g.instanceIds) {
      const inst = cloud.instances.get(id);
      if (inst) out.set(inst.logicalId ?? inst.id, data.instanceType);
    }
  }
  return out;
}
