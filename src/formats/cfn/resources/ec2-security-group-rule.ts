import { S } from '../schema.js';
import { str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';
import { addRule, ruleSpec } from './security-group-rules.js';
import { EGRESS_DESTINATIONS, egressRuleProps, INGRESS_SOURCES, ingressRuleProps } from './shared-schemas.js';

/** AWS::EC2::SecurityGroupIngress and AWS::EC2::SecurityGroupEgress → AuthorizeSecurityGroupIngress / Egress. */
function ruleResource(direction: 'ingress' | 'egress'): ResourceType['create'] {
  return (ctx, r) => {
    const p = r.properties;
    const groupName = direction === 'ingress' && p.GroupName !== undefined ? String(p.GroupName) : undefined;
    addRule(ctx, str(p, 'GroupId'), r.logicalId, ruleSpec(p, direction, []), direction, undefined, { logicalId: r.logicalId }, { groupName, region: ctx.region });
    const id = ctx.localId('sgr', r.logicalId);
    return { ref: id, attributes: { Id: id } };
  };
}

export const securityGroupIngress: ResourceType = {
  schema: schema(
    { ...ingressRuleProps, GroupId: S, GroupName: S },
    { required: ['IpProtocol'], oneOf: [INGRESS_SOURCES], anyOf: [['GroupId', 'GroupName']], readOnly: ['Id'] },
  ),
  attributes: ['Id'],
  create: ruleResource('ingress'),
};

export const securityGroupEgress: ResourceType = {
  schema: schema({ ...egressRuleProps, GroupId: S }, { required: ['IpProtocol', 'GroupId'], oneOf: [EGRESS_DESTINATIONS], readOnly: ['Id'] }),
  attributes: ['Id'],
  create: ruleResource('egress'),
};
