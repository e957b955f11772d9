import { type Cidr, cidrContainsIp, formatCidr, formatIp, isIp, isPrivateIp, lastAddress, parseCidr, parseIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import { looksIpv6 } from '../ipv6-address.js';
import { IntervalSet } from '../intervals.js';
import type { NetworkInterface } from '../model.js';
import { nearest } from '../suggest.js';

/** One end of a question: a network interface of the cloud, or a set of internet addresses. */
export type ResolvedEndpoint =
  | { kind: 'interface'; eni: NetworkInterface; name: string; only?: 'private' | 'public' }
  | { kind: 'internet'; addresses: IntervalSet; name: string };

export class EndpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EndpointError';
  }
}

const NOT_INTERNET = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/4', '240.0.0.0/4'].map(parseCidr);

/** The internet for the engine: every unicast address outside the private and special ranges, the VPCs and the cloud's own public addresses. */
export function internetAddresses(cloud: Cloud): IntervalSet {
  const out: [number, number][] = NOT_INTERNET.map((c) => [c.network, lastAddress(c)]);
  for (const v of cloud.vpcs.values()) for (const c of v.cidrs) out.push([c.network, lastAddress(c)]);
  for (const ip of cloud.publicAddresses()) out.push([ip, ip]);
  return IntervalSet.of(0, 0xffffffff).subtract(IntervalSet.from(out));
}

/** Names a student can use for endpoints: instance and interface logical ids and ids. */
export function endpointNames(cloud: Cloud): string[] {
  const out: string[] = [];
  for (const i of cloud.instances.values()) {
    if (i.logicalId) out.push(i.logicalId);
    out.push(i.id);
  }
  for (const e of cloud.interfaces.values()) if (e.logicalId && e.owner.kind === 'none') out.push(e.logicalId);
  return out;
}

/**
 * Resolves what a student typed for A or B: a logical id (optionally region/LogicalId), a
 * physical id (i-…, eni-…), an IP address or block, or "internet".
 */
export function resolveEndpoint(cloud: Cloud, text: string): ResolvedEndpoint {
  const t = text.trim();
  if (t.toLowerCase() === 'internet' || t === '0.0.0.0/0') return { kind: 'internet', addresses: internetAddresses(cloud), name: 'internet' };
  if (isIp(t)) return resolveAddress(cloud, parseIp(t), t);
  if (looksIpv6(t)) throw new EndpointError(`${t} is IPv6; IPv6 traffic is not traced yet (the IPv6 blocks, routes and rules are loaded and shown by describe): ask about an IPv4 address, an instance or "internet"`);
  if (/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(t)) {
    let c: Cidr;
    try {
      c = parseCidr(t);
    } catch (e) {
      throw new EndpointError((e as Error).message);
    }
    const set = IntervalSet.of(c.network, lastAddress(c)).intersect(internetAddresses(cloud));
    if (set.isEmpty) {
      throw new EndpointError(`${t} holds no internet address (private or special ranges, or the topology's own blocks); give an instance, one of its addresses, or an internet block`);
    }
    return { kind: 'internet', addresses: set, name: formatCidr(c) };
  }
  const [region, logical] = t.includes('/') ? t.split('/', 2) : [undefined, t];
  const matches: NetworkInterface[] = [];
  for (const i of cloud.instances.values()) {
    if ((i.logicalId === logical || i.id === logical) && (!region || i.region === region)) {
      const primary = cloud.interfaces.get(i.networkInterfaceIds[0]);
      if (primary) matches.push(primary);
    }
  }
  for (const e of cloud.interfaces.values()) {
    if ((e.logicalId === logical || e.id === logical) && (!region || e.region === region)) matches.push(e);
  }
  if (matches.length === 1) return { kind: 'interface', eni: matches[0], name: logical };
  if (matches.length > 1) {
    throw new EndpointError(`"${t}" names resources in several regions (${[...new Set(matches.map((m) => m.region))].join(', ')}); write region/${logical}`);
  }
  const suggestion = nearest(logical, endpointNames(cloud));
  const firstSubnet = [...cloud.subnets.values()][0];
  const known = cloud.instances.size
    ? ` Instances: ${[...cloud.instances.values()].map((i) => i.logicalId ?? i.id).slice(0, 8).join(', ')}.`
    : ` The topology has no instances${firstSubnet ? `; a subnet can stand for one: subnet:${firstSubnet.logicalId ?? firstSubnet.id}` : ''}.`;
  throw new EndpointError(
    `"${t}" is not an instance, a network interface, a subnet (subnet:Name), an IP address or "internet"${hasServices(cloud) ? ', nor a load balancer, auto scaling group, database, distribution or DNS name of the submission' : ''}.${suggestion ? ` Did you mean ${suggestion}?` : ''}${known}`,
  );
}

/** Whether the cloud holds any resource of the services above the VPC (their ends are resolved in services/ends.ts). */
function hasServices(cloud: Cloud): boolean {
  const nouns = ['the load balancer', 'the auto scaling group', 'the DB instance', 'the distribution', 'the hosted zone'];
  return cloud.kinds().some(([k, table]) => nouns.includes(k.noun) && table.size > 0);
}

function resolveAddress(cloud: Cloud, ip: number, text: string): ResolvedEndpoint {
  const privateOwners = [...cloud.interfaces.values()].filter((e) => e.privateIp === ip);
  if (privateOwners.length > 1) {
    throw new EndpointError(`${text} is the private address of interfaces in several VPCs; name the instance instead`);
  }
  if (privateOwners.length === 1) return { kind: 'interface', eni: privateOwners[0], name: text, only: 'private' };
  const publicOwner = [...cloud.interfaces.values()].find((e) => e.publicIp === ip);
  if (publicOwner) return { kind: 'interface', eni: publicOwner, name: text, only: 'public' };
  for (const v of cloud.vpcs.values()) {
    for (const c of v.cidrs) {
      if (cidrContainsIp(c, ip)) {
        throw new EndpointError(`no network interface has ${text}, an address of ${v.logicalId ?? v.id} (${formatCidr(c)}); name an instance or one of its addresses`);
      }
    }
  }
  if (isPrivateIp(ip)) {
    throw new EndpointError(`${text} is a private address outside every VPC of this topology; private addresses are not on the internet`);
  }
  const set = IntervalSet.point(ip).intersect(internetAddresses(cloud));
  if (set.isEmpty) throw new EndpointError(`${formatIp(ip)} is not an internet address (a special-purpose range)`);
  return { kind: 'internet', addresses: set, name: text };
}
