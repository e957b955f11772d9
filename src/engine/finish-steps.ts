import { CloudError } from './errors.js';
import type { Store } from './store.js';

/**
 * Steps a service runs once the whole submission is created, after EC2's topology checks
 * (Cloud.finish): defaults that depend on resources a template may create later (whether a
 * VPC has an internet gateway), references across regions (a read replica naming its source
 * by ARN in a template loaded first), names that point at resources of other services. A
 * service registers its step when its module loads, so a new service adds steps without
 * touching cloud.ts. Deterministic: steps run in registration order.
 */
export type FinishStep = (store: Store) => CloudError[];

const steps: FinishStep[] = [];

export function onFinish(step: FinishStep): void {
  if (!steps.includes(step)) steps.push(step);
}

export function runFinishSteps(store: Store): CloudError[] {
  return steps.flatMap((s) => s(store));
}

/**
 * A finding that AWS deploys but a student should see (a name pointing at nothing the
 * submission makes, a failover primary that can never fail over): reported as a warning,
 * never refused.
 */
export class CloudWarning extends CloudError {}
