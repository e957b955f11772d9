import { lastAddress } from '../address.js';
import type { Cloud } from '../cloud.js';
import { IntervalSet } from '../intervals.js';
import type { NetworkAcl } from '../model.js';
import { evaluateNetworkAcl, evaluateSecurityGroups, type MembersOf, prefixListSet } from './filters.js';
import type { Addr, Packet } from './packet.js';
import { FlowSet } from './space.js';

const EVERY_FLOW = FlowSet.of({ x: IntervalSet.of(0, 0xffffffff), p: IntervalSet.of(0, 65535), c: IntervalSet.of(0, 65535), n: IntervalSet.of(0, 65535) });

/**
 * A filter's verdict computed once per place and reused by every walk that meets it.
 *
 * A network ACL or a set of security groups keeps exactly the flows in one set, the verdict:
 * what it allows out of every possible flow (filters.ts evaluates it; the rules live there).
 * The verdict depends on the packet only through its protocol, where its destination port
 * is carried, and which of the filter's rules the peer address falls in — the peer's
 * signature. Walks that meet the same filter with the same signature share one evaluation,
 * so the work grows with the number of filters and the places that differ for them, not
 * with the number of pairs of instances asked about.
 */
/** One filter in one direction: its peer tests, and verdicts by peer signature and packet shape. */
interface Slot {
  tests?: ((ip: number) => boolean)[];
  bySignature: Map<string, Map<number, FlowSet>>;
  /** Each peer address seen, to the verdicts of its signature. */
  byPeer: Map<number, Map<number, FlowSet>>;
  /** Verdicts for a free peer address. */
  free: Map<number, FlowSet>;
}

const newSlot = (): Slot => ({ bySignature: new Map(), byPeer: new Map(), free: new Map() });
const newSlots = (): [Slot, Slot] => [newSlot(), newSlot()];

export class FilterCache {
  /** How many verdicts were evaluated (not reused): the work count the tests assert on. */
  evaluations = 0;
  private readonly acls = new Map<NetworkAcl, [Slot, Slot]>();
  /** Keyed by an interface's list of groups (one list per interface). */
  private readonly groupSets = new WeakMap<readonly string[], [Slot, Slot]>();
  private readonly byGroups = new Map<string, [Slot, Slot]>();

  constructor(
    private readonly cloud: Cloud,
    private readonly membersOf: MembersOf,
  ) {}

  /** The flows a subnet's network ACL lets through in one direction. */
  networkAcl(acl: NetworkAcl, egress: boolean, packet: Packet): FlowSet {
    let slots = this.acls.get(acl);
    if (!slots) this.acls.set(acl, (slots = newSlots()));
    const slot = slots[egress ? 1 : 0];
    const verdicts = this.verdictsFor(slot, egress ? packet.dst : packet.src, () => acl.entries.filter((e) => e.egress === egress).map((e) => range(e.cidr.network, lastAddress(e.cidr))));
    return this.verdict(verdicts, packet, () => evaluateNetworkAcl(acl, egress, packet, EVERY_FLOW).allowed);
  }

  /** The flows the security groups of an interface let through in one direction. */
  securityGroups(groupIds: readonly string[], direction: 'ingress' | 'egress', packet: Packet): FlowSet {
    let slots = this.groupSets.get(groupIds);
    if (!slots) {
      // Interfaces with the same groups share verdicts.
      const key = [...groupIds].sort().join(',');
      slots = this.byGroups.get(key);
      if (!slots) this.byGroups.set(key, (slots = newSlots()));
      this.groupSets.set(groupIds, slots);
    }
    const slot = slots[direction === 'egress' ? 1 : 0];
    const verdicts = this.verdictsFor(slot, direction === 'ingress' ? packet.src : packet.dst, () => {
      const tests: ((ip: number) => boolean)[] = [];
      for (const gid of groupIds) {
        const g = this.cloud.securityGroups.get(gid);
        if (!g) continue;
        for (const r of direction === 'ingress' ? g.ingress : g.egress) {
          if (r.cidr) tests.push(range(r.cidr.network, lastAddress(r.cidr)));
          else if (r.groupId) {
            const members = this.membersOf(r.groupId);
            tests.push((ip) => members.has(ip));
          } else if (r.prefixListId) {
            const entries = prefixListSet(this.cloud, r.prefixListId);
            tests.push((ip) => entries.has(ip));
          } else tests.push(() => false);
        }
      }
      return tests;
    });
    return this.verdict(verdicts, packet, () => evaluateSecurityGroups(this.cloud, groupIds, direction, packet, EVERY_FLOW, this.membersOf).allowed);
  }

  private verdict(verdicts: Map<number, FlowSet>, packet: Packet, evaluate: () => FlowSet): FlowSet {
    const key = shape(packet);
    let v = verdicts.get(key);
    if (!v) {
      this.evaluations++;
      verdicts.set(key, (v = evaluate().compact()));
    }
    return v;
  }

  /**
   * The verdicts for a peer: shared by every peer address the filter's rules name alike
   * (the same signature: one bit per rule, set when the rule's block or group holds it).
   */
  private verdictsFor(slot: Slot, peer: Addr, tests: () => ((ip: number) => boolean)[]): Map<number, FlowSet> {
    if (peer.kind !== 'const') return slot.free;
    let v = slot.byPeer.get(peer.ip);
    if (!v) {
      slot.tests ??= tests();
      let sig = '';
      for (const t of slot.tests) sig += t(peer.ip) ? '1' : '0';
      v = slot.bySignature.get(sig);
      if (!v) slot.bySignature.set(sig, (v = new Map()));
      slot.byPeer.set(peer.ip, v);
    }
    return v;
  }
}

const range =
  (lo: number, hi: number) =>
  (ip: number): boolean =>
    ip >= lo && ip <= hi;

const PROTOCOLS = ['tcp', 'udp', 'icmp', 'all'];
const PORT_DIMS = ['p', 'c', 'n'];

/** The parts of a packet a filter reads besides its peer, as a number: the protocol and where its destination port is. */
function shape(p: Packet): number {
  const port = p.dstPort.kind === 'var' ? PORT_DIMS.indexOf(p.dstPort.dim) : 3 + p.dstPort.port;
  return PROTOCOLS.indexOf(p.protocol) * 100_000 + port;
}
