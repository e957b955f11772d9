import { kind } from '../store.js';
import type { AutoScalingGroup } from './group.js';
import type { LaunchConfiguration, LaunchTemplate } from './launch-template.js';
import type { ScalingPolicy, ScheduledAction } from './policy.js';

/**
 * Launch templates (EC2's, kept here with the groups that use them) and EC2 Auto Scaling's
 * kinds. Auto Scaling answers an unknown group name with ValidationError; groups are keyed by
 * name, as its API names them.
 */
export const AUTOSCALING = {
  launchTemplate: kind<LaunchTemplate>({ noun: 'the launch template', notFound: 'InvalidLaunchTemplateId.NotFound', field: 'LaunchTemplateId' }),
  launchConfiguration: kind<LaunchConfiguration>({ noun: 'the launch configuration', notFound: 'ValidationError', field: 'LaunchConfigurationName' }),
  group: kind<AutoScalingGroup>({ noun: 'the auto scaling group', notFound: 'ValidationError', field: 'AutoScalingGroupName' }),
  policy: kind<ScalingPolicy>({ noun: 'the scaling policy', notFound: 'ValidationError', field: 'PolicyName' }),
  scheduledAction: kind<ScheduledAction>({ noun: 'the scheduled action', notFound: 'ValidationError', field: 'ScheduledActionName' }),
} as const;

/** ASG-14: Auto Scaling's default quotas. */
export const AUTOSCALING_QUOTAS = {
  groupsPerRegion: 500,
  launchConfigurationsPerRegion: 200,
  policiesPerGroup: 50,
  scheduledActionsPerGroup: 125,
  stepAdjustmentsPerPolicy: 20,
  targetGroupsPerGroup: 50,
} as const;
