import { type Cidr, formatCidr } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { formatIpv6Cidr, type Ipv6Cidr, looksIpv6, sameIpv6 } from '../ipv6-address.js';
import { requireIpv6Block } from '../ipv6-params.js';
import { requireBlock } from '../params.js';
import { type Field, kind, named, type Named, type Origin } from '../store.js';
import type { Route, RouteTable } from './route-table.js';
import type { RouteTarget } from './route-targets.js';
import type { SecurityGroupRule } from './security-group.js';

/**
 * Customer-managed prefix lists (CreateManagedPrefixList), and what references them: routes
 * (DestinationPrefixListId) and security-group rules (SourcePrefixListId,
 * DestinationPrefixListId). A reference stands for exactly the list's entries.
 * https://docs.aws.amazon.com/vpc/latest/userguide/managed-prefix-lists.html
 *
 * AWS-managed lists (com.amazonaws.<region>.s3, com.amazonaws.global.cloudfront.origin-facing,
 * …) are named by an id of the account's region and hold entries AWS changes over time; the
 * virtual cloud knows none of them, so a reference to a `pl-…` id it did not create is kept
 * and matches nothing (the front door says so).
 */

export type AddressFamily = 'IPv4' | 'IPv6';

export interface PrefixListEntry {
  cidr: string;
  description?: string;
}

export interface PrefixList extends Named {
  name: string;
  addressFamily: AddressFamily;
  maxEntries: number;
  entries: PrefixListEntry[];
  /** The entries as blocks of their family. */
  ipv4: Cidr[];
  ipv6: Ipv6Cidr[];
}

/** A route whose destination is a prefix list: it stands for one route per entry. */
export interface PrefixListRoute {
  prefixListId: string;
  target: RouteTarget;
  logicalId?: string;
}

export const PREFIX_LIST = kind<PrefixList>({ noun: 'the prefix list', notFound: 'InvalidPrefixListID.NotFound', field: 'PrefixListId' });

/** AWS's quota of entries in one customer-managed prefix list. */
export const MAX_PREFIX_LIST_ENTRIES = 1000;

export interface PrefixListSpec {
  prefixListName: unknown;
  addressFamily: unknown;
  maxEntries: unknown;
  entries?: { cidr: unknown; description?: unknown }[];
}

/** CreateManagedPrefixList: a name not starting with com.amazonaws, a family, a size, and entries of that family that fit. */
export function createManagedPrefixList(cloud: Cloud, region: string, spec: PrefixListSpec, origin?: Origin): PrefixList {
  const name = typeof spec.prefixListName === 'string' ? spec.prefixListName : '';
  if (name.trim() === '') throw new CloudError('MissingParameter', 'a prefix list needs a PrefixListName', 'PrefixListName');
  if (name.length > 255) throw new CloudError('InvalidParameterValue', `PrefixListName is ${name.length} characters; at most 255 are allowed`, 'PrefixListName');
  if (name.startsWith('com.amazonaws')) {
    throw new CloudError('InvalidParameterValue', `PrefixListName "${name}" starts with com.amazonaws, which AWS keeps for its own lists; choose another name`, 'PrefixListName');
  }
  if (spec.addressFamily !== 'IPv4' && spec.addressFamily !== 'IPv6') {
    throw new CloudError('InvalidParameterValue', `AddressFamily is IPv4 or IPv6, not "${String(spec.addressFamily ?? '')}"`, 'AddressFamily');
  }
  const family = spec.addressFamily;
  if (spec.maxEntries === undefined) throw new CloudError('MissingParameter', 'a prefix list needs MaxEntries (how many entries it may hold)', 'MaxEntries');
  const maxEntries = Number(spec.maxEntries);
  if (!Number.isInteger(maxEntries) || maxEntries < 1 || maxEntries > MAX_PREFIX_LIST_ENTRIES) {
    throw new CloudError('InvalidParameterValue', `MaxEntries ${String(spec.maxEntries)} is not valid; it is a whole number from 1 to ${MAX_PREFIX_LIST_ENTRIES}`, 'MaxEntries');
  }
  const entries = spec.entries ?? [];
  if (entries.length > maxEntries) {
    throw new CloudError('InvalidParameterValue', `the prefix list has ${entries.length} entries but MaxEntries is ${maxEntries}; raise MaxEntries or remove entries`, 'Entries');
  }
  const list: PrefixList = { ...named(cloud.newId('pl', region, origin, 'pl'), region, origin), name, addressFamily: family, maxEntries, entries: [], ipv4: [], ipv6: [] };
  entries.forEach((e, i) => {
    const field: Field = ['Entries', i, 'Cidr'];
    const ipv6 = looksIpv6(e.cidr);
    if ((family === 'IPv6') !== ipv6) {
      throw new CloudError('InvalidParameterValue', `${String(e.cidr)} is an ${ipv6 ? 'IPv6' : 'IPv4'} block, but the prefix list's AddressFamily is ${family}`, field);
    }
    let text: string;
    if (ipv6) {
      const c = requireIpv6Block(e.cidr, field, 'a prefix list entry');
      if (list.ipv6.some((o) => sameIpv6(o, c))) throw duplicate(formatIpv6Cidr(c), field);
      list.ipv6.push(c);
      text = formatIpv6Cidr(c);
    } else {
      const c = requireBlock(e.cidr, field, 'a prefix list entry', cloud);
      if (list.ipv4.some((o) => o.network === c.network && o.prefix === c.prefix)) throw duplicate(formatCidr(c), field);
      list.ipv4.push(c);
      text = formatCidr(c);
    }
    list.entries.push({ cidr: text, ...(e.description !== undefined ? { description: String(e.description) } : {}) });
  });
  cloud.table(PREFIX_LIST).set(list.id, list);
  return list;
}

