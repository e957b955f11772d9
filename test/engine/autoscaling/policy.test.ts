import { describe, expect, it } from 'vitest';
import { createAutoScalingGroup } from '../../../src/engine/autoscaling/group.js';
import { createLaunchTemplate } from '../../../src/engine/autoscaling/launch-template.js';
import { putScalingPolicy, putScheduledAction } from '../../../src/engine/autoscaling/policy.js';
import { createListener } from '../../../src/engine/elbv2/listener.js';
import { createLoadBalancer } from '../../../src/engine/elbv2/load-balancer.js';
import { createTargetGroup } from '../../../src/engine/elbv2/target-group.js';
import { code, network, REGION } from '../elbv2/support.js';

function setup() {
  const n = network();
  const lt = createLaunchTemplate(n.cloud, REGION, { data: { securityGroupIds: [n.webSg] } });
  const tg = createTargetGroup(n.cloud, REGION, { protocol: 'HTTP', port: 80, vpcId: n.vpc.id }, { logicalId: 'Tg' });
  const lb = createLoadBalancer(n.cloud, REGION, { name: 'web', subnets: [n.publicA, n.publicB] });
  createListener(n.cloud, { loadBalancerArn: lb.arn, protocol: 'HTTP', port: 80, defaultActions: [{ type: 'forward', targetGroupArn: tg.arn }] });
  const g = createAutoScalingGroup(n.cloud, REGION, { name: 'web', minSize: 2, maxSize: 6, vpcZoneIdentifier: [n.privateA, n.privateB], targetGroupArns: [tg.arn], launchTemplate: { launchTemplateId: lt.id, version: '$Latest' } });
  return { ...n, tg, lb, g };
}

describe('scaling policies', () => {
  it('ASG-06: target tracking needs a TargetValue and one metric; ALBRequestCountPerTarget names an attached group', () => {
    const s = setup();
    const tt = (targetTracking: object) => code(() => putScalingPolicy(s.cloud, REGION, { group: 'web', policyType: 'TargetTrackingScaling', targetTracking }));
    expect(tt({ predefinedMetric: 'ASGAverageCPUUtilization', targetValue: 50 })).toBe('no error');
    expect(tt({ predefinedMetric: 'ASGAverageCPUUtilization' })).toBe('ValidationError');
    expect(tt({ predefinedMetric: 'CPU', targetValue: 50 })).toBe('ValidationError');
    expect(tt({ targetValue: 50 })).toBe('ValidationError');
    expect(tt({ predefinedMetric: 'ALBRequestCountPerTarget', targetValue: 1000 })).toBe('ValidationError');
    expect(tt({ predefinedMetric: 'ALBRequestCountPerTarget', targetValue: 1000, resourceLabel: `${s.lb.fullName}/${s.tg.fullName}` })).toBe('no error');
    expect(tt({ predefinedMetric: 'ALBRequestCountPerTarget', targetValue: 1000, resourceLabel: s.tg.fullName })).toBe('ValidationError');
    expect(code(() => putScalingPolicy(s.cloud, REGION, { group: 'web', policyType: 'TargetTrackingScaling', adjustmentType: 'ChangeInCapacity', targetTracking: { predefinedMetric: 'ASGAverageCPUUtilization', targetValue: 50 } }))).toBe('ValidationError');
    expect(code(() => putScalingPolicy(s.cloud, REGION, { group: 'nope', policyType: 'TargetTrackingScaling' }))).toBe('ValidationError');
  });

  it('ASG-07: step adjustments: no gaps, no overlaps, at most one open bound each way, at most 20', () => {
    const s = setup();
    const step = (stepAdjustments: object[]) => code(() => putScalingPolicy(s.cloud, REGION, { group: 'web', policyType: 'StepScaling', adjustmentType: 'ChangeInCapacity', stepAdjustments: stepAdjustments as never }));
    expect(step([{ lower: 0, upper: 10, adjustment: 1 }, { lower: 10, adjustment: 2 }])).toBe('no error');
    expect(step([{ lower: 0, upper: 10, adjustment: 1 }, { lower: 20, adjustment: 2 }])).toBe('ValidationError');
    expect(step([{ lower: 0, upper: 15, adjustment: 1 }, { lower: 10, adjustment: 2 }])).toBe('ValidationError');
    expect(step([{ lower: 0, adjustment: 1 }, { lower: 10, adjustment: 2 }])).toBe('ValidationError');
    expect(step([{ upper: 0, adjustment: -1 }, { lower: 0, adjustment: 1 }])).toBe('no error');
    expect(step([])).toBe('ValidationError');
    expect(step(Array.from({ length: 21 }, (_, i) => ({ lower: i, upper: i + 1, adjustment: 1 })))).toBe('ValidationError');
    expect(step([{ lower: 5, upper: 5, adjustment: 1 }])).toBe('ValidationError');
  });

  it('ASG-08: adjustment types; MinAdjustmentMagnitude only with PercentChangeInCapacity', () => {
    const s = setup();
    const simple = (extra: object) => code(() => putScalingPolicy(s.cloud, REGION, { group: 'web', policyType: 'SimpleScaling', scalingAdjustment: 1, ...extra }));
    expect(simple({ adjustmentType: 'ChangeInCapacity' })).toBe('no error');
    expect(simple({ adjustmentType: 'PercentChangeInCapacity', scalingAdjustment: 30, minAdjustmentMagnitude: 2 })).toBe('no error');
    expect(simple({ adjustmentType: 'ChangeInCapacity', minAdjustmentMagnitude: 2 })).toBe('ValidationError');
    expect(simple({ adjustmentType: 'Double' })).toBe('ValidationError');
    expect(simple({ adjustmentType: 'ExactCapacity', scalingAdjustment: -1 })).toBe('ValidationError');
  });

  it('ASG-09: simple scaling needs AdjustmentType and ScalingAdjustment; Cooldown only on simple policies; PolicyType defaults to SimpleScaling', () => {
    const s = setup();
    expect(putScalingPolicy(s.cloud, REGION, { group: 'web', adjustmentType: 'ChangeInCapacity', scalingAdjustment: 2, cooldown: 120 }).policyType).toBe('SimpleScaling');
    expect(code(() => putScalingPolicy(s.cloud, REGION, { group: 'web', scalingAdjustment: 2 }))).toBe('ValidationError');
    expect(code(() => putScalingPolicy(s.cloud, REGION, { group: 'web', adjustmentType: 'ChangeInCapacity' }))).toBe('ValidationError');
    expect(code(() => putScalingPolicy(s.cloud, REGION, { group: 'web', policyType: 'StepScaling', adjustmentType: 'ChangeInCapacity', cooldown: 60, stepAdjustments: [{ lower: 0, adjustment: 1 }] }))).toBe('ValidationError');
    expect(code(() => putScalingPolicy(s.cloud, REGION, { group: 'web', policyType: 'Reactive' }))).toBe('ValidationError');
  });
});

