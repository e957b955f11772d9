import { type Cidr, formatCidr, lastAddress } from '../address.js';
import type { Cloud } from '../cloud.js';
import { describeProtocolPorts } from '../cloud.js';
import { prefixListBlocks } from '../ec2/prefix-list.js';
import { IntervalSet } from '../intervals.js';
import type { NetworkAcl, NetworkAclEntry, Protocol, SecurityGroup, SecurityGroupRule } from '../model.js';
import { type Match, type Packet, both, matchAddr, matchPort } from './packet.js';
import { FlowSet } from './space.js';

export const cidrSet = (c: Cidr): IntervalSet => IntervalSet.of(c.network, lastAddress(c));

/** The IPv4 addresses a prefix list's entries cover. */
export const prefixListSet = (cloud: Cloud, id: string): IntervalSet => IntervalSet.from(prefixListBlocks(cloud, id).map((c) => [c.network, lastAddress(c)] as [number, number]));

/** Does a rule's protocol cover the question's protocol? "all" questions are matched only by all-traffic rules. */
export function protocolMatches(rule: Protocol, flow: Packet['protocol']): boolean {
  if (rule === 'all') return true;
  return rule === flow;
}

function icmpMatch(packet: Packet, type: number, code: number): Match {
  // ICMP packets carry their type in dstPort and code 0 (echo and its reply).
  const t = type === -1 ? true : matchPort(packet.dstPort, IntervalSet.point(type));
  const c = code === -1 || code === 0;
  return both(t, c);
}

/** The private addresses of every interface a security group is attached to. */
export function groupMembers(cloud: Cloud, groupId: string): IntervalSet {
  const ips: [number, number][] = [];
  for (const e of cloud.interfaces.values()) if (e.securityGroupIds.includes(groupId)) ips.push([e.privateIp, e.privateIp]);
  return IntervalSet.from(ips);
}

export type MembersOf = (groupId: string) => IntervalSet;

export function sgRuleMatch(cloud: Cloud, rule: SecurityGroupRule, packet: Packet, direction: 'ingress' | 'egress', members: MembersOf = (g) => groupMembers(cloud, g)): Match {
  if (!protocolMatches(rule.protocol, packet.protocol)) return false;
  let ports: Match = true;
  if (rule.protocol === 'tcp' || rule.protocol === 'udp') ports = matchPort(packet.dstPort, IntervalSet.of(rule.fromPort, rule.toPort));
  else if (rule.protocol === 'icmp') ports = icmpMatch(packet, rule.fromPort, rule.toPort);
  const peer = direction === 'ingress' ? packet.src : packet.dst;
  let peerMatch: Match = false;
  if (rule.cidr) peerMatch = matchAddr(peer, cidrSet(rule.cidr));
  else if (rule.groupId) peerMatch = matchAddr(peer, members(rule.groupId));
  // A prefix list stands for exactly its entries; a list the cloud does not know matches nothing.
  else if (rule.prefixListId) peerMatch = matchAddr(peer, prefixListSet(cloud, rule.prefixListId));
  // An IPv6 rule (cidrIpv6) matches no IPv4 packet.
  return both(ports, peerMatch);
}

export interface SgVerdict {
  allowed: FlowSet;
  /** For each group, the rules that allowed part of the flows. */
  matched: { group: SecurityGroup; rule: SecurityGroupRule }[];
}

/** Security groups are allow-only and combine: a flow passes if any rule of any group allows it. */
export function evaluateSecurityGroups(
  cloud: Cloud,
  groupIds: readonly string[],
  direction: 'ingress' | 'egress',
  packet: Packet,
  flows: FlowSet,
  members: MembersOf = (g) => groupMembers(cloud, g),
): SgVerdict {
  let allowed = FlowSet.EMPTY;
  const matched: SgVerdict['matched'] = [];
  for (const gid of groupIds) {
    const group = cloud.securityGroups.get(gid);
    if (!group) continue;
    for (const rule of direction === 'ingress' ? group.ingress : group.egress) {
      const m = sgRuleMatch(cloud, rule, packet, direction, members);
      if (m === false) continue;
      const part = m === true ? flows : flows.restrict(m);
      if (part.isEmpty) continue;
      matched.push({ group, rule });
      allowed = allowed.union(part);
      if (m === true) break;
    }
  }
  return { allowed, matched };
}

export function naclEntryMatch(entry: NetworkAclEntry, packet: Packet): Match {
  if (!protocolMatches(entry.protocol, packet.protocol)) return false;
  const peer = entry.egress ? packet.dst : packet.src;
  let ports: Match = true;
  if (entry.protocol === 'tcp' || entry.protocol === 'udp') ports = matchPort(packet.dstPort, IntervalSet.of(entry.portFrom!, entry.portTo!));
  else if (entry.protocol === 'icmp') ports = icmpMatch(packet, entry.icmpType ?? -1, entry.icmpCode ?? -1);
  return both(ports, matchAddr(peer, cidrSet(entry.cidr)));
}

export interface NaclVerdict {
  allowed: FlowSet;
  /** Rules that decided some flows, in order, with what they decided. */
  decided: { entry: NetworkAclEntry; flows: FlowSet }[];
}

/** Network ACLs: rules in number order, the first that matches decides, a final rule denies the rest. */
export function evaluateNetworkAcl(acl: NetworkAcl, egress: boolean, packet: Packet, flows: FlowSet): NaclVerdict {
  let remaining = flows;
  let allowed = FlowSet.EMPTY;
  const decided: NaclVerdict['decided'] = [];
  const entries = acl.entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const entry of entries) {
    if (remaining.isEmpty) break;
    const m = naclEntryMatch(entry, packet);
    if (m === false) continue;
    const hit = m === true ? remaining : remaining.restrict(m);
    if (hit.isEmpty) continue;
    decided.push({ entry, flows: hit });
    if (entry.action === 'allow') allowed = allowed.union(hit);
    remaining = m === true ? FlowSet.EMPTY : remaining.exclude(m);
  }
  return { allowed, decided };
}

export function describeNaclEntry(e: NetworkAclEntry): string {
  const what =
    e.protocol === 'tcp' || e.protocol === 'udp'
      ? describeProtocolPorts(e.protocol, e.portFrom!, e.portTo!)
      : e.protocol === 'icmp'
        ? describeProtocolPorts('icmp', e.icmpType ?? -1, e.icmpCode ?? -1)
        : describeProtocolPorts(e.protocol, -1, -1);
  return `rule ${e.ruleNumber} ${e.action === 'allow' ? 'allows' : 'denies'} ${what} ${e.egress ? 'to' : 'from'} ${formatCidr(e.cidr)}`;
}