const duplicate = (cidr: string, field: Field): CloudError =>
  new CloudError('InvalidParameterValue', `the prefix list names ${cidr} twice; each entry must be a different block`, field);

/** True when the virtual cloud holds the list (it created it); AWS-managed lists are never known. */
export function prefixListKnown(cloud: Cloud, id: string): boolean {
  return cloud.table(PREFIX_LIST).has(id);
}

/** Refuses what cannot be a prefix list id; a `pl-…` id the cloud does not hold is kept (an AWS-managed list). */
export function checkPrefixListReference(cloud: Cloud, id: string, field: Field): void {
  if (prefixListKnown(cloud, id)) return;
  if (!/^pl-[0-9a-f]{8}([0-9a-f]{9})?$/.test(id)) {
    throw new CloudError('InvalidPrefixListId.Malformed', `"${id}" is not a prefix list id; prefix list ids look like pl-0123456789abcdef0`, field);
  }
}

/** The IPv4 blocks a reference stands for: the entries of an IPv4 list; nothing for an IPv6 list or a list the cloud does not know. */
export function prefixListBlocks(cloud: Cloud, id: string): Cidr[] {
  return cloud.table(PREFIX_LIST).get(id)?.ipv4 ?? [];
}

/** The IPv4 blocks a security-group rule names: its CidrIp, or its prefix list's entries (none for a group reference). */
export function ruleBlocks(cloud: Cloud, rule: SecurityGroupRule): Cidr[] {
  if (rule.cidr) return [rule.cidr];
  return rule.prefixListId ? prefixListBlocks(cloud, rule.prefixListId) : [];
}

/**
 * How many rules a security-group rule counts as against the quota: a rule that references a
 * prefix list counts as the list's MaxEntries rules (AWS: "the maximum number of entries for
 * the prefix list counts as the same number of rules").
 */
export function ruleWeight(cloud: Cloud, rule: SecurityGroupRule): number {
  if (!rule.prefixListId) return 1;
  return cloud.table(PREFIX_LIST).get(rule.prefixListId)?.maxEntries ?? 1;
}

/**
 * The routes a table applies to IPv4 traffic: its own routes, then one route per entry of
 * each IPv4 prefix list it references. At the same prefix length a route to a block wins
 * over a prefix-list route (AWS's route priority: longest prefix, then static routes, then
 * prefix-list routes, https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html);
 * a stable sort by prefix length keeps that order.
 */
export function effectiveRoutes(cloud: Cloud, table: RouteTable): Route[] {
  const lists = table.prefixListRoutes ?? [];
  if (lists.length === 0) return table.routes;
  const out = [...table.routes];
  for (const r of lists) {
    for (const destination of prefixListBlocks(cloud, r.prefixListId)) out.push({ destination, target: r.target, logicalId: r.logicalId, prefixListId: r.prefixListId });
  }
  return out;
}
