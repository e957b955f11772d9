import { formatIp } from '../address.js';
import { routesToInternetGateway } from '../ec2/route-table.js';
import type { Cloud } from '../cloud.js';
import { IntervalSet } from '../intervals.js';
import type { NetworkInterface, Subnet } from '../model.js';
import { loopAt } from './loops.js';
import { type Addr, type Port, constAddr, showAddr } from './packet.js';
import type { Branch, Outcome, Walker } from './walker.js';

/**
 * Instances that forward traffic (aws-semantics item 33). An instance whose source/destination
 * check is off (`SourceDestCheck: false`) and that a route points at receives traffic not
 * addressed to it: the packet crosses the network ACLs into its subnet, passes its security
 * groups inbound and outbound, and leaves by its own subnet's route table. With the check on
 * (the default) such traffic is dropped there.
 *
 * A forwarding instance is a NAT instance when it has a public IPv4 address (auto-assigned or
 * elastic) and its subnet's route table has a route to an internet gateway: "The NAT instance
 * must have internet access, so it must be in a public subnet (a subnet that has a route table
 * with a route to the internet gateway), and it must have a public IP address or an Elastic IP
 * address" (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html). It
 * translates the source of what it forwards to its own address ("the traffic is attributed to
 * the public IP address of the NAT instance") and picks a high port for the response, as the
 * NAT AMI's masquerading does for every packet leaving its interface; a response that comes
 * back to that address and port is sent on to the instance that started the connection.
 * Forwarding instances without a public address forward without translation (a firewall or
 * router appliance).
 *
 * Security groups track connections: a reply that passes a forwarding instance which saw the
 * request is let through; one that did not (asymmetric routing) is checked against its rules
 * like a new flow.
 */

/** What a NAT instance rewrote on a request, so the reply is rewritten back. */
export interface NatInstanceRecord {
  networkInterface: string;
  innerSrc: Addr;
  innerPort: Port;
}

export interface ForwardState {
  /** Interfaces that forwarded the request: their security groups track the connection. */
  through: readonly string[];
  /** Translations of NAT instances on the request, in order. */
  nats: readonly NatInstanceRecord[];
}

const NAT_PORTS = IntervalSet.of(1024, 65535);

/** True when a forwarding instance's interface acts as a NAT instance (see above). */
export function isNatInstance(cloud: Cloud, eni: NetworkInterface): boolean {
  if (eni.sourceDestCheck || eni.publicIp === undefined || eni.owner.kind !== 'instance') return false;
  return routesToInternetGateway(cloud, eni.subnetId);
}

/** A route sent the flow to an instance or network interface: forward it, or say why not. */
export function forwardThrough(w: Walker, b: Branch, from: Subnet, eni: NetworkInterface): Outcome[] {
  const cloud = w.cloud;
  const subnet = cloud.subnets.get(eni.subnetId)!;
  const d = w.crossSubnets(b, from, subnet);
  if (d) return [d];
  if (eni.sourceDestCheck) {
    const dst = b.packet.dst;
    return [
      w.dropped(
        b,
        { ...w.ownerHop(eni), detail: `source/destination check is on: ${dst.kind === 'const' ? formatIp(dst.ip) : 'the destination'} is not its address` },
        { code: 'SourceDestCheck', networkInterface: eni.id, leg: b.mode, ...(dst.kind === 'const' ? { destination: formatIp(dst.ip) } : {}) },
      ),
    ];
  }
  const loop = loopAt(w, b, { kind: 'forwarder', eni });
  if (loop) return [loop];
  const state: ForwardState = b.fwd ?? { through: [], nats: [] };
  const tracked = b.mode === 'reply' && state.through.includes(eni.id);
  if (!tracked) {
    const di = w.securityGroups(b, eni, 'ingress');
    if (di) return [di];
    const de = w.securityGroups(b, eni, 'egress');
    if (de) return [de];
  }
  let next = state;
  if (b.mode === 'request') next = { ...next, through: [...next.through, eni.id] };
  if (!tracked && isNatInstance(cloud, eni)) {
    const record: NatInstanceRecord = { networkInterface: eni.id, innerSrc: b.packet.src, innerPort: b.packet.srcPort };
    const ported = b.packet.protocol === 'tcp' || b.packet.protocol === 'udp';
    if (b.mode === 'request') next = { ...next, nats: [...next.nats, record] };
    if (ported) b.flows = b.flows.restrict({ n: NAT_PORTS });
    b.packet = { ...b.packet, src: constAddr(eni.privateIp), srcPort: ported ? { kind: 'var', dim: 'n' } : b.packet.srcPort };
    w.hop(b, {
      ...w.ownerHop(eni),
      action: 'translate',
      detail: `NAT instance: forwards with source ${showAddr(record.innerSrc)} → ${formatIp(eni.privateIp)} (public ${formatIp(eni.publicIp!)})${ported ? ', ports 1024-65535' : ''}`,
    });
  } else {
    w.hop(b, { ...w.ownerHop(eni), action: 'forward', detail: tracked ? 'forwards the reply of a connection it tracks' : 'forwards without address translation' });
  }
  b.fwd = next;
  return w.route(b, subnet);
}

/**
 * A reply reached a NAT instance at its own address: when it answers a connection the NAT
 * instance translated, rewrite the destination back to the connection's sender and route it on
 * from the NAT instance's subnet. Undefined when the reply is not for a translated connection.
 */
export function natInstanceReturn(w: Walker, b: Branch, eni: NetworkInterface): Outcome | undefined {
  const nats = b.fwd?.nats ?? [];
  const i = nats.map((r) => r.networkInterface).lastIndexOf(eni.id);
  const dst = b.packet.dst;
  if (i < 0 || dst.kind !== 'const' || dst.ip !== eni.privateIp) return undefined;
  const record = nats[i];
  b.fwd = { ...b.fwd!, nats: nats.filter((_, k) => k !== i) };
  b.packet = { ...b.packet, dst: record.innerSrc, dstPort: record.innerPort };
  w.hop(b, { ...w.ownerHop(eni), action: 'translate', detail: `NAT instance: destination → ${showAddr(record.innerSrc)} (the connection's sender)` });
  // The sender of a request is always one address (a flow from the internet is delivered, not
  // routed through an instance), so routing the reply back gives one outcome.
  return w.route(b, w.cloud.subnets.get(eni.subnetId)!)[0];
}
