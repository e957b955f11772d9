import { createTargetGroup } from '../../../engine/elbv2/target-group.js';
import { B, I, S, TAGS, list, obj } from '../schema.js';
import { keyValueMap, keyValues } from './elbv2-schemas.js';
import { bool, originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

type Props = Record<string, unknown>;
const num = (p: Props, k: string): number | undefined => (p[k] === undefined ? undefined : Number(p[k]));

/**
 * AWS::ElasticLoadBalancingV2::TargetGroup → CreateTargetGroup and RegisterTargets. Ref is the
 * ARN; attributes: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-targetgroup.html
 */
export const targetGroup: ResourceType = {
  schema: schema(
    {
      HealthCheckEnabled: B,
      HealthCheckIntervalSeconds: I,
      HealthCheckPath: S,
      HealthCheckPort: S,
      HealthCheckProtocol: S,
      HealthCheckTimeoutSeconds: I,
      HealthyThresholdCount: I,
      IpAddressType: S,
      Matcher: obj({ GrpcCode: S, HttpCode: S }),
      Name: S,
      Port: I,
      Protocol: S,
      ProtocolVersion: S,
      Tags: TAGS,
      TargetGroupAttributes: keyValues,
      TargetType: S,
      Targets: list(obj({ AvailabilityZone: S, Id: S, Port: I, QuicServerId: S }, { required: ['Id'] })),
      UnhealthyThresholdCount: I,
      VpcId: S,
    },
    { readOnly: ['TargetGroupArn', 'TargetGroupFullName', 'TargetGroupName', 'LoadBalancerArns'] },
  ),
  attributes: ['LoadBalancerArns', 'TargetGroupArn', 'TargetGroupFullName', 'TargetGroupName'],
  create({ cloud, region }, r) {
    const p = r.properties;
    const matcher = (p.Matcher ?? {}) as Props;
    const tg = createTargetGroup(
      cloud,
      region,
      {
        name: str(p, 'Name'),
        targetType: str(p, 'TargetType'),
        protocol: str(p, 'Protocol'),
        protocolVersion: str(p, 'ProtocolVersion'),
        port: num(p, 'Port'),
        vpcId: str(p, 'VpcId'),
        healthCheck: {
          enabled: bool(p, 'HealthCheckEnabled'),
          protocol: str(p, 'HealthCheckProtocol'),
          port: str(p, 'HealthCheckPort'),
          path: str(p, 'HealthCheckPath'),
          intervalSeconds: num(p, 'HealthCheckIntervalSeconds'),
          timeoutSeconds: num(p, 'HealthCheckTimeoutSeconds'),
          healthyThreshold: num(p, 'HealthyThresholdCount'),
          unhealthyThreshold: num(p, 'UnhealthyThresholdCount'),
          matcher: str(matcher, 'HttpCode'),
        },
        targets: Array.isArray(p.Targets)
          ? p.Targets.map((t) => {
              const o = (t ?? {}) as Props;
              return { id: String(o.Id ?? ''), port: num(o, 'Port'), availabilityZone: str(o, 'AvailabilityZone') };
            })
          : undefined,
        attributes: keyValueMap(p.TargetGroupAttributes),
      },
      originOf(r),
    );
    return {
      ref: tg.arn,
      attributes: {
        get LoadBalancerArns() {
          return [...tg.loadBalancerArns];
        },
        TargetGroupArn: tg.arn,
        TargetGroupFullName: tg.fullName,
        TargetGroupName: tg.name,
      },
    };
  },
};
