import type { Cloud } from '../cloud.js';
import { estimateCost } from '../cost/estimate.js';
import { perHour } from '../cost/prices.js';
import { IntervalSet } from '../intervals.js';
import { internetAddresses, type ResolvedEndpoint } from '../reach/endpoints.js';
import { answerFlow } from '../reach/trace.js';
import { Walker } from '../reach/walker.js';
import { withoutResources } from './copy-cloud.js';
import { leafInstances } from './leaf-instances.js';
import type { Protocol } from './scenario.js';

/** In a set of what is down: a database that is lost, so not billed (its id after the prefix); not part of the network. */
export const UNBILLED_DATABASE = 'unbilled-database:';

/** One end of a traffic flow, resolved once on the loaded cloud and found again in each state. */
export type EndRef =
  | { kind: 'internet'; name: string; addresses?: IntervalSet }
  | { kind: 'interface'; name: string; eniId: string; only?: 'private' | 'public' }
  /**
   * A service's end (a load balancer, later a distribution or a DNS name): not a place the
   * network delivers to, but a name whose owner (`service`, the participant's) says where its
   * requests go now (Participant.route). `id` is the owner's own key for it (an ARN).
   */
  | { kind: 'service'; name: string; service: string; id: string };

export interface FlowVerdict {
  reachable: boolean;
  /** Why not, in the words of the trace (the first hop that drops it), or which end is down. */
  reason?: string;
}

/** The network with some resources out of service: traced once per flow. */
interface Network {
  cloud: Cloud;
  walker?: Walker;
  /** By the ends' names, then the port (a UDP one as -1 - port): no key is built for each question. */
  verdicts: Map<string, Map<string, Map<number, FlowVerdict>>>;
}

/** One set of resources out of service: its network (shared by the sets that differ only in leaf instances) and its cost. */
interface State {
  network: Network;
  /** The interfaces of the leaf instances of the set: ends there are down, whatever the network. */
  leavesDown: ReadonlySet<string>;
  down: ReadonlySet<string>;
  hourlyUsd?: number;
  unpriced?: { resource: string; reason: string }[];
}

/**
 * The network as it is with some resources out of service, for every combination of failures
 * the scenario reaches: a copy of the loaded cloud with those resources deleted (so routes to
 * them are blackholes, as in AWS), and the exact trace of the reach engine on it, used as a
 * black box. Each state is built once and each flow traced once in it, so the cost of a
 * scenario grows with the number of failures, not with its length or its requests.
 */
export class NetworkView {
  /** The states by a fingerprint of their set (setFingerprint); sets of one fingerprint are told apart by their members. */
  private readonly states = new Map<string, State[]>();
  private readonly idHashes = new Map<string, [number, number]>();
  private readonly networks = new Map<string, Network>();
  /** The state of each set already asked about: the sets are not changed once made, and sorting a large one on every question is the cost. */
  private readonly bySet = new WeakMap<ReadonlySet<string>, State>();
  /** Leaf instances (leaf-instances.ts) and their interfaces: out of service, they are left in the network and their ends are down. */
  private readonly leaves: ReadonlyMap<string, readonly string[]>;

  constructor(
    readonly original: Cloud,
    private readonly instanceTypes: ReadonlyMap<string, string>,
    /** Resources that are not billed (the probe instances that stand for subnet ends). */
    private readonly unbilled: ReadonlySet<string> = new Set(),
    /** Instances that may be leaves: an auto scaling group's, whose launches and terminations would otherwise each make a network. */
    leafCandidates: Iterable<string> = [],
  ) {
    this.leaves = leafInstances(original, leafCandidates);
  }

  private state(down: ReadonlySet<string>): State {
    const known = this.bySet.get(down);
    if (known) return known;
    const key = this.fingerprint(down);
    const same = this.states.get(key) ?? [];
    let s = same.find((x) => sameMembers(x.down, down));
    if (!s) {
      const sorted = [...down].sort();
      const leavesDown = new Set<string>();
      const rest: string[] = [];
      for (const id of sorted) {
        if (id.startsWith(UNBILLED_DATABASE)) continue;
        const enis = this.leaves.get(id);
        if (enis) for (const e of enis) leavesDown.add(e);
        else rest.push(id);
      }
      const netKey = rest.join(',');
      let network = this.networks.get(netKey);
      if (!network) {
        network = { cloud: rest.length === 0 ? this.original : withoutResources(this.original, rest), verdicts: new Map() };
        this.networks.set(netKey, network);
      }
      s = { network, leavesDown, down };
      same.push(s);
      this.states.set(key, same);
    }
    this.bySet.set(down, s);
    return s;
  }

