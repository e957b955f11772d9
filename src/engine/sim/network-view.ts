import type { Cloud } from '../cloud.js';
import { estimateCost } from '../cost/estimate.js';
import { perHour } from '../cost/prices.js';
import { IntervalSet } from '../intervals.js';
import { internetAddresses, type ResolvedEndpoint } from '../reach/endpoints.js';
import { answerFlow } from '../reach/trace.js';
import { Walker } from '../reach/walker.js';
import { withoutResources } from './copy-cloud.js';
import type { Protocol } from './scenario.js';

/** One end of a traffic flow, resolved once on the loaded cloud and found again in each state. */
/** In a set of what is down: a database that is lost, so not billed (its id after the prefix). */
export const UNBILLED_DATABASE = 'unbilled-database:';

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

interface State {
  cloud: Cloud;
  walker?: Walker;
  verdicts: Map<string, FlowVerdict>;
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
  private readonly states = new Map<string, State>();
  /** The state of each set already asked about: the sets are not changed once made, and sorting a large one on every question is the cost. */
  private readonly bySet = new WeakMap<ReadonlySet<string>, State>();

  constructor(
    readonly original: Cloud,
    private readonly instanceTypes: ReadonlyMap<string, string>,
    /** Resources that are not billed (the probe instances that stand for subnet ends). */
    private readonly unbilled: ReadonlySet<string> = new Set(),
  ) {}

  private state(down: ReadonlySet<string>): State {
    const known = this.bySet.get(down);
    if (known) return known;
    const key = [...down].sort().join(',');
    let s = this.states.get(key);
    if (!s) {
      s = { cloud: down.size === 0 ? this.original : withoutResources(this.original, down), verdicts: new Map() };
      this.states.set(key, s);
    }
    this.bySet.set(down, s);
    return s;
  }

  /** The cloud with these resources out of service (the loaded one when nothing is). */
  cloud(down: ReadonlySet<string>): Cloud {
    return this.state(down).cloud;
  }

  /** Can a request from `from` reach `to` on the port, and its reply get back, with these resources down? */
  verdict(down: ReadonlySet<string>, from: EndRef, to: EndRef, protocol: Protocol, port: number): FlowVerdict {
    const s = this.state(down);
    const key = `${from.name}|${to.name}|${protocol}|${port}`;
    let v = s.verdicts.get(key);
    if (!v) {
      v = this.trace(s, from, to, protocol, port);
      s.verdicts.set(key, v);
    }
    return v;
  }

  /** What the resources in service cost per hour (the cost estimate's prices; resources down are not billed). */
  hourlyUsd(down: ReadonlySet<string>): number {
    const s = this.state(down);
    if (s.hourlyUsd === undefined) {
      // A lost database (its region or zone down, no failover) is not billed while it is lost,
      // as instances are not; one failing over or rebooting still is.
      const dbsLost = [...down].filter((id) => id.startsWith(UNBILLED_DATABASE)).map((id) => id.slice(UNBILLED_DATABASE.length));
      const unbilled = dbsLost.length ? [...this.unbilled, ...dbsLost] : [...this.unbilled];
      const billed = unbilled.length ? withoutResources(s.cloud, unbilled) : s.cloud;
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

  private trace(s: State, from: EndRef, to: EndRef, protocol: Protocol, port: number): FlowVerdict {
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
