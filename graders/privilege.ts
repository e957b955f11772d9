import { describeRule } from '../src/engine/cloud.js';
import { ipv6RulesOf } from '../src/engine/ec2/ipv6.js';
import { ruleBlocks } from '../src/engine/ec2/prefix-list.js';
import { ipv6Last } from '../src/engine/ipv6-address.js';
import { IntervalSet } from '../src/engine/intervals.js';
import type { Cidr } from '../src/engine/address.js';
import type { Instance, Protocol } from '../src/engine/model.js';
import { describePorts } from '../src/engine/reach/describe-sets.js';
import { describeSelector, emptySelection, portSet, selectInstancesOf } from './selectors.js';
import { CheckArgumentError, type CheckContext, type CheckKind, type CheckOutcome } from './types.js';

/**
 * Least privilege: no rule (or set of rules together) opens more than a given part of the
 * internet, on any protocol or port but the allowed ones. Rules are taken together, so
 * 0.0.0.0/1 + 128.0.0.0/1 is as open as 0.0.0.0/0; IPv6 rules count too (the engine keeps
 * them; for a cloud built without them, they are read from the template's declarations), and
 * a rule naming a prefix list grants exactly the list's entries.
 */
interface Grant {
  protocol: 'tcp' | 'udp' | 'icmp' | 'other';
  ports: IntervalSet;
  /** IPv4 addresses as an interval set, or IPv6 as [lo, hi] bigint ranges. */
  v4?: IntervalSet;
  v6?: [bigint, bigint][];
  what: string;
}

const FAMILIES = ['tcp', 'udp', 'icmp', 'other'] as const;
const ALL_PORTS = IntervalSet.of(0, 65535);

function families(p: Protocol): Grant['protocol'][] {
  if (p === 'all' || p === -1) return [...FAMILIES];
  if (p === 'tcp' || p === 6) return ['tcp'];
  if (p === 'udp' || p === 17) return ['udp'];
  if (p === 'icmp' || p === 1) return ['icmp'];
  return ['other'];
}

const v4 = (c: Cidr): IntervalSet => IntervalSet.of(c.network, c.network + 2 ** (32 - c.prefix) - 1);

/** An IPv6 block as a [first, last] range; undefined when it is not one. */
export function ipv6Range(text: string): [bigint, bigint] | undefined {
  const m = /^([0-9a-fA-F:]+)\/(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const prefix = Number(m[2]);
  if (prefix > 128) return undefined;
  const halves = m[1].split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array(Math.max(fill, 0)).fill('0'), ...tail];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  let n = 0n;
  for (const g of groups) n = (n << 16n) | BigInt(parseInt(g, 16));
  const size = 1n << BigInt(128 - prefix);
  const lo = (n / size) * size;
  return [lo, lo + size - 1n];
}

