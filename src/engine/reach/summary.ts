import type { Cloud } from '../cloud.js';
import { IntervalSet } from '../intervals.js';
import type { NetworkInterface, SecurityGroupRule } from '../model.js';
import { type EndpointClass, endpointClasses } from './endpoint-classes.js';
import { addressSetToCidrs, describeSources } from './describe-sets.js';
import { cidrSet, prefixListSet, protocolMatches } from './filters.js';
import type { ResolvedEndpoint } from './endpoints.js';
import type { FlowProtocol } from './packet.js';
import { portBoundaries, type Restriction, restrictions } from './restricted.js';
import { FlowSet } from './space.js';
import { answerFlow, type FlowAnswer } from './trace.js';
import { Walker } from './walker.js';
import { type ServiceReachRow, serviceReachRows } from './services/summary-ends.js';

/**
 * Who can reach whom, on which ports: the reachability summary of a whole topology.
 *
 * Instances are grouped into equivalence classes (endpoint-classes.ts). One question per pair
 * of classes and protocol answers for all their members; the walks share each filter's
 * verdict per place (filter-cache.ts) and each route table's index (route-choice.ts), so the
 * work grows with the size of the network, not with the product of its rule counts.
 */
export { type EndpointClass, endpointClasses } from './endpoint-classes.js';
export type { Restriction } from './restricted.js';
export type { ServiceReachRow } from './services/summary-ends.js';

export interface ReachRow {
  from: string;
  to: string;
  fromMembers: string[];
  toMembers: string[];
  tcp: IntervalSet;
  udp: IntervalSet;
  icmp: boolean;
  /** For rows with the internet at one end: port ranges that only some internet addresses get through. */
  restricted: Restriction[];
}

export interface ReachSummary {
  classes: EndpointClass[];
  rows: ReachRow[];
  /** Rows whose end is a load balancer, a database or a DNS name of the submission (TCP). */
  services: ServiceReachRow[];
  questions: number;
  /** The work done, for tests that hold it linear in the network: filter verdicts evaluated (the rest were reused), and paths walked. */
  work: { filterEvaluations: number; paths: number };
}

function classLabel(c: EndpointClass): string {
  return c.members.length === 1 ? c.members[0] : `${c.members[0]} (+${c.members.length - 1})`;
}

const ALL_PORTS = IntervalSet.of(0, 65535);

type Answer = Pick<FlowAnswer, 'reachable' | 'ports' | 'flows' | 'addressSet'>;
const NOTHING: Answer = { reachable: false, ports: IntervalSet.EMPTY, flows: FlowSet.EMPTY };

