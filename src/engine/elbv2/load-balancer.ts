import { formatCidr } from '../address.js';
import type { Cloud } from '../cloud.js';
import type { DnsNamed } from '../dns-targets.js';
import { allocatePublicIp } from '../ec2/elastic-ip.js';
import { EC2 } from '../ec2/kinds.js';
import { createInterfaceRecord } from '../ec2/network-interface.js';
import type { Subnet } from '../ec2/subnet.js';
import { CloudError } from '../errors.js';
import { fieldOf } from '../params.js';
import { named, type Origin } from '../store.js';
import { ELBV2 } from './kinds.js';
import { canonicalHostedZoneId, checkName, elbArn, generatedName, hexId, loadBalancerDnsName } from './names.js';

/**
 * Load balancers (ELB-01..08, ELB-10, ELB-22): application or network, internet-facing or
 * internal, one subnet per zone, one node per enabled zone with a private address from that
 * subnet (and a public one when internet-facing), security groups.
 */

export type LoadBalancerType = 'application' | 'network';
export type Scheme = 'internet-facing' | 'internal';

export interface LoadBalancerNode {
  availabilityZone: string;
  subnetId: string;
  /** The node's network interface (owner kind `load-balancer`). */
  networkInterfaceId: string;
}

export interface LoadBalancer extends DnsNamed {
  /** The ARN (the `Ref` of the template resource); `id` is the same. */
  readonly arn: string;
  name: string;
  type: LoadBalancerType;
  scheme: Scheme;
  ipAddressType: string;
  vpcId: string;
  securityGroupIds: string[];
  nodes: LoadBalancerNode[];
  canonicalHostedZoneId: string;
  /** `app/name/50dc6c495c0c9188` (LoadBalancerFullName). */
  fullName: string;
  attributes: Record<string, string>;
  state: 'active';
}

export interface SubnetMappingSpec {
  subnetId: string;
  allocationId?: string;
  privateIPv4Address?: string;
}

export interface LoadBalancerSpec {
  name?: string;
  type?: string;
  scheme?: string;
  ipAddressType?: string;
  subnets?: string[];
  subnetMappings?: SubnetMappingSpec[];
  securityGroups?: string[];
  attributes?: Record<string, string>;
}

/** ELB-21: the attributes an application load balancer starts with. */
const ALB_ATTRIBUTES: Record<string, string> = {
  'deletion_protection.enabled': 'false',
  'idle_timeout.timeout_seconds': '60',
  'routing.http2.enabled': 'true',
  'routing.http.xff_header_processing.mode': 'append',
  'routing.http.desync_mitigation_mode': 'defensive',
  'routing.http.drop_invalid_header_fields.enabled': 'false',
  'access_logs.s3.enabled': 'false',
};
/** ELB-06: cross-zone is off by default on a network load balancer. */
const NLB_ATTRIBUTES: Record<string, string> = {
  'deletion_protection.enabled': 'false',
  'load_balancing.cross_zone.enabled': 'false',
  'access_logs.s3.enabled': 'false',
};

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], def: T, field: string): T {
  if (value === undefined) return def;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CloudError('ValidationError', `${field} "${value}" is not valid; it is one of ${allowed.join(', ')}`, field);
}

