import { formatCidr } from '../src/engine/address.js';
import type { Cloud } from '../src/engine/cloud.js';
import type { NetworkAclEntry, RouteTarget, SecurityGroupRule } from '../src/engine/model.js';
import { describeSelector, selectInstances, selectSubnets } from './selectors.js';
import { CheckArgumentError, type CheckKind, type CheckOutcome } from './types.js';

/**
 * Unchanged: resources the brief says are not the student's stay as the starter has them —
 * compared by what they do, not by how they are written: a security group by its rules
 * (inline or separate resources alike), a subnet by its network ACL's entries and its route
 * table's routes, an instance by its subnet, groups and public address.
 */
type Facts = Map<string, string[]>;

const nameIn = (cloud: Cloud, id: string | undefined): string => {
  if (!id) return '';
  for (const m of [cloud.securityGroups, cloud.subnets, cloud.instances, cloud.internetGateways, cloud.natGateways, cloud.peerings, cloud.interfaces, cloud.vpcs] as Map<string, { id: string; logicalId?: string }>[]) {
    const r = m.get(id);
    if (r) return r.logicalId ?? r.id;
  }
  return id;
};

function rule(cloud: Cloud, r: SecurityGroupRule, dir: string): string {
  const other = r.cidr ? formatCidr(r.cidr) : r.groupId ? `group ${nameIn(cloud, r.groupId)}` : r.prefixListId ? `prefix list ${r.prefixListId}` : '?';
  return `${dir} ${r.protocol} ${r.fromPort}-${r.toPort} ${dir === 'inbound' ? 'from' : 'to'} ${other}`;
}

function entry(e: NetworkAclEntry): string {
  const ports = e.portFrom !== undefined ? ` ${e.portFrom}-${e.portTo}` : e.icmpType !== undefined ? ` icmp ${e.icmpType}/${e.icmpCode}` : '';
  return `${e.egress ? 'outbound' : 'inbound'} rule ${e.ruleNumber} ${e.action} ${e.protocol}${ports} ${formatCidr(e.cidr)}`;
}

function target(cloud: Cloud, t: RouteTarget): string {
  return t.kind === 'local' ? 'local' : `${t.kind} ${nameIn(cloud, t.id)}`;
}

/** What each selected resource does, keyed by kind and logical id. */
function facts(cloud: Cloud, selectors: string[], only: Set<string>): Facts {
  const out: Facts = new Map();
  for (const sel of selectors) {
    const bare = sel.startsWith('id:') ? sel.slice(3) : sel;
    for (const g of cloud.securityGroups.values()) {
      if (!only.has('groups') || sel.startsWith('role:') || (g.logicalId !== bare && g.id !== bare)) continue;
      out.set(`security group ${g.logicalId ?? g.id}`, [...g.ingress.map((r) => rule(cloud, r, 'inbound')), ...g.egress.map((r) => rule(cloud, r, 'outbound'))].sort());
    }
    if (sel.startsWith('vpc-role:')) continue;
    for (const s of only.has('subnets') ? selectSubnets(cloud, sel) : []) {
      const acl = cloud.networkAclOf(s.id);
      const table = cloud.routeTableOf(s.id);
      out.set(`subnet ${s.logicalId ?? s.id}`, [
        `block ${formatCidr(s.cidr)}`,
        ...acl.entries.map(entry).sort(),
        ...table.routes.map((r) => `route ${formatCidr(r.destination)} → ${target(cloud, r.target)}`).sort(),
      ]);
    }
    for (const i of only.has('instances') ? selectInstances(cloud, sel) : []) {
      const enis = i.networkInterfaceIds.map((e) => cloud.interfaces.get(e)!).filter(Boolean);
      out.set(`instance ${i.logicalId ?? i.id}`, [
        `subnet ${nameIn(cloud, i.subnetId)}`,
        ...enis.flatMap((e) => e.securityGroupIds.map((g) => `group ${nameIn(cloud, g)}`)).sort(),
        `public address ${enis.some((e) => e.publicIp !== undefined) ? 'yes' : 'no'}`,
      ]);
    }
  }
  return out;
}

export const unchanged: CheckKind = {
  kind: 'unchanged',
  description: "resources that are not the student's stay as in the starter (groups by their rules, subnets by their ACL and routes, instances by subnet and groups)",
  args: { of: '[id:WebSecurityGroup, role:tools, …] selectors of groups, subnets and instances', 'only?': '[groups, subnets, instances] (default all three)' },
  run(ctx, args): CheckOutcome {
    const selectors = (Array.isArray(args.of) ? args.of : [args.of]).map((s) => String(s).trim()).filter(Boolean);
    if (selectors.length === 0) throw new CheckArgumentError('unchanged needs `of`, a list of selectors');
    const only = new Set((Array.isArray(args.only) ? args.only : args.only === undefined ? ['groups', 'subnets', 'instances'] : [args.only]).map(String));
    for (const o of only) if (!['groups', 'subnets', 'instances'].includes(o)) throw new CheckArgumentError(`only lists groups, subnets or instances, not "${o}"`);
    const starter = ctx.starter?.();
    if (!starter) throw new CheckArgumentError('unchanged compares with the lab\'s starter, and this lab has none that loads');
    const before = facts(starter.cloud, selectors, only);
    if (before.size === 0) throw new CheckArgumentError(`unchanged: ${selectors.join(', ')} match nothing in the starter`);
    const after = facts(ctx.cloud, selectors, only);
    for (const [what, was] of before) {
      const now = after.get(what);
      if (!now) return { passed: false, detail: `${what} of the starter is gone; leave it as it was`, evidence: { resources: [what.split(' ').pop()!] } };
      const added = now.filter((x) => !was.includes(x));
      const removed = was.filter((x) => !now.includes(x));
      if (added.length || removed.length) {
        const parts = [...removed.slice(0, 3).map((x) => `removed ${x}`), ...added.slice(0, 3).map((x) => `added ${x}`)];
        return { passed: false, detail: `${what} is not as the starter has it (${parts.join('; ')}); it is not yours to change`, evidence: { resources: [what.split(' ').pop()!] } };
      }
    }
    return { passed: true, detail: `${[...before.keys()].join(', ')} as in the starter (${selectors.map(describeSelector).join(', ')})` };
  },
};
