import type { CloudError } from '../../engine/errors.js';
import { parameterOf } from './hints.js';

/**
 * The CloudFormation door's words for an id that names the wrong kind of resource:
 * `GatewayId: !Ref GatewayAttachment` gives the route the attachment's physical id
 * ("IGW|vpc-…", as CloudFormation's Ref of an attachment does), which the engine rightly does
 * not find among the gateways. The student wrote a logical id, so the message names it, its
 * type, and the resource the parameter wants — never the physical id.
 */

/** What a parameter wants: the resource types its id may come from, and how to name one. */
const WANTS: Readonly<Record<string, { types: readonly string[]; noun: string }>> = {
  GatewayId: { types: ['AWS::EC2::InternetGateway', 'AWS::EC2::VPNGateway'], noun: 'the internet gateway itself' },
  InternetGatewayId: { types: ['AWS::EC2::InternetGateway'], noun: 'the internet gateway' },
  VpcId: { types: ['AWS::EC2::VPC'], noun: 'a VPC' },
  PeerVpcId: { types: ['AWS::EC2::VPC'], noun: 'a VPC' },
  SubnetId: { types: ['AWS::EC2::Subnet'], noun: 'a subnet' },
  RouteTableId: { types: ['AWS::EC2::RouteTable'], noun: 'a route table' },
  NetworkAclId: { types: ['AWS::EC2::NetworkAcl'], noun: 'a network ACL' },
  NatGatewayId: { types: ['AWS::EC2::NatGateway'], noun: 'a NAT gateway' },
  InstanceId: { types: ['AWS::EC2::Instance'], noun: 'an instance' },
  NetworkInterfaceId: { types: ['AWS::EC2::NetworkInterface'], noun: 'a network interface' },
  VpcPeeringConnectionId: { types: ['AWS::EC2::VPCPeeringConnection'], noun: 'a peering connection' },
  GroupId: { types: ['AWS::EC2::SecurityGroup'], noun: 'a security group' },
  SourceSecurityGroupId: { types: ['AWS::EC2::SecurityGroup'], noun: 'a security group' },
  DestinationSecurityGroupId: { types: ['AWS::EC2::SecurityGroup'], noun: 'a security group' },
  SecurityGroupIds: { types: ['AWS::EC2::SecurityGroup'], noun: 'a security group' },
};

export interface Referable {
  readonly logicalId: string;
  readonly type: string;
  readonly ref?: string;
}

/** The value at an error's parameter path in a resource's properties. */
function valueAt(properties: Record<string, unknown>, field: CloudError['field']): unknown {
  if (field === undefined) return undefined;
  let v: unknown = properties;
  for (const k of Array.isArray(field) ? field : [field]) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/**
 * For a NotFound error whose id is the physical id of another resource of the region (of a
 * type the parameter does not take), the sentence that says so; else undefined.
 */
export function wrongReference(e: CloudError, properties: Record<string, unknown>, resources: readonly Referable[]): string | undefined {
  if (!e.code.endsWith('.NotFound')) return undefined;
  const param = parameterOf(e.field);
  const wants = param === undefined ? undefined : WANTS[param];
  const value = valueAt(properties, e.field);
  if (!wants || typeof value !== 'string') return undefined;
  const named = resources.find((r) => r.ref === value);
  if (!named || wants.types.includes(named.type)) return undefined;
  const candidates = resources.filter((r) => wants.types.includes(r.type)).map((r) => r.logicalId);
  const example = candidates.length > 0 ? ` (for example !Ref ${candidates[0]})` : '';
  return `${param} refers to ${named.logicalId}, an ${named.type}; ${param} wants ${wants.noun}${example}`;
}
