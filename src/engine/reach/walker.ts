import { type Cidr, formatCidr, formatIp, parseIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import { effectiveRoutes } from '../ec2/prefix-list.js';
import { routeTargetName } from '../ec2/route-targets.js';
import type { NatGateway, NetworkAcl, NetworkInterface, Route, RouteTable, Subnet } from '../model.js';
import { IntervalSet } from '../intervals.js';
import { describeNaclEntry, evaluateNetworkAcl, evaluateSecurityGroups, cidrSet, groupMembers } from './filters.js';
import { describeRule } from '../cloud.js';
import { type DropNames, renderDrop } from './drop-text.js';
import type { Drop, DropCause, Hop } from './hops.js';
import { type Addr, type Packet, type Port, constAddr, matchAddr, showAddr } from './packet.js';
import { type Dim, FlowSet } from './space.js';
import { describeAddresses, describePorts } from './describe-sets.js';
import { internetAddresses } from './endpoints.js';
import { forwardThrough, natInstanceReturn, type ForwardState } from './forwarding.js';
import { loopAt, type LoopMark } from './loops.js';

/** Where a flow ends: a network interface, or a host on the internet. */
export type Endpoint = { kind: 'interface'; eni: NetworkInterface } | { kind: 'internet' };

/** Connection tracking of a NAT gateway for one flow: what it rewrote, so the reply is rewritten back. */
interface NatRecord {
  nat: NatGateway;
  innerSrc: Addr;
  innerPort: Port;
}

export interface Branch {
  hops: Hop[];
  flows: FlowSet;
  packet: Packet;
  mode: 'request' | 'reply';
  nat?: NatRecord;
  /** Forwarding and NAT instances the flow passed (forwarding.ts). */
  fwd?: ForwardState;
  /** Where the flow has been routed, to catch a routing loop at its first repeat (loops.ts). */
  seen?: readonly LoopMark[];
  ttl: number;
}

export type Outcome =
  | { kind: 'delivered'; branch: Branch; at: Endpoint }
  | { kind: 'dropped'; branch: Branch; drop: Drop };

const label = (r: { id: string; logicalId?: string }): string => (r.logicalId ? `${r.logicalId} (${r.id})` : r.id);

const NAT_PORTS = IntervalSet.of(1024, 65535);

/**
 * Walks a set of flows through the virtual cloud, component by component, exactly: at each
 * filter the flows split into those that pass and those that are dropped; at each routing
 * decision on a free destination they split by route. Pure: reads the cloud, changes nothing.
 */
export class Walker {
  private readonly byPrivateIp = new Map<string, Map<number, NetworkInterface>>();
  private readonly byPublicIp = new Map<number, NetworkInterface>();
  private readonly members = new Map<string, IntervalSet>();
  /** The private addresses of a security group's members, computed once per group. */
  readonly membersOf = (groupId: string): IntervalSet => {
    let m = this.members.get(groupId);
    if (!m) this.members.set(groupId, (m = groupMembers(this.cloud, groupId)));
    return m;
  };

  /** Every internet address of this topology (endpoints.ts), computed once. */
  readonly internet: IntervalSet;

  /** How the drop sentences name addresses and interfaces (drop-text.ts). */
  readonly names: DropNames;

  /** `brief`: the verdicts only, without the "only from …" notes on each hop (for summaries). */
  constructor(readonly cloud: Cloud, private readonly opts: { brief?: boolean } = {}) {
    this.internet = internetAddresses(cloud);
    this.names = {
      cloud,
      address: (ip) => this.named(parseIp(ip)),
      owner: (id) => {
        const e = cloud.interfaces.get(id);
        return e ? this.ownerLabel(e) : id;
      },
    };
    for (const e of cloud.interfaces.values()) {
      const vpcId = cloud.subnets.get(e.subnetId)?.vpcId;
      if (!vpcId) continue;
      let m = this.byPrivateIp.get(vpcId);
      if (!m) this.byPrivateIp.set(vpcId, (m = new Map()));
      m.set(e.privateIp, e);
      if (e.publicIp !== undefined) this.byPublicIp.set(e.publicIp, e);
    }
  }

  interfaceAt(vpcId: string, ip: number): NetworkInterface | undefined {
    return this.byPrivateIp.get(vpcId)?.get(ip);
  }

  interfaceWithPublicIp(ip: number): NetworkInterface | undefined {
    return this.byPublicIp.get(ip);
  }

  // ------------------------------------------------------------------ helpers

  /** @internal also for forwarding.ts and loops.ts */
  hop(b: Branch, h: Omit<Hop, 'direction'>): Hop {
    const full: Hop = { direction: b.mode, ...h };
    b.hops.push(full);
    return full;
  }

  private fork(b: Branch, flows: FlowSet, packet = b.packet): Branch {
    return { ...b, hops: [...b.hops], flows, packet };
  }

  /** @internal also for forwarding.ts and loops.ts */
  dropped(b: Branch, h: Omit<Hop, 'direction' | 'action' | 'cause'>, cause: DropCause): Outcome {
    const hop = this.hop(b, { ...h, action: 'drop', cause });
    return { kind: 'dropped', branch: b, drop: { hop, cause, ...renderDrop(cause, this.names) } };
  }

  /** The address of a drop's cause: the constant one, or a sample of the dropped flows (many when they are several). */
  private peerOf(a: Addr, flows: FlowSet): { peer?: string; many?: boolean } {
    if (a.kind === 'const') return { peer: formatIp(a.ip) };
    const s = flows.sample();
    if (!s) return {};
    return flows.project('x').size > 1 ? { peer: formatIp(s.x), many: true } : { peer: formatIp(s.x) };
  }

  /** The destination port (or icmp type) of the dropped flows, as text. */
  private portOf(flows: FlowSet, packet: Packet): string {
    if (packet.dstPort.kind === 'var') return describePorts(flows.project(packet.dstPort.dim));
    return `${packet.dstPort.port}`;
  }

  private protocolOf(packet: Packet): string {
    return String(packet.protocol);
  }

  /** "only for 198.51.100.25/32" when a filter passes part of the flows. */
  private narrowed(before: FlowSet, after: FlowSet, packet: Packet): string | undefined {
    if (this.opts.brief) return undefined;
    const parts: string[] = [];
    const dims: Dim[] = ['x', 'p', 'c', 'n'];
    for (const d of dims) {
      const a = before.project(d);
      const z = after.project(d);
      if (z.equals(a)) continue;
      if (d === 'x') parts.push(`${packet.src.kind === 'x' ? 'from' : 'to'} ${describeAddresses(z)}`);
      if (d === 'p') parts.push(`on port${z.size > 1 ? 's' : ''} ${describePorts(z)}`);
      if (d === 'c') parts.push(`for client ports ${describePorts(z)}`);
      if (d === 'n') parts.push(`for NAT ports ${describePorts(z)}`);
    }
    return parts.length ? `only ${parts.join(' ')}` : undefined;
  }

  /** The packet with its free variables replaced by a sample of the dropped flows, for sentences. */
  private sampleText(flows: FlowSet, packet: Packet): { src: string; dst: string; port: string; portRange: string } {
    const s = flows.sample();
    const many = flows.project('x').size > 1;
    const addr = (a: Addr): string =>
      a.kind === 'const' ? this.named(a.ip) : s ? (many ? `internet addresses such as ${formatIp(s.x)}` : formatIp(s.x)) : 'the client';
    const portText = (p: Port): string => (p.kind === 'const' ? `${p.port}` : s ? `${s[p.dim]}` : '?');
    const range = packet.dstPort.kind === 'var' ? describePorts(flows.project(packet.dstPort.dim)) : portText(packet.dstPort);
    return { src: addr(packet.src), dst: addr(packet.dst), port: portText(packet.dstPort), portRange: range };
  }

  /** "10.0.0.4 (Web)": an address with the instance or gateway that has it, when one does. */
  private named(ip: number): string {
    let eni = this.byPublicIp.get(ip);
    if (!eni) for (const m of this.byPrivateIp.values()) if ((eni = m.get(ip))) break;
    return eni ? `${formatIp(ip)} (${this.ownerLabel(eni)})` : formatIp(ip);
  }

  // ------------------------------------------------------------------ filters

  /** @internal also for forwarding.ts and loops.ts */
  securityGroups(b: Branch, eni: NetworkInterface, direction: 'ingress' | 'egress'): Outcome | undefined {
    const verdict = evaluateSecurityGroups(this.cloud, eni.securityGroupIds, direction, b.packet, b.flows, this.membersOf);
    const groups = eni.securityGroupIds.map((g) => this.cloud.securityGroups.get(g)).filter((g) => g !== undefined);
    if (verdict.allowed.isEmpty) {
      const { peer, many } = this.peerOf(direction === 'ingress' ? b.packet.src : b.packet.dst, b.flows);
      return this.dropped(
        b,
        { component: 'security-group', id: groups.map((g) => g!.id).join(','), logicalId: groups.map((g) => g!.logicalId ?? g!.id).join(','), detail: `no ${direction === 'ingress' ? 'inbound' : 'outbound'} rule matches` },
        {
          code: direction === 'ingress' ? 'SecurityGroupNoInboundRule' : 'SecurityGroupNoOutboundRule',
          groups: groups.map((g) => g!.id),
          networkInterface: eni.id,
          protocol: this.protocolOf(b.packet),
          port: this.portOf(b.flows, b.packet),
          peer,
          ...(many ? { many } : {}),
        },
      );
    }
    const first = verdict.matched[0];
    this.hop(b, {
      component: 'security-group',
      id: first.group.id,
      logicalId: first.group.logicalId,
      action: 'allow',
      detail: `${direction === 'ingress' ? 'inbound' : 'outbound'} rule allows ${describeRule(first.rule, direction)}${verdict.matched.length > 1 ? ` (+${verdict.matched.length - 1} more)` : ''}`,
      only: this.narrowed(b.flows, verdict.allowed, b.packet),
    });
    b.flows = verdict.allowed;
    return undefined;
  }

  private networkAcl(b: Branch, subnet: Subnet, egress: boolean): Outcome | undefined {
    const acl: NetworkAcl = this.cloud.networkAclOf(subnet.id);
    const verdict = evaluateNetworkAcl(acl, egress, b.packet, b.flows);
    const dir = egress ? 'outbound' : 'inbound';
    if (verdict.allowed.isEmpty) {
      const s = b.flows.sample();
      const decider = verdict.decided.find((d) => s && d.flows.project('x').has(s.x) && (b.packet.dstPort.kind === 'const' || d.flows.project(b.packet.dstPort.dim).has(s[b.packet.dstPort.dim])));
      const { peer, many } = this.peerOf(egress ? b.packet.dst : b.packet.src, b.flows);
      return this.dropped(
        b,
        { component: 'network-acl', id: acl.id, logicalId: acl.logicalId, detail: `${dir}: ${decider ? describeNaclEntry(decider.entry) : 'no rule allows it (* denies)'}` },
        {
          code: 'NetworkAclDenies',
          networkAcl: acl.id,
          subnet: subnet.id,
          egress,
          leg: b.mode,
          ...(decider ? { ruleNumber: decider.entry.ruleNumber } : {}),
          protocol: this.protocolOf(b.packet),
          port: this.portOf(b.flows, b.packet),
          peer,
          ...(many ? { many } : {}),
        },
      );
    }
    const allowRule = verdict.decided.find((d) => d.entry.action === 'allow');
    this.hop(b, {
      component: 'network-acl',
      id: acl.id,
      logicalId: acl.logicalId,
      action: 'allow',
      detail: `${dir} ${allowRule ? describeNaclEntry(allowRule.entry) : ''} (subnet ${subnet.logicalId ?? subnet.id})`,
      only: this.narrowed(b.flows, verdict.allowed, b.packet),
    });
    b.flows = verdict.allowed;
    return undefined;
  }

  /** Leaving one subnet and entering another: both network ACLs; none inside one subnet. */
  /** @internal also for forwarding.ts and loops.ts */
  crossSubnets(b: Branch, from: Subnet, to: Subnet): Outcome | undefined {
    if (from.id === to.id) return undefined;
    return this.networkAcl(b, from, true) ?? this.networkAcl(b, to, false);
  }

  /** @internal also for forwarding.ts and loops.ts */
  ownerLabel(eni: NetworkInterface): string {
    if (eni.owner.kind === 'instance') {
      const i = this.cloud.instances.get(eni.owner.id);
      return i?.logicalId ?? eni.owner.id;
    }
    if (eni.owner.kind === 'nat-gateway') return this.cloud.natGateways.get(eni.owner.id)?.logicalId ?? eni.owner.id;
    return eni.logicalId ?? eni.id;
  }

  /** @internal also for forwarding.ts and loops.ts */
  ownerHop(eni: NetworkInterface): { component: Hop['component']; id: string; logicalId?: string } {
    if (eni.owner.kind === 'instance') {
      const i = this.cloud.instances.get(eni.owner.id);
      return { component: 'instance', id: eni.owner.id, logicalId: i?.logicalId };
    }
    if (eni.owner.kind === 'nat-gateway') {
      return { component: 'nat-gateway', id: eni.owner.id, logicalId: this.cloud.natGateways.get(eni.owner.id)?.logicalId };
    }
    return { component: 'network-interface', id: eni.id, logicalId: eni.logicalId };
  }

  // ------------------------------------------------------------------ the walk

  /** A flow leaves a network interface (the request's sender, or the reply's). */
  fromInterface(b: Branch, eni: NetworkInterface): Outcome[] {
    const subnet = this.cloud.subnets.get(eni.subnetId)!;
    this.hop(b, { ...this.ownerHop(eni), action: 'send', detail: `sends ${b.mode === 'reply' ? 'the reply ' : ''}from ${formatIp(eni.privateIp)} (subnet ${subnet.logicalId ?? subnet.id}) to ${showAddr(b.packet.dst, 'the internet')}` });
    if (b.mode === 'request') {
      const d = this.securityGroups(b, eni, 'egress');
      if (d) return [d];
    }
    return this.route(b, subnet);
  }

  /** Route lookup in a subnet's route table, longest prefix first; splits a free destination by route. */
  route(b: Branch, subnet: Subnet): Outcome[] {
    const loop = loopAt(this, b, { kind: 'route-table', subnet });
    if (loop) return [loop];
    if (b.ttl-- <= 0) {
      return [this.dropped(b, { component: 'route-table', id: subnet.id, detail: 'routing loop' }, { code: 'RoutingLoop', subnet: subnet.id })];
    }
    const table = this.cloud.routeTableOf(subnet.id);
    const routes = [...effectiveRoutes(this.cloud, table)].sort((a, b2) => b2.destination.prefix - a.destination.prefix);
    const dst = b.packet.dst;
    const results: Outcome[] = [];
    if (dst.kind === 'const') {
      const r = routes.find((rt) => cidrSet(rt.destination).has(dst.ip));
      if (!r) return [this.noRoute(b, table, subnet)];
      return this.follow(b, table, subnet, r);
    }
    let remaining = b.flows;
    for (const r of routes) {
      if (remaining.isEmpty) break;
      const m = matchAddr(dst, cidrSet(r.destination));
      if (m === false) continue;
      const part = m === true ? remaining : remaining.restrict(m);
      if (part.isEmpty) continue;
      remaining = m === true ? FlowSet.EMPTY : remaining.exclude(m);
      results.push(...this.follow(this.fork(b, part), table, subnet, r));
    }
    if (!remaining.isEmpty) results.push(this.noRoute(this.fork(b, remaining), table, subnet));
    return results;
  }

  private noRoute(b: Branch, table: RouteTable, subnet: Subnet): Outcome {
    const t = this.sampleText(b.flows, b.packet);
    const isInternet = b.packet.dst.kind === 'x' || !this.isPrivateDestination(b.packet.dst);
    const { peer, many } = this.peerOf(b.packet.dst, b.flows);
    return this.dropped(
      b,
      { component: 'route-table', id: table.id, logicalId: table.logicalId, detail: `no route to ${t.dst}` },
      { code: 'NoRoute', routeTable: table.id, subnet: subnet.id, leg: b.mode, destination: peer, ...(many ? { many } : {}), towardsInternet: isInternet },
    );
  }

  private isPrivateDestination(a: Addr): boolean {
    if (a.kind !== 'const') return false;
    for (const v of this.cloud.vpcs.values()) if (v.cidrs.some((c) => cidrSet(c).has(a.ip))) return true;
    return false;
  }

  private follow(b: Branch, table: RouteTable, subnet: Subnet, r: Route): Outcome[] {
    const routeText = `${formatCidr(r.destination)} → ${routeTargetName(this.cloud, r.target)}`;
    if (this.cloud.isBlackhole(r.target)) {
      return [
        this.dropped(
          b,
          { component: 'route-table', id: table.id, logicalId: table.logicalId, detail: `${routeText} (blackhole)` },
          { code: 'RouteBlackhole', routeTable: table.id, destination: formatCidr(r.destination), target: r.target, leg: b.mode },
        ),
      ];
    }
    this.hop(b, { component: 'route-table', id: table.id, logicalId: table.logicalId, action: 'route', detail: `route ${routeText} (subnet ${subnet.logicalId ?? subnet.id})` });
    const vpc = this.cloud.vpc(table.vpcId);
    switch (r.target.kind) {
      case 'local':
        return [this.deliverLocal(b, subnet, vpc.id)];
      case 'internet-gateway':
        return this.toInternetGateway(b, subnet, r.target.id);
      case 'nat-gateway':
        return this.toNatGateway(b, subnet, this.cloud.natGateways.get(r.target.id)!);
      case 'peering':
        return [this.toPeering(b, subnet, r.target.id, vpc.id)];
      case 'instance':
      case 'network-interface': {
        const eni =
          r.target.kind === 'instance'
            ? this.cloud.interfaces.get(this.cloud.instances.get(r.target.id)!.networkInterfaceIds[0])!
            : this.cloud.interfaces.get(r.target.id)!;
        return this.toAppliance(b, subnet, eni);
      }
      case 'unmodelled':
        return [
          this.dropped(
            b,
            { component: 'route-table', id: table.id, logicalId: table.logicalId, detail: routeText },
            { code: 'RouteTargetNotModelled', routeTable: table.id, destination: formatCidr(r.destination), target: r.target },
          ),
        ];
    }
  }

  /** Delivery inside the VPC to the interface that holds the destination address. */
  private deliverLocal(b: Branch, from: Subnet, vpcId: string, viaPeering = false): Outcome {
    const dst = b.packet.dst;
    const eni = dst.kind === 'const' ? this.interfaceAt(vpcId, dst.ip) : undefined;
    if (!eni) {
      const t = this.sampleText(b.flows, b.packet);
      const { peer, many } = this.peerOf(dst, b.flows);
      return this.dropped(
        b,
        { component: 'route-table', id: vpcId, detail: `no interface has ${t.dst}` },
        { code: 'NoInterfaceWithAddress', vpc: vpcId, leg: b.mode, destination: peer, ...(many ? { many } : {}) },
      );
    }
    const to = this.cloud.subnets.get(eni.subnetId)!;
    const d = viaPeering ? this.networkAcl(b, to, false) : this.crossSubnets(b, from, to);
    if (d) return d;
    return this.arrive(b, eni, viaPeering);
  }

  /** The flow reaches an interface: NAT bookkeeping, the security group (requests only), delivery. */
  private arrive(b: Branch, eni: NetworkInterface, viaPeering: boolean): Outcome {
    if (eni.owner.kind === 'nat-gateway') {
      return this.dropped(
        b,
        { component: 'nat-gateway', id: eni.owner.id, logicalId: this.cloud.natGateways.get(eni.owner.id)?.logicalId, detail: 'not a destination' },
        { code: 'NatGatewayIsNotADestination', natGateway: eni.owner.id, networkInterface: eni.id, leg: b.mode },
      );
    }
    if (b.mode === 'reply') {
      const back = natInstanceReturn(this, b, eni);
      if (back) return back;
    }
    if (b.mode === 'request') {
      const d = this.securityGroups(b, eni, 'ingress');
      if (d) return d;
    }
    this.hop(b, { ...this.ownerHop(eni), action: 'deliver', detail: `${formatIp(eni.privateIp)}${viaPeering ? ' (through the peering connection)' : ''}` });
    return { kind: 'delivered', branch: b, at: { kind: 'interface', eni } };
  }

  private toInternetGateway(b: Branch, subnet: Subnet, igwId: string): Outcome[] {
    const igw = this.cloud.internetGateways.get(igwId)!;
    const d = this.networkAcl(b, subnet, true);
    if (d) return [d];
    if (igw.attachedVpcId !== subnet.vpcId) {
      return [
        this.dropped(
          b,
          { component: 'internet-gateway', id: igw.id, logicalId: igw.logicalId, detail: 'not attached to this VPC' },
          { code: 'InternetGatewayNotAttached', internetGateway: igw.id, vpc: subnet.vpcId },
        ),
      ];
    }
    const src = b.packet.src;
    const eni = src.kind === 'const' ? this.interfaceAt(subnet.vpcId, src.ip) : undefined;
    if (!eni || eni.publicIp === undefined) {
      return [
        this.dropped(
          b,
          { component: 'internet-gateway', id: igw.id, logicalId: igw.logicalId, detail: `${showAddr(src)} has no public IPv4 address` },
          {
            code: 'NoPublicAddress',
            internetGateway: igw.id,
            ...(src.kind === 'const' ? { source: formatIp(src.ip) } : {}),
            ...(eni ? { networkInterface: eni.id } : {}),
            leg: b.mode,
          },
        ),
      ];
    }
    const translated: Packet = { ...b.packet, src: constAddr(eni.publicIp) };
    this.hop(b, { component: 'internet-gateway', id: igw.id, logicalId: igw.logicalId, action: 'translate', detail: `source ${formatIp(eni.privateIp)} → ${formatIp(eni.publicIp)}` });
    b.packet = translated;
    return this.onInternet(b);
  }

  /** On the internet: delivered to an internet host, or back into the cloud at one of its public addresses. */
  private onInternet(b: Branch): Outcome[] {
    const dst = b.packet.dst;
    if (dst.kind === 'const') {
      const owner = this.interfaceWithPublicIp(dst.ip);
      if (owner) return [this.fromInternet(b)];
      if (!this.internet.has(dst.ip)) {
        return [
          this.dropped(
            b,
            { component: 'internet', id: 'internet', detail: `${formatIp(dst.ip)} is not an internet address` },
            { code: 'PrivateAddressOnInternet', destination: formatIp(dst.ip), leg: b.mode },
          ),
        ];
      }
    }
    this.hop(b, { component: 'internet', id: 'internet', action: 'deliver', detail: `${showAddr(dst, 'internet host')}` });
    return [{ kind: 'delivered', branch: b, at: { kind: 'internet' } }];
  }

  /** A packet from the internet to one of the cloud's public addresses. */
  fromInternet(b: Branch): Outcome {
    const dst = b.packet.dst;
    const eni = dst.kind === 'const' ? this.interfaceWithPublicIp(dst.ip) : undefined;
    if (!eni) {
      return this.dropped(
        b,
        { component: 'internet', id: 'internet', detail: `nothing has ${showAddr(dst)}` },
        { code: 'NoResourceWithPublicAddress', ...(dst.kind === 'const' ? { destination: formatIp(dst.ip) } : {}) },
      );
    }
    const subnet = this.cloud.subnets.get(eni.subnetId)!;
    const igw = this.cloud.attachedGateway(subnet.vpcId);
    if (!igw) {
      return this.dropped(
        b,
        { component: 'internet-gateway', id: subnet.vpcId, detail: 'no internet gateway attached' },
        { code: 'NoInternetGatewayAttached', vpc: subnet.vpcId },
      );
    }
    this.hop(b, { component: 'internet-gateway', id: igw.id, logicalId: igw.logicalId, action: 'translate', detail: `destination ${formatIp(eni.publicIp!)} → ${formatIp(eni.privateIp)}` });
    b.packet = { ...b.packet, dst: constAddr(eni.privateIp) };
    const d = this.networkAcl(b, subnet, false);
    if (d) return d;
    if (eni.owner.kind === 'nat-gateway') {
      const nat = this.cloud.natGateways.get(eni.owner.id)!;
      if (b.mode === 'request' || !b.nat || b.nat.nat.id !== nat.id) {
        return this.dropped(
          b,
          { component: 'nat-gateway', id: nat.id, logicalId: nat.logicalId, detail: 'no connection to translate back' },
          { code: 'NatGatewayUnsolicited', natGateway: nat.id },
        );
      }
      return this.natReturn(b, nat, subnet);
    }
    return this.arrive(b, eni, false);
  }

  private toNatGateway(b: Branch, from: Subnet, nat: NatGateway): Outcome[] {
    const natSubnet = this.cloud.subnets.get(nat.subnetId)!;
    const eni = this.cloud.interfaces.get(nat.networkInterfaceId)!;
    if (b.mode === 'reply') {
      return [
        this.dropped(
          b,
          { component: 'nat-gateway', id: nat.id, logicalId: nat.logicalId, detail: 'reply routed into a NAT gateway' },
          { code: 'ReplyRoutedIntoNatGateway', natGateway: nat.id, ...(eni.publicIp !== undefined ? { publicIp: formatIp(eni.publicIp) } : {}) },
        ),
      ];
    }
    const d = this.crossSubnets(b, from, natSubnet);
    if (d) return [d];
    if (b.nat && b.nat.nat.id === nat.id) {
      return [
        this.dropped(
          b,
          { component: 'nat-gateway', id: nat.id, logicalId: nat.logicalId, detail: 'its own subnet routes back to it' },
          { code: 'NatGatewaySubnetRoutesBack', natGateway: nat.id, subnet: natSubnet.id },
        ),
      ];
    }
    if (b.nat) {
      return [
        this.dropped(
          b,
          { component: 'nat-gateway', id: nat.id, logicalId: nat.logicalId, detail: 'already translated' },
          { code: 'ChainedNatGateways', natGateway: nat.id },
        ),
      ];
    }
    const record: NatRecord = { nat, innerSrc: b.packet.src, innerPort: b.packet.srcPort };
    b.nat = record;
    b.flows = b.flows.restrict({ n: NAT_PORTS });
    b.packet = { ...b.packet, src: constAddr(eni.privateIp), srcPort: b.packet.protocol === 'tcp' || b.packet.protocol === 'udp' ? { kind: 'var', dim: 'n' } : b.packet.srcPort };
    this.hop(b, {
      component: 'nat-gateway',
      id: nat.id,
      logicalId: nat.logicalId,
      action: 'translate',
      detail: `source ${showAddr(record.innerSrc)} → ${formatIp(eni.privateIp)}${eni.publicIp !== undefined ? ` (elastic IP ${formatIp(eni.publicIp)})` : ''}, ports 1024-65535`,
    });
    return this.route(b, natSubnet);
  }

  /** A reply arrived at a NAT gateway for a connection it tracks: rewrite back and forward to the instance. */
  private natReturn(b: Branch, nat: NatGateway, natSubnet: Subnet): Outcome {
    const record = b.nat!;
    b.packet = { ...b.packet, dst: record.innerSrc, dstPort: record.innerPort };
    this.hop(b, { component: 'nat-gateway', id: nat.id, logicalId: nat.logicalId, action: 'translate', detail: `destination → ${showAddr(record.innerSrc)} (the connection's sender)` });
    const outs = this.route(b, natSubnet);
    return outs[0];
  }

  private toPeering(b: Branch, from: Subnet, pcxId: string, vpcId: string): Outcome {
    const pcx = this.cloud.peerings.get(pcxId)!;
    const d = this.networkAcl(b, from, true);
    if (d) return d;
    const peerVpcId = pcx.requesterVpcId === vpcId ? pcx.accepterVpcId : pcx.requesterVpcId;
    const peer = this.cloud.vpc(peerVpcId);
    const inPeer = IntervalSet.from(peer.cidrs.map((c: Cidr) => [c.network, cidrSet(c).intervals[0][1]] as [number, number]));
    const m = matchAddr(b.packet.dst, inPeer);
    const part = m === true ? b.flows : m === false ? FlowSet.EMPTY : b.flows.restrict(m);
    if (part.isEmpty) {
      const t = this.sampleText(b.flows, b.packet);
      const d = this.peerOf(b.packet.dst, b.flows);
      return this.dropped(
        b,
        { component: 'peering', id: pcx.id, logicalId: pcx.logicalId, detail: `${t.dst} is not in ${peer.logicalId ?? peer.id}` },
        { code: 'PeeringNotTransitive', peering: pcx.id, peerVpc: peer.id, destination: d.peer, ...(d.many ? { many: true } : {}) },
      );
    }
    b.flows = part;
    this.hop(b, { component: 'peering', id: pcx.id, logicalId: pcx.logicalId, action: 'forward', detail: `into ${label(peer)}` });
    const dst = b.packet.dst;
    const eni = dst.kind === 'const' ? this.interfaceAt(peer.id, dst.ip) : undefined;
    if (eni && eni.owner.kind === 'nat-gateway') {
      return this.dropped(
        b,
        { component: 'nat-gateway', id: eni.owner.id, detail: 'not usable across peering' },
        { code: 'NatGatewayAcrossPeering', natGateway: eni.owner.id },
      );
    }
    return this.deliverLocal(b, from, peer.id, true);
  }

  private toAppliance(b: Branch, from: Subnet, eni: NetworkInterface): Outcome[] {
    return forwardThrough(this, b, from, eni);
  }
}
