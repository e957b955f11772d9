import type { Cloud } from '../cloud.js';
import { isRegion, regionOfZone } from '../regions.js';
import { nearest } from '../suggest.js';
import { DEFAULT_INSTANCE_TYPE, type RateOf, rateOf } from './capacity.js';
import { SimError } from './errors.js';
import type { EndRef } from './network-view.js';
import type { Claim, Participant, SimContext } from './participant.js';
import type { ScenarioPath, Target } from './scenario.js';

/**
 * EC2 over time. A failed region takes down every instance, NAT gateway and internet gateway
 * in it and every peering connection that reaches it (DR-08: regions fail alone); a failed zone
 * takes down the instances and NAT gateways in its subnets (DR-07: zones fail alone); a failed
 * subnet takes down what is in it; a failed instance, NAT gateway, internet gateway or peering
 * connection goes alone. Down means deleted from the network the traces see, so a route to it
 * is a blackhole, as in AWS. `recover` brings back what that failure took down (what another
 * failure still holds stays down); an instance is counted in service again at once (its boot
 * time is not modelled). An instance serves the requests a second of its type
 * (capacity.ts).
 */
export class Ec2Participant implements Participant {
  readonly service = 'EC2';
  /** Resources held down, by the claim that holds them. */
  private readonly active = new Map<string, readonly string[]>();

  constructor(
    private readonly instanceTypes: ReadonlyMap<string, string>,
    private readonly rate: RateOf = rateOf(),
  ) {}

  claim(cloud: Cloud, target: Target, path: ScenarioPath): Claim | undefined {
    if (target.kind === 'region') return claimRegion(cloud, target.name, path);
    if (target.kind === 'az') return claimZone(cloud, target.name, path);
    if (target.kind === 'instance') {
      const i = findByName(cloud.instances.values(), target.name);
      if (!i) throw unknownResource(cloud, target.name, 'an instance', instanceNames(cloud), path);
      return { key: `resource:${i.id}`, resources: [i.id], label: `instance ${label(i)}`, resource: i.logicalId ?? i.id };
    }
    if (target.kind === 'resource') return claimResource(cloud, target.name, path);
    return undefined;
  }

  fail(ctx: SimContext, claim: Claim): void {
    const before = this.downSet();
    this.active.set(claim.key, claim.resources);
    const after = this.downSet();
    ctx.setDown(this, after);
    // What another participant holds down already (a group's instances not launched) is not news.
    const newly = claim.resources.filter((id) => !before.has(id) && !ctx.heldByOthers(this, id));
    ctx.emit('failed', claim.resource, `${claim.label} failed${newly.length ? `: ${summarise(ctx.cloud, newly)} down` : ''}`);
  }

  recover(ctx: SimContext, claim: Claim): void {
    if (!this.active.has(claim.key)) {
      ctx.emit('recovered', claim.resource, `${claim.label} recovered (it had not failed)`);
      return;
    }
    const before = this.downSet();
    this.active.delete(claim.key);
    const after = this.downSet();
    ctx.setDown(this, after);
    const back = [...before].filter((id) => !after.has(id) && !ctx.heldByOthers(this, id));
    const still = claim.resources.filter((id) => after.has(id));
    ctx.emit(
      'recovered',
      claim.resource,
      `${claim.label} recovered${back.length ? `: ${summarise(ctx.cloud, back)} in service again` : ''}${still.length ? `; ${summarise(ctx.cloud, still)} still down (another failure)` : ''}`,
    );
  }

  capacity(ctx: SimContext, to: EndRef): number | undefined {
    if (to.kind !== 'interface') return undefined;
    const eni = ctx.cloud.interfaces.get(to.eniId);
    if (!eni || eni.owner.kind !== 'instance') return undefined;
    const inst = ctx.cloud.instances.get(eni.owner.id);
    if (!inst) return undefined;
    return this.rate(this.typeOf(inst));
  }

  /** Instances in service per zone. */
  sample(ctx: SimContext): { instances: Record<string, number> } {
    const down = ctx.down;
    const out: Record<string, number> = {};
    for (const i of ctx.cloud.instances.values()) out[i.availabilityZone] = (out[i.availabilityZone] ?? 0) + (down.has(i.id) ? 0 : 1);
    return { instances: out };
  }

