import { putScheduledAction } from '../../../engine/autoscaling/policy.js';
import { I, S } from '../schema.js';
import { originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

type Props = Record<string, unknown>;
const num = (p: Props, k: string): number | undefined => (p[k] === undefined ? undefined : Number(p[k]));

/** AWS::AutoScaling::ScheduledAction → PutScheduledUpdateGroupAction. Ref is the action's name. */
export const scheduledAction: ResourceType = {
  schema: schema(
    { AutoScalingGroupName: S, DesiredCapacity: I, EndTime: S, MaxSize: I, MinSize: I, Recurrence: S, StartTime: S, TimeZone: S },
    { required: ['AutoScalingGroupName'], readOnly: ['ScheduledActionName'] },
  ),
  attributes: ['ScheduledActionName'],
  create({ cloud, region }, r) {
    const p = r.properties;
    const a = putScheduledAction(
      cloud,
      region,
      {
        group: str(p, 'AutoScalingGroupName'),
        minSize: num(p, 'MinSize'),
        maxSize: num(p, 'MaxSize'),
        desiredCapacity: num(p, 'DesiredCapacity'),
        recurrence: str(p, 'Recurrence'),
        startTime: str(p, 'StartTime'),
        endTime: str(p, 'EndTime'),
        timeZone: str(p, 'TimeZone'),
      },
      originOf(r),
    );
    return { ref: a.name, attributes: { ScheduledActionName: a.name } };
  },
};
