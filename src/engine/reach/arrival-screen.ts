import { IntervalSet } from '../intervals.js';
import type { NetworkInterface } from '../model.js';
import type { FlowProtocol, Packet } from './packet.js';
import type { WalkerBase } from './walker-base.js';

/**
 * An exact shortcut before asking whether a source reaches an interface: every request that
 * arrives at an interface passes its security groups inbound, and its source address is then
 * the sender's private address, one of the cloud's public addresses (the sender's own through
 * an internet gateway, a NAT gateway's elastic IP), the private address of a NAT gateway or of
 * an interface that forwards, or an internet address for a sender on the internet. When the groups admit none of those on the
 * ports asked about, nothing from that sender gets there, and no walk is needed. The groups'
 * verdict is computed once per set of groups (filter-cache.ts).
 */
export class ArrivalScreen {
  private readonly shared: IntervalSet;
  private readonly admitted = new WeakMap<readonly string[], { set: IntervalSet; shared: boolean }>();

  constructor(
    private readonly walker: WalkerBase,
    private readonly protocol: FlowProtocol,
    private readonly ports: IntervalSet,
  ) {
    const cloud = walker.cloud;
    const ips: number[] = [...cloud.publicAddresses()];
    for (const n of cloud.natGateways.values()) {
      const ip = cloud.interfaces.get(n.networkInterfaceId)?.privateIp;
      if (ip !== undefined) ips.push(ip);
    }
    // An interface that forwards (source/destination check off) may translate as well.
    for (const e of cloud.interfaces.values()) if (!e.sourceDestCheck) ips.push(e.privateIp);
    this.shared = IntervalSet.from(ips.map((ip) => [ip, ip] as [number, number]));
  }

  /** False when no request from `from` can pass the security groups of `to`. */
  mayArrive(from: NetworkInterface, to: NetworkInterface): boolean {
    const admitted = this.admittedBy(to);
    return admitted.shared || admitted.set.has(from.privateIp);
  }

  /** False when no request from these internet addresses can pass the security groups of `to`. */
  mayArriveFrom(addresses: IntervalSet, to: NetworkInterface): boolean {
    return !this.admittedBy(to).set.intersect(addresses).isEmpty;
  }

  /** The source addresses the interface's groups admit inbound on the ports asked about. */
  private admittedBy(to: NetworkInterface): { set: IntervalSet; shared: boolean } {
    const known = this.admitted.get(to.securityGroupIds);
    if (known) return known;
    const ported = this.protocol === 'tcp' || this.protocol === 'udp';
    const packet: Packet = {
      protocol: this.protocol,
      src: { kind: 'x' },
      dst: { kind: 'const', ip: to.privateIp },
      srcPort: ported ? { kind: 'var', dim: 'c' } : { kind: 'const', port: 0 },
      dstPort: ported || this.protocol === 'icmp' ? { kind: 'var', dim: 'p' } : { kind: 'const', port: 0 },
    };
    let verdict = this.walker.filters.securityGroups(to.securityGroupIds, 'ingress', packet);
    if (packet.dstPort.kind === 'var') verdict = verdict.restrict({ p: this.ports });
    const set = verdict.project('x');
    const admitted = { set, shared: !set.intersect(this.shared).isEmpty };
    this.admitted.set(to.securityGroupIds, admitted);
    return admitted;
  }
}