function v6Size(ranges: [bigint, bigint][]): bigint {
  const sorted = [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let total = 0n;
  let cur: [bigint, bigint] | undefined;
  for (const r of sorted) {
    if (cur && r[0] <= cur[1] + 1n) cur[1] = r[1] > cur[1] ? r[1] : cur[1];
    else {
      if (cur) total += cur[1] - cur[0] + 1n;
      cur = [r[0], r[1]];
    }
  }
  if (cur) total += cur[1] - cur[0] + 1n;
  return total;
}

const portsOf = (p: Protocol, from: number | undefined, to: number | undefined): IntervalSet =>
  families(p).length > 1 || from === undefined || to === undefined || from < 0 ? ALL_PORTS : IntervalSet.of(from, Math.max(from, to));

const nameOf = (r: { id: string; logicalId?: string }): string => r.logicalId ?? r.id;

function protocolOfText(p: unknown): Protocol {
  const s = String(p ?? '').toLowerCase();
  if (s === '-1' || s === 'all') return 'all';
  if (s === 'tcp' || s === '6') return 'tcp';
  if (s === 'udp' || s === '17') return 'udp';
  if (s === 'icmp' || s === '1') return 'icmp';
  return Number.isInteger(Number(s)) ? Number(s) : 'all';
}

/** Security-group grants of the instances, IPv4 and IPv6 from the cloud (IPv6 also from the template when the cloud has none). */
function groupGrants(ctx: CheckContext, instances: Instance[], direction: 'ingress' | 'egress'): Grant[] {
  const ids = new Set(instances.flatMap((i) => i.networkInterfaceIds.flatMap((e) => ctx.cloud.interfaces.get(e)?.securityGroupIds ?? [])));
  const out: Grant[] = [];
  const keys = new Set<string>();
  for (const id of ids) {
    const g = ctx.cloud.securityGroups.get(id);
    if (!g) continue;
    // Groups whose IPv6 rules the engine holds are not read again from the template.
    if (ipv6RulesOf(g, direction).length === 0) {
      keys.add(g.id);
      if (g.logicalId) keys.add(g.logicalId);
    }
    for (const r of direction === 'ingress' ? g.ingress : g.egress) {
      const what = `${nameOf(g)}: ${describeRule(r, direction)}`;
      if (r.cidrIpv6) {
        for (const f of families(r.protocol)) out.push({ protocol: f, ports: portsOf(r.protocol, r.fromPort, r.toPort), v6: [[r.cidrIpv6.network, ipv6Last(r.cidrIpv6)]], what });
        continue;
      }
      const blocks = ruleBlocks(ctx.cloud, r);
      if (blocks.length === 0) continue;
      const set = blocks.reduce((acc, c) => acc.union(v4(c)), IntervalSet.EMPTY);
      for (const f of families(r.protocol)) out.push({ protocol: f, ports: portsOf(r.protocol, r.fromPort, r.toPort), v4: set, what });
    }
  }
  const v6Key = 'CidrIpv6';
  const add6 = (group: string, raw: Record<string, unknown>): void => {
    const range = typeof raw[v6Key] === 'string' ? ipv6Range(raw[v6Key] as string) : undefined;
    if (!range) return;
    const p = protocolOfText(raw.IpProtocol);
    const from = raw.FromPort === undefined ? undefined : Number(raw.FromPort);
    const to = raw.ToPort === undefined ? undefined : Number(raw.ToPort);
    for (const f of families(p)) out.push({ protocol: f, ports: portsOf(p, from, to), v6: [range], what: `${group}: ${String(raw.IpProtocol)} ${from ?? ''}${to !== undefined && to !== from ? `-${to}` : ''} ${direction === 'ingress' ? 'from' : 'to'} ${String(raw[v6Key])}` });
  };
  for (const r of ctx.resources) {
    if (r.type === 'AWS::EC2::SecurityGroup' && keys.has(r.logicalId)) {
      const list = r.properties[direction === 'ingress' ? 'SecurityGroupIngress' : 'SecurityGroupEgress'];
      if (Array.isArray(list)) for (const x of list) if (x && typeof x === 'object') add6(r.logicalId, x as Record<string, unknown>);
    }
    if (r.type === (direction === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress') && keys.has(String(r.properties.GroupId))) add6(r.logicalId, r.properties);
  }
  return out;
}

/** What a subnet's network ACL lets through in one direction, first match decides, per protocol and port. */
function aclGrants(ctx: CheckContext, instances: Instance[], direction: 'ingress' | 'egress'): Grant[] {
  const acls = new Set(instances.map((i) => ctx.cloud.networkAclOf(ctx.cloud.interfaces.get(i.networkInterfaceIds[0])!.subnetId).id));
  const out: Grant[] = [];
  for (const id of acls) {
    const acl = ctx.cloud.networkAcls.get(id)!;
    const entries = acl.entries.filter((e) => e.egress === (direction === 'egress')).sort((a, b) => a.ruleNumber - b.ruleNumber);
    // Split ports at every entry's edges so each segment sees one ordered list of matches.
    const cuts = new Set<number>([0, 65536]);
    for (const e of entries) if (e.portFrom !== undefined && e.portTo !== undefined) cuts.add(e.portFrom), cuts.add(e.portTo + 1);
    const edges = [...cuts].sort((a, b) => a - b);
    for (const f of FAMILIES) {
      for (let i = 0; i + 1 < edges.length; i++) {
        const seg = IntervalSet.of(edges[i], edges[i + 1] - 1);
        let decided = IntervalSet.EMPTY;
        let allowed = IntervalSet.EMPTY;
        const names: string[] = [];
        for (const e of entries) {
          if (!families(e.protocol).includes(f)) continue;
          if ((f === 'tcp' || f === 'udp') && families(e.protocol).length === 1 && !portsOf(e.protocol, e.portFrom, e.portTo).intersect(seg).equals(seg)) continue;
          const block = v4(e.cidr).subtract(decided);
          if (e.action === 'allow' && !block.isEmpty) {
            allowed = allowed.union(block);
            names.push(`${nameOf(acl)} rule ${e.ruleNumber}`);
          }
          decided = decided.union(v4(e.cidr));
        }
        if (!allowed.isEmpty) out.push({ protocol: f, ports: f === 'tcp' || f === 'udp' ? seg : ALL_PORTS, v4: allowed, what: names.join(', ') });
        if (f !== 'tcp' && f !== 'udp') break;
      }
    }
  }
  return out;
}

interface Violation {
  protocol: string;
  ports: IntervalSet;
  share: string;
  rules: string[];
}

/** The first protocol and port segment whose grants together open more than `widest` allows. */
function widestOpening(grants: Grant[], internet: IntervalSet, allow: IntervalSet, maxV4: number, maxV6: bigint): Violation | undefined {
  for (const f of FAMILIES) {
    const mine = grants.filter((g) => g.protocol === f);
    if (mine.length === 0) continue;
    const cuts = new Set<number>([0, 65536]);
    for (const g of mine) for (const [lo, hi] of g.ports.intervals) cuts.add(lo), cuts.add(hi + 1);
    const edges = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < edges.length; i++) {
      const seg = IntervalSet.of(edges[i], edges[i + 1] - 1);
      if (f === 'tcp' && seg.isSubsetOf(allow)) continue;
      const covering = mine.filter((g) => !g.ports.intersect(seg).isEmpty);
      if (covering.length === 0) continue;
      let set4 = IntervalSet.EMPTY;
      const set6: [bigint, bigint][] = [];
      for (const g of covering) {
        if (g.v4) set4 = set4.union(g.v4);
        if (g.v6) set6.push(...g.v6);
      }
      const n4 = set4.intersect(internet).size;
      const n6 = v6Size(set6);
      if (n4 > maxV4 || n6 > maxV6) {
        const share = n4 > maxV4 ? `${n4 >= internet.size ? 'the whole' : `${((n4 / internet.size) * 100).toFixed(n4 / internet.size < 0.01 ? 4 : 1)}% of the`} IPv4 internet` : `${n6 === 1n << 128n ? 'every' : 'a wide range of'} IPv6 address${n6 === 1n << 128n ? '' : 'es'}`;
        const rules = covering.filter((g) => (n4 > maxV4 ? g.v4 && !g.v4.intersect(internet).isEmpty : g.v6)).map((g) => g.what);
        return { protocol: f, ports: f === 'tcp' || f === 'udp' ? seg : ALL_PORTS, share, rules: [...new Set(rules)] };
      }
    }
  }
  return undefined;
}

export const leastPrivilege: CheckKind = {
  kind: 'least-privilege',
  description: 'no rule (alone or with others, IPv4 or IPv6, any protocol) opens more than a /N of the internet, except the allowed tcp ports',
  args: {
    of: 'role:… instances',
    'allow?': 'tcp ports that may be open to everyone, "80,443" (default none)',
    'direction?': 'inbound (default), outbound or both',
    'on?': 'security-groups (default), network-acls or both',
    'widest?': 'the widest internet source allowed, as a prefix length: 24 (default) allows up to 256 addresses',
    'widestV6?': 'the same for IPv6: 64 (default)',
  },
  run(ctx, args): CheckOutcome {
    const instances = selectInstancesOf(ctx.cloud, args.of);
    if (instances.length === 0) return { passed: false, detail: emptySelection(args.of) };
    const allow = args.allow === undefined || args.allow === '' ? IntervalSet.EMPTY : portSet(args.allow, 'allow');
    const direction = String(args.direction ?? 'inbound');
    const on = String(args.on ?? 'security-groups');
    if (!['inbound', 'outbound', 'both'].includes(direction)) throw new CheckArgumentError(`direction is inbound, outbound or both, not "${direction}"`);
    if (!['security-groups', 'network-acls', 'both'].includes(on)) throw new CheckArgumentError(`on is security-groups, network-acls or both, not "${on}"`);
    const widest = Number(args.widest ?? 24);
    const widestV6 = Number(args.widestV6 ?? 64);
    if (!Number.isInteger(widest) || widest < 0 || widest > 32) throw new CheckArgumentError('widest is a prefix length from 0 to 32');
    if (!Number.isInteger(widestV6) || widestV6 < 0 || widestV6 > 128) throw new CheckArgumentError('widestV6 is a prefix length from 0 to 128');
    const maxV4 = 2 ** (32 - widest);
    const maxV6 = 1n << BigInt(128 - widestV6);
    const dirs: ('ingress' | 'egress')[] = direction === 'both' ? ['ingress', 'egress'] : direction === 'inbound' ? ['ingress'] : ['egress'];
    for (const d of dirs) {
      const sources: [string, Grant[]][] = [];
      if (on !== 'network-acls') sources.push(['security groups', groupGrants(ctx, instances, d)]);
      if (on !== 'security-groups') sources.push(['network ACLs', aclGrants(ctx, instances, d)]);
      for (const [where, grants] of sources) {
        const v = widestOpening(grants, ctx.walker.internet, allow, maxV4, maxV6);
        if (v) {
          const what = v.protocol === 'other' ? 'other protocols' : v.protocol === 'icmp' ? 'icmp' : `${v.protocol} ${describePorts(v.ports)}`;
          return {
            passed: false,
            detail: `the ${where} of ${describeSelector(args.of)} open ${what} ${d === 'ingress' ? 'to' : 'towards'} ${v.share} (${v.rules.slice(0, 4).join('; ')}); ${allow.isEmpty ? 'nothing' : `only tcp ${describePorts(allow)}`} should be open ${d === 'ingress' ? 'from' : 'to'} more than a /${widest}`,
            evidence: { resources: v.rules.map((r) => r.split(':')[0].split(' rule ')[0]) },
          };
        }
      }
    }
    return { passed: true, detail: `${allow.isEmpty ? 'nothing' : `only tcp ${describePorts(allow)}`} is open to more than a /${widest} of the internet on ${describeSelector(args.of)} (${dirs.map((d) => (d === 'ingress' ? 'inbound' : 'outbound')).join(' and ')}, IPv4 and IPv6)` };
  },
};

