import { AUTOSCALING } from '../autoscaling/kinds.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin } from '../store.js';
import { CLOUDWATCH } from './kinds.js';

/**
 * PutMetricAlarm with CloudWatch's validation of a static-threshold alarm on one metric:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
 * (Period 10, 20, 30 or a multiple of 60; Period × EvaluationPeriods at most seven days, and
 * at most one day when Period is under an hour; DatapointsToAlarm at most EvaluationPeriods).
 */

export type Comparison =
  | 'GreaterThanOrEqualToThreshold'
  | 'GreaterThanThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold';
export type Statistic = 'SampleCount' | 'Average' | 'Sum' | 'Minimum' | 'Maximum';

export interface MetricAlarm extends Named {
  arn: string;
  name: string;
  namespace: string;
  metricName: string;
  dimensions: { name: string; value: string }[];
  statistic?: Statistic;
  extendedStatistic?: string;
  period: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  threshold: number;
  comparison: Comparison;
  treatMissingData: 'breaching' | 'notBreaching' | 'ignore' | 'missing';
  actionsEnabled: boolean;
  /** Scaling policy ARNs among the alarm actions; other actions (SNS, EC2) are kept in `otherActions`. */
  alarmActions: string[];
  otherActions: string[];
  okActions: string[];
}

export interface AlarmSpec {
  name?: string;
  namespace?: string;
  metricName?: string;
  dimensions?: { name?: string; value?: string }[];
  statistic?: string;
  extendedStatistic?: string;
  period?: number;
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
  threshold?: number;
  comparison?: string;
  treatMissingData?: string;
  actionsEnabled?: boolean;
  alarmActions?: string[];
  okActions?: string[];
}

const bad = (message: string, field: string | (string | number)[]) => new CloudError('ValidationError', message, field);
const COMPARISONS: Comparison[] = ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'];
const STATISTICS: Statistic[] = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];
const MISSING = ['breaching', 'notBreaching', 'ignore', 'missing'] as const;
/** p99, p99.9, tm90, wm99, tc90, ts90, PR(10:20), TM(5%:95%) and the like. */
const EXTENDED = /^(p|tm|wm|tc|ts)\d{1,2}(\.\d+)?$|^(PR|TM|TC|TS|WM)\([^)]*:[^)]*\)$/;
const WHOLE = (v: number | undefined, least: number) => v !== undefined && Number.isInteger(v) && v >= least;

