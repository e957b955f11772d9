import { formatCidr } from '../src/engine/address.js';
import type { Subnet } from '../src/engine/model.js';
import { describeSelector, emptySelection, selectInstancesOf, selectSubnets } from './selectors.js';
import { CheckArgumentError, type CheckContext, type CheckKind, type CheckOutcome } from './types.js';

/** The declared InstanceType; EC2's default when the template gives none is m1.small. */
export function instanceType(resources: CheckContext['resources'], logicalId: string | undefined): string {
  const r = resources.find((x) => x.type === 'AWS::EC2::Instance' && x.logicalId === logicalId);
  const t = r?.properties.InstanceType;
  return typeof t === 'string' && t.trim() ? t.trim() : 'm1.small';
}

const nameOf = (r: { id: string; logicalId?: string }): string => r.logicalId ?? r.id;

/**
 * Placement: a tier is private — none of its instances has a public or elastic address, and
 * none of their subnets (nor the subnets named) has a route, to any destination, through an
 * internet gateway. Unlike `not-reachable`, this holds even when a security group happens to
 * keep the internet out today.
 */
export const placement: CheckKind = {
  kind: 'placement',
  description: "a tier is private: no public address on its instances, no route to an internet gateway from their subnets",
  args: { of: 'role:… instances (and/or subnets)', 'subnets?': 'role:… subnets that must be private too' },
  run(ctx, args): CheckOutcome {
    const instances = selectInstancesOf(ctx.cloud, args.of);
    const named = args.subnets === undefined ? [] : selectSubnets(ctx.cloud, args.subnets);
    const ofSubnets = (Array.isArray(args.of) ? args.of : [args.of]).flatMap((x) => selectSubnets(ctx.cloud, x));
    if (instances.length === 0 && ofSubnets.length === 0 && named.length === 0) return { passed: false, detail: emptySelection(args.of, 'instance or subnet') };
    const exposed = instances.filter((i) => i.networkInterfaceIds.some((e) => ctx.cloud.interfaces.get(e)?.publicIp !== undefined));
    if (exposed.length) return { passed: false, detail: `${exposed.map(nameOf).join(', ')} ${exposed.length === 1 ? 'has' : 'have'} a public IPv4 address; the ${describeSelector(args.of)} tier must have none`, evidence: { resources: exposed.map(nameOf) } };
    const subnets = new Map<string, Subnet>();
    for (const i of instances) for (const e of i.networkInterfaceIds) {
      const eni = ctx.cloud.interfaces.get(e);
      if (eni) subnets.set(eni.subnetId, ctx.cloud.subnets.get(eni.subnetId)!);
    }
    for (const s of [...ofSubnets, ...named]) subnets.set(s.id, s);
    for (const s of [...subnets.values()].sort((a, b) => nameOf(a).localeCompare(nameOf(b)))) {
      const table = ctx.cloud.routeTableOf(s.id);
      const r = table.routes.find((x) => x.target.kind === 'internet-gateway' && !ctx.cloud.isBlackhole(x.target));
      if (r) return { passed: false, detail: `${nameOf(s)} uses route table ${nameOf(table)}, which sends ${formatCidr(r.destination)} to an internet gateway: the subnet is public, and the ${describeSelector(args.of)} tier belongs in a private one`, evidence: { resources: [nameOf(s), nameOf(table)] } };
    }
    return { passed: true, detail: `${describeSelector(args.of)} has no public address, and its subnets (${[...subnets.values()].map(nameOf).sort().join(', ')}) have no route to an internet gateway` };
  },
};

/**
 * Sizing: instance types from an allowed list, how many NAT gateways or public addresses,
 * the smallest subnet allowed. Each argument given is one condition; all must hold.
 */
