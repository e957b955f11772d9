import type { Cloud } from '../cloud.js';
import { ELBV2 } from '../elbv2/kinds.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin } from '../store.js';
import { autoScalingGroup } from './group.js';
import { AUTOSCALING, AUTOSCALING_QUOTAS } from './kinds.js';

/**
 * Scaling policies (ASG-06..09) and scheduled actions (ASG-11), loaded and validated; the
 * simulator plays them out over time.
 */

export type PolicyType = 'SimpleScaling' | 'StepScaling' | 'TargetTrackingScaling' | 'PredictiveScaling';
export type AdjustmentType = 'ChangeInCapacity' | 'ExactCapacity' | 'PercentChangeInCapacity';

export interface StepAdjustment {
  lower?: number;
  upper?: number;
  adjustment: number;
}

export interface ScalingPolicy extends Named {
  arn: string;
  name: string;
  group: string;
  policyType: PolicyType;
  adjustmentType?: AdjustmentType;
  scalingAdjustment?: number;
  minAdjustmentMagnitude?: number;
  cooldown?: number;
  stepAdjustments?: StepAdjustment[];
  metricAggregationType?: string;
  estimatedInstanceWarmup?: number;
  targetTracking?: { metric: string; resourceLabel?: string; custom: boolean; targetValue: number; disableScaleIn: boolean };
}

export interface PolicySpec {
  group?: string;
  policyType?: string;
  adjustmentType?: string;
  scalingAdjustment?: number;
  minAdjustmentMagnitude?: number;
  cooldown?: number;
  stepAdjustments?: { lower?: number; upper?: number; adjustment?: number }[];
  metricAggregationType?: string;
  estimatedInstanceWarmup?: number;
  targetTracking?: { predefinedMetric?: string; resourceLabel?: string; customized?: boolean; targetValue?: number; disableScaleIn?: boolean };
}

const bad = (message: string, field: string | (string | number)[]) => new CloudError('ValidationError', message, field);
const PREDEFINED = ['ASGAverageCPUUtilization', 'ASGAverageNetworkIn', 'ASGAverageNetworkOut', 'ALBRequestCountPerTarget'];

function only(spec: PolicySpec, type: string, keys: [keyof PolicySpec, string][]): void {
  for (const [k, name] of keys) if (spec[k] !== undefined) throw bad(`${name} does not apply to a ${type} policy`, name);
}