  /** The set's size and two sums of its members' hashes: the same for the same members in any order, so no set is sorted to be found again. */
  private fingerprint(down: ReadonlySet<string>): string {
    let a = 0;
    let b = 0;
    for (const id of down) {
      let h = this.idHashes.get(id);
      if (!h) this.idHashes.set(id, (h = [fnv(id, 0x811c9dc5), fnv(id, 0x01000193)]));
      a = (a + h[0]) | 0;
      b = (b + h[1]) | 0;
    }
    return `${down.size}:${a}:${b}`;
  }

  /** Can a request from `from` reach `to` on the port, and its reply get back, with these resources down? */
  verdict(down: ReadonlySet<string>, from: EndRef, to: EndRef, protocol: Protocol, port: number): FlowVerdict {
    const s = this.state(down);
    // An end on a leaf out of service is down, as its deleted interface would be; checked in the trace's order.
    if (s.leavesDown.size) {
      if (from.kind === 'interface' && s.leavesDown.has(from.eniId)) return { reachable: false, reason: `${from.name} is down` };
      if (from.kind !== 'service' && to.kind === 'interface' && s.leavesDown.has(to.eniId) && (from.kind !== 'interface' || s.network.cloud.interfaces.has(from.eniId))) {
        return { reachable: false, reason: `${to.name} is down` };
      }
    }
    const n = s.network;
    let byTo = n.verdicts.get(from.name);
    if (!byTo) n.verdicts.set(from.name, (byTo = new Map()));
    let byPort = byTo.get(to.name);
    if (!byPort) byTo.set(to.name, (byPort = new Map()));
    const key = protocol === 'udp' ? -1 - port : port;
    let v = byPort.get(key);
    if (!v) {
      v = this.trace(n, from, to, protocol, port);
      byPort.set(key, v);
    }
    return v;
  }

  /** What the resources in service cost per hour (the cost estimate's prices; resources down are not billed). */
  hourlyUsd(down: ReadonlySet<string>): number {
    const s = this.state(down);
    if (s.hourlyUsd === undefined) {
      // The set's own cloud (leaves out of service are not billed), then without the unbilled.
      // A lost database (its region or zone down, no failover) is not billed while it is lost,
      // as instances are not; one failing over or rebooting still is.
      const gone = [...[...s.down].map((id) => (id.startsWith(UNBILLED_DATABASE) ? id.slice(UNBILLED_DATABASE.length) : id)), ...this.unbilled];
      const billed = gone.length ? withoutResources(this.original, gone) : this.original;
      const estimate = estimateCost({ cloud: billed, instanceTypes: this.instanceTypes });
      // From the lines' quantities and prices, not their rounded totals.
      s.hourlyUsd = estimate.lines.reduce((n, l) => n + l.quantity * perHour(l.price), 0);
      s.unpriced = estimate.unpriced;
    }
    return s.hourlyUsd;
  }

  /** What the cost estimate cannot price, with everything in service (left out of the cost). */
  unpriced(): { resource: string; reason: string }[] {
    this.hourlyUsd(new Set());
    return this.state(new Set()).unpriced ?? [];
  }

  private trace(s: Network, from: EndRef, to: EndRef, protocol: Protocol, port: number): FlowVerdict {
    const a = this.find(s.cloud, from);
    if ('down' in a) return { reachable: false, reason: a.down };
    const b = this.find(s.cloud, to);
    if ('down' in b) return { reachable: false, reason: b.down };
    // Not a brief walker: a drop keeps its sentence, which the timeline shows.
    s.walker ??= new Walker(s.cloud);
    const answer = answerFlow(s.cloud, { from: a, to: b, protocol, ports: IntervalSet.point(port) }, s.walker, { brief: true });
    return answer.reachable ? { reachable: true } : { reachable: false, reason: answer.explanation };
  }

  private find(cloud: Cloud, end: EndRef): ResolvedEndpoint | { down: string } {
    if (end.kind === 'service') throw new Error(`a service end (${end.name}) is routed by its participant, never traced`);
    if (end.kind === 'internet') return { kind: 'internet', addresses: end.addresses ?? internetAddresses(cloud), name: end.name };
    const eni = cloud.interfaces.get(end.eniId);
    if (!eni) return { down: `${end.name} is down` };
    return { kind: 'interface', eni, name: end.name, ...(end.only ? { only: end.only } : {}) };
  }
}

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of b) if (!a.has(id)) return false;
  return true;
}

/** FNV-1a of a text from a basis. */
function fnv(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
