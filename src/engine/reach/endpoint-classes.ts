import { lastAddress } from '../address.js';
import { effectiveRoutes, ruleBlocks } from '../ec2/prefix-list.js';
import type { Cloud } from '../cloud.js';
import type { Instance, NetworkInterface } from '../model.js';

/**
 * Instances grouped into equivalence classes that every filter and route treats alike: the
 * same subnet (so the same route table and network ACL), the same security groups, a public
 * address or not, and addresses in the same atom of every block any route or rule names.
 * A class holds its instances themselves (their primary interfaces), so two regions that
 * reuse a logical id never mix: a name is only how a member is printed.
 */
export interface EndpointClass {
  key: string;
  /** How each member is printed: its logical id (or id), with its region when another region uses the same logical id. */
  members: string[];
  /** The primary interface of each member, in the order of `members`. */
  interfaces: NetworkInterface[];
  representative: NetworkInterface;
  subnetId: string;
  securityGroupIds: string[];
  public: boolean;
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

/** Each instance's printed name: `region/LogicalId` when two regions use the logical id, else the logical id (or id). */
export function instanceNames(cloud: Cloud): Map<Instance, string> {
  const regions = new Map<string, Set<string>>();
  for (const i of cloud.instances.values()) {
    const n = i.logicalId ?? i.id;
    let s = regions.get(n);
    if (!s) regions.set(n, (s = new Set()));
    s.add(i.region);
  }
  const out = new Map<Instance, string>();
  for (const i of cloud.instances.values()) {
    const n = i.logicalId ?? i.id;
    out.set(i, regions.get(n)!.size > 1 ? `${i.region}/${n}` : n);
  }
  return out;
}

export function endpointClasses(cloud: Cloud): EndpointClass[] {
  const cuts = boundaries(cloud);
  const byKey = new Map<string, EndpointClass>();
  const names = instanceNames(cloud);
  const instances = [...cloud.instances.values()].sort((a, b) => names.get(a)!.localeCompare(names.get(b)!));
  for (const inst of instances) {
    const eni = cloud.interfaces.get(inst.networkInterfaceIds[0]);
    if (!eni) continue;
    const groups = [...eni.securityGroupIds].sort();
    const key = [eni.subnetId, groups.join('+'), atomOf(cuts, eni.privateIp), eni.publicIp === undefined ? '-' : `p${atomOf(cuts, eni.publicIp)}`, eni.sourceDestCheck ? '' : 'fwd'].join('|');
    let c = byKey.get(key);
    if (!c) {
      c = { key, members: [], interfaces: [], representative: eni, subnetId: eni.subnetId, securityGroupIds: groups, public: eni.publicIp !== undefined };
      byKey.set(key, c);
    }
    c.members.push(names.get(inst)!);
    c.interfaces.push(eni);
  }
  return [...byKey.values()];
}
