/**
 * A brute-force reference for the reachability engine: it follows ONE concrete packet
 * (addresses and ports all fixed) through the cloud, written as plainly as possible and
 * independently of the symbolic engine. Property tests enumerate packets with it and compare.
 */
import { cidrContainsIp } from '../../src/engine/address.js';
import type { Cloud } from '../../src/engine/cloud.js';
import type { NetworkAcl, NetworkInterface, Protocol, Subnet } from '../../src/engine/model.js';
import { internetAddresses } from '../../src/engine/reach/endpoints.js';

export interface CPacket {
  proto: 'tcp' | 'udp' | 'icmp' | 'all';
  src: number;
  dst: number;
  sport: number;
  dport: number;
}

type At = { kind: 'eni'; eni: NetworkInterface } | { kind: 'internet' };
interface Ctx {
  cloud: Cloud;
  mode: 'request' | 'reply';
  natPort: number;
  nat?: { natId: string; innerSrc: number; innerSport: number };
  /** Forwarding instances the request passed (their security groups track the connection). */
  through: string[];
  /** What NAT instances rewrote on the request. */
  natInstances: { eniId: string; innerSrc: number; innerSport: number }[];
  ttl: number;
}
interface Arrival {
  at: At;
  pkt: CPacket;
  nat?: Ctx['nat'];
  through: string[];
  natInstances: Ctx['natInstances'];
}

const protoOk = (rule: Protocol, p: CPacket['proto']): boolean => rule === 'all' || rule === p;

function aclAllows(acl: NetworkAcl, egress: boolean, pkt: CPacket): boolean {
  const rules = acl.entries.filter((e) => e.egress === egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const r of rules) {
    if (!protoOk(r.protocol, pkt.proto)) continue;
    if (!cidrContainsIp(r.cidr, egress ? pkt.dst : pkt.src)) continue;
    if ((r.protocol === 'tcp' || r.protocol === 'udp') && (pkt.dport < r.portFrom! || pkt.dport > r.portTo!)) continue;
    if (r.protocol === 'icmp' && r.icmpType !== -1 && r.icmpType !== pkt.dport) continue;
    return r.action === 'allow';
  }
  return false;
}

function sgAllows(cloud: Cloud, eni: NetworkInterface, ingress: boolean, pkt: CPacket): boolean {
  const peer = ingress ? pkt.src : pkt.dst;
  for (const gid of eni.securityGroupIds) {
    const g = cloud.securityGroups.get(gid)!;
    for (const r of ingress ? g.ingress : g.egress) {
      if (!protoOk(r.protocol, pkt.proto)) continue;
      if ((r.protocol === 'tcp' || r.protocol === 'udp') && (pkt.dport < r.fromPort || pkt.dport > r.toPort)) continue;
      if (r.protocol === 'icmp' && r.fromPort !== -1 && r.fromPort !== pkt.dport) continue;
      if (r.cidr && cidrContainsIp(r.cidr, peer)) return true;
      if (r.groupId && [...cloud.interfaces.values()].some((e) => e.privateIp === peer && e.securityGroupIds.includes(r.groupId!))) return true;
    }
  }
  return false;
}

function eniAt(cloud: Cloud, vpcId: string, ip: number): NetworkInterface | undefined {
  return [...cloud.interfaces.values()].find((e) => e.privateIp === ip && cloud.subnets.get(e.subnetId)!.vpcId === vpcId);
}

function cross(cloud: Cloud, a: Subnet, b: Subnet, pkt: CPacket): boolean {
  if (a.id === b.id) return true;
  return aclAllows(cloud.networkAclOf(a.id), true, pkt) && aclAllows(cloud.networkAclOf(b.id), false, pkt);
}

function arrive(c: Ctx, eni: NetworkInterface, pkt: CPacket): Arrival | null {
  if (eni.owner.kind === 'nat-gateway') return null;
  if (c.mode === 'reply' && pkt.dst === eni.privateIp) {
    // A reply to a NAT instance's own address, for a connection it translated: back to the sender.
    const k = c.natInstances.map((r) => r.eniId).lastIndexOf(eni.id);
    if (k >= 0) {
      const r = c.natInstances[k];
      c.natInstances = c.natInstances.filter((_, i) => i !== k);
      return routeFrom(c, c.cloud.subnets.get(eni.subnetId)!, { ...pkt, dst: r.innerSrc, dport: r.innerSport });
    }
  }
  if (c.mode === 'request' && !sgAllows(c.cloud, eni, true, pkt)) return null;
  return { at: { kind: 'eni', eni }, pkt, nat: c.nat, through: c.through, natInstances: c.natInstances };
}

