import { cidrOverlaps, formatCidr } from '../src/engine/address.js';
import type { Subnet } from '../src/engine/model.js';
import { describeSelector, emptySelection, selectInstances, selectSubnets, selectVpcs } from './selectors.js';
import { CheckArgumentError, type CheckKind, type CheckOutcome } from './types.js';
import { parseCidr } from '../src/engine/address.js';

const nameOf = (r: { id: string; logicalId?: string }): string => r.logicalId ?? r.id;

export const TYPE_COUNTS: Record<string, (cloud: import('../src/engine/cloud.js').Cloud) => { id: string; logicalId?: string; tags: Record<string, string> }[]> = {
  'AWS::EC2::VPC': (c) => [...c.vpcs.values()],
  'AWS::EC2::Subnet': (c) => [...c.subnets.values()],
  'AWS::EC2::Instance': (c) => [...c.instances.values()],
  'AWS::EC2::NatGateway': (c) => [...c.natGateways.values()],
  'AWS::EC2::InternetGateway': (c) => [...c.internetGateways.values()],
  'AWS::EC2::RouteTable': (c) => [...c.routeTables.values()].filter((t) => !t.main),
  'AWS::EC2::SecurityGroup': (c) => [...c.securityGroups.values()].filter((g) => !g.isDefault),
  'AWS::EC2::NetworkAcl': (c) => [...c.networkAcls.values()].filter((a) => !a.isDefault),
  'AWS::EC2::VPCPeeringConnection': (c) => [...c.peerings.values()],
  'AWS::EC2::EIP': (c) => [...c.elasticIps.values()],
};

export const resourceCount: CheckKind = {
  kind: 'resource-count',
  description: 'the number of resources of a type (with a Role tag, if given) is within [min, max]',
  args: { type: 'AWS::EC2::NatGateway, …', 'role?': 'Role tag value', 'min?': 'number', 'max?': 'number' },
  run(ctx, args): CheckOutcome {
    const type = String(args.type);
    const list = TYPE_COUNTS[type];
    if (!list) throw new CheckArgumentError(`resource-count counts ${Object.keys(TYPE_COUNTS).join(', ')}; not ${type}`);
    const role = args.role === undefined ? undefined : String(args.role).toLowerCase();
    const found = list(ctx.cloud).filter((r) => role === undefined || Object.entries(r.tags).some(([k, v]) => k.toLowerCase() === 'role' && v.toLowerCase() === role));
    const min = args.min === undefined ? 0 : Number(args.min);
    const max = args.max === undefined ? Infinity : Number(args.max);
    const n = found.length;
    const short = type.split('::').pop();
    const passed = n >= min && n <= max;
    const range = max === Infinity ? `at least ${min}` : min === max ? `exactly ${min}` : `${min} to ${max}`;
    return { passed, detail: `${n} ${short}${n === 1 ? '' : 's'}${role ? ` with Role: ${role}` : ''} (expected ${range})`, evidence: { resources: found.map(nameOf) } };
  },
};

export const spansAzs: CheckKind = {
  kind: 'spans-azs',
  description: 'subnets or instances of a role sit in at least `min` availability zones',
  args: { of: 'role:… (subnets or instances)', 'min?': '2' },
  run(ctx, args): CheckOutcome {
    const min = Number(args.min ?? 2);
    const subnets = selectSubnets(ctx.cloud, args.of);
    const instances = subnets.length ? [] : selectInstances(ctx.cloud, args.of);
    if (subnets.length === 0 && instances.length === 0) return { passed: false, detail: emptySelection(args.of, 'subnet or instance') };
    const zones = new Set(subnets.length ? subnets.map((s) => s.availabilityZone) : instances.map((i) => i.availabilityZone));
    return {
      passed: zones.size >= min,
      detail: `${describeSelector(args.of)} spans ${zones.size} availability zone${zones.size === 1 ? '' : 's'} (${[...zones].sort().join(', ')}); at least ${min} needed`,
      evidence: { resources: (subnets.length ? subnets : instances).map((r) => `${nameOf(r)} in ${r.availabilityZone}`) },
    };
  },
};

export const noPublicIp: CheckKind = {
  kind: 'no-public-ip',
  description: 'no instance of the role has a public or elastic IP',
  args: { of: 'role:… instances' },
  run(ctx, args): CheckOutcome {
    const instances = selectInstances(ctx.cloud, args.of);
    if (instances.length === 0) return { passed: false, detail: emptySelection(args.of) };
    const exposed = instances.filter((i) => i.networkInterfaceIds.some((e) => ctx.cloud.interfaces.get(e)?.publicIp !== undefined));
    return exposed.length
      ? { passed: false, detail: `${exposed.map(nameOf).join(', ')} ${exposed.length === 1 ? 'has' : 'have'} a public IPv4 address`, evidence: { resources: exposed.map(nameOf) } }
      : { passed: true, detail: `no instance with ${describeSelector(args.of)} has a public address` };
  },
};

