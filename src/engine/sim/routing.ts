import type { EndRef, FlowVerdict, NetworkView } from './network-view.js';
import type { InterfaceLoad, Participant, SimContext } from './participant.js';
import type { PreparedEnd } from './prepare.js';
import type { Protocol } from './scenario.js';

/** A leg with its client known. */
interface Leg {
  from: EndRef;
  to: EndRef;
  port: number;
  protocol: Protocol;
}

/** One way an end's requests go, once every service on the way has routed them. */
interface FlowPath {
  share: number;
  legs: Leg[];
  /** What serves them: an interface or the internet; undefined when a route dropped them. */
  serve?: EndRef;
  /** Why a route dropped them. */
  dropped?: string;
}

/** A chain longer than this is a loop (a name answering itself through another service). */
const MAX_DEPTH = 8;

/**
 * Where each traffic end's requests go in the state now, as participants route them
 * (Participant.route), and how much of them is served: every leg of a way must be reachable,
 * and each interface's capacity is shared among everything that reaches it, in proportion to
 * what each way offers. A direct end (an instance, the internet) is one way of one leg.
 */
export class Routing {
  private paths: FlowPath[][] = [];
  private pathOk: boolean[][] = [];
  /** Each way's serveKey, made once per evaluation: serve runs at every change of rates. */
  private pathKeys: string[][] = [];
  private verdictsNow: FlowVerdict[] = [];
  private capacityByKey = new Map<string, number>();

  constructor(
    private readonly ends: readonly PreparedEnd[],
    private readonly participants: readonly Participant[],
    private readonly view: NetworkView,
  ) {}

  /** Routes every end again and traces its legs with these resources down. */
  evaluate(ctx: SimContext, down: ReadonlySet<string>): void {
    this.paths = this.ends.map((e) => this.expand(ctx, e.from, e.to, e.spec.port, e.spec.protocol, 1, [], 0));
    this.capacityByKey = new Map();
    this.pathKeys = this.paths.map((paths, i) => paths.map((p) => (p.serve ? serveKey(p.serve, i) : '')));
    this.pathOk = this.paths.map((paths, i) =>
      paths.map((p, k) => {
        if (!p.serve) return false;
        if (!p.legs.every((l) => this.view.verdict(down, l.from, l.to, l.protocol, l.port).reachable)) return false;
        const key = this.pathKeys[i][k];
        if (!this.capacityByKey.has(key)) this.capacityByKey.set(key, this.capacityOf(ctx, p.serve));
        return true;
      }),
    );
    this.verdictsNow = this.paths.map((paths, i) => {
      if (this.pathOk[i].some((ok) => ok)) return { reachable: true };
      // The reason of the largest way that fails: a route's own, or the first leg that drops it.
      let best: FlowPath | undefined;
      for (const p of paths) if (!best || p.share > best.share) best = p;
      return { reachable: false, reason: best ? this.reasonOf(down, best) : 'no way to the end' };
    });
  }

  /** Each end: reachable by at least one way, else why not. */
  verdicts(): FlowVerdict[] {
    return this.verdictsNow;
  }

  /** Each end: the requests a second it can serve now, the capacity of every distinct interface it reaches. */
  capacities(): number[] {
    return this.paths.map((paths, i) => {
      const keys = new Set<string>();
      paths.forEach((_, k) => {
        if (this.pathOk[i][k]) keys.add(this.pathKeys[i][k]);
      });
      let sum = 0;
      for (const key of keys) sum += this.capacityByKey.get(key)!;
      return keys.size ? sum : 0;
    });
  }

  /** Requests a second served per end at these rates, and what each interface was offered and served. */
  serve(rates: readonly number[]): { served: number[]; load: Map<string, InterfaceLoad> } {
    const offered = new Map<string, number>();
    this.paths.forEach((paths, i) =>
      paths.forEach((p, k) => {
        if (!this.pathOk[i][k]) return;
        const key = this.pathKeys[i][k];
        offered.set(key, (offered.get(key) ?? 0) + rates[i] * p.share);
      }),
    );
    const ratio = new Map<string, number>();
    const load = new Map<string, InterfaceLoad>();
    for (const [key, o] of offered) {
      const cap = this.capacityByKey.get(key)!;
      const r = o <= cap ? 1 : cap / o;
      ratio.set(key, r);
      if (key.startsWith('eni:')) load.set(key.slice(4), { offered: o, served: o * r });
    }
    const served = this.paths.map((paths, i) => {
      let s = 0;
      paths.forEach((p, k) => {
        if (this.pathOk[i][k]) s += rates[i] * p.share * ratio.get(this.pathKeys[i][k])!;
      });
      return Math.min(s, rates[i]);
    });
    return { served, load };
  }

  private expand(ctx: SimContext, client: EndRef, to: EndRef, port: number, protocol: Protocol, share: number, before: Leg[], depth: number): FlowPath[] {
    if (to.kind !== 'service') return [{ share, legs: [...before, { from: client, to, port, protocol }], serve: to }];
    if (depth >= MAX_DEPTH) return [{ share, legs: [], dropped: `${to.name} is routed through more than ${MAX_DEPTH} services: a loop` }];
    const owner = this.participants.find((p) => p.service === to.service && p.route);
    if (!owner) return [{ share, legs: [], dropped: `${to.name} has no participant that routes it` }];
    const route = owner.route!(ctx, to, port, protocol);
    const out: FlowPath[] = [];
    let routed = 0;
    for (const s of route.shares) {
      if (!(s.share > 0)) continue;
      routed += s.share;
      const legs = [...before, ...s.legs.map((l) => ({ from: l.from === 'client' ? client : l.from, to: l.to, port: l.port, protocol: l.protocol }))];
      if (s.to.kind === 'service') {
        const next = s.client === undefined || s.client === 'client' ? client : s.client;
        out.push(...this.expand(ctx, next, s.to, s.port, s.protocol, share * s.share, legs, depth + 1));
      } else {
        out.push({ share: share * s.share, legs, serve: s.to });
      }
    }
    if (routed < 1 - 1e-9) out.push({ share: share * (1 - routed), legs: [], dropped: route.dropped ?? `${to.name} routes no requests` });
    return out;
  }

  private reasonOf(down: ReadonlySet<string>, p: FlowPath): string {
    if (!p.serve) return p.dropped!;
    for (const l of p.legs) {
      const v = this.view.verdict(down, l.from, l.to, l.protocol, l.port);
      if (!v.reachable) return v.reason ?? `${l.to.name} is not reachable`;
    }
    return `${p.serve.name} serves nothing`;
  }

  private capacityOf(ctx: SimContext, to: EndRef): number {
    for (const p of this.participants) {
      const c = p.capacity?.(ctx, to);
      if (c !== undefined) return c;
    }
    return Infinity;
  }
}

/** Flows to the same interface share its capacity; the internet is never full, so each end's is its own. */
function serveKey(to: EndRef, end: number): string {
  return to.kind === 'interface' ? `eni:${to.eniId}` : `internet:${end}`;
}