/** A NAT instance: forwarding, with a public address, in a subnet whose table has a route to an internet gateway. */
function natInstance(cloud: Cloud, eni: NetworkInterface): boolean {
  if (eni.sourceDestCheck || eni.publicIp === undefined || eni.owner.kind !== 'instance') return false;
  return cloud.routeTableOf(eni.subnetId).routes.some((r) => r.target.kind === 'internet-gateway' && !cloud.isBlackhole(r.target));
}

export function sendFrom(c: Ctx, eni: NetworkInterface, pkt: CPacket): Arrival | null {
  if (c.mode === 'request' && !sgAllows(c.cloud, eni, false, pkt)) return null;
  return routeFrom(c, c.cloud.subnets.get(eni.subnetId)!, pkt);
}

function routeFrom(c: Ctx, subnet: Subnet, pkt: CPacket): Arrival | null {
  if (c.ttl-- <= 0) return null;
  const cloud = c.cloud;
  const table = cloud.routeTableOf(subnet.id);
  let best: (typeof table.routes)[number] | undefined;
  for (const r of table.routes) if (cidrContainsIp(r.destination, pkt.dst) && (!best || r.destination.prefix > best.destination.prefix)) best = r;
  if (!best || cloud.isBlackhole(best.target)) return null;
  const t = best.target;
  if (t.kind === 'local') {
    const eni = eniAt(cloud, subnet.vpcId, pkt.dst);
    if (!eni) return null;
    if (!cross(cloud, subnet, cloud.subnets.get(eni.subnetId)!, pkt)) return null;
    return arrive(c, eni, pkt);
  }
  if (t.kind === 'internet-gateway') {
    const g = cloud.internetGateways.get(t.id)!;
    if (!aclAllows(cloud.networkAclOf(subnet.id), true, pkt)) return null;
    if (g.attachedVpcId !== subnet.vpcId) return null;
    const me = eniAt(cloud, subnet.vpcId, pkt.src);
    if (!me || me.publicIp === undefined) return null;
    return internet(c, { ...pkt, src: me.publicIp });
  }
  if (t.kind === 'nat-gateway') {
    if (c.mode === 'reply' || c.nat) return null;
    const nat = cloud.natGateways.get(t.id)!;
    const natSubnet = cloud.subnets.get(nat.subnetId)!;
    if (!cross(cloud, subnet, natSubnet, pkt)) return null;
    const natEni = cloud.interfaces.get(nat.networkInterfaceId)!;
    c.nat = { natId: nat.id, innerSrc: pkt.src, innerSport: pkt.sport };
    const ported = pkt.proto === 'tcp' || pkt.proto === 'udp';
    return routeFrom(c, natSubnet, { ...pkt, src: natEni.privateIp, sport: ported ? c.natPort : pkt.sport });
  }
  if (t.kind === 'peering') {
    const pcx = cloud.peerings.get(t.id)!;
    if (!aclAllows(cloud.networkAclOf(subnet.id), true, pkt)) return null;
    const peer = cloud.vpcs.get(pcx.requesterVpcId === subnet.vpcId ? pcx.accepterVpcId : pcx.requesterVpcId)!;
    if (!peer.cidrs.some((b) => cidrContainsIp(b, pkt.dst))) return null;
    const eni = eniAt(cloud, peer.id, pkt.dst);
    if (!eni || eni.owner.kind === 'nat-gateway') return null;
    if (!aclAllows(cloud.networkAclOf(eni.subnetId), false, pkt)) return null;
    return arrive(c, eni, pkt);
  }
  if (t.kind === 'instance' || t.kind === 'network-interface') {
    const eni = t.kind === 'instance' ? cloud.interfaces.get(cloud.instances.get(t.id)!.networkInterfaceIds[0])! : cloud.interfaces.get(t.id)!;
    const s = cloud.subnets.get(eni.subnetId)!;
    if (!cross(cloud, subnet, s, pkt)) return null;
    if (eni.sourceDestCheck) return null;
    const tracked = c.mode === 'reply' && c.through.includes(eni.id);
    if (!tracked && (!sgAllows(cloud, eni, true, pkt) || !sgAllows(cloud, eni, false, pkt))) return null;
    if (c.mode === 'request') c.through = [...c.through, eni.id];
    if (!tracked && natInstance(cloud, eni)) {
      const ported = pkt.proto === 'tcp' || pkt.proto === 'udp';
      if (c.mode === 'request') c.natInstances = [...c.natInstances, { eniId: eni.id, innerSrc: pkt.src, innerSport: pkt.sport }];
      return routeFrom(c, s, { ...pkt, src: eni.privateIp, sport: ported ? c.natPort : pkt.sport });
    }
    return routeFrom(c, s, pkt);
  }
  return null;
}