/** PutMetricAlarm. */
export function putMetricAlarm(cloud: Cloud, region: string, spec: AlarmSpec, origin?: Origin): MetricAlarm {
  if (!spec.metricName) throw bad('an alarm needs MetricName, e.g. CPUUtilization (metric math alarms are not modelled)', 'MetricName');
  if (!spec.namespace) throw bad('an alarm needs Namespace, e.g. AWS/EC2 or AWS/ApplicationELB', 'Namespace');
  if ((spec.statistic === undefined) === (spec.extendedStatistic === undefined)) {
    throw bad('an alarm needs exactly one of Statistic (SampleCount, Average, Sum, Minimum, Maximum) and ExtendedStatistic (e.g. p99)', 'Statistic');
  }
  if (spec.statistic !== undefined && !STATISTICS.includes(spec.statistic as Statistic)) {
    throw bad(`Statistic "${spec.statistic}" is not valid; it is one of ${STATISTICS.join(', ')}`, 'Statistic');
  }
  if (spec.extendedStatistic !== undefined && !EXTENDED.test(spec.extendedStatistic)) {
    throw bad(`ExtendedStatistic "${spec.extendedStatistic}" is not a percentile such as p90 or p99.9, or tm90, wm99, tc90, ts90`, 'ExtendedStatistic');
  }
  const period = spec.period;
  if (period === undefined || !Number.isInteger(period) || !(period === 10 || period === 20 || period === 30 || (period > 0 && period % 60 === 0))) {
    throw bad(`Period ${period ?? '(missing)'} is not valid; it is 10, 20, 30 or a multiple of 60 seconds`, 'Period');
  }
  if (!WHOLE(spec.evaluationPeriods, 1)) throw bad(`EvaluationPeriods ${spec.evaluationPeriods ?? '(missing)'} is not a whole number of at least 1`, 'EvaluationPeriods');
  const n = spec.evaluationPeriods!;
  const limit = period < 3600 ? 86_400 : 604_800;
  if (period * n > limit) {
    throw bad(`Period × EvaluationPeriods is ${period * n} seconds; it is at most ${limit} (${period < 3600 ? 'one day when Period is under an hour' : 'seven days'})`, 'EvaluationPeriods');
  }
  const m = spec.datapointsToAlarm ?? n;
  if (!WHOLE(m, 1) || m > n) throw bad(`DatapointsToAlarm ${m} is not a whole number from 1 to EvaluationPeriods (${n})`, 'DatapointsToAlarm');
  if (spec.threshold === undefined || !Number.isFinite(spec.threshold)) throw bad('an alarm needs Threshold, a number', 'Threshold');
  if (!COMPARISONS.includes(spec.comparison as Comparison)) {
    throw bad(`ComparisonOperator "${spec.comparison ?? '(missing)'}" is not valid; it is one of ${COMPARISONS.join(', ')} (anomaly detection bands are not modelled)`, 'ComparisonOperator');
  }
  const missing = spec.treatMissingData ?? 'missing';
  if (!(MISSING as readonly string[]).includes(missing)) throw bad(`TreatMissingData "${missing}" is breaching, notBreaching, ignore or missing`, 'TreatMissingData');
  const dimensions = (spec.dimensions ?? []).map((d, i) => {
    if (!d.name || d.value === undefined) throw bad('each dimension needs Name and Value', ['Dimensions', i]);
    return { name: d.name, value: d.value };
  });
  if (dimensions.length > 30) throw bad(`${dimensions.length} dimensions; a metric has at most 30`, 'Dimensions');
  const policies = (list: string[] | undefined, field: string) => {
    const scaling: string[] = [];
    const other: string[] = [];
    (list ?? []).forEach((a, i) => {
      if (a.startsWith('arn:aws:autoscaling:')) {
        if (!cloud.table(AUTOSCALING.policy).has(a)) throw bad(`${field} ${i + 1} names scaling policy ${a}, which does not exist (use Ref of an AWS::AutoScaling::ScalingPolicy)`, [field, i]);
        scaling.push(a);
      } else if (/^arn:aws:(sns|automate|swf|ssm|ssm-incidents|lambda):/.test(a)) other.push(a);
      else throw bad(`${field} ${i + 1} "${a}" is not an action ARN: a scaling policy (Ref of an AWS::AutoScaling::ScalingPolicy), an SNS topic or an EC2 action`, [field, i]);
    });
    if (scaling.length + other.length > 5) throw bad(`${scaling.length + other.length} actions; an alarm state has at most 5`, field);
    return { scaling, other };
  };
  const onAlarm = policies(spec.alarmActions, 'AlarmActions');
  const onOk = policies(spec.okActions, 'OKActions');
  const name = spec.name ?? `${origin?.logicalId ?? 'alarm'}-${cloud.newId('alarm', region, origin, 'alarm').slice(6, 18).toUpperCase()}`;
  const arn = `arn:aws:cloudwatch:${region}:123456789012:alarm:${name}`;
  if (cloud.table(CLOUDWATCH.alarm).has(arn)) throw new CloudError('AlreadyExists', `an alarm named ${name} already exists in ${region}`, 'AlarmName');
  const alarm: MetricAlarm = {
    ...named(arn, region, origin),
    arn,
    name,
    namespace: spec.namespace,
    metricName: spec.metricName,
    dimensions,
    statistic: spec.statistic as Statistic | undefined,
    extendedStatistic: spec.extendedStatistic,
    period,
    evaluationPeriods: n,
    datapointsToAlarm: m,
    threshold: spec.threshold,
    comparison: spec.comparison as Comparison,
    treatMissingData: missing as MetricAlarm['treatMissingData'],
    actionsEnabled: spec.actionsEnabled ?? true,
    alarmActions: onAlarm.scaling,
    otherActions: [...onAlarm.other, ...onOk.other],
    okActions: onOk.scaling,
  };
  cloud.table(CLOUDWATCH.alarm).set(arn, alarm);
  return alarm;
}

/** Whether a datapoint breaches the alarm's threshold. */
export function breaches(alarm: Pick<MetricAlarm, 'comparison' | 'threshold'>, value: number): boolean {
  switch (alarm.comparison) {
    case 'GreaterThanOrEqualToThreshold': return value >= alarm.threshold;
    case 'GreaterThanThreshold': return value > alarm.threshold;
    case 'LessThanThreshold': return value < alarm.threshold;
    case 'LessThanOrEqualToThreshold': return value <= alarm.threshold;
  }
}
