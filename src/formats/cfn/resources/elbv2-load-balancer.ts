import { createLoadBalancer } from '../../../engine/elbv2/load-balancer.js';
import { I, S, TAGS, list, obj } from '../schema.js';
import { keyValueMap, keyValues } from './elbv2-schemas.js';
import { originOf, str, strList } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/**
 * AWS::ElasticLoadBalancingV2::LoadBalancer → CreateLoadBalancer. Ref is the ARN; attributes
 * as the reference lists them: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-loadbalancer.html
 */
export const loadBalancer: ResourceType = {
  schema: schema(
    {
      EnablePrefixForIpv6SourceNat: S,
      EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic: S,
      IpAddressType: S,
      Ipv4IpamPoolId: S,
      LoadBalancerAttributes: keyValues,
      MinimumLoadBalancerCapacity: obj({ CapacityUnits: I }),
      Name: S,
      Scheme: S,
      SecurityGroups: list(S),
      SubnetMappings: list(obj({ AllocationId: S, IPv6Address: S, PrivateIPv4Address: S, SourceNatIpv6Prefix: S, SubnetId: S }, { required: ['SubnetId'] })),
      Subnets: list(S),
      Tags: TAGS,
      Type: S,
    },
    { exclusive: [['Subnets', 'SubnetMappings']], readOnly: ['DNSName', 'CanonicalHostedZoneID', 'LoadBalancerArn', 'LoadBalancerFullName', 'LoadBalancerName'] },
  ),
  attributes: ['CanonicalHostedZoneID', 'DNSName', 'LoadBalancerArn', 'LoadBalancerFullName', 'LoadBalancerName', 'SecurityGroups'],
  create({ cloud, region }, r) {
    const p = r.properties;
    const mappings = Array.isArray(p.SubnetMappings)
      ? p.SubnetMappings.map((m) => {
          const o = (m ?? {}) as Record<string, unknown>;
          return { subnetId: String(o.SubnetId ?? ''), allocationId: str(o, 'AllocationId'), privateIPv4Address: str(o, 'PrivateIPv4Address') };
        })
      : undefined;
    const lb = createLoadBalancer(
      cloud,
      region,
      {
        name: str(p, 'Name'),
        type: str(p, 'Type'),
        scheme: str(p, 'Scheme'),
        ipAddressType: str(p, 'IpAddressType'),
        subnets: strList(p, 'Subnets'),
        subnetMappings: mappings,
        securityGroups: strList(p, 'SecurityGroups'),
        attributes: keyValueMap(p.LoadBalancerAttributes),
      },
      originOf(r),
    );
    return {
      ref: lb.arn,
      attributes: {
        CanonicalHostedZoneID: lb.canonicalHostedZoneId,
        DNSName: lb.dnsName,
        LoadBalancerArn: lb.arn,
        LoadBalancerFullName: lb.fullName,
        LoadBalancerName: lb.name,
        SecurityGroups: [...lb.securityGroupIds],
      },
    };
  },
};