function internet(c: Ctx, pkt: CPacket): Arrival | null {
  const owner = [...c.cloud.interfaces.values()].find((e) => e.publicIp === pkt.dst);
  if (owner) return fromInternet(c, pkt);
  // The internet routes only internet addresses: never a private one, nor another VPC's block.
  if (!internetAddresses(c.cloud).has(pkt.dst)) return null;
  return { at: { kind: 'internet' }, pkt, nat: c.nat, through: c.through, natInstances: c.natInstances };
}

export function fromInternet(c: Ctx, pkt: CPacket): Arrival | null {
  const cloud = c.cloud;
  const eni = [...cloud.interfaces.values()].find((e) => e.publicIp === pkt.dst);
  if (!eni) return null;
  const subnet = cloud.subnets.get(eni.subnetId)!;
  if (!cloud.attachedGateway(subnet.vpcId)) return null;
  const inner = { ...pkt, dst: eni.privateIp };
  if (!aclAllows(cloud.networkAclOf(subnet.id), false, inner)) return null;
  if (eni.owner.kind === 'nat-gateway') {
    if (c.mode !== 'reply' || !c.nat || c.nat.natId !== eni.owner.id) return null;
    return routeFrom(c, subnet, { ...inner, dst: c.nat.innerSrc, dport: c.nat.innerSport });
  }
  return arrive(c, eni, inner);
}

const REPLY_TYPE: Record<number, number> = { 8: 0, 13: 14, 15: 16, 17: 18 };

/** Does one concrete connection work both ways? `src`/`dst` are an interface or an internet address. */
export function connectionWorks(
  cloud: Cloud,
  from: { eni: NetworkInterface } | { ip: number },
  to: { eni: NetworkInterface } | { ip: number },
  dstAddr: number,
  proto: CPacket['proto'],
  sport: number,
  dport: number,
  natPort: number,
): boolean {
  const ported = proto === 'tcp' || proto === 'udp';
  const req: CPacket = {
    proto,
    src: 'eni' in from ? from.eni.privateIp : from.ip,
    dst: dstAddr,
    sport: ported ? sport : 0,
    dport: ported || proto === 'icmp' ? dport : 0,
  };
  const c: Ctx = { cloud, mode: 'request', natPort, through: [], natInstances: [], ttl: 16 };
  const got = 'eni' in from ? sendFrom(c, from.eni, req) : fromInternet(c, req);
  if (!got) return false;
  if ('eni' in to ? got.at.kind !== 'eni' || got.at.eni.id !== to.eni.id : got.at.kind !== 'internet') return false;
  let replyType: number | undefined;
  if (proto === 'icmp') {
    replyType = REPLY_TYPE[dport];
    if (replyType === undefined) return true;
  }
  const p = got.pkt;
  const rep: CPacket = {
    proto,
    src: p.dst,
    dst: p.src,
    sport: replyType !== undefined ? 0 : p.dport,
    dport: replyType !== undefined ? replyType : p.sport,
  };
  const rc: Ctx = { cloud, mode: 'reply', natPort, nat: got.nat, through: got.through, natInstances: got.natInstances, ttl: 16 };
  const back = got.at.kind === 'eni' ? sendFrom(rc, got.at.eni, rep) : fromInternet(rc, rep);
  if (!back) return false;
  if ('eni' in from ? back.at.kind !== 'eni' || back.at.eni.id !== from.eni.id : back.at.kind !== 'internet') return false;
  return back.pkt.src === dstAddr && (replyType !== undefined || back.pkt.sport === req.dport);
}
