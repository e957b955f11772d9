import { createHealthCheck } from '../../../engine/route53/index.js';
import { B, I, list, obj, S } from '../schema.js';
import { originOf } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/**
 * AWS::Route53::HealthCheck → CreateHealthCheck. Ref and HealthCheckId are the check's id.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-route53-healthcheck.html
 */
const config = obj(
  {
    AlarmIdentifier: obj({ Name: S, Region: S }, { required: ['Name', 'Region'] }),
    ChildHealthChecks: list(S),
    EnableSNI: B,
    FailureThreshold: I,
    FullyQualifiedDomainName: S,
    HealthThreshold: I,
    IPAddress: S,
    InsufficientDataHealthStatus: S,
    Inverted: B,
    MeasureLatency: B,
    Port: I,
    Regions: list(S),
    RequestInterval: I,
    ResourcePath: S,
    RoutingControlArn: S,
    SearchString: S,
    Type: S,
  },
  { required: ['Type'] },
);

export const healthCheck: ResourceType = {
  schema: schema({ HealthCheckConfig: config, HealthCheckTags: list(obj({ Key: S, Value: S }, { required: ['Key', 'Value'] })) }, { required: ['HealthCheckConfig'], readOnly: ['HealthCheckId'] }),
  attributes: ['HealthCheckId'],
  create({ cloud, region }, r) {
    const c = (r.properties.HealthCheckConfig ?? {}) as Record<string, unknown>;
    const s = (k: string) => (c[k] === undefined ? undefined : String(c[k]));
    const n = (k: string) => (c[k] === undefined ? undefined : Number(c[k]));
    const h = createHealthCheck(
      cloud,
      region,
      {
        type: s('Type'),
        ipAddress: s('IPAddress'),
        fullyQualifiedDomainName: s('FullyQualifiedDomainName'),
        port: n('Port'),
        resourcePath: s('ResourcePath'),
        searchString: s('SearchString'),
        requestInterval: n('RequestInterval'),
        failureThreshold: n('FailureThreshold'),
        childHealthChecks: Array.isArray(c.ChildHealthChecks) ? c.ChildHealthChecks.map(String) : undefined,
        healthThreshold: n('HealthThreshold'),
        inverted: c.Inverted === true,
        alarmIdentifier: c.AlarmIdentifier,
      },
      originOf(r),
    );
    return { ref: h.checkId, attributes: { HealthCheckId: h.checkId } };
  },
};