describe('scheduled actions', () => {
  it('ASG-11: at least one size, within the limits; a five-field cron or a start time in ISO-8601', () => {
    const s = setup();
    const at = (spec: object) => code(() => putScheduledAction(s.cloud, REGION, { group: 'web', ...spec }));
    expect(at({ desiredCapacity: 4, recurrence: '0 8 * * MON-FRI' })).toBe('no error');
    expect(at({ recurrence: '0 8 * * *' })).toBe('ValidationError');
    expect(at({ desiredCapacity: 1, recurrence: '0 8 * * *' })).toBe('ValidationError');
    expect(at({ desiredCapacity: 7, recurrence: '0 8 * * *' })).toBe('ValidationError');
    expect(at({ minSize: 1, desiredCapacity: 1, recurrence: '0 22 * * *' })).toBe('no error');
    expect(at({ minSize: 5, maxSize: 3, recurrence: '0 8 * * *' })).toBe('ValidationError');
    expect(at({ desiredCapacity: 3, recurrence: '0 8 * *' })).toBe('ValidationError');
    expect(at({ desiredCapacity: 3 })).toBe('ValidationError');
    expect(at({ desiredCapacity: 3, startTime: '2025-03-01T08:00:00Z' })).toBe('no error');
    expect(at({ desiredCapacity: 4, startTime: '2025-03-01T08:00:00Z' })).toBe('AlreadyExists');
    expect(at({ desiredCapacity: 3, startTime: 'tomorrow' })).toBe('ValidationError');
    expect(at({ desiredCapacity: 3, startTime: '2025-03-02T08:00:00Z', endTime: '2025-03-01T08:00:00Z' })).toBe('ValidationError');
    expect(at({ desiredCapacity: 3, recurrence: '0 8 * * *', timeZone: 'Europe/Paris' })).toBe('no error');
  });
});