export const sizing: CheckKind = {
  kind: 'sizing',
  description: 'instance types from a list, a number of NAT gateways or public addresses, subnets no smaller than a prefix',
  args: {
    'of?': 'role:… instances (for types) or subnets (for smallest)',
    'types?': '[t3.nano, t3.micro] allowed instance types',
    'natGateways?': '{ min, max } NAT gateways in the submission',
    'publicAddresses?': '{ min, max } public IPv4 addresses (elastic IPs, NAT gateways, instances)',
    'smallest?': 'the longest subnet prefix allowed, 27 = a /27 or bigger',
  },
  run(ctx, args): CheckOutcome {
    const done: string[] = [];
    if (args.types !== undefined) {
      if (!Array.isArray(args.types) || args.types.length === 0) throw new CheckArgumentError('types is a list of instance types');
      const allowed = new Set(args.types.map((t) => String(t).toLowerCase()));
      const instances = selectInstancesOf(ctx.cloud, args.of);
      if (instances.length === 0) return { passed: false, detail: emptySelection(args.of) };
      const typeOf = (i: { logicalId?: string }): string => instanceType(ctx.resources, i.logicalId);
      const wrong = instances.filter((i) => !allowed.has(typeOf(i).toLowerCase()));
      if (wrong.length) return { passed: false, detail: `${wrong.map((i) => `${nameOf(i)} is a ${typeOf(i)}`).join(', ')}; allowed: ${[...allowed].join(', ')}`, evidence: { resources: wrong.map(nameOf) } };
      done.push(`${describeSelector(args.of)} uses ${[...new Set(instances.map(typeOf))].join(', ')}`);
    }
    const bounds = (v: unknown, what: string): { min: number; max: number } => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new CheckArgumentError(`${what} is { min, max }`);
      const o = v as Record<string, unknown>;
      return { min: o.min === undefined ? 0 : Number(o.min), max: o.max === undefined ? Infinity : Number(o.max) };
    };
    const range = (b: { min: number; max: number }): string => (b.max === Infinity ? `at least ${b.min}` : b.min === b.max ? `exactly ${b.min}` : `${b.min} to ${b.max}`);
    if (args.natGateways !== undefined) {
      const b = bounds(args.natGateways, 'natGateways');
      const n = ctx.cloud.natGateways.size;
      if (n < b.min || n > b.max) return { passed: false, detail: `${n} NAT gateway${n === 1 ? '' : 's'} (expected ${range(b)})`, evidence: { resources: [...ctx.cloud.natGateways.values()].map(nameOf) } };
      done.push(`${n} NAT gateway${n === 1 ? '' : 's'}`);
    }
    if (args.publicAddresses !== undefined) {
      const b = bounds(args.publicAddresses, 'publicAddresses');
      const n = ctx.cloud.publicAddresses().length;
      if (n < b.min || n > b.max) return { passed: false, detail: `${n} public IPv4 address${n === 1 ? '' : 'es'} (expected ${range(b)}); each costs money every hour`, evidence: {} };
      done.push(`${n} public IPv4 address${n === 1 ? '' : 'es'}`);
    }
    if (args.smallest !== undefined) {
      const max = Number(args.smallest);
      if (!Number.isInteger(max) || max < 16 || max > 28) throw new CheckArgumentError('smallest is a prefix length from 16 to 28');
      const subnets = args.of === undefined ? [...ctx.cloud.subnets.values()] : selectSubnets(ctx.cloud, args.of);
      if (subnets.length === 0) return { passed: false, detail: args.of === undefined ? 'there is no subnet' : emptySelection(args.of, 'subnet') };
      const small = subnets.filter((s) => s.cidr.prefix > max).sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
      if (small.length) return { passed: false, detail: `${small.map((s) => `${nameOf(s)} is a /${s.cidr.prefix}`).join(', ')}; each subnet must be a /${max} or bigger`, evidence: { resources: small.map((s) => `${nameOf(s)} ${formatCidr(s.cidr)}`) } };
      done.push(`every subnet${args.of === undefined ? '' : ` of ${describeSelector(args.of)}`} is a /${max} or bigger`);
    }
    if (done.length === 0) throw new CheckArgumentError('sizing needs types, natGateways, publicAddresses or smallest');
    return { passed: true, detail: done.join('; ') };
  },
};
