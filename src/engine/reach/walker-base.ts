import { formatIp, parseIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import type { NetworkInterface, RouteTable } from '../model.js';
import type { RouteIndex } from './route-choice.js';
import { IntervalSet } from '../intervals.js';
import { groupMembers } from './filters.js';
import { type DropNames, renderDrop } from './drop-text.js';
import type { DropCause, Hop } from './hops.js';
import type { Addr, Packet, Port } from './packet.js';
import type { Dim, FlowSet } from './space.js';
import { describeAddresses, describePorts } from './describe-sets.js';
import { internetAddresses } from './endpoints.js';
import { FilterCache } from './filter-cache.js';
import type { Branch, Outcome } from './walker-types.js';

/**
 * What every step of a walk shares: the cloud's indexes (interfaces by address, group
 * members), how hops are recorded and how drops and narrowed flows are put in words. The
 * steps themselves are in walker.ts, hop-filters.ts and route-choice.ts.
 */
export class WalkerBase {
  private readonly byPrivateIp = new Map<string, Map<number, NetworkInterface>>();
  private readonly byPublicIp = new Map<number, NetworkInterface>();
  private readonly members = new Map<string, IntervalSet>();
  /** The private addresses of a security group's members, computed once per group. */
  readonly membersOf = (groupId: string): IntervalSet => {
    let m = this.members.get(groupId);
    if (!m) this.members.set(groupId, (m = groupMembers(this.cloud, groupId)));
    return m;
  };

  /** Questions answered with this walker (answerFlow): the work count tests of checks assert on. */
  questions = 0;

  /** Route tables read once (route-choice.ts). */
  readonly routeIndexes = new Map<RouteTable, RouteIndex>();

  /** Filter verdicts shared between walks (used by summaries, which ask many questions). */
  readonly filters: FilterCache;

  /** Every internet address of this topology (endpoints.ts), computed once. */
  readonly internet: IntervalSet;

  /** How the drop sentences name addresses and interfaces (drop-text.ts). */
  readonly names: DropNames;

  /** `brief`: the verdicts only, without the "only from …" notes on each hop (for summaries). */
  constructor(readonly cloud: Cloud, readonly opts: { brief?: boolean } = {}) {
    this.internet = internetAddresses(cloud);
    this.filters = new FilterCache(cloud, this.membersOf);
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

  // ------------------------------------------------------------------ helpers for the steps

  /** The words of a hop, built only when someone reads them: a trace, not a summary. */
  say(words: () => string): string {
    return this.opts.brief ? '' : words();
  }

  hop(b: Branch, h: Omit<Hop, 'direction'>): Hop {
    const full: Hop = { direction: b.mode, ...h };
    b.hops.push(full);
    return full;
  }

  fork(b: Branch, flows: FlowSet, packet = b.packet): Branch {
    return { ...b, hops: [...b.hops], flows, packet };
  }

  dropped(b: Branch, h: Omit<Hop, 'direction' | 'action' | 'cause'>, cause: DropCause): Outcome {
    const hop = this.hop(b, { ...h, action: 'drop', cause });
    // A summary reads which flows get through, never why the others stop: no sentence.
    if (this.opts.brief) return { kind: 'dropped', branch: b, drop: { hop, cause, reason: '', fix: '' } };
    return { kind: 'dropped', branch: b, drop: { hop, cause, ...renderDrop(cause, this.names) } };
  }

  /** The address of a drop's cause: the constant one, or a sample of the dropped flows (many when they are several). */
  peerOf(a: Addr, flows: FlowSet): { peer?: string; many?: boolean } {
    if (a.kind === 'const') return { peer: formatIp(a.ip) };
    const s = flows.sample();
    if (!s) return {};
    return flows.project('x').size > 1 ? { peer: formatIp(s.x), many: true } : { peer: formatIp(s.x) };
  }

  /** The destination port (or icmp type) of the dropped flows, as text. */
  portOf(flows: FlowSet, packet: Packet): string {
    if (packet.dstPort.kind === 'var') return describePorts(flows.project(packet.dstPort.dim));
    return `${packet.dstPort.port}`;
  }

  protocolOf(packet: Packet): string {
    return String(packet.protocol);
  }

  /** "only for 198.51.100.25/32" when a filter passes part of the flows. */
  narrowed(before: FlowSet, after: FlowSet, packet: Packet): string | undefined {
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
  sampleText(flows: FlowSet, packet: Packet): { src: string; dst: string; port: string; portRange: string } {
    const s = flows.sample();
    const many = flows.project('x').size > 1;
    const addr = (a: Addr): string =>
      a.kind === 'const' ? this.named(a.ip) : s ? (many ? `internet addresses such as ${formatIp(s.x)}` : formatIp(s.x)) : 'the client';
    const portText = (p: Port): string => (p.kind === 'const' ? `${p.port}` : s ? `${s[p.dim]}` : '?');
    const range = packet.dstPort.kind === 'var' ? describePorts(flows.project(packet.dstPort.dim)) : portText(packet.dstPort);
    return { src: addr(packet.src), dst: addr(packet.dst), port: portText(packet.dstPort), portRange: range };
  }

  /** "10.0.0.4 (Web)": an address with the instance or gateway that has it, when one does. */
  named(ip: number): string {
    let eni = this.byPublicIp.get(ip);
    if (!eni) for (const m of this.byPrivateIp.values()) if ((eni = m.get(ip))) break;
    return eni ? `${formatIp(ip)} (${this.ownerLabel(eni)})` : formatIp(ip);
  }

  ownerLabel(eni: NetworkInterface): string {
    if (eni.owner.kind === 'instance') {
      const i = this.cloud.instances.get(eni.owner.id);
      return i?.logicalId ?? eni.owner.id;
    }
    if (eni.owner.kind === 'nat-gateway') return this.cloud.natGateways.get(eni.owner.id)?.logicalId ?? eni.owner.id;
    return eni.logicalId ?? eni.id;
  }

  ownerHop(eni: NetworkInterface): { component: Hop['component']; id: string; logicalId?: string } {
    if (eni.owner.kind === 'instance') {
      const i = this.cloud.instances.get(eni.owner.id);
      return { component: 'instance', id: eni.owner.id, logicalId: i?.logicalId };
    }
    if (eni.owner.kind === 'nat-gateway') {
      return { component: 'nat-gateway', id: eni.owner.id, logicalId: this.cloud.natGateways.get(eni.owner.id)?.logicalId };
    }
    if (eni.owner.kind === 'load-balancer') {
      const lb = this.cloud.find(eni.owner.id);
      const subnet = this.cloud.subnets.get(eni.subnetId);
      return { component: 'load-balancer', id: eni.id, logicalId: `${lb?.logicalId ?? eni.owner.id} node${subnet ? ` in ${subnet.availabilityZone}` : ''}` };
    }
    return { component: 'network-interface', id: eni.id, logicalId: eni.logicalId };
  }
}
