import type { AdjustmentType, ScalingPolicy, StepAdjustment } from './policy.js';

/**
 * The new desired capacity a step or simple scaling policy asks for, as "Step and simple
 * scaling policies" documents it:
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html
 */

/** ASG-07: the step whose bounds, relative to the threshold, hold `metric − threshold`. Above the threshold the lower bound is inclusive and the upper exclusive; below it, the reverse. */
export function stepFor(steps: StepAdjustment[], difference: number): StepAdjustment | undefined {
  return steps.find((s) => {
    const lo = s.lower ?? -Infinity;
    const hi = s.upper ?? Infinity;
    return difference >= 0 ? difference >= lo && difference < hi : difference > lo && difference <= hi;
  });
}

/** ASG-08: a percent change in instances: >1 rounds down, 0..1 to 1, -1..0 to -1, < -1 rounds up; MinAdjustmentMagnitude is the least change. */
export function percentChange(current: number, percent: number, minMagnitude?: number): number {
  const raw = (current * percent) / 100;
  let change = raw > 1 ? Math.floor(raw) : raw > 0 ? 1 : raw === 0 ? 0 : raw >= -1 ? -1 : Math.ceil(raw);
  if (minMagnitude !== undefined && change !== 0 && Math.abs(change) < minMagnitude) change = Math.sign(change) * minMagnitude;
  return change;
}

/** The desired capacity after one adjustment, clamped to [min, max]. */
export function adjusted(
  type: AdjustmentType,
  adjustment: number,
  current: number,
  bounds: { min: number; max: number },
  minMagnitude?: number,
): number {
  const target =
    type === 'ExactCapacity' ? adjustment
    : type === 'ChangeInCapacity' ? current + adjustment
    : current + percentChange(current, adjustment, minMagnitude);
  return Math.min(bounds.max, Math.max(bounds.min, target));
}

/** What a step or simple policy asks for when its alarm's metric is `metric` against `threshold`; undefined when no step holds the difference. */
export function policyDesired(
  policy: ScalingPolicy,
  metric: number,
  threshold: number,
  current: number,
  bounds: { min: number; max: number },
): number | undefined {
  const adj = policy.policyType === 'SimpleScaling' ? policy.scalingAdjustment : policy.stepAdjustments && stepFor(policy.stepAdjustments, metric - threshold)?.adjustment;
  if (adj === undefined || policy.adjustmentType === undefined) return undefined;
  return adjusted(policy.adjustmentType, adj, current, bounds, policy.minAdjustmentMagnitude);
}
