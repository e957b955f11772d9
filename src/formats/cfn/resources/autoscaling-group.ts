import { createAutoScalingGroup, type LaunchTemplateRef } from '../../../engine/autoscaling/group.js';
import { B, I, JSON_VALUE, S, list, obj } from '../schema.js';
import { originOf, str, strList } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

const templateSpec = obj({ LaunchTemplateId: S, LaunchTemplateName: S, Version: S }, { required: ['Version'] });

type Props = Record<string, unknown>;

function templateRef(v: unknown): LaunchTemplateRef | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const t = v as Props;
  return { launchTemplateId: str(t, 'LaunchTemplateId'), launchTemplateName: str(t, 'LaunchTemplateName'), version: str(t, 'Version') };
}

/**
 * AWS::AutoScaling::AutoScalingGroup → CreateAutoScalingGroup; its instances are launched at
 * desired capacity. Ref is the group's name:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-autoscaling-autoscalinggroup.html
 */
export const autoScalingGroup: ResourceType = {
  schema: schema(
    {
      AutoScalingGroupName: S,
      AvailabilityZoneDistribution: JSON_VALUE,
      AvailabilityZoneImpairmentPolicy: JSON_VALUE,
      AvailabilityZones: list(S),
      CapacityRebalance: B,
      CapacityReservationSpecification: JSON_VALUE,
      Context: S,
      Cooldown: S,
      DefaultInstanceWarmup: I,
      DesiredCapacity: S,
      DesiredCapacityType: S,
      HealthCheckGracePeriod: I,
      HealthCheckType: S,
      InstanceId: S,
      InstanceMaintenancePolicy: JSON_VALUE,
      LaunchConfigurationName: S,
      LaunchTemplate: templateSpec,
      LifecycleHookSpecificationList: JSON_VALUE,
      LoadBalancerNames: list(S),
      MaxInstanceLifetime: I,
      MaxSize: S,
      MetricsCollection: JSON_VALUE,
      MinSize: S,
      MixedInstancesPolicy: obj(
        { InstancesDistribution: JSON_VALUE, LaunchTemplate: obj({ LaunchTemplateSpecification: templateSpec, Overrides: JSON_VALUE }, { required: ['LaunchTemplateSpecification'] }) },
        { required: ['LaunchTemplate'] },
      ),
      NewInstancesProtectedFromScaleIn: B,
      NotificationConfiguration: JSON_VALUE,
      NotificationConfigurations: JSON_VALUE,
      PlacementGroup: S,
      ServiceLinkedRoleARN: S,
      SkipZonalShiftValidation: B,
      Tags: list(obj({ Key: S, PropagateAtLaunch: B, Value: S }, { required: ['Key', 'Value', 'PropagateAtLaunch'] })),
      TargetGroupARNs: list(S),
      TerminationPolicies: list(S),
      TrafficSources: JSON_VALUE,
      VPCZoneIdentifier: list(S),
    },
    { required: ['MinSize', 'MaxSize'] },
  ),
  attributes: [],
  create(ctx, r) {
    const p = r.properties;
    if (Array.isArray(p.LoadBalancerNames) && p.LoadBalancerNames.length) {
      ctx.warn({ logicalId: r.logicalId, code: 'ClassicLoadBalancerIgnored', message: 'LoadBalancerNames attaches Classic Load Balancers, which the virtual cloud does not model; they play no part', path: ['LoadBalancerNames'] });
    }
    const mixed = (p.MixedInstancesPolicy as Props | undefined)?.LaunchTemplate as Props | undefined;
    const origin = originOf(r);
    // Only tags with PropagateAtLaunch reach the instances.
    const propagated = Array.isArray(p.Tags) ? Object.fromEntries((p.Tags as Props[]).filter((t) => t.PropagateAtLaunch === true).map((t) => [String(t.Key), String(t.Value ?? '')])) : {};
    const g = createAutoScalingGroup(
      ctx.cloud,
      ctx.region,
      {
        name: str(p, 'AutoScalingGroupName'),
        minSize: p.MinSize,
        maxSize: p.MaxSize,
        desiredCapacity: p.DesiredCapacity,
        vpcZoneIdentifier: strList(p, 'VPCZoneIdentifier'),
        availabilityZones: strList(p, 'AvailabilityZones'),
        targetGroupArns: strList(p, 'TargetGroupARNs'),
        healthCheckType: str(p, 'HealthCheckType'),
        healthCheckGracePeriod: p.HealthCheckGracePeriod,
        cooldown: p.Cooldown,
        defaultInstanceWarmup: p.DefaultInstanceWarmup,
        maxInstanceLifetime: p.MaxInstanceLifetime,
        launchTemplate: templateRef(p.LaunchTemplate),
        mixedInstancesTemplate: mixed ? templateRef(mixed.LaunchTemplateSpecification) : undefined,
        launchConfigurationName: str(p, 'LaunchConfigurationName'),
        instanceId: str(p, 'InstanceId'),
      },
      { logicalId: origin.logicalId, tags: propagated },
    );
    return { ref: g.name, attributes: {} };
  },
};
