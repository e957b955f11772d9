import { type Cidr, parseCidr } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { type Protocol, parseIcmp, parsePort, parseProtocol, requireBlock } from '../params.js';
import { named, type Named, type Origin } from '../store.js';
import type { Ipv6Cidr } from '../ipv6-address.js';
import { requireIpv6Block } from '../ipv6-params.js';
import { EC2, QUOTAS } from './kinds.js';

/** Network ACLs, their numbered entries, and their associations with subnets. */

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

/** An entry for IPv6 traffic (Ipv6CidrBlock): kept in the model, not traced yet. */
export type Ipv6NetworkAclEntry = Omit<NetworkAclEntry, 'cidr'> & { ipv6Cidr: Ipv6Cidr };

export interface NetworkAcl extends Named {
  vpcId: string;
  isDefault: boolean;
  /** IPv4 entries. */
  entries: NetworkAclEntry[];
  /** IPv6 entries; rule numbers are shared with the IPv4 entries of the same direction. */
  ipv6Entries?: Ipv6NetworkAclEntry[];
}

export interface NetworkAclEntrySpec {
  networkAclId: string;
  ruleNumber: unknown;
  protocol: unknown;
  ruleAction: unknown;
  egress?: boolean;
  cidrBlock: unknown;
  ipv6CidrBlock?: unknown;
  portRange?: { From?: unknown; To?: unknown };
  icmp?: { Code?: unknown; Type?: unknown };
}

/** CreateNetworkAcl: a new ACL denies everything; a VPC's default ACL allows everything. */
export function createNetworkAcl(cloud: Cloud, spec: { vpcId: string }, origin?: Origin, isDefault = false): NetworkAcl {
  const vpc = cloud.vpc(spec.vpcId);
  const id = cloud.newId('acl', vpc.region, origin, 'acl');
  const all = parseCidr('0.0.0.0/0');
  const acl: NetworkAcl = {
    ...named(id, vpc.region, origin),
    vpcId: vpc.id,
    isDefault,
    entries: isDefault
      ? [
          { ruleNumber: 100, egress: false, action: 'allow', protocol: 'all', cidr: all },
          { ruleNumber: 100, egress: true, action: 'allow', protocol: 'all', cidr: all },
        ]
      : [],
  };
  cloud.table(EC2.networkAcl).set(id, acl);
  return acl;
}

