import { createListener } from '../../../engine/elbv2/listener.js';
import { I, JSON_VALUE, S, list } from '../schema.js';
import { action, actionSpecs, certificateArns, certificates, keyValues } from './elbv2-schemas.js';
import { originOf, str, strList } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/**
 * AWS::ElasticLoadBalancingV2::Listener → CreateListener. Ref is the ARN:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-listener.html
 */
export const listener: ResourceType = {
  schema: schema(
    {
      AlpnPolicy: list(S),
      Certificates: certificates,
      DefaultActions: list(action),
      ListenerAttributes: keyValues,
      LoadBalancerArn: S,
      MutualAuthentication: JSON_VALUE,
      Port: I,
      Protocol: S,
      SslPolicy: S,
    },
    { required: ['DefaultActions', 'LoadBalancerArn'], readOnly: ['ListenerArn'] },
  ),
  attributes: ['ListenerArn'],
  create({ cloud }, r) {
    const p = r.properties;
    const l = createListener(
      cloud,
      {
        loadBalancerArn: str(p, 'LoadBalancerArn'),
        protocol: str(p, 'Protocol'),
        port: p.Port === undefined ? undefined : Number(p.Port),
        defaultActions: actionSpecs(p.DefaultActions),
        certificates: certificateArns(p.Certificates),
        sslPolicy: str(p, 'SslPolicy'),
        alpnPolicy: strList(p, 'AlpnPolicy'),
      },
      originOf(r),
    );
    return { ref: l.arn, attributes: { ListenerArn: l.arn } };
  },
};