  typeOf(inst: { id: string; logicalId?: string }): string {
    return this.instanceTypes.get(inst.logicalId ?? inst.id) ?? DEFAULT_INSTANCE_TYPE;
  }

  private downSet(): Set<string> {
    const s = new Set<string>();
    for (const ids of this.active.values()) for (const id of ids) s.add(id);
    return s;
  }
}

type Nameable = { id: string; logicalId?: string; region: string };

const label = (r: { id: string; logicalId?: string }): string => (r.logicalId && r.logicalId !== r.id ? `${r.logicalId} (${r.id})` : r.id);

/** A resource by logical id, id, or region/LogicalId. */
function findByName<T extends Nameable>(items: Iterable<T>, name: string): T | undefined {
  const [region, id] = name.includes('/') && isRegion(name.split('/')[0]) ? [name.split('/')[0], name.slice(name.indexOf('/') + 1)] : [undefined, name];
  const found = [...items].filter((r) => (r.logicalId === id || r.id === id) && (!region || r.region === region));
  return found.length === 1 ? found[0] : undefined;
}

function instanceNames(cloud: Cloud): string[] {
  return [...cloud.instances.values()].map((i) => i.logicalId ?? i.id);
}

function unknownResource(cloud: Cloud, name: string, what: string, names: string[], path: ScenarioPath): SimError {
  const close = nearest(name, names);
  const list = names.length ? ` The submission has ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}.` : '';
  return new SimError('UnknownResource', `"${name}" is not ${what} of the submission.${close ? ` Did you mean ${close}?` : ''}${list}`, path);
}

function regionsUsed(cloud: Cloud): string[] {
  return [...new Set([...cloud.vpcs.values()].map((v) => v.region))].sort();
}

function zonesUsed(cloud: Cloud): string[] {
  return [...new Set([...cloud.subnets.values()].map((s) => s.availabilityZone))].sort();
}

function claimRegion(cloud: Cloud, region: string, path: ScenarioPath): Claim {
  const used = regionsUsed(cloud);
  if (!used.includes(region)) {
    const close = nearest(region, used);
    const what = isRegion(region) ? `the submission has nothing in ${region}` : `"${region}" is not a region`;
    throw new SimError('UnknownRegion', `${what}; its regions: ${used.join(', ') || 'none'}${close && close !== region ? `. Did you mean ${close}?` : ''}`, path);
  }
  const vpcRegion = new Map([...cloud.vpcs.values()].map((v) => [v.id, v.region]));
  const ids = [
    ...[...cloud.instances.values()].filter((i) => i.region === region).map((i) => i.id),
    ...[...cloud.natGateways.values()].filter((n) => n.region === region).map((n) => n.id),
    ...[...cloud.internetGateways.values()].filter((g) => g.region === region).map((g) => g.id),
    ...[...cloud.peerings.values()].filter((p) => vpcRegion.get(p.requesterVpcId) === region || p.accepterRegion === region).map((p) => p.id),
    ...loadBalancerNodes(cloud, (e) => e.region === region),
  ];
  return { key: `region:${region}`, resources: ids, label: `region ${region}`, resource: region };
}

function claimZone(cloud: Cloud, zone: string, path: ScenarioPath): Claim {
  const used = zonesUsed(cloud);
  if (!used.includes(zone)) {
    const close = nearest(zone, used);
    const what = regionOfZone(zone) ? `the submission has no subnet in ${zone}` : `"${zone}" is not an availability zone`;
    throw new SimError('UnknownZone', `${what}; its zones: ${used.join(', ') || 'none'}${close && close !== zone ? `. Did you mean ${close}?` : ''}`, path);
  }
  const inZone = new Set([...cloud.subnets.values()].filter((s) => s.availabilityZone === zone).map((s) => s.id));
  return { key: `az:${zone}`, resources: inSubnets(cloud, inZone), label: `zone ${zone}`, resource: zone };
}

function inSubnets(cloud: Cloud, subnets: ReadonlySet<string>): string[] {
  return [
    ...[...cloud.instances.values()].filter((i) => subnets.has(i.subnetId)).map((i) => i.id),
    ...[...cloud.natGateways.values()].filter((n) => subnets.has(n.subnetId)).map((n) => n.id),
    ...loadBalancerNodes(cloud, (e) => subnets.has(e.subnetId)),
  ];
}

