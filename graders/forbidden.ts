import { formatCidr } from '../src/engine/address.js';
import type { Cloud } from '../src/engine/cloud.js';
import { IntervalSet } from '../src/engine/intervals.js';
import type { Cidr } from '../src/engine/address.js';
import type { Vpc } from '../src/engine/model.js';
import { addressSet, describeSelector, emptySelection, selectVpcs } from './selectors.js';
import { CheckArgumentError, type CheckKind, type CheckOutcome } from './types.js';
import { effectiveRoutes, ruleBlocks } from '../src/engine/ec2/prefix-list.js';

const nameOf = (r: { id: string; logicalId?: string }): string => r.logicalId ?? r.id;
const range = (c: Cidr): IntervalSet => IntervalSet.of(c.network, c.network + 2 ** (32 - c.prefix) - 1);

/** The addresses of a VPC: its blocks and the public addresses of its interfaces (NAT gateways' included). */
function vpcAddresses(cloud: Cloud, vpc: Vpc): IntervalSet {
  let set = IntervalSet.EMPTY;
  for (const c of vpc.cidrs) set = set.union(range(c));
  for (const e of cloud.interfaces.values()) {
    if (e.publicIp === undefined) continue;
    const s = cloud.subnets.get(e.subnetId);
    if (s?.vpcId === vpc.id) set = set.union(IntervalSet.point(e.publicIp));
  }
  return set;
}

/** Routes, security-group rules and network ACL entries of a VPC whose block lies inside `target`. */
function naming(cloud: Cloud, vpc: Vpc, target: IntervalSet): string[] {
  const found: string[] = [];
  const inside = (c: Cidr | undefined): boolean => c !== undefined && c.prefix > 0 && range(c).isSubsetOf(target);
  for (const t of cloud.routeTables.values()) if (t.vpcId === vpc.id) for (const r of effectiveRoutes(cloud, t)) if (r.target.kind !== 'local' && inside(r.destination)) found.push(`route table ${nameOf(t)}: ${formatCidr(r.destination)}${r.prefixListId ? ` (prefix list ${r.prefixListId})` : ''} → ${r.target.kind}`);
  for (const g of cloud.securityGroups.values()) {
    if (g.vpcId !== vpc.id) continue;
    // A rule naming a prefix list names each of its entries.
    for (const r of g.ingress) for (const c of ruleBlocks(cloud, r)) if (inside(c)) found.push(`security group ${nameOf(g)}: inbound from ${formatCidr(c)}`);
    for (const r of g.egress) for (const c of ruleBlocks(cloud, r)) if (inside(c)) found.push(`security group ${nameOf(g)}: outbound to ${formatCidr(c)}`);
  }
  for (const a of cloud.networkAcls.values()) if (a.vpcId === vpc.id) for (const e of a.entries) if (e.action === 'allow' && inside(e.cidr)) found.push(`network ACL ${nameOf(a)} rule ${e.ruleNumber}: ${formatCidr(e.cidr)}`);
  return found;
}

/**
 * Forbidden: no resource of a type (optionally with a Role tag); with `between`, nothing
 * that joins two VPCs — no peering connection between them, and no route, security-group rule
 * or network ACL allow entry in one that names the other's blocks or public addresses.
 */
export const forbidden: CheckKind = {
  kind: 'forbidden',
  description: 'no resource of a type; or, between two VPCs, no peering and no route or rule naming the other\'s addresses',
  args: { 'type?': 'AWS::EC2::VPCPeeringConnection, …', 'role?': 'Role tag value (with type)', 'between?': '[two VPC selectors]', 'blocks?': 'with `in`: no route or rule of that VPC names these blocks', 'in?': 'a VPC selector (with blocks)' },
  run(ctx, args): CheckOutcome {
    if (args.type === undefined && args.between === undefined && args.blocks === undefined) throw new CheckArgumentError('forbidden needs type, between, or in + blocks');
    if (args.type !== undefined && args.between === undefined) {
      const type = String(args.type);
      const role = args.role === undefined ? undefined : String(args.role).toLowerCase();
      const hasRole = (tags: unknown): boolean => {
        if (role === undefined) return true;
        const list = Array.isArray(tags) ? (tags as { Key?: unknown; Value?: unknown }[]) : [];
        return list.some((t) => String(t?.Key).toLowerCase() === 'role' && String(t?.Value).toLowerCase() === role);
      };
      const found = ctx.resources.filter((r) => r.type === type && hasRole(r.properties.Tags)).map((r) => r.logicalId);
      if (found.length) return { passed: false, detail: `${found.join(', ')}: ${type}${role ? ` with Role: ${role}` : ''} is not allowed here`, evidence: { resources: found } };
      return { passed: true, detail: `no ${type}${role ? ` with Role: ${role}` : ''}` };
    }
    if (args.between !== undefined) {
      if (!Array.isArray(args.between) || args.between.length !== 2) throw new CheckArgumentError('between is a list of two VPC selectors');
      const [a, b] = args.between.map((s) => selectVpcs(ctx.cloud, s));
      if (a.length === 0) return { passed: false, detail: emptySelection(args.between[0], 'VPC') };
      if (b.length === 0) return { passed: false, detail: emptySelection(args.between[1], 'VPC') };
      const ia = new Set(a.map((v) => v.id));
      const ib = new Set(b.map((v) => v.id));
      const joined = [...ctx.cloud.peerings.values()].filter((p) => (ia.has(p.requesterVpcId) && ib.has(p.accepterVpcId)) || (ib.has(p.requesterVpcId) && ia.has(p.accepterVpcId)));
      if (joined.length) return { passed: false, detail: `${joined.map(nameOf).join(', ')} peers ${describeSelector(args.between[0])} with ${describeSelector(args.between[1])}; the two must not be connected`, evidence: { resources: joined.map(nameOf) } };
      {
        for (const [from, to] of [[a, b], [b, a]] as const) {
          let target = IntervalSet.EMPTY;
          for (const v of to) target = target.union(vpcAddresses(ctx.cloud, v));
          for (const v of from) {
            const found = naming(ctx.cloud, v, target);
            if (found.length) return { passed: false, detail: `${nameOf(v)} names the other environment's addresses: ${found.slice(0, 3).join('; ')}`, evidence: { resources: found.map((f) => f.split(':')[0].replace(/^(route table|security group|network ACL) /, '').split(' rule ')[0]) } };
          }
        }
      }
      return { passed: true, detail: `nothing connects ${describeSelector(args.between[0])} and ${describeSelector(args.between[1])}: no peering, no route or rule naming the other's addresses` };
    }
    const vpcs = selectVpcs(ctx.cloud, args.in);
    if (vpcs.length === 0) return { passed: false, detail: emptySelection(args.in, 'VPC') };
    const target = addressSet(args.blocks);
    for (const v of vpcs) {
      const found = naming(ctx.cloud, v, target);
      if (found.length) return { passed: false, detail: `${nameOf(v)}: ${found.slice(0, 3).join('; ')}`, evidence: { resources: [nameOf(v)] } };
    }
    return { passed: true, detail: `no route or rule of ${describeSelector(args.in)} names ${String(args.blocks)}` };
  },
};

