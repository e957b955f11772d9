import type { Cidr } from './address.js';

/**
 * The resource model of the virtual cloud. Every resource has an AWS-style id and, when it
 * came from a template, the logical id it had there. Plain data: the functions that create
 * and check resources live in cloud.ts, the questions in reach/.
 */

export interface Named {
  readonly id: string;
  readonly logicalId?: string;
  readonly region: string;
  tags: Record<string, string>;
}

export interface Vpc extends Named {
  /** Primary block first, then secondary blocks in the order they were associated. */
  cidrs: Cidr[];
  mainRouteTableId: string;
  defaultNetworkAclId: string;
  defaultSecurityGroupId: string;
}

export interface Subnet extends Named {
  vpcId: string;
  availabilityZone: string;
  cidr: Cidr;
  mapPublicIpOnLaunch: boolean;
}

export type RouteTarget =
  | { kind: 'local' }
  | { kind: 'internet-gateway'; id: string }
  | { kind: 'nat-gateway'; id: string }
  | { kind: 'peering'; id: string }
  | { kind: 'instance'; id: string }
  | { kind: 'network-interface'; id: string }
  | { kind: 'unmodelled'; id: string; property: string };

export interface Route {
  destination: Cidr;
  target: RouteTarget;
  logicalId?: string;
}

export interface RouteTable extends Named {
  vpcId: string;
  main: boolean;
  routes: Route[];
}

export interface InternetGateway extends Named {
  attachedVpcId?: string;
}

export interface NatGateway extends Named {
  subnetId: string;
  connectivity: 'public' | 'private';
  allocationId?: string;
  networkInterfaceId: string;
}

export interface ElasticIp extends Named {
  /** The allocation id (eipalloc-…); `id` is the same. */
  publicIp: number;
  networkInterfaceId?: string;
  /** The instance it was associated with, when associated through an instance. */
  instanceId?: string;
}

/** -1 is every protocol; tcp 6, udp 17, icmp 1; other numbers are kept as they are. */
export type Protocol = 'tcp' | 'udp' | 'icmp' | 'all' | number;

export interface SecurityGroupRule {
  protocol: Protocol;
  /** Port range for tcp/udp; for icmp, fromPort is the type and toPort the code (-1 = any). */
  fromPort: number;
  toPort: number;
  cidr?: Cidr;
  groupId?: string;
  prefixListId?: string;
  description?: string;
  logicalId?: string;
}

export interface SecurityGroup extends Named {
  vpcId: string;
  name: string;
  description: string;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
  isDefault: boolean;
}

export interface NetworkAclEntry {
  ruleNumber: number;
  egress: boolean;
  action: 'allow' | 'deny';
  protocol: Protocol;
  cidr: Cidr;
  /** tcp/udp port range. */
  portFrom?: number;
  portTo?: number;
  /** icmp type and code, -1 = any. */
  icmpType?: number;
  icmpCode?: number;
  logicalId?: string;
}

export interface NetworkAcl extends Named {
  vpcId: string;
  isDefault: boolean;
  entries: NetworkAclEntry[];
}

export interface PeeringConnection extends Named {
  requesterVpcId: string;
  accepterVpcId: string;
  accepterRegion: string;
  status: 'active' | 'failed';
  statusMessage?: string;
}

export interface NetworkInterface extends Named {
  subnetId: string;
  privateIp: number;
  /** Public address mapped one-to-one by the internet gateway (auto-assigned or elastic). */
  publicIp?: number;
  publicIpSource?: 'auto' | 'elastic';
  elasticIpId?: string;
  securityGroupIds: string[];
  sourceDestCheck: boolean;
  owner: { kind: 'instance'; id: string; deviceIndex: number } | { kind: 'nat-gateway'; id: string } | { kind: 'none' };
}

export interface Instance extends Named {
  subnetId: string;
  availabilityZone: string;
  networkInterfaceIds: string[];
}

export interface UnmodelledResource extends Named {
  type: string;
}