/** The interfaces of load balancer nodes: down with their zone, so that the load balancer stops sending to them (its participant reads them). */
function loadBalancerNodes(cloud: Cloud, where: (eni: { subnetId: string; region: string }) => boolean): string[] {
  return [...cloud.interfaces.values()].filter((e) => e.owner.kind === 'load-balancer' && where(e)).map((e) => e.id);
}

/** What can fail on its own: an instance, a NAT gateway, an internet gateway, a peering connection, a subnet (what is in it). */
function claimResource(cloud: Cloud, name: string, path: ScenarioPath): Claim | undefined {
  const instance = findByName(cloud.instances.values(), name);
  if (instance) return { key: `resource:${instance.id}`, resources: [instance.id], label: `instance ${label(instance)}`, resource: instance.logicalId ?? instance.id };
  const nat = findByName(cloud.natGateways.values(), name);
  if (nat) return { key: `resource:${nat.id}`, resources: [nat.id], label: `NAT gateway ${label(nat)}`, resource: nat.logicalId ?? nat.id };
  const igw = findByName(cloud.internetGateways.values(), name);
  if (igw) return { key: `resource:${igw.id}`, resources: [igw.id], label: `internet gateway ${label(igw)}`, resource: igw.logicalId ?? igw.id };
  const peering = findByName(cloud.peerings.values(), name);
  if (peering) return { key: `resource:${peering.id}`, resources: [peering.id], label: `peering connection ${label(peering)}`, resource: peering.logicalId ?? peering.id };
  const subnet = findByName(cloud.subnets.values(), name);
  if (subnet) return { key: `resource:${subnet.id}`, resources: inSubnets(cloud, new Set([subnet.id])), label: `subnet ${label(subnet)}`, resource: subnet.logicalId ?? subnet.id };
  const other = findByName(
    [...cloud.vpcs.values(), ...cloud.routeTables.values(), ...cloud.securityGroups.values(), ...cloud.networkAcls.values(), ...cloud.elasticIps.values(), ...cloud.interfaces.values()],
    name,
  );
  if (other) {
    throw new SimError(
      'NotFailable',
      `${label(other)} is ${kindNoun(cloud, other.id)}, which does not fail on its own; fail an instance, a NAT gateway, an internet gateway, a peering connection, a subnet, a zone or a region`,
      path,
    );
  }
  return undefined;
}

function kindNoun(cloud: Cloud, id: string): string {
  if (cloud.vpcs.has(id)) return 'a VPC';
  if (cloud.routeTables.has(id)) return 'a route table';
  if (cloud.securityGroups.has(id)) return 'a security group';
  if (cloud.networkAcls.has(id)) return 'a network ACL';
  if (cloud.elasticIps.has(id)) return 'an elastic IP';
  return 'a network interface';
}

/** "3 instances (Web1, Web2, Web3) and 1 NAT gateway (Nat)". */
export function summarise(cloud: Cloud, ids: readonly string[]): string {
  const groups: [string, string[]][] = [
    ['instance', ids.filter((id) => cloud.instances.has(id))],
    ['NAT gateway', ids.filter((id) => cloud.natGateways.has(id))],
    ['internet gateway', ids.filter((id) => cloud.internetGateways.has(id))],
    ['peering connection', ids.filter((id) => cloud.peerings.has(id))],
    ['load balancer node', ids.filter((id) => cloud.interfaces.get(id)?.owner.kind === 'load-balancer')],
  ];
  const parts = groups
    .filter(([, list]) => list.length > 0)
    .map(([noun, list]) => {
      const names = list.map((id) => nodeName(cloud, id) ?? cloud.find(id)?.logicalId ?? id);
      const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')}, …` : names.join(', ');
      return `${list.length} ${noun}${list.length === 1 ? '' : 's'} (${shown})`;
    });
  return parts.length ? parts.join(', ') : 'nothing';
}

/** "Alb in us-east-1a" for a load balancer node's interface. */
function nodeName(cloud: Cloud, id: string): string | undefined {
  const eni = cloud.interfaces.get(id);
  if (eni?.owner.kind !== 'load-balancer') return undefined;
  const lb = cloud.find(eni.owner.id);
  return `${lb?.logicalId ?? eni.owner.id} in ${cloud.subnets.get(eni.subnetId)?.availabilityZone ?? eni.subnetId}`;
}
