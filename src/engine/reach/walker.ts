import { type Cidr, formatCidr, formatIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import type { NatGateway, NetworkAcl, NetworkInterface, Route, RouteTable, Subnet } from '../model.js';
import { IntervalSet } from '../intervals.js';
import { describeNaclEntry, evaluateNetworkAcl, evaluateSecurityGroups, cidrSet, groupMembers } from './filters.js';
import { describeRule } from '../cloud.js';
import type { Drop, Hop } from './hops.js';
import { type Addr, type Packet, type Port, constAddr, matchAddr, showAddr } from './packet.js';
import { type Dim, FlowSet } from './space.js';
import { describeAddresses, describePorts } from './describe-sets.js';
import { internetAddresses } from './endpoints.js';

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

  /** `brief`: the verdicts only, without the "only from …" notes on each hop (for summaries). */
  constructor(readonly cloud: Cloud, private readonly opts: { brief?: boolean } = {}) {
    this.internet = internetAddresses(cloud);
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

  private hop(b: Branch, h: Omit<Hop, 'direction'>): Hop {
    const full: Hop = { direction: b.mode, ...h };
    b.hops.push(full);
    return full;
  }

  private fork(b: Branch, flows: FlowSet, packet = b.packet): Branch {
    return { ...b, hops: [...b.hops], flows, packet };
  }

  private dropped(b: Branch, h: Omit<Hop, 'direction' | 'action'>, reason: string, fix: string): Outcome {
    const hop = this.hop(b, { ...h, action: 'drop' });
    return { kind: 'dropped', branch: b, drop: { hop, reason, fix } };
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

  private what(packet: Packet, port: string): string {
    if (packet.protocol === 'all') return 'the traffic';
    if (packet.protocol === 'icmp') return `icmp type ${port}`;
    return `${packet.protocol} port ${port}`;
  }

  // ------------------------------------------------------------------ filters

  private securityGroups(b: Branch, eni: NetworkInterface, direction: 'ingress' | 'egress'): Outcome | undefined {
    const verdict = evaluateSecurityGroups(this.cloud, eni.securityGroupIds, direction, b.packet, b.flows, this.membersOf);
    const groups = eni.securityGroupIds.map((g) => this.cloud.securityGroups.get(g)).filter((g) => g !== undefined);
    const names = groups.map((g) => label(g!)).join(', ');
    const owner = this.ownerLabel(eni);
    if (verdict.allowed.isEmpty) {
      const t = this.sampleText(b.flows, b.packet);
      const peer = direction === 'ingress' ? t.src : t.dst;
      const what = this.what(b.packet, t.portRange);
      const reason =
        direction === 'ingress'
          ? `No inbound rule of ${owner}'s security group${groups.length > 1 ? 's' : ''} ${names} allows ${what} from ${peer}, so the request is dropped on arrival; security groups allow only what a rule names.`
          : `No outbound rule of ${owner}'s security group${groups.length > 1 ? 's' : ''} ${names} allows ${what} to ${peer}, so the request never leaves the instance.`;
      const fix =
        direction === 'ingress'
          ? `Add an inbound rule to ${groups[0]?.logicalId ?? groups[0]?.id} for ${what} from the source (its block, or better its security group).`
          : `Add an outbound rule to ${groups[0]?.logicalId ?? groups[0]?.id} for ${what} to the destination (a new group allows all outbound until you give outbound rules).`;
      return this.dropped(
        b,
        { component: 'security-group', id: groups.map((g) => g!.id).join(','), logicalId: groups.map((g) => g!.logicalId ?? g!.id).join(','), detail: `no ${direction === 'ingress' ? 'inbound' : 'outbound'} rule matches` },
        reason,
        fix,
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
      const t = this.sampleText(b.flows, b.packet);
      const s = b.flows.sample();
      const decider = verdict.decided.find((d) => s && d.flows.project('x').has(s.x) && (b.packet.dstPort.kind === 'const' || d.flows.project(b.packet.dstPort.dim).has(s[b.packet.dstPort.dim])));
      const peer = egress ? t.dst : t.src;
      const what = this.what(b.packet, t.portRange);
      const isReply = b.mode === 'reply';
      const stateless = isReply ? ' Network ACLs are stateless: the reply needs its own rule, on the client\'s ephemeral ports.' : '';
      const ruleText = decider
        ? `its ${describeNaclEntry(decider.entry)}, which comes first`
        : `it has no ${dir} rule that allows ${what} ${egress ? 'to' : 'from'} ${peer}, so the final rule (*) denies it`;
      const reason = `Network ACL ${label(acl)} of subnet ${label(subnet)} drops the ${isReply ? 'reply' : 'request'} ${egress ? 'leaving' : 'entering'} the subnet: ${ruleText}.${stateless}`;
      const fix = decider
        ? `Add an ${dir} allow rule for ${what} ${egress ? 'to' : 'from'} ${peer} with a number lower than ${decider.entry.ruleNumber}, or narrow rule ${decider.entry.ruleNumber}.`
        : `Add an ${dir} rule to ${acl.logicalId ?? acl.id} allowing ${what} ${egress ? 'to' : 'from'} ${peer}${isReply ? ' (the ephemeral ports 1024-65535)' : ''}.`;
      return this.dropped(b, { component: 'network-acl', id: acl.id, logicalId: acl.logicalId, detail: `${dir}: ${decider ? describeNaclEntry(decider.entry) : 'no rule allows it (* denies)'}` }, reason, fix);
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
  private crossSubnets(b: Branch, from: Subnet, to: Subnet): Outcome | undefined {
    if (from.id === to.id) return undefined;
    return this.networkAcl(b, from, true) ?? this.networkAcl(b, to, false);
  }

  private ownerLabel(eni: NetworkInterface): string {
    if (eni.owner.kind === 'instance') {
      const i = this.cloud.instances.get(eni.owner.id);
      return i?.logicalId ?? eni.owner.id;
    }
    if (eni.owner.kind === 'nat-gateway') return this.cloud.natGateways.get(eni.owner.id)?.logicalId ?? eni.owner.id;
    return eni.logicalId ?? eni.id;
  }

  private ownerHop(eni: NetworkInterface): { component: Hop['component']; id: string; logicalId?: string } {
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
    if (b.ttl-- <= 0) {
      return [this.dropped(b, { component: 'route-table', id: subnet.id, detail: 'routing loop' }, `The flow loops between route tables and never arrives (a routing loop through ${subnet.logicalId ?? subnet.id}).`, 'Check routes that point to forwarding instances.')];
    }
    const table = this.cloud.routeTableOf(subnet.id);
    const routes = [...table.routes].sort((a, b2) => b2.destination.prefix - a.destination.prefix);
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
    return this.dropped(
      b,
      { component: 'route-table', id: table.id, logicalId: table.logicalId, detail: `no route to ${t.dst}` },
      `Route table ${label(table)} of subnet ${label(subnet)} has no route that matches ${t.dst}, so the ${b.mode} is dropped${b.mode === 'reply' ? ' on its way back' : ''}.`,
      isInternet
        ? `Add a route for 0.0.0.0/0 to an internet gateway (a public subnet) or to a NAT gateway (a private subnet that needs outbound access).`
        : `Add a route for the destination's block (through the peering connection that reaches it).`,
    );
  }

  private isPrivateDestination(a: Addr): boolean {
    if (a.kind !== 'const') return false;
    for (const v of this.cloud.vpcs.values()) if (v.cidrs.some((c) => cidrSet(c).has(a.ip))) return true;
    return false;
  }

  private targetName(r: Route): string {
    const t = r.target;
    if (t.kind === 'local') return 'local';
    const named =
      t.kind === 'internet-gateway'
        ? this.cloud.internetGateways.get(t.id)
        : t.kind === 'nat-gateway'
          ? this.cloud.natGateways.get(t.id)
          : t.kind === 'peering'
            ? this.cloud.peerings.get(t.id)
            : t.kind === 'instance'
              ? this.cloud.instances.get(t.id)
              : t.kind === 'network-interface'
                ? this.cloud.interfaces.get(t.id)
                : undefined;
    return named?.logicalId ? `${named.logicalId} (${t.id})` : t.id;
  }

  private follow(b: Branch, table: RouteTable, subnet: Subnet, r: Route): Outcome[] {
    const routeText = `${formatCidr(r.destination)} → ${this.targetName(r)}`;
    if (this.cloud.isBlackhole(r.target)) {
      return [
        this.dropped(
          b,
          { component: 'route-table', id: table.id, logicalId: table.logicalId, detail: `${routeText} (blackhole)` },
          `Route ${routeText} in ${label(table)} is a blackhole: its target no longer exists (or is not active), so the ${b.mode} is dropped there.`,
          `Point the route at a target that exists, or delete it.`,
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
            `Route ${routeText} points to ${r.target.id} (${r.target.property}), a kind of target the virtual cloud does not model, so the flow is not followed further.`,
            'Use an internet gateway, NAT gateway, peering connection or network interface as the target.',
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
      return this.dropped(
        b,
        { component: 'route-table', id: vpcId, detail: `no interface has ${t.dst}` },
        `No network interface in ${vpcId} has the address ${t.dst}, so nothing receives the ${b.mode}.`,
        'Send to the private address of an instance that exists.',
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
        `The ${b.mode} is addressed to NAT gateway ${this.ownerLabel(eni)} itself; a NAT gateway only forwards traffic routed through it.`,
        'Address an instance, and route through the NAT gateway with a route table entry.',
      );
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
          `Internet gateway ${label(igw)} is not attached to ${subnet.vpcId}, so it passes no traffic.`,
          'Attach it with an AWS::EC2::VPCGatewayAttachment.',
        ),
      ];
    }
    const src = b.packet.src;
    const eni = src.kind === 'const' ? this.interfaceAt(subnet.vpcId, src.ip) : undefined;
    if (!eni || eni.publicIp === undefined) {
      const who = eni ? this.ownerLabel(eni) : showAddr(src);
      const isReply = b.mode === 'reply';
      return [
        this.dropped(
          b,
          { component: 'internet-gateway', id: igw.id, logicalId: igw.logicalId, detail: `${showAddr(src)} has no public IPv4 address` },
          `${who} has no public IPv4 address, so internet gateway ${label(igw)} cannot translate its ${isReply ? 'reply' : 'traffic'}; the internet cannot answer a private address.`,
          eni?.owner.kind === 'instance'
            ? 'Give the instance a public address: MapPublicIpOnLaunch on its subnet, AssociatePublicIpAddress on its interface, or an elastic IP — or route it through a NAT gateway if it only needs outbound access.'
            : 'Only resources with a public address can use the internet gateway.',
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
            `The ${b.mode} leaves through the internet gateway towards ${formatIp(dst.ip)}, a private address; the internet does not route private addresses, so it never arrives.`,
            'Reach another VPC through a peering connection with routes on both sides, not through the internet.',
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
        `No resource of this topology has the public address ${showAddr(dst)}.`,
        'Address a public IP or elastic IP of an instance.',
      );
    }
    const subnet = this.cloud.subnets.get(eni.subnetId)!;
    const igw = this.cloud.attachedGateway(subnet.vpcId);
    if (!igw) {
      return this.dropped(
        b,
        { component: 'internet-gateway', id: subnet.vpcId, detail: 'no internet gateway attached' },
        `${subnet.vpcId} has no internet gateway attached, so nothing from the internet enters it, whatever the addresses.`,
        'Create an internet gateway and attach it to the VPC.',
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
          `NAT gateway ${label(nat)} drops it: a NAT gateway only lets in replies to connections its instances started; nothing from the internet can start a connection through it.`,
          'To accept connections from the internet, put the server in a public subnet with a public address (or behind a load balancer).',
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
          `The reply is routed to NAT gateway ${label(nat)}, which would rewrite its source to ${eni.publicIp !== undefined ? formatIp(eni.publicIp) : 'its own address'}; the client expects the answer from the address it called, so the connection fails (asymmetric routing).`,
          `Give the server's subnet a route back the way the request came (for internet clients: 0.0.0.0/0 to the internet gateway).`,
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
          `NAT gateway ${label(nat)} sits in subnet ${label(natSubnet)}, whose route table sends the traffic back to the NAT gateway itself instead of to an internet gateway; a NAT gateway gives internet access only if its own subnet routes to an internet gateway.`,
          'Put the NAT gateway in a public subnet (one whose route table sends 0.0.0.0/0 to the internet gateway), and route the private subnets to it.',
        ),
      ];
    }
    if (b.nat) {
      return [
        this.dropped(
          b,
          { component: 'nat-gateway', id: nat.id, logicalId: nat.logicalId, detail: 'already translated' },
          `The flow reaches NAT gateway ${label(nat)} after another NAT gateway; chained NAT gateways are not followed.`,
          'Route private subnets to one NAT gateway, and the NAT gateway\'s subnet to the internet gateway.',
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
      return this.dropped(
        b,
        { component: 'peering', id: pcx.id, logicalId: pcx.logicalId, detail: `${t.dst} is not in ${peer.logicalId ?? peer.id}` },
        `Peering connection ${label(pcx)} only delivers to addresses of ${label(peer)} (${peer.cidrs.map(formatCidr).join(', ')}); ${t.dst} is not one of them, and peering is not transitive: traffic cannot pass through the peer VPC to a third network, its gateways or its NAT.`,
        'Peer the two VPCs that must talk directly, and route each side\'s block to that peering connection.',
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
        'A NAT gateway is not used across a peering connection.',
        'Give each VPC its own NAT gateway.',
      );
    }
    return this.deliverLocal(b, from, peer.id, true);
  }

  private toAppliance(b: Branch, from: Subnet, eni: NetworkInterface): Outcome[] {
    const subnet = this.cloud.subnets.get(eni.subnetId)!;
    const d = this.crossSubnets(b, from, subnet);
    if (d) return [d];
    if (eni.sourceDestCheck) {
      return [
        this.dropped(
          b,
          { ...this.ownerHop(eni), detail: 'source/destination check is on' },
          `The route sends the ${b.mode} to ${this.ownerLabel(eni)}, whose source/destination check is on: it drops traffic not addressed to itself.`,
          'Set SourceDestCheck: false on an instance that forwards traffic (a NAT instance or firewall), or route to a NAT gateway.',
        ),
      ];
    }
    if (b.mode === 'request') {
      const di = this.securityGroups(b, eni, 'ingress');
      if (di) return [di];
      const de = this.securityGroups(b, eni, 'egress');
      if (de) return [de];
    }
    this.hop(b, { ...this.ownerHop(eni), action: 'forward', detail: `forwards without address translation` });
    return this.route(b, subnet);
  }
}