/** PutScalingPolicy. */
export function putScalingPolicy(cloud: Cloud, region: string, spec: PolicySpec, origin?: Origin): ScalingPolicy {
  if (spec.group === undefined) throw bad('a scaling policy needs AutoScalingGroupName', 'AutoScalingGroupName');
  const group = autoScalingGroup(cloud, spec.group);
  const type = (spec.policyType ?? 'SimpleScaling') as PolicyType;
  if (!['SimpleScaling', 'StepScaling', 'TargetTrackingScaling', 'PredictiveScaling'].includes(type)) {
    throw bad(`PolicyType "${spec.policyType}" is not valid; it is SimpleScaling, StepScaling, TargetTrackingScaling or PredictiveScaling`, 'PolicyType');
  }
  const policies = [...cloud.table(AUTOSCALING.policy).values()].filter((p) => p.group === group.name);
  if (policies.length >= AUTOSCALING_QUOTAS.policiesPerGroup) throw new CloudError('LimitExceeded', `group ${group.logicalId ?? group.name} has ${policies.length} scaling policies, the quota`, 'AutoScalingGroupName');
  const name = `${origin?.logicalId ?? 'policy'}-${cloud.newId('pol', region, origin, 'scaling-policy').slice(4, 16).toUpperCase()}`;
  const arn = `arn:aws:autoscaling:${region}:123456789012:scalingPolicy:${cloud.ids.make('poluuid', `${region}/${name}`, 32).slice(8)}:autoScalingGroupName/${group.name}:policyName/${name}`;
  const policy: ScalingPolicy = { ...named(arn, region, origin), arn, name, group: group.name, policyType: type };
  if (type === 'SimpleScaling' || type === 'StepScaling') {
    if (spec.adjustmentType === undefined) throw bad(`a ${type} policy needs AdjustmentType: ChangeInCapacity, ExactCapacity or PercentChangeInCapacity`, 'AdjustmentType');
    if (!['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity'].includes(spec.adjustmentType)) {
      throw bad(`AdjustmentType "${spec.adjustmentType}" is not valid; it is ChangeInCapacity, ExactCapacity or PercentChangeInCapacity`, 'AdjustmentType');
    }
    policy.adjustmentType = spec.adjustmentType as AdjustmentType;
    if (spec.minAdjustmentMagnitude !== undefined) {
      if (policy.adjustmentType !== 'PercentChangeInCapacity') throw bad('MinAdjustmentMagnitude applies only with AdjustmentType PercentChangeInCapacity', 'MinAdjustmentMagnitude');
      if (!Number.isInteger(spec.minAdjustmentMagnitude) || spec.minAdjustmentMagnitude < 1) throw bad('MinAdjustmentMagnitude is a whole number of at least 1', 'MinAdjustmentMagnitude');
      policy.minAdjustmentMagnitude = spec.minAdjustmentMagnitude;
    }
    only(spec, type, [['targetTracking', 'TargetTrackingConfiguration']]);
  }
  if (type === 'SimpleScaling') {
    only(spec, type, [['stepAdjustments', 'StepAdjustments'], ['metricAggregationType', 'MetricAggregationType'], ['estimatedInstanceWarmup', 'EstimatedInstanceWarmup']]);
    if (spec.scalingAdjustment === undefined || !Number.isInteger(spec.scalingAdjustment)) throw bad('a SimpleScaling policy needs ScalingAdjustment, a whole number (negative to scale in)', 'ScalingAdjustment');
    if (policy.adjustmentType === 'ExactCapacity' && spec.scalingAdjustment < 0) throw bad('with ExactCapacity, ScalingAdjustment is the new capacity and cannot be negative', 'ScalingAdjustment');
    policy.scalingAdjustment = spec.scalingAdjustment;
    if (spec.cooldown !== undefined && (!Number.isInteger(spec.cooldown) || spec.cooldown < 0)) throw bad('Cooldown is a whole number of seconds', 'Cooldown');
    policy.cooldown = spec.cooldown;
  } else if (type === 'StepScaling') {
    only(spec, type, [['scalingAdjustment', 'ScalingAdjustment'], ['cooldown', 'Cooldown']]);
    policy.stepAdjustments = checkSteps(spec.stepAdjustments, policy.adjustmentType!);
    const agg = spec.metricAggregationType ?? 'Average';
    if (!['Minimum', 'Maximum', 'Average'].includes(agg)) throw bad(`MetricAggregationType "${agg}" is Minimum, Maximum or Average`, 'MetricAggregationType');
    policy.metricAggregationType = agg;
    policy.estimatedInstanceWarmup = spec.estimatedInstanceWarmup;
  } else if (type === 'TargetTrackingScaling') {
    only(spec, type, [['adjustmentType', 'AdjustmentType'], ['scalingAdjustment', 'ScalingAdjustment'], ['stepAdjustments', 'StepAdjustments'], ['cooldown', 'Cooldown'], ['minAdjustmentMagnitude', 'MinAdjustmentMagnitude'], ['metricAggregationType', 'MetricAggregationType']]);
    const t = spec.targetTracking;
    if (!t) throw bad('a TargetTrackingScaling policy needs TargetTrackingConfiguration', 'TargetTrackingConfiguration');
    const f = (k: string) => ['TargetTrackingConfiguration', k];
    if (t.targetValue === undefined || !Number.isFinite(t.targetValue)) throw bad('TargetTrackingConfiguration needs TargetValue', f('TargetValue'));
    if ((t.predefinedMetric === undefined) === !t.customized) throw bad('TargetTrackingConfiguration needs exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification', f('PredefinedMetricSpecification'));
    if (t.predefinedMetric !== undefined) {
      const mf = ['TargetTrackingConfiguration', 'PredefinedMetricSpecification', 'PredefinedMetricType'];
      if (!PREDEFINED.includes(t.predefinedMetric)) throw bad(`PredefinedMetricType "${t.predefinedMetric}" is not valid; it is one of ${PREDEFINED.join(', ')}`, mf);
      if (t.predefinedMetric === 'ALBRequestCountPerTarget') checkResourceLabel(cloud, t.resourceLabel, group.targetGroupArns);
    }
    policy.targetTracking = { metric: t.predefinedMetric ?? 'custom', resourceLabel: t.resourceLabel, custom: Boolean(t.customized), targetValue: t.targetValue, disableScaleIn: Boolean(t.disableScaleIn) };
    policy.estimatedInstanceWarmup = spec.estimatedInstanceWarmup;
  }
  cloud.table(AUTOSCALING.policy).set(policy.arn, policy);
  return policy;
}

