import { describe, expect, it } from 'vitest';
import { createAutoScalingGroup } from '../../../src/engine/autoscaling/group.js';
import { createLaunchTemplate } from '../../../src/engine/autoscaling/launch-template.js';
import { putScalingPolicy } from '../../../src/engine/autoscaling/policy.js';
import { type AlarmSpec, putMetricAlarm } from '../../../src/engine/cloudwatch/alarm.js';
import { evaluateAlarm } from '../../../src/engine/cloudwatch/evaluate.js';
import { code, network, REGION } from '../elbv2/support.js';

function setup() {
  const n = network();
  const lt = createLaunchTemplate(n.cloud, REGION, { data: { securityGroupIds: [n.webSg] } });
  createAutoScalingGroup(n.cloud, REGION, { name: 'web', minSize: 2, maxSize: 10, vpcZoneIdentifier: [n.privateA, n.privateB], launchTemplate: { launchTemplateId: lt.id, version: '$Latest' } });
  const policy = putScalingPolicy(n.cloud, REGION, { group: 'web', policyType: 'StepScaling', adjustmentType: 'PercentChangeInCapacity', stepAdjustments: [{ lower: 0, adjustment: 30 }] }, { logicalId: 'ScaleOut' });
  const cpu: AlarmSpec = {
    namespace: 'AWS/EC2',
    metricName: 'CPUUtilization',
    dimensions: [{ name: 'AutoScalingGroupName', value: 'web' }],
    statistic: 'Average',
    period: 60,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    threshold: 80,
    comparison: 'GreaterThanThreshold',
    alarmActions: [policy.arn],
  };
  return { ...n, policy, cpu };
}

describe('CloudWatch metric alarms (PutMetricAlarm)', () => {
  it('ASG-07: an alarm on the group CPU invokes a step policy named by its ARN', () => {
    const s = setup();
    const a = putMetricAlarm(s.cloud, REGION, s.cpu, { logicalId: 'CpuHigh' });
    expect(a.alarmActions).toEqual([s.policy.arn]);
    expect(a.datapointsToAlarm).toBe(2);
    expect(a.arn).toMatch(/^arn:aws:cloudwatch:us-east-1:123456789012:alarm:CpuHigh-/);
    expect(code(() => putMetricAlarm(s.cloud, REGION, { ...s.cpu, alarmActions: [s.policy.arn.replace('policyName/', 'policyName/x')] }))).toBe('ValidationError');
    expect(code(() => putMetricAlarm(s.cloud, REGION, { ...s.cpu, alarmActions: ['ScaleOut'] }))).toBe('ValidationError');
  });

  it('Period is 10, 20, 30 or a multiple of 60, and the evaluation range at most a day under an hourly period', () => {
    const s = setup();
    const p = (period: number, evaluationPeriods = 1) => code(() => putMetricAlarm(s.cloud, REGION, { ...s.cpu, period, evaluationPeriods, datapointsToAlarm: 1 }));
    expect(p(10)).toBe('no error');
    expect(p(20)).toBe('no error');
    expect(p(30)).toBe('no error');
    expect(p(300)).toBe('no error');
    expect(p(45)).toBe('ValidationError');
    expect(p(0)).toBe('ValidationError');
    expect(p(60, 1440)).toBe('no error');
    expect(p(60, 1441)).toBe('ValidationError');
    expect(p(3600, 168)).toBe('no error');
    expect(p(3600, 169)).toBe('ValidationError');
  });

  it('EvaluationPeriods ≥ 1, DatapointsToAlarm ≤ EvaluationPeriods, one of Statistic and ExtendedStatistic, a known comparison', () => {
    const s = setup();
    const put = (over: Partial<AlarmSpec>) => code(() => putMetricAlarm(s.cloud, REGION, { ...s.cpu, ...over }));
    expect(put({ evaluationPeriods: 0 })).toBe('ValidationError');
    expect(put({ datapointsToAlarm: 4 })).toBe('ValidationError');
    expect(put({ datapointsToAlarm: 0 })).toBe('ValidationError');
    expect(put({ statistic: undefined })).toBe('ValidationError');
    expect(put({ statistic: undefined, extendedStatistic: 'p99' })).toBe('no error');
    expect(put({ extendedStatistic: 'p99' })).toBe('ValidationError');
    expect(put({ statistic: 'Mean' })).toBe('ValidationError');
    expect(put({ comparison: 'Above' })).toBe('ValidationError');
    expect(put({ threshold: undefined })).toBe('ValidationError');
    expect(put({ metricName: undefined })).toBe('ValidationError');
    expect(put({ namespace: undefined })).toBe('ValidationError');
    expect(put({ dimensions: [{ name: 'AutoScalingGroupName' }] })).toBe('ValidationError');
  });

  it('alarm names are unique in a region', () => {
    const s = setup();
    putMetricAlarm(s.cloud, REGION, { ...s.cpu, name: 'cpu-high' });
    expect(code(() => putMetricAlarm(s.cloud, REGION, { ...s.cpu, name: 'cpu-high' }))).toBe('AlreadyExists');
  });
});

describe('alarm evaluation', () => {
  const alarm = { comparison: 'GreaterThanThreshold' as const, threshold: 80, evaluationPeriods: 3, datapointsToAlarm: 2, treatMissingData: 'missing' as const };

  it('ASG-07: M out of N datapoints breaching puts the alarm in ALARM', () => {
    expect(evaluateAlarm(alarm, [90, 50, 50], 'OK')).toBe('OK');
    expect(evaluateAlarm(alarm, [90, 50, 95], 'OK')).toBe('ALARM');
    expect(evaluateAlarm(alarm, [10, 10, 90, 95], 'OK')).toBe('ALARM');
    expect(evaluateAlarm(alarm, [80, 80, 80], 'OK')).toBe('OK');
    expect(evaluateAlarm({ ...alarm, comparison: 'GreaterThanOrEqualToThreshold' }, [80, 80, 10], 'OK')).toBe('ALARM');
    expect(evaluateAlarm(alarm, [90, 95, 50, 40], 'ALARM')).toBe('OK');
  });

  it('missing datapoints follow TreatMissingData', () => {
    const none = [undefined, undefined, undefined];
    expect(evaluateAlarm(alarm, none, 'OK')).toBe('INSUFFICIENT_DATA');
    expect(evaluateAlarm({ ...alarm, treatMissingData: 'ignore' }, none, 'ALARM')).toBe('ALARM');
    expect(evaluateAlarm({ ...alarm, treatMissingData: 'breaching' }, none, 'OK')).toBe('ALARM');
    expect(evaluateAlarm({ ...alarm, treatMissingData: 'notBreaching' }, none, 'ALARM')).toBe('OK');
    expect(evaluateAlarm(alarm, [undefined, undefined, 50], 'INSUFFICIENT_DATA')).toBe('INSUFFICIENT_DATA');
    expect(evaluateAlarm(alarm, [undefined, 50, 50], 'INSUFFICIENT_DATA')).toBe('OK');
  });
});