/** CreateNetworkAclEntry: numbers 1-32766, unique per direction, within the quota. */
export function addNetworkAclEntry(cloud: Cloud, spec: NetworkAclEntrySpec, origin?: Origin): NetworkAclEntry | Ipv6NetworkAclEntry {
  const acl = cloud.networkAcl(spec.networkAclId);
  const ruleNumber = Number(spec.ruleNumber);
  if (!Number.isInteger(ruleNumber) || ruleNumber < 1 || ruleNumber > 32766) {
    throw new CloudError('InvalidParameterValue', `RuleNumber ${String(spec.ruleNumber)} is not valid; rule numbers are whole numbers from 1 to 32766`, 'RuleNumber');
  }
  const action = String(spec.ruleAction ?? '').toLowerCase();
  if (action !== 'allow' && action !== 'deny') {
    throw new CloudError('InvalidParameterValue', `RuleAction is "allow" or "deny", not "${String(spec.ruleAction)}"`, 'RuleAction');
  }
  const protocol = parseProtocol(spec.protocol, 'Protocol');
  const v6 = spec.cidrBlock === undefined && spec.ipv6CidrBlock !== undefined;
  if (spec.cidrBlock !== undefined && spec.ipv6CidrBlock !== undefined) {
    throw new CloudError('InvalidParameterCombination', 'an entry has one block: CidrBlock (IPv4) or Ipv6CidrBlock, not both', 'Ipv6CidrBlock');
  }
  const block = v6 ? { ipv6Cidr: requireIpv6Block(spec.ipv6CidrBlock, 'Ipv6CidrBlock', 'a network ACL entry') } : { cidr: requireBlock(spec.cidrBlock, 'CidrBlock', 'a network ACL entry', cloud) };
  const egress = Boolean(spec.egress);
  // Either family's fields: the block decides which list the entry joins.
  const entry = { ruleNumber, egress, action, protocol, ...block, logicalId: origin?.logicalId } as unknown as NetworkAclEntry & Ipv6NetworkAclEntry;
  if (protocol === 'tcp' || protocol === 'udp') {
    if (!spec.portRange || spec.portRange.From === undefined || spec.portRange.To === undefined) {
      throw new CloudError('MissingParameter', `a ${protocol} entry needs PortRange with From and To (e.g. From: 443, To: 443)`, 'PortRange');
    }
    entry.portFrom = parsePort(spec.portRange.From, ['PortRange', 'From']);
    entry.portTo = parsePort(spec.portRange.To, ['PortRange', 'To']);
    if (entry.portFrom < 0 || entry.portTo < 0 || entry.portFrom > entry.portTo) {
      throw new CloudError('InvalidParameterValue', `invalid port range ${entry.portFrom}-${entry.portTo}: ports run from 0 to 65535 and From must not exceed To`, 'PortRange');
    }
  } else if (protocol === 'icmp') {
    if (!spec.icmp) {
      throw new CloudError('MissingParameter', 'an icmp entry needs Icmp with Type and Code (-1 for any)', 'Icmp');
    }
    entry.icmpType = spec.icmp.Type === undefined ? -1 : parseIcmp(spec.icmp.Type, ['Icmp', 'Type'], 'type');
    entry.icmpCode = spec.icmp.Code === undefined ? -1 : parseIcmp(spec.icmp.Code, ['Icmp', 'Code'], 'code');
  }
  const family: { ruleNumber: number; egress: boolean }[] = v6 ? (acl.ipv6Entries ??= []) : acl.entries;
  const sameDirection = family.filter((e) => e.egress === egress);
  if ([...acl.entries, ...(acl.ipv6Entries ?? [])].some((e) => e.egress === egress && e.ruleNumber === ruleNumber)) {
    throw new CloudError(
      'NetworkAclEntryAlreadyExists',
      `${acl.logicalId ?? acl.id} already has ${egress ? 'an outbound' : 'an inbound'} rule number ${ruleNumber}; each direction's rule numbers must be unique`,
      'RuleNumber',
    );
  }
  if (sameDirection.length >= QUOTAS.networkAclRulesPerDirection) {
    throw new CloudError(
      'NetworkAclEntryLimitExceeded',
      `${acl.logicalId ?? acl.id} already has ${sameDirection.length} ${egress ? 'outbound' : 'inbound'} ${v6 ? 'IPv6 ' : ''}rules; the quota is ${QUOTAS.networkAclRulesPerDirection} per direction`,
      'RuleNumber',
    );
  }
  // The quota counts IPv4 and IPv6 entries separately; numbers are unique across both.
  family.push(entry);
  family.sort((a, b) => a.ruleNumber - b.ruleNumber);
  return entry;
}

/** Associates a subnet with an ACL of its own VPC; a subnet has exactly one. */
export function associateNetworkAcl(cloud: Cloud, spec: { subnetId: string; networkAclId: string }): string {
  const subnet = cloud.subnet(spec.subnetId);
  const acl = cloud.networkAcl(spec.networkAclId);
  if (subnet.vpcId !== acl.vpcId) {
    throw new CloudError('InvalidParameterValue', `network ACL ${acl.logicalId ?? acl.id} and subnet ${subnet.logicalId ?? subnet.id} belong to different VPCs`, 'NetworkAclId');
  }
  const existing = cloud.subnetNetworkAcl.get(subnet.id);
  if (existing) {
    throw new CloudError(
      'Resource.AlreadyAssociated',
      `subnet ${subnet.logicalId ?? subnet.id} is already associated with network ACL ${cloud.networkAcls.get(existing)?.logicalId ?? existing}; a subnet has exactly one network ACL`,
      'SubnetId',
    );
  }
  cloud.subnetNetworkAcl.set(subnet.id, acl.id);
  return cloud.ids.make('aclassoc', `${subnet.id}/${acl.id}`);
}

/** The network ACL a subnet uses: its explicit association, else its VPC's default ACL. */
export function networkAclOf(cloud: Cloud, subnetId: string): NetworkAcl {
  const explicit = cloud.subnetNetworkAcl.get(subnetId);
  if (explicit && cloud.networkAcls.has(explicit)) return cloud.networkAcls.get(explicit)!;
  const vpc = cloud.vpc(cloud.subnet(subnetId).vpcId);
  return cloud.networkAcls.get(vpc.defaultNetworkAclId)!;
}
