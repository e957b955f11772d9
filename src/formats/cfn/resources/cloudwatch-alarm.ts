import { putMetricAlarm } from '../../../engine/cloudwatch/alarm.js';
import { B, I, JSON_VALUE, S, type Shape, list, obj } from '../schema.js';
import { bool, originOf, str, strList } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

const N: Shape = { t: 'number' };
type Props = Record<string, unknown>;
const num = (p: Props, k: string): number | undefined => (p[k] === undefined ? undefined : Number(p[k]));

/**
 * AWS::CloudWatch::Alarm → PutMetricAlarm. Ref is the alarm name; attribute Arn:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudwatch-alarm.html
 */
export const alarm: ResourceType = {
  schema: schema(
    {
      ActionsEnabled: B,
      AlarmActions: list(S),
      AlarmDescription: S,
      AlarmName: S,
      ComparisonOperator: S,
      DatapointsToAlarm: I,
      Dimensions: list(obj({ Name: S, Value: S }, { required: ['Name', 'Value'] })),
      EvaluateLowSampleCountPercentile: S,
      EvaluationPeriods: I,
      ExtendedStatistic: S,
      InsufficientDataActions: list(S),
      MetricName: S,
      Metrics: JSON_VALUE,
      Namespace: S,
      OKActions: list(S),
      Period: I,
      Statistic: S,
      Tags: JSON_VALUE,
      Threshold: N,
      ThresholdMetricId: S,
      TreatMissingData: S,
      Unit: S,
    },
    { required: ['ComparisonOperator', 'EvaluationPeriods'], readOnly: ['Arn'] },
  ),
  attributes: ['Arn'],
  create({ cloud, region }, r) {
    const p = r.properties;
    const a = putMetricAlarm(
      cloud,
      region,
      {
        name: str(p, 'AlarmName'),
        namespace: str(p, 'Namespace'),
        metricName: str(p, 'MetricName'),
        dimensions: Array.isArray(p.Dimensions) ? (p.Dimensions as Props[]).map((d) => ({ name: str(d, 'Name'), value: str(d, 'Value') })) : undefined,
        statistic: str(p, 'Statistic'),
        extendedStatistic: str(p, 'ExtendedStatistic'),
        period: num(p, 'Period'),
        evaluationPeriods: num(p, 'EvaluationPeriods'),
        datapointsToAlarm: num(p, 'DatapointsToAlarm'),
        threshold: num(p, 'Threshold'),
        comparison: str(p, 'ComparisonOperator'),
        treatMissingData: str(p, 'TreatMissingData'),
        actionsEnabled: bool(p, 'ActionsEnabled'),
        alarmActions: strList(p, 'AlarmActions'),
        okActions: strList(p, 'OKActions'),
      },
      originOf(r),
    );
    return { ref: a.name, attributes: { Arn: a.arn } };
  },
};
