import { ACCOUNT_ID } from '../../../engine/arns.js';
import { createWebAcl } from '../../../engine/wafv2/web-acl.js';
import { JSON_VALUE, S, TAGS, list } from '../schema.js';
import { originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/**
 * AWS::WAFv2::WebACL → CreateWebACL. Its rules are kept, not evaluated.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-wafv2-webacl.html
 * Ref is `name|id|scope`; Fn::GetAtt gives Arn, Capacity, Id and LabelNamespace.
 */
export const webAcl: ResourceType = {
  schema: schema(
    {
      ApplicationConfig: JSON_VALUE,
      AssociationConfig: JSON_VALUE,
      CaptchaConfig: JSON_VALUE,
      ChallengeConfig: JSON_VALUE,
      CustomResponseBodies: JSON_VALUE,
      DataProtectionConfig: JSON_VALUE,
      DefaultAction: JSON_VALUE,
      Description: S,
      Name: S,
      OnSourceDDoSProtectionConfig: JSON_VALUE,
      Rules: list(JSON_VALUE),
      Scope: S,
      Tags: TAGS,
      TokenDomains: list(S),
      VisibilityConfig: JSON_VALUE,
    },
    { required: ['DefaultAction', 'Scope', 'VisibilityConfig'], readOnly: ['Arn', 'Capacity', 'Id', 'LabelNamespace'] },
  ),
  attributes: ['Arn', 'Capacity', 'Id', 'LabelNamespace'],
  create({ cloud, region }, r) {
    const p = r.properties;
    const rules = Array.isArray(p.Rules) ? p.Rules.length : 0;
    const acl = createWebAcl(cloud, region, { name: str(p, 'Name'), scope: str(p, 'Scope') ?? '', defaultAction: (p.DefaultAction ?? {}) as Record<string, unknown>, ruleCount: rules }, originOf(r));
    return {
      ref: `${acl.name}|${acl.webAclId}|${acl.scope}`,
      attributes: { Arn: acl.arn, Capacity: rules, Id: acl.webAclId, LabelNamespace: `awswaf:${ACCOUNT_ID}:webacl:${acl.name}:` },
    };
  },
};
