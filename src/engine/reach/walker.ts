import { type Cidr, formatCidr, formatIp } from '../address.js';
import { routeTargetName } from '../ec2/route-targets.js';
import type { NatGateway, NetworkInterface, Route, RouteTable, Subnet } from '../model.js';
import { IntervalSet } from '../intervals.js';
import { cidrSet } from './filters.js';
import { type Packet, constAddr, matchAddr, showAddr } from './packet.js';
import { FlowSet } from './space.js';
import { crossSubnetsHop, networkAclHop, securityGroupHop } from './hop-filters.js';
import { chooseRoutes } from './route-choice.js';
import { WalkerBase } from './walker-base.js';
import { forwardThrough, natInstanceReturn } from './forwarding.js';
import { loopAt } from './loops.js';
import type { Branch, NatRecord, Outcome } from './walker-types.js';

export type { Branch, Endpoint, Outcome } from './walker-types.js';

const label = (r: { id: string; logicalId?: string }): string => (r.logicalId ? `${r.logicalId} (${r.id})` : r.id);

const NAT_PORTS = IntervalSet.of(1024, 65535);

/**
 * Walks a set of flows through the virtual cloud, component by component, exactly: at each
 * filter the flows split into those that pass and those that are dropped; at each routing
 * decision on a free destination they split by route. Pure: reads the cloud, changes nothing.
 */
export class Walker extends WalkerBase {
  // ------------------------------------------------------------------ the walk

  /** A flow leaves a network interface (the request's sender, or the reply's). */
  fromInterface(b: Branch, eni: NetworkInterface): Outcome[] {
    const subnet = this.cloud.subnets.get(eni.subnetId)!;
    this.hop(b, { ...this.ownerHop(eni), action: 'send', detail: this.say(() => `sends ${b.mode === 'reply' ? 'the reply ' : ''}from ${formatIp(eni.privateIp)} (subnet ${subnet.logicalId ?? subnet.id}) to ${showAddr(b.packet.dst, 'the internet')}`) });
    if (b.mode === 'request') {
      const d = securityGroupHop(this, b, eni, 'egress');
      if (d) return [d];
    }
    return this.route(b, subnet);
  }

  /** @internal also for forwarding.ts: the hops of the filters (hop-filters.ts). */
  securityGroups(b: Branch, eni: NetworkInterface, direction: 'ingress' | 'egress'): Outcome | undefined {
    return securityGroupHop(this, b, eni, direction);
  }

  /** @internal also for forwarding.ts */
  crossSubnets(b: Branch, from: Subnet, to: Subnet): Outcome | undefined {
    return crossSubnetsHop(this, b, from, to);
  }

  /** Route lookup in a subnet's route table, longest prefix first; splits a free destination by route. */
  route(b: Branch, subnet: Subnet): Outcome[] {
    const loop = loopAt(this, b, { kind: 'route-table', subnet });
    if (loop) return [loop];
    return chooseRoutes(this, b, subnet, (br, table, s, r) => this.follow(br, table, s, r));
  }

  private follow(b: Branch, table: RouteTable, subnet: Subnet, r: Route): Outcome[] {
    const routeText = (): string => `${formatCidr(r.destination)} → ${routeTargetName(this.cloud, r.target)}`;
    if (this.cloud.isBlackhole(r.target)) {
      return [
        this.dropped(
          b,
          { component: 'route-table', id: table.id, logicalId: table.logicalId, detail: `${routeText()} (blackhole)` },
          { code: 'RouteBlackhole', routeTable: table.id, destination: formatCidr(r.destination), target: r.target, leg: b.mode },
        ),
      ];
    }
    this.hop(b, { component: 'route-table', id: table.id, logicalId: table.logicalId, action: 'route', detail: this.say(() => `route ${routeText()} (subnet ${subnet.logicalId ?? subnet.id})`) });
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
            { component: 'route-table', id: table.id, logicalId: table.logicalId, detail: routeText() },
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
    const d = viaPeering ? networkAclHop(this, b, to, false) : crossSubnetsHop(this, b, from, to);
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
      const d = securityGroupHop(this, b, eni, 'ingress');
      if (d) return d;
    }
    this.hop(b, { ...this.ownerHop(eni), action: 'deliver', detail: this.say(() => `${formatIp(eni.privateIp)}${viaPeering ? ' (through the peering connection)' : ''}`) });
    return { kind: 'delivered', branch: b, at: { kind: 'interface', eni } };
  }

  private toInternetGateway(b: Branch, subnet: Subnet, igwId: string): Outcome[] {
    const igw = this.cloud.internetGateways.get(igwId)!;
    const d = networkAclHop(this, b, subnet, true);
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
    this.hop(b, { component: 'internet-gateway', id: igw.id, logicalId: igw.logicalId, action: 'translate', detail: this.say(() => `source ${formatIp(eni.privateIp)} → ${formatIp(eni.publicIp!)}`) });
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
    this.hop(b, { component: 'internet', id: 'internet', action: 'deliver', detail: this.say(() => showAddr(dst, 'internet host')) });
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
    this.hop(b, { component: 'internet-gateway', id: igw.id, logicalId: igw.logicalId, action: 'translate', detail: this.say(() => `destination ${formatIp(eni.publicIp!)} → ${formatIp(eni.privateIp)}`) });
    b.packet = { ...b.packet, dst: constAddr(eni.privateIp) };
    const d = networkAclHop(this, b, subnet, false);
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
    const d = crossSubnetsHop(this, b, from, natSubnet);
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
    const d = networkAclHop(this, b, from, true);
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
