import { formatIp, isIp, parseCidr, parseIp } from '../src/engine/address.js';
import type { Cloud } from '../src/engine/cloud.js';
import { IntervalSet } from '../src/engine/intervals.js';
import type { Instance, Subnet, Vpc } from '../src/engine/model.js';
import type { DbInstance } from '../src/engine/rds/db-instance.js';
import { internetAddresses, type ResolvedEndpoint } from '../src/engine/reach/endpoints.js';
import { databasesNamed } from '../src/engine/sim/rds-find.js';
import { CheckArgumentError } from './types.js';

/**
 * Selectors name resources in check arguments: `internet`, an IP address, `role:<name>` (the
 * resources tagged Role: <name>, case-insensitive), `id:<LogicalId>` (or a bare logical id),
 * `vpc-role:<name>`, for VPCs `vpc-of:<instance selector>` (the VPC that holds them), and as
 * an end of a reachability question `db:<LogicalId>` (an RDS database: the network interface
 * of its primary, on its subnet, security groups and network ACLs).
 */
const roleOf = (tags: Record<string, string>): string | undefined => {
  for (const [k, v] of Object.entries(tags)) if (k.toLowerCase() === 'role') return v.toLowerCase();
  return undefined;
};

function parse(selector: unknown): { kind: 'role' | 'id' | 'vpc-role' | 'db'; name: string } {
  if (typeof selector !== 'string' || selector.trim() === '') throw new CheckArgumentError(`a selector is text such as role:web or id:WebServer, not ${JSON.stringify(selector)}`);
  const s = selector.trim();
  if (s.startsWith('role:')) return { kind: 'role', name: s.slice(5).toLowerCase() };
  if (s.startsWith('vpc-role:')) return { kind: 'vpc-role', name: s.slice(9).toLowerCase() };
  if (s.startsWith('id:')) return { kind: 'id', name: s.slice(3) };
  if (s.startsWith('db:')) return { kind: 'db', name: s.slice(3).trim() };
  return { kind: 'id', name: s };
}

/** The databases `db:<name>` names, as a scenario names them (databasesNamed), in name order. */
export function selectDatabases(cloud: Cloud, name: string): DbInstance[] {
  return databasesNamed(cloud, name).sort((a, b) => `${a.region}/${a.logicalId ?? a.identifier}`.localeCompare(`${b.region}/${b.logicalId ?? b.identifier}`));
}

export function describeSelector(selector: unknown): string {
  if (Array.isArray(selector)) return selector.map(describeSelector).join(' and ');
  if (typeof selector === 'string' && selector.trim().startsWith('vpc-of:')) return `the VPC of ${describeSelector(selector.trim().slice(7))}`;
  const p = parse(selector);
  return p.kind === 'role' ? `Role: ${p.name}` : p.kind === 'vpc-role' ? `VPC Role: ${p.name}` : p.kind === 'db' ? `the database ${p.name}` : p.name;
}

export function selectInstances(cloud: Cloud, selector: unknown): Instance[] {
  const all = [...cloud.instances.values()].sort((a, b) => (a.logicalId ?? a.id).localeCompare(b.logicalId ?? b.id));
  if (typeof selector === 'string' && selector.trim().startsWith('vpc-of:')) {
    const vpcs = new Set(selectVpcs(cloud, selector).map((v) => v.id));
    return all.filter((i) => vpcs.has(cloud.instanceVpc(i).id));
  }
  const p = parse(selector);
  if (p.kind === 'db') return [];
  if (p.kind === 'role') return all.filter((i) => roleOf(i.tags) === p.name);
  if (p.kind === 'vpc-role') {
    const vpcs = new Set(selectVpcs(cloud, selector).map((v) => v.id));
    return all.filter((i) => vpcs.has(cloud.instanceVpc(i).id));
  }
  return all.filter((i) => i.logicalId === p.name || i.id === p.name);
}

/** The instances of one selector or of a list of them (in name order, each once). */
export function selectInstancesOf(cloud: Cloud, selectors: unknown): Instance[] {
  if (!Array.isArray(selectors)) return selectInstances(cloud, selectors);
  const seen = new Map<string, Instance>();
  for (const s of selectors) for (const i of selectInstances(cloud, s)) seen.set(i.id, i);
  return [...seen.values()].sort((a, b) => (a.logicalId ?? a.id).localeCompare(b.logicalId ?? b.id));
}

export function selectSubnets(cloud: Cloud, selector: unknown): Subnet[] {
  const p = parse(selector);
  if (p.kind === 'db') return [];
  const all = [...cloud.subnets.values()].sort((a, b) => (a.logicalId ?? a.id).localeCompare(b.logicalId ?? b.id));
  if (p.kind === 'role') return all.filter((s) => roleOf(s.tags) === p.name);
  if (p.kind === 'vpc-role') {
    const vpcs = new Set(selectVpcs(cloud, selector).map((v) => v.id));
    return all.filter((s) => vpcs.has(s.vpcId));
  }
  return all.filter((s) => s.logicalId === p.name || s.id === p.name);
}

