import { policyDesired } from '../autoscaling/adjustment.js';
import type { AutoScalingGroup } from '../autoscaling/group.js';
import { AUTOSCALING } from '../autoscaling/kinds.js';
import type { ScalingPolicy } from '../autoscaling/policy.js';
import type { Cloud } from '../cloud.js';
import type { MetricAlarm } from '../cloudwatch/alarm.js';
import { type AlarmState, evaluateAlarm } from '../cloudwatch/evaluate.js';
import { CLOUDWATCH } from '../cloudwatch/kinds.js';
import { ELBV2 } from '../elbv2/kinds.js';
import { METRIC_PERIOD } from './asg-tracking.js';

/**
 * CloudWatch alarms that invoke a group's step and simple scaling policies (ASG-07..10). The
 * simulator has two of CloudWatch's metrics of a group: AWS/EC2 CPUUtilization with dimension
 * AutoScalingGroupName (Average), and AWS/ApplicationELB RequestCountPerTarget with dimension
 * TargetGroup of a target group the group is attached to (Sum). Datapoints are one a minute; a
 * Period of several minutes averages (CPU) or adds (requests) them; a Period under a minute
 * (10, 20, 30) is evaluated each minute, as standard-resolution metrics have one datapoint a
 * minute. Alarms on other metrics are not played (unplayedAlarms).
 */
export type AlarmMetric = 'cpu' | 'requests';

export interface MinuteMetrics {
  /** Average CPU percent of the instances past the warm-up, or undefined when none is. */
  cpu(warmup: number): number | undefined;
  /** Requests per instance past the warm-up in the last minute. */
  requests(warmup: number): number | undefined;
  /** Instances launched or in service that are still in their warm-up. */
  warming(warmup: number): number;
}

export interface Activity {
  policy: ScalingPolicy;
  desired: number;
  why: string;
}

export class AlarmPlay {
  state: AlarmState = 'INSUFFICIENT_DATA';
  private readonly minutes: (number | undefined)[] = [];
  private readonly window: (number | undefined)[] = [];
  private elapsed = 0;

  constructor(
    readonly alarm: MetricAlarm,
    readonly metric: AlarmMetric,
    readonly policies: ScalingPolicy[],
    /** The warm-up whose instances the alarm's metric leaves out: the step policy's EstimatedInstanceWarmup, else the group's. */
    readonly warmup: number,
  ) {}

  get label(): string {
    return this.alarm.logicalId ?? this.alarm.name;
  }

  /** A minute's datapoint; at the end of each Period, the alarm's new state (changed: whether it moved). */
  minute(m: MinuteMetrics): { changed: boolean; evaluated: boolean; value?: number } {
    const v = this.metric === 'cpu' ? m.cpu(this.warmup) : m.requests(this.warmup);
    this.minutes.push(v);
    this.elapsed += METRIC_PERIOD;
    const period = Math.max(METRIC_PERIOD, this.alarm.period);
    if (this.elapsed < period) return { changed: false, evaluated: false };
    this.elapsed = 0;
    const present = this.minutes.filter((x): x is number => x !== undefined);
    this.minutes.length = 0;
    const value = present.length === 0 ? undefined : this.metric === 'cpu' ? present.reduce((a, b) => a + b, 0) / present.length : present.reduce((a, b) => a + b, 0);
    this.window.push(value);
    if (this.window.length > this.alarm.evaluationPeriods) this.window.shift();
    const before = this.state;
    this.state = evaluateAlarm(this.alarm, this.window, this.state);
    return { changed: before !== this.state, evaluated: true, value };
  }

  /** The latest datapoint of the window. */
  get last(): number | undefined {
    return this.window.at(-1);
  }
}

