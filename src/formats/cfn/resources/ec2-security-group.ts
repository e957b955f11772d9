import { S, TAGS, list } from '../schema.js';
import { originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';
import { addInlineRules } from './security-group-rules.js';
import { egressRule, ingressRule } from './shared-schemas.js';

/** AWS::EC2::SecurityGroup → CreateSecurityGroup, then its inline rules. */
export const securityGroup: ResourceType = {
  schema: schema(
    { GroupDescription: S, GroupName: S, SecurityGroupEgress: list(egressRule), SecurityGroupIngress: list(ingressRule), Tags: TAGS, VpcId: S },
    { required: ['GroupDescription'], readOnly: ['Id', 'GroupId'] },
  ),
  attributes: ['GroupId', 'Id', 'VpcId'],
  create(ctx, r) {
    const p = r.properties;
    const vpcId = str(p, 'VpcId');
    const g = ctx.cloud.createSecurityGroup({ vpcId, groupName: str(p, 'GroupName'), description: str(p, 'GroupDescription'), region: ctx.region }, originOf(r));
    addInlineRules(ctx, g.id, r.logicalId, p.SecurityGroupIngress, 'ingress', 'SecurityGroupIngress');
    if (Array.isArray(p.SecurityGroupEgress)) {
      // CloudFormation removes the default allow-all egress rule when egress rules are given.
      ctx.cloud.clearEgress(g.id);
      addInlineRules(ctx, g.id, r.logicalId, p.SecurityGroupEgress, 'egress', 'SecurityGroupEgress');
    }
    // Ref is the group's id when VpcId is given, else its name (a group of the default VPC), as in CloudFormation.
    return { ref: vpcId ? g.id : g.name, attributes: { GroupId: g.id, VpcId: g.vpcId } };
  },
};