/** ASG-06: ALBRequestCountPerTarget names `app/<lb>/<id>/targetgroup/<tg>/<id>`, a target group the group is attached to. */
function checkResourceLabel(cloud: Cloud, label: string | undefined, attached: string[]): void {
  const f = ['TargetTrackingConfiguration', 'PredefinedMetricSpecification', 'ResourceLabel'];
  if (!label) throw bad('ALBRequestCountPerTarget needs ResourceLabel: app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id>', f);
  const m = /^(app\/[^/]+\/[0-9a-f]+)\/(targetgroup\/[^/]+\/[0-9a-f]+)$/.exec(label);
  if (!m) throw bad(`ResourceLabel "${label}" is not app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id> (join the load balancer's LoadBalancerFullName and the target group's TargetGroupFullName with /)`, f);
  const tg = [...cloud.table(ELBV2.targetGroup).values()].find((t) => t.fullName === m[2]);
  if (!tg || !attached.includes(tg.arn)) throw bad(`ResourceLabel names target group ${m[2]}, which is not attached to the group (TargetGroupARNs)`, f);
  const lb = [...cloud.table(ELBV2.loadBalancer).values()].find((l) => l.fullName === m[1]);
  if (!lb || !tg.loadBalancerArns.includes(lb.arn)) throw bad(`ResourceLabel names load balancer ${m[1]}, which does not forward to ${tg.logicalId ?? tg.name}`, f);
}

/** ASG-07: step bounds relative to the alarm threshold, no gaps or overlaps, at most one open end each way. */
function checkSteps(steps: PolicySpec['stepAdjustments'], adjustmentType: AdjustmentType): StepAdjustment[] {
  const f = 'StepAdjustments';
  if (!steps?.length) throw bad('a StepScaling policy needs StepAdjustments', f);
  if (steps.length > AUTOSCALING_QUOTAS.stepAdjustmentsPerPolicy) throw bad(`${steps.length} step adjustments; a policy has at most ${AUTOSCALING_QUOTAS.stepAdjustmentsPerPolicy}`, f);
  const out = steps.map((s, i) => {
    if (s.adjustment === undefined || !Number.isInteger(s.adjustment)) throw bad('each step needs ScalingAdjustment, a whole number', [f, i, 'ScalingAdjustment']);
    if (adjustmentType === 'ExactCapacity' && s.adjustment < 0) throw bad('with ExactCapacity a step\'s ScalingAdjustment cannot be negative', [f, i, 'ScalingAdjustment']);
    if (s.lower !== undefined && s.upper !== undefined && s.lower >= s.upper) throw bad(`step ${i + 1}: MetricIntervalLowerBound ${s.lower} is not below MetricIntervalUpperBound ${s.upper}`, [f, i]);
    return { lower: s.lower, upper: s.upper, adjustment: s.adjustment, i };
  });
  if (out.filter((s) => s.lower === undefined).length > 1) throw bad('only one step may leave MetricIntervalLowerBound open (null)', f);
  if (out.filter((s) => s.upper === undefined).length > 1) throw bad('only one step may leave MetricIntervalUpperBound open (null)', f);
  const sorted = [...out].sort((a, b) => (a.lower ?? -Infinity) - (b.lower ?? -Infinity));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1];
    const cur = sorted[k];
    if ((prev.upper ?? Infinity) !== (cur.lower ?? -Infinity)) {
      throw bad(
        `steps ${prev.i + 1} and ${cur.i + 1} ${(prev.upper ?? Infinity) > (cur.lower ?? -Infinity) ? 'overlap' : 'leave a gap'}: one step's MetricIntervalUpperBound is the next one's MetricIntervalLowerBound`,
        [f, cur.i],
      );
    }
  }
  return out.map(({ lower, upper, adjustment }) => ({ lower, upper, adjustment }));
}

export interface ScheduledAction extends Named {
  name: string;
  group: string;
  minSize?: number;
  maxSize?: number;
  desiredCapacity?: number;
  recurrence?: string;
  startTime?: string;
  endTime?: string;
  timeZone?: string;
}

export interface ScheduledActionSpec {
  group?: string;
  minSize?: number;
  maxSize?: number;
  desiredCapacity?: number;
  recurrence?: string;
  startTime?: string;
  endTime?: string;
  timeZone?: string;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const CRON_FIELD = /^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?(\/\d+)?|\*\/\d+)(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?(\/\d+)?))*$/;