/** The alarms whose actions name a step or simple policy of the group, with the metric each plays; the others of the group in `unplayed`. */
export function groupAlarms(cloud: Cloud, group: AutoScalingGroup, groupWarmup: number): AlarmPlay[] {
  const out: AlarmPlay[] = [];
  for (const alarm of cloud.table(CLOUDWATCH.alarm).values()) {
    const policies = alarm.alarmActions
      .map((arn) => cloud.table(AUTOSCALING.policy).get(arn))
      .filter((p): p is ScalingPolicy => p !== undefined && p.group === group.name && (p.policyType === 'StepScaling' || p.policyType === 'SimpleScaling'));
    if (!alarm.actionsEnabled || policies.length === 0) continue;
    const metric = metricOf(cloud, alarm, group);
    if (!metric) continue;
    const step = policies.find((p) => p.policyType === 'StepScaling' && p.estimatedInstanceWarmup !== undefined);
    out.push(new AlarmPlay(alarm, metric, policies, step?.estimatedInstanceWarmup ?? groupWarmup));
  }
  return out;
}

function metricOf(cloud: Cloud, alarm: MetricAlarm, group: AutoScalingGroup): AlarmMetric | undefined {
  const dim = (n: string) => alarm.dimensions.find((d) => d.name === n)?.value;
  if (alarm.extendedStatistic !== undefined) return undefined;
  if (alarm.namespace === 'AWS/EC2' && alarm.metricName === 'CPUUtilization' && alarm.statistic === 'Average' && alarm.dimensions.length === 1 && dim('AutoScalingGroupName') === group.name) return 'cpu';
  if (alarm.namespace === 'AWS/ApplicationELB' && alarm.metricName === 'RequestCountPerTarget' && alarm.statistic === 'Sum') {
    const tg = [...cloud.table(ELBV2.targetGroup).values()].find((t) => t.fullName === dim('TargetGroup'));
    if (tg && group.targetGroupArns.includes(tg.arn)) return 'requests';
  }
  return undefined;
}

/** Alarms with scaling actions the simulator does not play, each with why: for the result's notes. */
export function unplayedAlarms(cloud: Cloud): string[] {
  const out: string[] = [];
  for (const alarm of cloud.table(CLOUDWATCH.alarm).values()) {
    const groups = new Set(alarm.alarmActions.map((arn) => cloud.table(AUTOSCALING.policy).get(arn)?.group).filter((g): g is string => g !== undefined));
    const played = [...groups].some((g) => {
      const group = cloud.table(AUTOSCALING.group).get(g);
      return group !== undefined && metricOf(cloud, alarm, group) !== undefined;
    });
    if (played || groups.size === 0) continue;
    out.push(
      `Alarm ${alarm.logicalId ?? alarm.name} (${alarm.namespace} ${alarm.metricName} ${alarm.statistic ?? alarm.extendedStatistic}) is not played: the simulation has the group's CPUUtilization (Average, dimension AutoScalingGroupName) and RequestCountPerTarget (Sum, dimension TargetGroup) only, so it stays INSUFFICIENT_DATA and invokes nothing.`,
    );
  }
  return out;
}

/**
 * What one evaluation in ALARM asks of a step or simple policy. Step (ASG-07, ASG-10): the step
 * holding metric − threshold, applied to the capacity without the instances still warming up,
 * so that a breach in the same step does not add again for capacity already being added; no
 * scale-in while an instance warms up. Simple (ASG-09): applied to the desired capacity; the
 * caller holds it back during the activity and its cooldown.
 */
export function activityOf(play: AlarmPlay, policy: ScalingPolicy, desired: number, warming: number, bounds: { min: number; max: number }): Activity | undefined {
  const value = play.last;
  if (value === undefined) return undefined;
  const base = policy.policyType === 'StepScaling' ? Math.max(0, desired - warming) : desired;
  const want = policyDesired(policy, value, play.alarm.threshold, base, bounds);
  if (want === undefined) return undefined;
  if (policy.policyType === 'StepScaling') {
    if (want > desired || (want < desired && warming === 0)) return { policy, desired: want, why: whyOf(play, policy, value) };
    return undefined;
  }
  return want === desired ? undefined : { policy, desired: want, why: whyOf(play, policy, value) };
}

function whyOf(play: AlarmPlay, policy: ScalingPolicy, value: number): string {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `alarm ${play.label} in ALARM (${play.alarm.metricName} ${shown}, threshold ${play.alarm.threshold}) invoked ${policy.policyType === 'StepScaling' ? 'step' : 'simple'} scaling policy ${policy.logicalId ?? policy.name}`;
}
