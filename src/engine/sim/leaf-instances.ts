import type { Cloud } from '../cloud.js';

/**
 * The instances whose being in service or not changes no trace but those that start or end at
 * their own interfaces, so that the network states need not tell them apart (network-view.ts):
 * of the candidates (an auto scaling group's instances, launched or not), those with no public
 * address (the internet's addresses leave out the cloud's public ones, endpoints.ts) and that
 * no route sends traffic to (a route to a deleted instance is a blackhole). What else sees an
 * instance from another's trace only tests an address against a group's members, and two
 * interfaces a packet can travel between never share a private address (VPC CIDR blocks do not
 * overlap across a peering). Returns each such instance's interfaces, by instance id.
 */
export function leafInstances(cloud: Cloud, candidates: Iterable<string>): Map<string, readonly string[]> {
  const routed = new Set<string>();
  for (const t of cloud.routeTables.values()) {
    for (const list of [t.routes, t.ipv6Routes ?? [], t.prefixListRoutes ?? []]) {
      for (const r of list as readonly { target?: { id?: string } }[]) if (r.target?.id) routed.add(r.target.id);
    }
  }
  const withAddress = new Set<string>();
  for (const e of cloud.elasticIps.values()) if (e.networkInterfaceId) withAddress.add(e.networkInterfaceId);
  const out = new Map<string, readonly string[]>();
  for (const id of candidates) {
    const inst = cloud.instances.get(id);
    if (!inst || routed.has(id)) continue;
    const enis = inst.networkInterfaceIds;
    const plain = enis.every((e) => {
      const eni = cloud.interfaces.get(e);
      return eni !== undefined && eni.publicIp === undefined && eni.elasticIpId === undefined && !withAddress.has(e) && !routed.has(e);
    });
    if (plain) out.set(id, [...enis]);
  }
  return out;
}
