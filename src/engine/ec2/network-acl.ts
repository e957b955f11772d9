import { type Cidr, parseCidr } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { type Protocol, parseIcmp, parsePort, parseProtocol, requireBlock } from '../params.js';
import { named, type Named, type Origin } from '../store.js';
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

export interface NetworkAcl extends Named {
  vpcId: string;
  isDefault: boolean;
  entries: NetworkAclEntry[];
}

export interface NetworkAclEntrySpec {
  networkAclId: string;
  ruleNumber: unknown;
  protocol: unknown;
  ruleAction: unknown;
  egress?: boolean;
  cidrBlock: unknown;
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
export function addNetworkAclEntry(cloud: Cloud, spec: NetworkAclEntrySpec, origin?: Origin): NetworkAclEntry {
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
  const cidr = requireBlock(spec.cidrBlock, 'CidrBlock', 'a network ACL entry', cloud);
  const egress = Boolean(spec.egress);
  const entry: NetworkAclEntry = { ruleNumber, egress, action, protocol, cidr, logicalId: origin?.logicalId };
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
  const sameDirection = acl.entries.filter((e) => e.egress === egress);
  if (sameDirection.some((e) => e.ruleNumber === ruleNumber)) {
    throw new CloudError(
      'NetworkAclEntryAlreadyExists',
      `${acl.logicalId ?? acl.id} already has ${egress ? 'an outbound' : 'an inbound'} rule number ${ruleNumber}; each direction's rule numbers must be unique`,
      'RuleNumber',
    );
  }
  if (sameDirection.length >= QUOTAS.networkAclRulesPerDirection) {
    throw new CloudError(
      'NetworkAclEntryLimitExceeded',
      `${acl.logicalId ?? acl.id} already has ${sameDirection.length} ${egress ? 'outbound' : 'inbound'} rules; the quota is ${QUOTAS.networkAclRulesPerDirection} per direction`,
      'RuleNumber',
    );
  }
  acl.entries.push(entry);
  acl.entries.sort((a, b) => a.ruleNumber - b.ruleNumber);
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