export function reachSummary(cloud: Cloud, onProgress?: (done: number, total: number) => void): ReachSummary {
  const classes = endpointClasses(cloud);
  // A quick, exact filter before the walk: the addresses a packet from A can carry when it
  // reaches B are A's private address, one of the cloud's public addresses (A's own, a NAT
  // gateway's) or the private address of a NAT gateway or of an interface that forwards. When no rule of B's groups for a protocol
  // (or of A's, outbound) can match any of them, no flow of that protocol gets through, and
  // the question needs no walk.
  const natAddresses = [...cloud.natGateways.values()].map((n) => cloud.interfaces.get(n.networkInterfaceId)?.privateIp).filter((ip): ip is number => ip !== undefined);
  // An interface that forwards (source/destination check off) may translate as well: NAT
  // instances translate to their own private address (forwarding.ts).
  for (const e of cloud.interfaces.values()) if (!e.sourceDestCheck) natAddresses.push(e.privateIp);
  const publics = IntervalSet.from([...cloud.publicAddresses(), ...natAddresses].map((ip) => [ip, ip] as [number, number]));
  const walker = new Walker(cloud, { brief: true });
  // Per rule, once: the addresses it names, and whether it names one of the public or NAT addresses.
  const named = new Map<SecurityGroupRule, { set: IntervalSet; publics: boolean }>();
  const rulePeers = (rule: SecurityGroupRule): { set: IntervalSet; publics: boolean } => {
    let n = named.get(rule);
    if (!n) {
      const set = rule.cidr ? cidrSet(rule.cidr) : rule.groupId ? walker.membersOf(rule.groupId) : rule.prefixListId ? prefixListSet(cloud, rule.prefixListId) : IntervalSet.EMPTY;
      named.set(rule, (n = { set, publics: !publics.intersect(set).isEmpty }));
    }
    return n;
  };
  const rules = { ingress: new WeakMap<readonly string[], SecurityGroupRule[]>(), egress: new WeakMap<readonly string[], SecurityGroupRule[]>() };
  const rulesOf = (groupIds: readonly string[], direction: 'ingress' | 'egress'): SecurityGroupRule[] => {
    let list = rules[direction].get(groupIds);
    if (!list) rules[direction].set(groupIds, (list = groupIds.flatMap((g) => cloud.securityGroups.get(g)?.[direction] ?? [])));
    return list;
  };
  // Per protocol: a rule for another protocol lets nothing of this one through.
  const mayPass = (a: NetworkInterface, b: NetworkInterface, protocol: FlowProtocol): boolean => {
    const inbound = rulesOf(b.securityGroupIds, 'ingress').some((r) => {
      if (!protocolMatches(r.protocol, protocol)) return false;
      const n = rulePeers(r);
      return n.publics || n.set.has(a.privateIp);
    });
    if (!inbound) return false;
    return rulesOf(a.securityGroupIds, 'egress').some((r) => {
      if (!protocolMatches(r.protocol, protocol)) return false;
      const n = rulePeers(r);
      return n.set.has(b.privateIp) || (b.publicIp !== undefined && n.set.has(b.publicIp));
    });
  };
  const portCuts = portBoundaries(cloud);
  const internet: ResolvedEndpoint = { kind: 'internet', addresses: walker.internet, name: 'internet' };
  type End = { label: string; members: string[]; endpoint: ResolvedEndpoint; cls?: EndpointClass };
  const ends: End[] = classes.map((c) => ({ label: classLabel(c), members: c.members, endpoint: { kind: 'interface', eni: c.representative, name: classLabel(c) }, cls: c }));
  const all: End[] = [{ label: 'internet', members: ['internet'], endpoint: internet }, ...ends];
  const rows: ReachRow[] = [];
  let questions = 0;
  let paths = 0;
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
        target = { kind: 'interface', eni: to.cls.interfaces[1], name: to.cls.members[1] };
      }
      const pair = from.endpoint.kind === 'interface' && target.kind === 'interface' ? { a: from.endpoint.eni, b: target.eni } : undefined;
      const ask = (protocol: FlowProtocol, ports: IntervalSet): Answer => {
        if (pair && !mayPass(pair.a, pair.b, protocol)) return NOTHING;
        questions++;
        const a = answerFlow(cloud, { from: from.endpoint, to: target, protocol, ports }, walker, { brief: true });
        paths += a.outcomes;
        return a;
      };
      const tcp = ask('tcp', ALL_PORTS);
      const udp = ask('udp', ALL_PORTS);
      const icmp = ask('icmp', IntervalSet.point(8));
      if (tcp.reachable || udp.reachable || icmp.reachable) {
        const restricted: ReachRow['restricted'] = [];
        const internetEnd = from.endpoint.kind === 'internet' ? from.endpoint : target.kind === 'internet' ? target : undefined;
        if (internetEnd && internetEnd.kind === 'internet') {
          const full = internetEnd.addresses;
          for (const [protocol, answer] of [['tcp', tcp], ['udp', udp]] as const) restricted.push(...restrictions(protocol, answer.flows, answer.ports, full, portCuts));
          if (icmp.reachable && icmp.addressSet && !icmp.addressSet.equals(full)) restricted.push({ protocol: 'icmp', ports: IntervalSet.point(8), addresses: addressSetToCidrs(icmp.addressSet), sources: describeSources(icmp.addressSet, full) });
        }
        rows.push({ from: from.label, to: to.label, fromMembers: from.members, toMembers: to.members, tcp: tcp.ports, udp: udp.ports, icmp: icmp.reachable, restricted });
      }
      onProgress?.(done, total);
    }
  }
  const services = serviceReachRows(cloud, all, walker);
  return { classes, rows, services, questions, work: { filterEvaluations: walker.filters.evaluations, paths } };
}
