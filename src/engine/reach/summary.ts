import { lastAddress } from '../address.js';
import type { Cloud } from '../cloud.js';
import { IntervalSet } from '../intervals.js';
import type { NetworkInterface, SecurityGroupRule } from '../model.js';
import { effectiveRoutes, ruleBlocks } from '../ec2/prefix-list.js';
import { cidrSet, prefixListSet } from './filters.js';
import type { ResolvedEndpoint } from './endpoints.js';
import type { FlowProtocol } from './packet.js';
import { addressSetToCidrs, describeSources } from './describe-sets.js';
import { answerFlow } from './trace.js';
import { Walker } from './walker.js';

/**
 * Who can reach whom, on which ports: the reachability summary of a whole topology.
 *
 * Instances are grouped into equivalence classes that every filter and route treats alike:
 * the same subnet (so the same route table and network ACL), the same security groups, a
 * public address or not, and addresses in the same atom of every block any route or rule
 * names. One question per pair of classes and protocol answers for all their members, so the
 * summary stays fast on large networks.
 */
export interface EndpointClass {
  key: string;
  /** Instance logical ids (or ids) in the class. */
  members: string[];
  representative: NetworkInterface;
  subnetId: string;
  securityGroupIds: string[];
  public: boolean;
}

export interface ReachRow {
  from: string;
  to: string;
  fromMembers: string[];
  toMembers: string[];
  tcp: IntervalSet;
  udp: IntervalSet;
  icmp: boolean;
  /** For rows with the internet at one end: port ranges that only some internet addresses get through. */
  restricted: { protocol: 'tcp' | 'udp' | 'icmp'; ports: IntervalSet; addresses: string[]; /** In words: "203.0.113.10/32", "every internet address except …". */ sources: string }[];
}

export interface ReachSummary {
  classes: EndpointClass[];
  rows: ReachRow[];
  questions: number;
}

function boundaries(cloud: Cloud): number[] {
  const b = new Set<number>();
  const add = (c: { network: number; prefix: number }): void => {
    b.add(c.network);
    b.add(lastAddress(c) + 1);
  };
  for (const t of cloud.routeTables.values()) for (const r of effectiveRoutes(cloud, t)) add(r.destination);
  for (const g of cloud.securityGroups.values()) for (const r of [...g.ingress, ...g.egress]) for (const c of ruleBlocks(cloud, r)) add(c);
  for (const a of cloud.networkAcls.values()) for (const e of a.entries) add(e.cidr);
  return [...b].sort((x, y) => x - y);
}

function atomOf(sorted: number[], ip: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= ip) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function endpointClasses(cloud: Cloud): EndpointClass[] {
  const cuts = boundaries(cloud);
  const byKey = new Map<string, EndpointClass>();
  const instances = [...cloud.instances.values()].sort((a, b) => (a.logicalId ?? a.id).localeCompare(b.logicalId ?? b.id));
  for (const inst of instances) {
    const eni = cloud.interfaces.get(inst.networkInterfaceIds[0]);
    if (!eni) continue;
    const groups = [...eni.securityGroupIds].sort();
    const key = [eni.subnetId, groups.join('+'), atomOf(cuts, eni.privateIp), eni.publicIp === undefined ? '-' : `p${atomOf(cuts, eni.publicIp)}`, eni.sourceDestCheck ? '' : 'fwd'].join('|');
    let c = byKey.get(key);
    if (!c) {
      c = { key, members: [], representative: eni, subnetId: eni.subnetId, securityGroupIds: groups, public: eni.publicIp !== undefined };
      byKey.set(key, c);
    }
    c.members.push(inst.logicalId ?? inst.id);
  }
  return [...byKey.values()];
}

function classLabel(c: EndpointClass): string {
  return c.members.length === 1 ? c.members[0] : `${c.members[0]} (+${c.members.length - 1})`;
}

const ALL_PORTS = IntervalSet.of(0, 65535);

/** Every port boundary a rule names: within one atom every port is treated alike. */
function portBoundaries(cloud: Cloud): number[] {
  const b = new Set<number>([0, 65536]);
  for (const g of cloud.securityGroups.values()) {
    for (const r of [...g.ingress, ...g.egress]) {
      if (r.protocol === 'tcp' || r.protocol === 'udp') {
        b.add(r.fromPort);
        b.add(r.toPort + 1);
      }
    }
  }
  for (const a of cloud.networkAcls.values()) {
    for (const e of a.entries) {
      if (e.portFrom !== undefined) {
        b.add(e.portFrom);
        b.add(e.portTo! + 1);
      }
    }
  }
  return [...b].sort((x, y) => x - y);
}

function splitByAtoms(set: IntervalSet, cuts: number[]): IntervalSet[] {
  const out: IntervalSet[] = [];
  for (const [a, z] of set.intervals) {
    let start = a;
    for (const c of cuts) {
      if (c <= start) continue;
      if (c > z) break;
      out.push(IntervalSet.of(start, c - 1));
      start = c;
    }
    out.push(IntervalSet.of(start, z));
  }
  return out;
}

function mergeRestricted(list: ReachRow['restricted']): ReachRow['restricted'] {
  const out: ReachRow['restricted'] = [];
  for (const r of list) {
    const prev = out[out.length - 1];
    if (prev && prev.protocol === r.protocol && prev.addresses.join() === r.addresses.join() && prev.ports.intervals[prev.ports.intervals.length - 1][1] + 1 === r.ports.intervals[0][0]) {
      out[out.length - 1] = { ...prev, ports: prev.ports.union(r.ports) };
    } else out.push(r);
  }
  return out;
}

