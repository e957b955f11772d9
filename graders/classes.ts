import type { Cloud } from '../src/engine/cloud.js';
import { effectiveRoutes, ruleBlocks } from '../src/engine/ec2/prefix-list.js';
import type { Instance } from '../src/engine/model.js';
import type { NamedEnd } from './selectors.js';

/**
 * Instances that no route, network ACL or security group can tell apart: the same subnet (so
 * the same route table and ACL), the same security groups, a public address or not, and
 * private and public addresses on the same side of every block any rule or route names; an
 * instance a route points at is a class of its own. One question per
 * class answers for every member, so a check over 3,000 servers asks a handful of questions.
 */
export interface InstanceClass {
  key: string;
  members: NamedEnd[];
}

// Keyed by the walker of one grading run: a cloud changed after a run gets new classes.
const cache = new WeakMap<object, InstanceClass[]>();

function namedBlocks(cloud: Cloud): [number, number][] {
  const out = new Map<string, [number, number]>();
  const add = (c: { network: number; prefix: number } | undefined): void => {
    if (!c || c.prefix === 0) return;
    out.set(`${c.network}/${c.prefix}`, [c.network, c.network + 2 ** (32 - c.prefix) - 1]);
  };
  for (const g of cloud.securityGroups.values()) for (const r of [...g.ingress, ...g.egress]) for (const c of ruleBlocks(cloud, r)) add(c);
  for (const a of cloud.networkAcls.values()) for (const e of a.entries) add(e.cidr);
  for (const t of cloud.routeTables.values()) for (const r of effectiveRoutes(cloud, t)) add(r.destination);
  return [...out.values()];
}

export function endOf(cloud: Cloud, i: Instance): NamedEnd {
  const name = i.logicalId ?? i.id;
  return { name, endpoint: { kind: 'interface', eni: cloud.interfaces.get(i.networkInterfaceIds[0])!, name } };
}

/** Every instance of the cloud, in classes (members sorted by name). */
export function instanceClasses(cloud: Cloud, key: object = {}): InstanceClass[] {
  const cached = cache.get(key);
  if (cached) return cached;
  const blocks = namedBlocks(cloud);
  // An instance or interface a route sends traffic to forwards it: it is a class of its own.
  const targets = new Set<string>();
  for (const t of cloud.routeTables.values()) for (const r of effectiveRoutes(cloud, t)) if (r.target.kind === 'instance' || r.target.kind === 'network-interface') targets.add(r.target.id);
  const byKey = new Map<string, NamedEnd[]>();
  const all = [...cloud.instances.values()].sort((a, b) => (a.logicalId ?? a.id).localeCompare(b.logicalId ?? b.id));
  for (const i of all) {
    const end = endOf(cloud, i);
    if (end.endpoint.kind !== 'interface') continue;
    const eni = end.endpoint.eni;
    const groups = [...eni.securityGroupIds].sort().join(',');
    const side = (ip: number | undefined): string => (ip === undefined ? '-' : blocks.map(([lo, hi]) => (ip >= lo && ip <= hi ? '1' : '0')).join(''));
    const own = targets.has(i.id) || i.networkInterfaceIds.some((e) => targets.has(e)) ? `|${i.id}` : '';
    const key = `${eni.subnetId}|${groups}|${i.networkInterfaceIds.length}|${side(eni.privateIp)}|${side(eni.publicIp)}${own}`;
    const list = byKey.get(key) ?? [];
    list.push(end);
    byKey.set(key, list);
  }
  const classes = [...byKey.entries()].map(([key, members]) => ({ key, members }));
  cache.set(key, classes);
  return classes;
}

/** The class key of each interface (by id), for grouping the ends of a question. */
export function classOfInterface(cloud: Cloud, key: object): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of instanceClasses(cloud, key)) for (const m of c.members) if (m.endpoint.kind === 'interface') out.set(m.endpoint.eni.id, c.key);
  return out;
}