export function selectVpcs(cloud: Cloud, selector: unknown): Vpc[] {
  const all = [...cloud.vpcs.values()];
  if (selector === undefined) return all;
  // vpc-of:<instance selector>: the VPCs that hold those instances (for VPCs without a Role tag).
  if (typeof selector === 'string' && selector.trim().startsWith('vpc-of:')) {
    const ids = new Set(selectInstances(cloud, selector.trim().slice(7)).map((i) => cloud.instanceVpc(i).id));
    return all.filter((v) => ids.has(v.id));
  }
  const p = parse(selector);
  if (p.kind === 'db') return [];
  if (p.kind === 'role' || p.kind === 'vpc-role') return all.filter((v) => roleOf(v.tags) === p.name);
  return all.filter((v) => v.logicalId === p.name || v.id === p.name);
}

/** A named end of a reachability question. */
export interface NamedEnd {
  name: string;
  endpoint: ResolvedEndpoint;
}

/** The ends a selector stands for; empty when a role matches no instance. */
export function selectEnds(cloud: Cloud, selector: unknown, internet: IntervalSet = internetAddresses(cloud)): NamedEnd[] {
  if (typeof selector === 'string' && selector.trim().toLowerCase() === 'internet') {
    return [{ name: 'the internet', endpoint: { kind: 'internet', addresses: internet, name: 'internet' } }];
  }
  if (typeof selector === 'string' && /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(selector.trim())) {
    const block = addressSet(selector.trim()).intersect(internet);
    if (block.isEmpty) throw new CheckArgumentError(`${selector} holds no internet address`);
    return [{ name: selector.trim(), endpoint: { kind: 'internet', addresses: block, name: selector.trim() } }];
  }
  if (typeof selector === 'string' && isIp(selector.trim())) {
    const ip = parseIp(selector.trim());
    const owner = [...cloud.interfaces.values()].find((e) => e.privateIp === ip || e.publicIp === ip);
    if (owner) return [{ name: selector, endpoint: { kind: 'interface', eni: owner, name: selector } }];
    return [{ name: selector, endpoint: { kind: 'internet', addresses: IntervalSet.point(ip), name: selector } }];
  }
  const db = typeof selector === 'string' ? parse(selector) : undefined;
  if (db?.kind === 'db') {
    return selectDatabases(cloud, db.name).flatMap((d) => {
      const eni = d.networkInterfaceId === undefined ? undefined : cloud.interfaces.get(d.networkInterfaceId);
      const name = d.logicalId ?? d.identifier;
      return eni ? [{ name, endpoint: { kind: 'interface' as const, eni, name } }] : [];
    });
  }
  return selectInstances(cloud, selector).map((i) => ({
    name: i.logicalId ?? i.id,
    endpoint: { kind: 'interface', eni: cloud.interfaces.get(i.networkInterfaceIds[0])!, name: i.logicalId ?? i.id },
  }));
}

export function emptySelection(selector: unknown, what = 'instance'): string {
  if (Array.isArray(selector)) return `no ${what} matches ${describeSelector(selector)}`;
  if (typeof selector === 'string' && selector.trim().startsWith('vpc-of:')) return `no VPC holds an instance with ${describeSelector(selector.trim().slice(7))}`;
  const p = parse(selector);
  if (p.kind === 'role') return `no ${what} has the tag Role: ${p.name}`;
  if (p.kind === 'vpc-role') return `no VPC has the tag Role: ${p.name}`;
  if (p.kind === 'db') return `there is no database ${p.name} in a VPC subnet (an RDS::DBInstance of that logical id or identifier)`;
  return `there is no ${what} ${p.name}`;
}

/** "80,443" / "0-65535" / 22 / [80, 443] to a port set. */
export function portSet(value: unknown, what = 'ports'): IntervalSet {
  if (typeof value === 'number') return IntervalSet.point(value);
  const parts = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
  if (parts.length === 0) throw new CheckArgumentError(`${what}: give ports such as "80,443" or "1024-65535"`);
  let set = IntervalSet.EMPTY;
  for (const part of parts) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!m) throw new CheckArgumentError(`${what}: "${part}" is not a port or a range`);
    set = set.union(IntervalSet.of(Number(m[1]), Number(m[2] ?? m[1])));
  }
  return set;
}

/** A comma-separated list of blocks or addresses to an address set. */
export function addressSet(value: unknown): IntervalSet {
  const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
  let set = IntervalSet.EMPTY;
  for (const raw of parts) {
    const t = raw.trim();
    if (!t) continue;
    const c = parseCidr(t.includes('/') ? t : `${t}/32`);
    set = set.union(IntervalSet.of(c.network, c.network + 2 ** (32 - c.prefix) - 1));
  }
  return set;
}

export function ipText(n: number): string {
  return formatIp(n);
}
