import { cidrOverlaps, formatCidr } from '../src/engine/address.js';
import { describeRule } from '../src/engine/cloud.js';
import { describeSelector, emptySelection, selectInstances, selectSubnets } from './selectors.js';
import { CheckArgumentError, type CheckKind, type CheckOutcome } from './types.js';

const nameOf = (r: { id: string; logicalId?: string }): string => r.logicalId ?? r.id;

export const sgReference: CheckKind = {
  kind: 'sg-reference',
  description: "a security group of `to` allows the port from a security group of `from` by reference, and no CIDR rule opens it",
  args: { to: 'role:… instances', from: 'role:… instances', port: 'port' },
  run(ctx, args): CheckOutcome {
    const port = Number(args.port);
    if (!Number.isInteger(port)) throw new CheckArgumentError('sg-reference needs a port');
    const to = selectInstances(ctx.cloud, args.to);
    const from = selectInstances(ctx.cloud, args.from);
    if (to.length === 0) return { passed: false, detail: emptySelection(args.to) };
    if (from.length === 0) return { passed: false, detail: emptySelection(args.from) };
    const groupsOf = (list: typeof to): Set<string> => new Set(list.flatMap((i) => i.networkInterfaceIds.flatMap((e) => ctx.cloud.interfaces.get(e)?.securityGroupIds ?? [])));
    const fromGroups = groupsOf(from);
    for (const inst of to) {
      const groups = groupsOf([inst]);
      let referenced = false;
      for (const gid of groups) {
        const g = ctx.cloud.securityGroups.get(gid)!;
        for (const r of g.ingress) {
          const covers = (r.protocol === 'tcp' && r.fromPort <= port && port <= r.toPort) || r.protocol === 'all';
          if (!covers) continue;
          if (r.cidr) {
            return { passed: false, detail: `${nameOf(g)} (on ${nameOf(inst)}) opens port ${port} to a block, ${describeRule(r, 'ingress')}; name the security group of ${describeSelector(args.from)} instead`, evidence: { resources: [nameOf(g)] } };
          }
          // A group both tiers share (the VPC's default group references itself) is not a reference to the tier above.
          if (r.groupId && fromGroups.has(r.groupId) && !groups.has(r.groupId)) referenced = true;
        }
      }
      if (!referenced) {
        return { passed: false, detail: `no security group of ${nameOf(inst)} allows port ${port} from a security group of ${describeSelector(args.from)} (one that ${nameOf(inst)} does not share)`, evidence: { resources: [...groups].map((g) => nameOf(ctx.cloud.securityGroups.get(g)!)) } };
      }
    }
    return { passed: true, detail: `${describeSelector(args.to)} allows port ${port} from the security group of ${describeSelector(args.from)}, by reference` };
  },
};

export const natPerAz: CheckKind = {
  kind: 'nat-per-az',
  description: "each zone with such subnets has its own NAT gateway in a public subnet, and each subnet uses its own zone's",
  args: { subnets: 'role:… private subnets' },
  run(ctx, args): CheckOutcome {
    const subnets = selectSubnets(ctx.cloud, args.subnets);
    if (subnets.length === 0) return { passed: false, detail: emptySelection(args.subnets, 'subnet') };
    for (const s of subnets) {
      const table = ctx.cloud.routeTableOf(s.id);
      const def = table.routes.find((r) => r.destination.prefix === 0);
      if (!def || def.target.kind !== 'nat-gateway' || ctx.cloud.isBlackhole(def.target)) {
        return { passed: false, detail: `${nameOf(s)} (${s.availabilityZone}) does not send 0.0.0.0/0 to a NAT gateway`, evidence: { resources: [nameOf(s), nameOf(table)] } };
      }
      const nat = ctx.cloud.natGateways.get(def.target.id)!;
      const natSubnet = ctx.cloud.subnets.get(nat.subnetId)!;
      if (natSubnet.availabilityZone !== s.availabilityZone) {
        return {
          passed: false,
          detail: `${nameOf(s)} in ${s.availabilityZone} uses NAT gateway ${nameOf(nat)} in ${natSubnet.availabilityZone}; if that zone fails, ${nameOf(s)} loses internet access — give each zone its own NAT gateway`,
          evidence: { resources: [nameOf(s), nameOf(nat)] },
        };
      }
      const natTable = ctx.cloud.routeTableOf(natSubnet.id);
      const natDef = natTable.routes.find((r) => r.destination.prefix === 0);
      if (!natDef || natDef.target.kind !== 'internet-gateway') {
        return { passed: false, detail: `NAT gateway ${nameOf(nat)} sits in ${nameOf(natSubnet)}, which does not route 0.0.0.0/0 to an internet gateway (a NAT gateway belongs in a public subnet)`, evidence: { resources: [nameOf(nat), nameOf(natSubnet)] } };
      }
    }
    const zones = [...new Set(subnets.map((s) => s.availabilityZone))].sort();
    return { passed: true, detail: `each of ${zones.join(', ')} has its own NAT gateway, used by its own private subnets` };
  },
};

export const noOverlap: CheckKind = {
  kind: 'no-overlap',
  description: 'no two VPCs of the submission have overlapping blocks',
  args: {},
  run(ctx): CheckOutcome {
    const vpcs = [...ctx.cloud.vpcs.values()];
    for (let i = 0; i < vpcs.length; i++) {
      for (let j = i + 1; j < vpcs.length; j++) {
        for (const a of vpcs[i].cidrs) {
          for (const b of vpcs[j].cidrs) {
            if (cidrOverlaps(a, b)) return { passed: false, detail: `${nameOf(vpcs[i])} (${formatCidr(a)}) and ${nameOf(vpcs[j])} (${formatCidr(b)}) overlap: VPCs with overlapping blocks cannot be peered with each other, and a VPC peered with both could not tell their addresses apart`, evidence: { resources: [nameOf(vpcs[i]), nameOf(vpcs[j])] } };
          }
        }
      }
    }
    return { passed: true, detail: `${vpcs.length} VPCs, no overlapping blocks` };
  },
};