/** CreateLoadBalancer. */
export function createLoadBalancer(cloud: Cloud, region: string, spec: LoadBalancerSpec, origin?: Origin): LoadBalancer {
  if (spec.type === 'gateway') {
    throw new CloudError('ValidationError', 'gateway load balancers are not modelled by the virtual cloud; use application or network', 'Type');
  }
  const type = oneOf(spec.type, ['application', 'network'] as const, 'application', 'Type');
  const scheme = oneOf(spec.scheme, ['internet-facing', 'internal'] as const, 'internet-facing', 'Scheme');
  const ipAddressType = oneOf(spec.ipAddressType, ['ipv4', 'dualstack', 'dualstack-without-public-ipv4'] as const, 'ipv4', 'IpAddressType');
  const name = spec.name ?? generatedName(cloud, region, origin?.logicalId, 'lb');
  checkName(name, 'the load balancer', 'Name');
  if (name.toLowerCase().startsWith('internal-')) {
    throw new CloudError('ValidationError', `the load balancer name "${name}" must not begin with "internal-": AWS puts that prefix on internal load balancers' DNS names`, 'Name');
  }
  for (const lb of cloud.table(ELBV2.loadBalancer).values()) {
    if (lb.region === region && lb.name === name) {
      throw new CloudError('DuplicateLoadBalancerName', `a load balancer named "${name}" already exists in ${region} (${lb.logicalId ?? lb.arn}); names are unique per region`, 'Name');
    }
  }
  if (spec.subnets?.length && spec.subnetMappings?.length) {
    throw new CloudError('ValidationError', 'give Subnets or SubnetMappings, not both', 'SubnetMappings');
  }
  const mappings: (SubnetMappingSpec & { field: (string | number)[] })[] = spec.subnetMappings?.length
    ? spec.subnetMappings.map((m, i) => ({ ...m, field: ['SubnetMappings', i, 'SubnetId'] }))
    : (spec.subnets ?? []).map((s, i) => ({ subnetId: s, field: ['Subnets', i] }));
  const mappingField = spec.subnetMappings?.length ? 'SubnetMappings' : 'Subnets';
  if (mappings.length === 0) {
    throw new CloudError('ValidationError', `a load balancer needs Subnets (or SubnetMappings): ${type === 'application' ? 'at least two, in two different availability zones' : 'at least one'}`, mappingField);
  }
  const subnets: Subnet[] = mappings.map((m) => {
    const s = cloud.table(EC2.subnet).get(m.subnetId);
    if (!s) throw new CloudError('SubnetNotFound', `the subnet "${m.subnetId}" does not exist`, m.field);
    if (s.region !== region) throw new CloudError('SubnetNotFound', `subnet ${s.logicalId ?? s.id} is in ${s.region}, not ${region}`, m.field);
    return s;
  });
  const vpcId = subnets[0].vpcId;
  const zones = new Map<string, Subnet>();
  subnets.forEach((s, i) => {
    if (s.vpcId !== vpcId) {
      throw new CloudError('InvalidConfigurationRequest', `subnet ${s.logicalId ?? s.id} is in another VPC than ${subnets[0].logicalId ?? subnets[0].id}; all subnets of a load balancer are in one VPC`, mappings[i].field);
    }
    const other = zones.get(s.availabilityZone);
    if (other && other.id !== s.id) {
      throw new CloudError(
        'InvalidConfigurationRequest',
        `A load balancer cannot be attached to multiple subnets in the same Availability Zone: ${other.logicalId ?? other.id} and ${s.logicalId ?? s.id} are both in ${s.availabilityZone}`,
        mappings[i].field,
      );
    }
    zones.set(s.availabilityZone, s);
  });
  if (type === 'application' && zones.size < 2) {
    throw new CloudError('ValidationError', `At least two subnets in two different Availability Zones must be specified; ${[...zones.values()].map((s) => s.logicalId ?? s.id).join(', ')} ${zones.size === 1 ? 'is all in one zone' : ''}`.trim(), mappingField);
  }
  const unique = [...new Set(mappings.map((m) => m.subnetId))];
  for (const [i, m] of mappings.entries()) {
    const s = subnets[i];
    // ELB-04: an application load balancer's subnets are at least a /27 with eight free addresses.
    if (type === 'application' && s.cidr.prefix > 27) {
      throw new CloudError('InvalidSubnet', `subnet ${s.logicalId ?? s.id} (${formatCidr(s.cidr)}) is smaller than a /27; an application load balancer needs a /27 or larger with at least 8 free addresses`, m.field);
    }
    if (m.allocationId !== undefined && (type !== 'network' || scheme !== 'internet-facing')) {
      throw new CloudError('InvalidConfigurationRequest', 'AllocationId (an elastic IP per subnet) is for internet-facing network load balancers only', fieldOf(['SubnetMappings', i], 'AllocationId'));
    }
    if (m.privateIPv4Address !== undefined && (type !== 'network' || scheme !== 'internal')) {
      throw new CloudError('InvalidConfigurationRequest', 'PrivateIPv4Address is for internal network load balancers only', fieldOf(['SubnetMappings', i], 'PrivateIPv4Address'));
    }
  }
  // ELB-08 / ELB-10: an application load balancer without groups gets the VPC's default group; a network one may have none.
  const groups = [...new Set(spec.securityGroups ?? [])];
  groups.forEach((g, i) => {
    const sg = cloud.table(EC2.securityGroup).get(g);
    if (!sg) throw new CloudError('InvalidSecurityGroup', `the security group "${g}" does not exist`, ['SecurityGroups', i]);
    if (sg.vpcId !== vpcId) throw new CloudError('InvalidSecurityGroup', `security group ${sg.logicalId ?? sg.id} is in another VPC than the load balancer's subnets`, ['SecurityGroups', i]);
  });
  if (groups.length > 5) throw new CloudError('TooManySecurityGroups', `${groups.length} security groups; a load balancer has at most 5`, 'SecurityGroups');
  const securityGroupIds = groups.length ? groups : type === 'application' ? [cloud.vpc(vpcId).defaultSecurityGroupId] : [];
  const hex = hexId(cloud, 'elb', region, origin, 'load-balancer');
  const short = type === 'application' ? 'app' : 'net';
  const arn = elbArn(region, `loadbalancer/${short}/${name}/${hex}`);
  const lb: LoadBalancer = {
    ...named(arn, region, origin),
    arn,
    name,
    type,
    scheme,
    ipAddressType,
    vpcId,
    securityGroupIds,
    nodes: [],
    dnsName: loadBalancerDnsName(name, hex, region, type, scheme === 'internal'),
    canonicalHostedZoneId: canonicalHostedZoneId(region, type),
    fullName: `${short}/${name}/${hex}`,
    attributes: {
      ...(type === 'application' ? ALB_ATTRIBUTES : NLB_ATTRIBUTES),
      ...(type === 'application' ? { 'ipv6.deny_all_igw_traffic': scheme === 'internal' ? 'true' : 'false' } : {}),
      ...(spec.attributes ?? {}),
    },
    state: 'active',
  };
  // ELB-05: one node per enabled zone, its interface in the zone's subnet.
  for (const [i, m] of mappings.entries()) {
    const s = subnets[i];
    if (!unique.includes(s.id)) continue;
    unique.splice(unique.indexOf(s.id), 1);
    const eni = createInterfaceRecord(cloud, s, {
      privateIp: m.privateIPv4Address,
      securityGroupIds,
      sourceDestCheck: true,
      owner: { kind: 'load-balancer', id: arn },
      field: m.privateIPv4Address !== undefined ? fieldOf(['SubnetMappings', i], 'PrivateIPv4Address') : m.field,
      name: `${origin?.logicalId ?? arn}/node/${s.availabilityZone}`,
    });
    if (scheme === 'internet-facing') {
      if (m.allocationId !== undefined) {
        const eip = cloud.get(EC2.elasticIp, m.allocationId, fieldOf(['SubnetMappings', i], 'AllocationId'));
        if (eip.networkInterfaceId) throw new CloudError('InvalidConfigurationRequest', `elastic IP ${eip.logicalId ?? eip.id} is already associated`, fieldOf(['SubnetMappings', i], 'AllocationId'));
        eip.networkInterfaceId = eni.id;
        eni.publicIp = eip.publicIp;
        eni.publicIpSource = 'elastic';
        eni.elasticIpId = eip.id;
      } else {
        eni.publicIp = allocatePublicIp(cloud, region);
        eni.publicIpSource = 'auto';
      }
    }
    lb.nodes.push({ availabilityZone: s.availabilityZone, subnetId: s.id, networkInterfaceId: eni.id });
  }
  cloud.table(ELBV2.loadBalancer).set(arn, lb);
  return lb;
}

/** The load balancer with that ARN, or LoadBalancerNotFound. */
export function loadBalancer(cloud: Cloud, arn: string, field = 'LoadBalancerArn'): LoadBalancer {
  return cloud.get(ELBV2.loadBalancer, arn, field);
}
