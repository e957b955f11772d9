import { type Cidr, formatCidr, parseCidr } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { type Protocol, parseIcmp, parsePort, parseProtocol, requireBlock } from '../params.js';
import { type Field, named, type Named, type Origin } from '../store.js';
import { formatIpv6Cidr, type Ipv6Cidr, sameIpv6 } from '../ipv6-address.js';
import { requireIpv6Block } from '../ipv6-params.js';
import { allIpv6Egress } from './ipv6.js';
import { defaultVpc, defaultVpcGroupByName, existingDefaultVpc, isDefaultVpc, warnDefaultVpc } from './default-vpc.js';
import { EC2, QUOTAS } from './kinds.js';
import { checkPrefixListReference, ruleWeight } from './prefix-list.js';

/** Security groups and their rules (inbound and outbound, by block, group or prefix list). */

export interface SecurityGroupRule {
  protocol: Protocol;
  /** Port range for tcp/udp; for icmp, fromPort is the type and toPort the code (-1 = any). */
  fromPort: number;
  toPort: number;
  cidr?: Cidr;
  /** An IPv6 peer (CidrIpv6): kept in the model, not traced yet. */
  cidrIpv6?: Ipv6Cidr;
  groupId?: string;
  /** How messages name the peer group: its logical id, when it has one (never a made-up id the student did not write). */
  peerName?: string;
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

export interface RuleSpec {
  ipProtocol: unknown;
  fromPort?: unknown;
  toPort?: unknown;
  cidrIp?: unknown;
  cidrIpv6?: unknown;
  groupId?: string;
  /** SourceSecurityGroupName: group names work only in a default VPC. */
  groupName?: string;
  prefixListId?: string;
  description?: string;
  /** Where the rule sits in the request (SecurityGroupIngress.0), for the messages' parameter paths. */
  field?: Field;
}

/** CreateSecurityGroup: in a VPC (without VpcId, the region's default VPC), with a description and a name unique in the VPC. */
export function createSecurityGroup(
  cloud: Cloud,
  spec: { vpcId?: string; groupName?: string; description?: string; region?: string },
  origin?: Origin,
  isDefault = false,
): SecurityGroup {
  if (!spec.vpcId && !spec.region) {
    throw new CloudError('MissingParameter', 'the security group has no VpcId: give VpcId, or the region whose default VPC it goes in', 'VpcId');
  }
  const vpc = spec.vpcId ? cloud.vpc(spec.vpcId) : defaultVpc(cloud, spec.region!);
  if (!spec.vpcId) warnDefaultVpc(cloud, 'the security group has no VpcId', vpc, 'VpcId');
  if (!isDefault && (!spec.description || spec.description.trim() === '')) {
    throw new CloudError('MissingParameter', 'a security group needs a GroupDescription', 'GroupDescription');
  }
  const id = cloud.newId('sg', vpc.region, origin, 'sg');
  const name = spec.groupName ?? origin?.logicalId ?? id;
  if (!isDefault && name === 'default') {
    throw new CloudError('InvalidParameterValue', 'the name "default" is taken by the VPC\'s default security group', 'GroupName');
  }
  for (const g of cloud.securityGroups.values()) {
    if (g.vpcId === vpc.id && g.name === name) {
      throw new CloudError('InvalidGroup.Duplicate', `${vpc.logicalId ?? vpc.id} already has a security group named "${name}"`, 'GroupName');
    }
  }
  const group: SecurityGroup = {
    ...named(id, vpc.region, origin),
    vpcId: vpc.id,
    name,
    description: spec.description ?? '',
    ingress: isDefault ? [{ protocol: 'all', fromPort: -1, toPort: -1, groupId: id, ...(origin?.logicalId ? { peerName: origin.logicalId } : {}) }] : [],
    egress: [{ protocol: 'all', fromPort: -1, toPort: -1, cidr: parseCidr('0.0.0.0/0') }],
    isDefault,
  };
  if (vpc.ipv6Cidrs?.length) group.egress.push(allIpv6Egress());
  cloud.table(EC2.securityGroup).set(id, group);
  return group;
}

/** Removes the allow-all egress rule every new group starts with (CloudFormation does this when SecurityGroupEgress is given). */
export function clearEgress(cloud: Cloud, groupId: string): void {
  cloud.securityGroup(groupId).egress = [];
}

/**
 * AuthorizeSecurityGroupIngress / Egress. A rule that repeats one the group has is
 * `InvalidPermission.Duplicate`; with `ignoreRepeat` (the rules a group is created with, which
 * CloudFormation deploys as a set: aws-semantics 31) it is ignored with a warning instead.
 * `spec.groupName` (SourceSecurityGroupName) and a
 * rule addressed by group name rather than GroupId (`target.groupName`) name groups of the
 * region's default VPC; elsewhere they are refused. A rule has exactly one peer: an IPv4
 * block, an IPv6 block, a prefix list or a group
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-securitygroup-egress.html).
 */
export function addSecurityGroupRule(
  cloud: Cloud,
  groupId: string | undefined,
  direction: 'ingress' | 'egress',
  spec: RuleSpec,
  origin?: Origin,
  target: { groupName?: string; region?: string } = {},
  opts: { ignoreRepeat?: boolean } = {},
): SecurityGroupRule {
  if (target.groupName !== undefined && !groupId) {
    // GroupName names a group of the default VPC (aws-semantics 32).
    if (!target.region) throw new CloudError('InvalidParameterCombination', 'GroupName only works in a default VPC; give GroupId', 'GroupName');
    groupId = groupOfDefaultVpc(cloud, target.region, target.groupName, 'GroupName').id;
  }
  if (!groupId) throw new CloudError('MissingParameter', 'give GroupId: the security group this rule belongs to', 'GroupId');
  const sourceNameField: Field = spec.field ? [...([] as (string | number)[]).concat(spec.field), 'SourceSecurityGroupName'] : 'SourceSecurityGroupName';
  if (direction === 'ingress' && spec.groupName !== undefined) {
    const own = cloud.securityGroup(groupId);
    if (!isDefaultVpc(cloud.vpc(own.vpcId))) {
      throw new CloudError(
        'InvalidParameterCombination',
        'SourceSecurityGroupName only works in a default VPC; in your own VPC give SourceSecurityGroupId',
        sourceNameField,
      );
    }
    // In the default VPC, a source group may be named: it is the group of that name there.
    spec = { ...spec, groupId: defaultVpcGroupByName(cloud, own.region, spec.groupName, sourceNameField).id, groupName: undefined };
  }
  const group = cloud.securityGroup(groupId);
  const rule = normaliseRule(cloud, group, direction, spec);
  rule.logicalId = origin?.logicalId;
  const list = direction === 'ingress' ? group.ingress : group.egress;
  const existing = list.find((r) => sameRule(r, rule));
  if (existing && opts.ignoreRepeat) {
    cloud.warn({
      code: 'DuplicateRuleIgnored',
      message: `this ${direction === 'ingress' ? 'inbound' : 'outbound'} rule (${describeRule(rule, direction)}) repeats one ${group.logicalId ?? group.id} already has; the group keeps one such rule and the repeat is ignored`,
      field: spec.field,
    });
    return existing;
  }
  if (existing) {
    throw new CloudError(
      'InvalidPermission.Duplicate',
      `${group.logicalId ?? group.id} already has this ${direction === 'ingress' ? 'inbound' : 'outbound'} rule (${describeRule(rule, direction)})`,
      spec.field,
    );
  }
  // The quota counts IPv4 and IPv6 rules separately; a prefix-list rule counts as its MaxEntries.
  const family = (r: SecurityGroupRule): boolean => (r.cidrIpv6 !== undefined) === (rule.cidrIpv6 !== undefined);
  const used = list.filter(family).reduce((n, r) => n + ruleWeight(cloud, r), 0);
  if (used + ruleWeight(cloud, rule) > QUOTAS.rulesPerSecurityGroupPerDirection) {
    throw new CloudError(
      'RulesPerSecurityGroupLimitExceeded',
      `${group.logicalId ?? group.id} already has ${used} ${direction === 'ingress' ? 'inbound' : 'outbound'} ${rule.cidrIpv6 ? 'IPv6 ' : ''}rules${ruleWeight(cloud, rule) > 1 ? ` and this one references a prefix list that counts as ${ruleWeight(cloud, rule)}` : ''}; the quota is ${QUOTAS.rulesPerSecurityGroupPerDirection} per direction`,
      spec.field,
    );
  }
  list.push(rule);
  if (rule.groupId) cloud.ruleFields.set(rule, groupField(spec, direction));
  return rule;
}

/** A group of the region's default VPC named in a request; naming one makes the default VPC exist, with a warning when that is new. */
function groupOfDefaultVpc(cloud: Cloud, region: string, name: string, field: Field): SecurityGroup {
  const fresh = !existingDefaultVpc(cloud, region);
  const g = defaultVpcGroupByName(cloud, region, name, field);
  if (fresh) warnDefaultVpc(cloud, `GroupName "${name}" names a group of the default VPC`, cloud.vpc(g.vpcId), field);
  return g;
}

const peerGroupParam = (direction: 'ingress' | 'egress'): string => (direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId');

function groupField(spec: RuleSpec, direction: 'ingress' | 'egress'): Field {
  return spec.field ? [...([] as (string | number)[]).concat(spec.field), peerGroupParam(direction)] : peerGroupParam(direction);
}

function normaliseRule(cloud: Cloud, group: SecurityGroup, direction: 'ingress' | 'egress', spec: RuleSpec): SecurityGroupRule {
  const f = (name: string): Field => (spec.field ? [...([] as (string | number)[]).concat(spec.field), name] : name);
  const protocol = parseProtocol(spec.ipProtocol, f('IpProtocol'));
  let fromPort = -1;
  let toPort = -1;
  if (protocol === 'tcp' || protocol === 'udp') {
    if (spec.fromPort === undefined || spec.toPort === undefined) {
      throw new CloudError(
        'InvalidParameterValue',
        `a ${protocol} rule needs FromPort and ToPort (the destination port range, e.g. 443 and 443)`,
        f(spec.fromPort === undefined ? 'FromPort' : 'ToPort'),
      );
    }
    fromPort = parsePort(spec.fromPort, f('FromPort'));
    toPort = parsePort(spec.toPort, f('ToPort'));
    if (fromPort === -1 && toPort === -1) {
      fromPort = 0;
      toPort = 65535;
    }
    if (fromPort < 0 || toPort < 0 || fromPort > toPort) {
      throw new CloudError('InvalidParameterValue', `invalid port range ${spec.fromPort}-${spec.toPort}: ports run from 0 to 65535 and FromPort must not exceed ToPort`, f('FromPort'));
    }
  } else if (protocol === 'icmp') {
    fromPort = spec.fromPort === undefined ? -1 : parseIcmp(spec.fromPort, f('FromPort'), 'type');
    toPort = spec.toPort === undefined ? -1 : parseIcmp(spec.toPort, f('ToPort'), 'code');
  }
  const sources = [spec.cidrIp !== undefined, spec.cidrIpv6 !== undefined, spec.groupId !== undefined, spec.prefixListId !== undefined].filter(Boolean).length;
  const peer = direction === 'ingress' ? 'source' : 'destination';
  if (sources === 0) {
    throw new CloudError(
      'MissingParameter',
      `a rule needs a ${peer}: ${direction === 'ingress' ? 'CidrIp or SourceSecurityGroupId' : 'CidrIp or DestinationSecurityGroupId'}`,
      f('CidrIp'),
    );
  }
  if (sources > 1) {
    throw new CloudError(
      'InvalidParameterCombination',
      `a rule has exactly one ${peer}: an IPv4 block (CidrIp), an IPv6 block (CidrIpv6), a prefix list or a security group; write one rule for each`,
      f(spec.cidrIp !== undefined && spec.cidrIpv6 !== undefined ? 'CidrIpv6' : 'CidrIp'),
    );
  }
  const rule: SecurityGroupRule = { protocol, fromPort, toPort, description: spec.description };
  if (spec.cidrIpv6 !== undefined) {
    rule.cidrIpv6 = requireIpv6Block(spec.cidrIpv6, f('CidrIpv6'), 'a rule');
  } else if (spec.cidrIp !== undefined) {
    rule.cidr = requireBlock(spec.cidrIp, f('CidrIp'), 'a rule', cloud);
  } else if (spec.groupId !== undefined) {
    // A group of another VPC is allowed only when the VPCs are peered: checked once everything is in (topology-checks.ts).
    const peer = cloud.get(EC2.securityGroup, spec.groupId, f(peerGroupParam(direction)));
    rule.groupId = peer.id;
    if (peer.logicalId) rule.peerName = peer.logicalId;
  } else if (spec.prefixListId !== undefined) {
    checkPrefixListReference(cloud, spec.prefixListId, f(direction === 'ingress' ? 'SourcePrefixListId' : 'DestinationPrefixListId'));
    rule.prefixListId = spec.prefixListId;
  }
  return rule;
}

function sameRule(a: SecurityGroupRule, b: SecurityGroupRule): boolean {
  return (
    a.protocol === b.protocol &&
    a.fromPort === b.fromPort &&
    a.toPort === b.toPort &&
    a.groupId === b.groupId &&
    a.prefixListId === b.prefixListId &&
    sameIpv6(a.cidrIpv6, b.cidrIpv6) &&
    (a.cidr?.network ?? -1) === (b.cidr?.network ?? -1) &&
    (a.cidr?.prefix ?? -1) === (b.cidr?.prefix ?? -1)
  );
}

export function describeProtocolPorts(protocol: Protocol, from: number, to: number): string {
  if (protocol === 'all') return 'all traffic';
  if (protocol === 'icmp') return from === -1 ? 'all icmp' : `icmp type ${from}${to !== -1 ? ` code ${to}` : ''}`;
  if (typeof protocol === 'number') return `protocol ${protocol}`;
  if (from === 0 && to === 65535) return `all ${protocol}`;
  return from === to ? `${protocol} ${from}` : `${protocol} ${from}-${to}`;
}

export function describeRule(r: SecurityGroupRule, direction: 'ingress' | 'egress'): string {
  const peer = r.cidr ? formatCidr(r.cidr) : r.cidrIpv6 ? formatIpv6Cidr(r.cidrIpv6) : r.groupId ? `group ${r.peerName ?? r.groupId}` : r.prefixListId ? `prefix list ${r.prefixListId}` : '?';
  return `${describeProtocolPorts(r.protocol, r.fromPort, r.toPort)} ${direction === 'ingress' ? 'from' : 'to'} ${peer}`;
}
