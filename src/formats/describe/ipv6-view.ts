import type { Cloud } from '../../engine/cloud.js';
import { EGRESS_ONLY_IGW } from '../../engine/ec2/egress-only-internet-gateway.js';
import { ipv6RoutesOf, type Ipv6RouteTarget } from '../../engine/ec2/ipv6-route.js';
import { PREFIX_LIST } from '../../engine/ec2/prefix-list.js';
import { ROUTE_TARGETS } from '../../engine/ec2/route-targets.js';
import { formatIpv6Cidr } from '../../engine/ipv6-address.js';
import type { NetworkAcl, RouteTable } from '../../engine/model.js';
import { formatCidr } from '../../engine/address.js';

/** The IPv6 and prefix-list parts of the topology view: blocks, routes and ACL entries the engine keeps (not traced yet). */

const nameOf = (r: { id: string; logicalId?: string } | undefined, fallback: string): string => (r ? r.logicalId ?? r.id : fallback);

export function ipv6TargetName(cloud: Cloud, t: Ipv6RouteTarget): string {
  if (t.kind === 'local') return 'local';
  if (t.kind === 'egress-only-internet-gateway') return nameOf(cloud.table(EGRESS_ONLY_IGW).get(t.id), t.id);
  return nameOf(ROUTE_TARGETS[t.kind].find(cloud, t.id), t.id);
}

/** A table's IPv6 routes (most specific first), then its prefix-list routes, as route lines. */
export function extraRoutes(cloud: Cloud, table: RouteTable): { destination: string; target: string; blackhole: boolean }[] {
  const v6 = ipv6RoutesOf(cloud, table)
    .sort((a, b) => b.destination.prefix - a.destination.prefix)
    .map((r) => ({
      destination: formatIpv6Cidr(r.destination),
      target: ipv6TargetName(cloud, r.target),
      blackhole: r.target.kind === 'egress-only-internet-gateway' ? !cloud.table(EGRESS_ONLY_IGW).has(r.target.id) : cloud.isBlackhole(r.target),
    }));
  const lists = (table.prefixListRoutes ?? []).map((r) => {
    const list = cloud.table(PREFIX_LIST).get(r.prefixListId);
    const what = list ? `${nameOf(list, r.prefixListId)} (${list.entries.map((e) => e.cidr).join(', ') || 'no entries'})` : `${r.prefixListId} (not known)`;
    return { destination: `prefix list ${what}`, target: ipv6TargetName(cloud, r.target), blackhole: cloud.isBlackhole(r.target) };
  });
  return [...v6, ...lists];
}

/** A network ACL's entries of one direction, IPv4 and IPv6, in rule-number order, as text. */
export function aclEntryLines(acl: NetworkAcl, egress: boolean): string[] {
  const all = [
    ...acl.entries.filter((e) => e.egress === egress).map((e) => ({ e, block: formatCidr(e.cidr) })),
    ...(acl.ipv6Entries ?? []).filter((e) => e.egress === egress).map((e) => ({ e, block: formatIpv6Cidr(e.ipv6Cidr) })),
  ].sort((a, b) => a.e.ruleNumber - b.e.ruleNumber);
  return all.map(({ e, block }) => `${e.ruleNumber} ${e.action} ${e.protocol === 'tcp' || e.protocol === 'udp' ? `${e.protocol} ${e.portFrom}-${e.portTo}` : e.protocol} ${egress ? 'to' : 'from'} ${block}`);
}

export function egressOnlyGateways(cloud: Cloud, vpcId: string): { id: string; name: string }[] {
  return [...cloud.table(EGRESS_ONLY_IGW).values()].filter((g) => g.vpcId === vpcId).map((g) => ({ id: g.id, name: nameOf(g, g.id) }));
}