/** PutScheduledUpdateGroupAction. */
export function putScheduledAction(cloud: Cloud, region: string, spec: ScheduledActionSpec, origin?: Origin): ScheduledAction {
  if (spec.group === undefined) throw bad('a scheduled action needs AutoScalingGroupName', 'AutoScalingGroupName');
  const group = autoScalingGroup(cloud, spec.group);
  if (spec.minSize === undefined && spec.maxSize === undefined && spec.desiredCapacity === undefined) {
    throw bad('a scheduled action sets at least one of MinSize, MaxSize, DesiredCapacity', 'DesiredCapacity');
  }
  for (const [k, v] of [['MinSize', spec.minSize], ['MaxSize', spec.maxSize], ['DesiredCapacity', spec.desiredCapacity]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) throw bad(`${k} ${v} is not a whole number of at least 0`, k);
  }
  const min = spec.minSize ?? group.minSize;
  const max = spec.maxSize ?? group.maxSize;
  if (spec.minSize !== undefined && spec.maxSize !== undefined && min > max) throw bad(`MinSize ${min} is greater than MaxSize ${max}`, 'MinSize');
  if (spec.desiredCapacity !== undefined && spec.desiredCapacity < min) throw bad(`Desired capacity must be greater than or equal to min size: ${spec.desiredCapacity} < ${min}`, 'DesiredCapacity');
  if (spec.desiredCapacity !== undefined && spec.desiredCapacity > max) throw bad(`Desired capacity must be less than or equal to max size: ${spec.desiredCapacity} > ${max}`, 'DesiredCapacity');
  if (spec.recurrence !== undefined) {
    const fields = spec.recurrence.trim().split(/\s+/);
    if (fields.length !== 5 || !fields.every((x) => CRON_FIELD.test(x))) {
      throw bad(`Recurrence "${spec.recurrence}" is not a cron expression of five fields: minute hour day-of-month month day-of-week (UTC unless TimeZone), e.g. "0 22 * * *"`, 'Recurrence');
    }
  }
  if (spec.recurrence === undefined && spec.startTime === undefined) throw bad('a scheduled action needs Recurrence or StartTime', 'Recurrence');
  for (const [k, v] of [['StartTime', spec.startTime], ['EndTime', spec.endTime]] as const) {
    if (v !== undefined && !ISO.test(v)) throw bad(`${k} "${v}" is not an ISO-8601 time such as 2025-03-01T08:00:00Z`, k);
  }
  if (spec.startTime && spec.endTime && Date.parse(spec.endTime) <= Date.parse(spec.startTime)) throw bad('EndTime is after StartTime', 'EndTime');
  if (spec.timeZone !== undefined && !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$|^UTC$|^Etc\/GMT[+-]\d+$/.test(spec.timeZone)) throw bad(`TimeZone "${spec.timeZone}" is not an IANA time zone name such as Europe/Paris`, 'TimeZone');
  const actions = [...cloud.table(AUTOSCALING.scheduledAction).values()].filter((a) => a.group === group.name);
  if (actions.length >= AUTOSCALING_QUOTAS.scheduledActionsPerGroup) throw new CloudError('LimitExceeded', `group ${group.logicalId ?? group.name} has ${actions.length} scheduled actions, the quota`, 'AutoScalingGroupName');
  if (spec.startTime && spec.recurrence === undefined && actions.some((a) => a.startTime === spec.startTime && a.recurrence === undefined)) {
    throw new CloudError('AlreadyExists', `group ${group.logicalId ?? group.name} already has a scheduled action at ${spec.startTime}; start times are unique per group`, 'StartTime');
  }
  const name = `${origin?.logicalId ?? 'action'}-${cloud.newId('sa', region, origin, 'scheduled-action').slice(3, 15).toUpperCase()}`;
  const action: ScheduledAction = {
    ...named(`${group.name}/${name}`, region, origin),
    name,
    group: group.name,
    minSize: spec.minSize,
    maxSize: spec.maxSize,
    desiredCapacity: spec.desiredCapacity,
    recurrence: spec.recurrence,
    startTime: spec.startTime,
    endTime: spec.endTime,
    timeZone: spec.timeZone,
  };
  cloud.table(AUTOSCALING.scheduledAction).set(action.id, action);
  return action;
}