export function reachSummary(cloud: Cloud, onProgress?: (done: number, total: number) => void): ReachSummary {
  const classes = endpointClasses(cloud);
  // A quick, exact filter before the walk: the addresses a packet from A can carry when it
  // reaches B are A's private address, one of the cloud's public addresses (A's own, a NAT
  // gateway's) or a NAT gateway's private address. When no rule of B's groups (or of A's, outbound) can match any of
  // them, no flow of any protocol gets through, and the pair needs no walk.
  const natAddresses = [...cloud.natGateways.values()].map((n) => cloud.interfaces.get(n.networkInterfaceId)?.privateIp).filter((ip): ip is number => ip !== undefined);
  // NAT instances translate to their own private address too (forwarding.ts).
  for (const e of cloud.interfaces.values()) if (!e.sourceDestCheck) natAddresses.push(e.privateIp);
  const publics = IntervalSet.from([...cloud.publicAddresses(), ...natAddresses].map((ip) => [ip, ip] as [number, number]));
  const walker = new Walker(cloud, { brief: true });
  const ruleCanMatch = (rule: SecurityGroupRule, peers: IntervalSet): boolean =>
    rule.cidr ? !peers.intersect(cidrSet(rule.cidr)).isEmpty : rule.groupId ? !peers.intersect(walker.membersOf(rule.groupId)).isEmpty : rule.prefixListId ? !peers.intersect(prefixListSet(cloud, rule.prefixListId)).isEmpty : false;
  const mayPass = (a: NetworkInterface, b: NetworkInterface): boolean => {
    const sources = publics.union(IntervalSet.point(a.privateIp));
    const targets = b.publicIp === undefined ? IntervalSet.point(b.privateIp) : IntervalSet.from([[b.privateIp, b.privateIp], [b.publicIp, b.publicIp]]);
    const inbound = b.securityGroupIds.some((g) => cloud.securityGroups.get(g)?.ingress.some((r) => ruleCanMatch(r, sources)));
    const outbound = a.securityGroupIds.some((g) => cloud.securityGroups.get(g)?.egress.some((r) => ruleCanMatch(r, targets)));
    return inbound && outbound;
  };
  const portCuts = portBoundaries(cloud);
  const internet: ResolvedEndpoint = { kind: 'internet', addresses: walker.internet, name: 'internet' };
  type End = { label: string; members: string[]; endpoint: ResolvedEndpoint; cls?: EndpointClass };
  const ends: End[] = classes.map((c) => ({ label: classLabel(c), members: c.members, endpoint: { kind: 'interface', eni: c.representative, name: classLabel(c) }, cls: c }));
  const all: End[] = [{ label: 'internet', members: ['internet'], endpoint: internet }, ...ends];
  const rows: ReachRow[] = [];
  let questions = 0;
  const total = all.length * all.length;
  let done = 0;
  for (const from of all) {
    for (const to of all) {
      done++;
      if (from.endpoint.kind === 'internet' && to.endpoint.kind === 'internet') continue;
      let target = to.endpoint;
      if (from === to) {
        // A class to itself: one member to another, when there are two.
        if (!to.cls || to.cls.members.length < 2) continue;
        const other = cloud.instances.get([...cloud.instances.values()].find((i) => (i.logicalId ?? i.id) === to.cls!.members[1])!.id)!;
        target = { kind: 'interface', eni: cloud.interfaces.get(other.networkInterfaceIds[0])!, name: to.cls.members[1] };
      }
      if (from.endpoint.kind === 'interface' && target.kind === 'interface' && !mayPass(from.endpoint.eni, target.eni)) {
        onProgress?.(done, total);
        continue;
      }
      const ask = (protocol: FlowProtocol, ports: IntervalSet) => {
        questions++;
        return answerFlow(cloud, { from: from.endpoint, to: target, protocol, ports }, walker, { brief: true });
      };
      const tcp = ask('tcp', ALL_PORTS);
      const udp = ask('udp', ALL_PORTS);
      const icmp = ask('icmp', IntervalSet.point(8));
      if (tcp.reachable || udp.reachable || icmp.reachable) {
        const restricted: ReachRow['restricted'] = [];
        const internetEnd = from.endpoint.kind === 'internet' ? from.endpoint : target.kind === 'internet' ? target : undefined;
        if (internetEnd && internetEnd.kind === 'internet') {
          const full = internetEnd.addresses;
          for (const [protocol, answer] of [['tcp', tcp], ['udp', udp]] as const) {
            for (const piece of splitByAtoms(answer.ports, portCuts)) {
              const a = ask(protocol, piece);
              if (a.addressSet && !a.addressSet.equals(full)) restricted.push({ protocol, ports: piece, addresses: addressSetToCidrs(a.addressSet), sources: describeSources(a.addressSet, full) });
            }
          }
          if (icmp.reachable && icmp.addressSet && !icmp.addressSet.equals(full)) restricted.push({ protocol: 'icmp', ports: IntervalSet.point(8), addresses: addressSetToCidrs(icmp.addressSet), sources: describeSources(icmp.addressSet, full) });
        }
        rows.push({ from: from.label, to: to.label, fromMembers: from.members, toMembers: to.members, tcp: tcp.ports, udp: udp.ports, icmp: icmp.reachable, restricted: mergeRestricted(restricted) });
      }
      onProgress?.(done, total);
    }
  }
  return { classes, rows, questions };
}
