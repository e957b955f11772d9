import { putScalingPolicy } from '../../../engine/autoscaling/policy.js';
import { B, I, JSON_VALUE, S, type Shape, list, obj } from '../schema.js';
import { bool, originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

const N: Shape = { t: 'number' };
type Props = Record<string, unknown>;
const num = (p: Props | undefined, k: string): number | undefined => (p?.[k] === undefined ? undefined : Number(p[k]));

/**
 * AWS::AutoScaling::ScalingPolicy → PutScalingPolicy. Ref is the policy ARN; attributes Arn
 * and PolicyName: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-autoscaling-scalingpolicy.html
 */
export const scalingPolicy: ResourceType = {
  schema: schema(
    {
      AdjustmentType: S,
      AutoScalingGroupName: S,
      Cooldown: S,
      EstimatedInstanceWarmup: I,
      MetricAggregationType: S,
      MinAdjustmentMagnitude: I,
      PolicyType: S,
      PredictiveScalingConfiguration: JSON_VALUE,
      ScalingAdjustment: I,
      StepAdjustments: list(obj({ MetricIntervalLowerBound: N, MetricIntervalUpperBound: N, ScalingAdjustment: I }, { required: ['ScalingAdjustment'] })),
      TargetTrackingConfiguration: obj(
        {
          CustomizedMetricSpecification: JSON_VALUE,
          DisableScaleIn: B,
          PredefinedMetricSpecification: obj({ PredefinedMetricType: S, ResourceLabel: S }, { required: ['PredefinedMetricType'] }),
          TargetValue: N,
        },
        { required: ['TargetValue'] },
      ),
    },
    { required: ['AutoScalingGroupName'], readOnly: ['Arn', 'PolicyName'] },
  ),
  attributes: ['Arn', 'PolicyName'],
  create({ cloud, region }, r) {
    const p = r.properties;
    const tt = p.TargetTrackingConfiguration as Props | undefined;
    const pm = tt?.PredefinedMetricSpecification as Props | undefined;
    const policy = putScalingPolicy(
      cloud,
      region,
      {
        group: str(p, 'AutoScalingGroupName'),
        policyType: str(p, 'PolicyType'),
        adjustmentType: str(p, 'AdjustmentType'),
        scalingAdjustment: num(p, 'ScalingAdjustment'),
        minAdjustmentMagnitude: num(p, 'MinAdjustmentMagnitude'),
        cooldown: num(p, 'Cooldown'),
        stepAdjustments: Array.isArray(p.StepAdjustments)
          ? (p.StepAdjustments as Props[]).map((s) => ({ lower: num(s, 'MetricIntervalLowerBound'), upper: num(s, 'MetricIntervalUpperBound'), adjustment: num(s, 'ScalingAdjustment') }))
          : undefined,
        metricAggregationType: str(p, 'MetricAggregationType'),
        estimatedInstanceWarmup: num(p, 'EstimatedInstanceWarmup'),
        targetTracking: tt && {
          predefinedMetric: pm ? str(pm, 'PredefinedMetricType') : undefined,
          resourceLabel: pm ? str(pm, 'ResourceLabel') : undefined,
          customized: tt.CustomizedMetricSpecification !== undefined,
          targetValue: num(tt, 'TargetValue'),
          disableScaleIn: bool(tt, 'DisableScaleIn'),
        },
      },
      originOf(r),
    );
    return { ref: policy.arn, attributes: { Arn: policy.arn, PolicyName: policy.name } };
  },
};
