import { createRule } from '../../../engine/elbv2/listener.js';
import { I, JSON_VALUE, S, list } from '../schema.js';
import { action, actionSpecs, condition, conditionSpecs } from './elbv2-schemas.js';
import { originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/**
 * AWS::ElasticLoadBalancingV2::ListenerRule → CreateRule. Ref is the rule's ARN; attributes
 * IsDefault and RuleArn: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-listenerrule.html
 */
export const listenerRule: ResourceType = {
  schema: schema(
    { Actions: list(action), Conditions: list(condition), ListenerArn: S, Priority: I, Transforms: JSON_VALUE },
    { required: ['Actions', 'Conditions', 'Priority'], readOnly: ['RuleArn', 'IsDefault'] },
  ),
  attributes: ['IsDefault', 'RuleArn'],
  create({ cloud }, r) {
    const p = r.properties;
    const rule = createRule(
      cloud,
      { listenerArn: str(p, 'ListenerArn'), priority: p.Priority === undefined ? undefined : Number(p.Priority), conditions: conditionSpecs(p.Conditions), actions: actionSpecs(p.Actions) },
      originOf(r),
    );
    return { ref: rule.arn, attributes: { IsDefault: false, RuleArn: rule.arn } };
  },
};