export const addressPlan: CheckKind = {
  kind: 'address-plan',
  description: 'the VPC uses the given block; each tier has subnets in distinct zones; room to grow',
  args: { 'vpc?': 'selector (default: the only VPC)', block: 'CIDR the VPC must use', tiers: '[public, app, data] subnet roles', 'perTier?': '2', 'maxUsed?': '0.5' },
  run(ctx, args): CheckOutcome {
    const vpcs = selectVpcs(ctx.cloud, args.vpc);
    if (vpcs.length !== 1) return { passed: false, detail: vpcs.length === 0 ? 'there is no VPC' : `there are ${vpcs.length} VPCs; the plan is for one` };
    const vpc = vpcs[0];
    const block = parseCidr(String(args.block));
    const primary = vpc.cidrs[0];
    if (primary.network !== block.network || primary.prefix !== block.prefix) {
      return { passed: false, detail: `${nameOf(vpc)} uses ${formatCidr(primary)}, but your block is ${formatCidr(block)}` };
    }
    const tiers = Array.isArray(args.tiers) ? args.tiers.map(String) : [];
    const perTier = Number(args.perTier ?? 2);
    const maxUsed = Number(args.maxUsed ?? 0.5);
    const subnets = [...ctx.cloud.subnets.values()].filter((s) => s.vpcId === vpc.id);
    for (const tier of tiers) {
      const mine = selectSubnets(ctx.cloud, `role:${tier}`).filter((s) => s.vpcId === vpc.id);
      const zones = new Set(mine.map((s) => s.availabilityZone));
      if (zones.size < perTier) {
        return { passed: false, detail: `tier "${tier}" has ${mine.length} subnet${mine.length === 1 ? '' : 's'} in ${zones.size} zone${zones.size === 1 ? '' : 's'}; it needs ${perTier} subnets in ${perTier} different zones (tag them Role: ${tier})`, evidence: { resources: mine.map((s) => `${nameOf(s)} ${formatCidr(s.cidr)} ${s.availabilityZone}`) } };
      }
    }
    for (let i = 0; i < subnets.length; i++) {
      for (let j = i + 1; j < subnets.length; j++) {
        if (cidrOverlaps(subnets[i].cidr, subnets[j].cidr)) return { passed: false, detail: `${nameOf(subnets[i])} and ${nameOf(subnets[j])} overlap` };
      }
    }
    const used = subnets.reduce((n, s: Subnet) => n + 2 ** (32 - s.cidr.prefix), 0);
    const total = vpc.cidrs.reduce((n, c) => n + 2 ** (32 - c.prefix), 0);
    const share = used / total;
    if (share > maxUsed) {
      return { passed: false, detail: `the subnets use ${(share * 100).toFixed(1)}% of ${formatCidr(primary)}; leave room to grow (at most ${maxUsed * 100}%)`, evidence: { resources: subnets.map((s) => `${nameOf(s)} ${formatCidr(s.cidr)}`) } };
    }
    return { passed: true, detail: `${subnets.length} subnets in ${formatCidr(primary)}, ${(share * 100).toFixed(1)}% used, tiers ${tiers.join(', ')} in ${perTier}+ zones each` };
  },
};

const TARGET_KIND: Record<string, string> = {
  'internet-gateway': 'internet-gateway',
  'nat-gateway': 'nat-gateway',
  peering: 'peering',
  none: 'none',
};

export const defaultRoute: CheckKind = {
  kind: 'default-route',
  description: "every subnet of the role sends 0.0.0.0/0 through that kind of target",
  args: { subnets: 'role:… subnets', via: 'internet-gateway, nat-gateway, peering or none' },
  run(ctx, args): CheckOutcome {
    const via = String(args.via);
    if (!TARGET_KIND[via]) throw new CheckArgumentError(`via is internet-gateway, nat-gateway, peering or none, not "${via}"`);
    const subnets = selectSubnets(ctx.cloud, args.subnets);
    if (subnets.length === 0) return { passed: false, detail: emptySelection(args.subnets, 'subnet') };
    for (const s of subnets) {
      const table = ctx.cloud.routeTableOf(s.id);
      const def = table.routes.find((r) => r.destination.prefix === 0);
      const kind = def ? (ctx.cloud.isBlackhole(def.target) ? 'blackhole' : def.target.kind) : 'none';
      if (kind !== via) {
        return { passed: false, detail: `${nameOf(s)} uses route table ${nameOf(table)}, whose 0.0.0.0/0 ${def ? `goes to ${kind === 'blackhole' ? 'a target that no longer exists' : targetPhrase(kind)}` : 'route is missing'}; it should ${via === 'none' ? 'have none' : `go to ${targetPhrase(via)}`}`, evidence: { resources: [nameOf(s), nameOf(table)] } };
      }
    }
    return { passed: true, detail: `every ${describeSelector(args.subnets)} subnet ${via === 'none' ? 'has no default route' : `routes 0.0.0.0/0 to ${targetPhrase(via)}`}` };
  },
};

export function targetPhrase(kind: string): string {
  const phrases: Record<string, string> = {
    'internet-gateway': 'an internet gateway',
    'nat-gateway': 'a NAT gateway',
    peering: 'a peering connection',
    instance: 'an instance',
    'network-interface': 'a network interface',
    local: 'the local route',
    unmodelled: 'a target the virtual cloud does not model',
  };
  return phrases[kind] ?? kind;
}
