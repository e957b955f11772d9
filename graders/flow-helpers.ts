import { IntervalSet } from '../src/engine/intervals.js';
import type { Hop } from '../src/engine/reach/hops.js';
import { constAddr, constPort, type Packet } from '../src/engine/reach/packet.js';
import { FlowSet } from '../src/engine/reach/space.js';
import type { Branch } from '../src/engine/reach/walker.js';
import { describePorts } from '../src/engine/reach/describe-sets.js';
import type { FlowProtocol } from '../src/engine/reach/packet.js';
import { answerFlow, type FlowAnswer } from '../src/engine/reach/trace.js';
import { classOfInterface } from './classes.js';
import { emptySelection, type NamedEnd, selectEnds } from './selectors.js';
import { CheckArgumentError, type CheckContext, type Evidence } from './types.js';

/** Helpers the reachability check kinds share: the protocol argument, the ends, one question. */
export function protocolOf(args: Record<string, unknown>): FlowProtocol {
  const p = String(args.protocol ?? 'tcp').toLowerCase();
  if (p === '-1') return 'all';
  if (p !== 'tcp' && p !== 'udp' && p !== 'icmp' && p !== 'all') throw new CheckArgumentError(`protocol is tcp, udp, icmp or all, not "${p}"`);
  return p;
}

export function ends(ctx: CheckContext, selector: unknown): NamedEnd[] {
  return selectEnds(ctx.cloud, selector, ctx.walker.internet);
}

export function ask(ctx: CheckContext, from: NamedEnd, to: NamedEnd, protocol: FlowProtocol, ports: IntervalSet): FlowAnswer {
  return answerFlow(ctx.cloud, { from: from.endpoint, to: to.endpoint, protocol, ports }, ctx.walker);
}

export function evidence(from: NamedEnd, to: NamedEnd, protocol: FlowProtocol, port: number | undefined, a: FlowAnswer): Evidence {
  return { trace: { from: from.name, to: to.name, protocol, port, path: a.path, drop: a.drop, explanation: a.explanation } };
}

export const what = (protocol: FlowProtocol, ports: IntervalSet): string =>
  protocol === 'all' ? 'any traffic' : protocol === 'icmp' ? 'ping' : `${protocol} ${ports.size > 1 ? 'ports' : 'port'} ${describePorts(ports)}`;

export function pairs(ctx: CheckContext, args: Record<string, unknown>): { pairs: [NamedEnd, NamedEnd][]; missing?: string } {
  const from = ends(ctx, args.from);
  const to = ends(ctx, args.to);
  if (from.length === 0) return { pairs: [], missing: emptySelection(args.from) };
  if (to.length === 0) return { pairs: [], missing: emptySelection(args.to) };
  // Instances of one class answer alike: one pair per pair of classes (two members each, so
  // a pair of distinct instances exists even within one class).
  const cls = classOfInterface(ctx.cloud, ctx.walker);
  const keyOf = (e: NamedEnd): string => (e.endpoint.kind === 'interface' ? (cls.get(e.endpoint.eni.id) ?? e.name) : `internet:${e.name}`);
  const group = (list: NamedEnd[]): NamedEnd[][] => {
    const m = new Map<string, NamedEnd[]>();
    for (const e of list) {
      const g = m.get(keyOf(e)) ?? [];
      if (g.length < 2) g.push(e);
      m.set(keyOf(e), g);
    }
    return [...m.values()];
  };
  const out: [NamedEnd, NamedEnd][] = [];
  const same = (f: NamedEnd, t: NamedEnd): boolean => f.endpoint.kind === 'interface' && t.endpoint.kind === 'interface' && f.endpoint.eni.id === t.endpoint.eni.id;
  for (const fg of group(from)) {
    for (const tg of group(to)) {
      const pair = fg.flatMap((f) => tg.map((t) => [f, t] as [NamedEnd, NamedEnd])).find(([f, t]) => !same(f, t));
      if (pair) out.push(pair);
    }
  }
  return { pairs: out };
}


/**
 * Whether the request alone arrives at `to` (the reply is not followed): a hostile packet that
 * reaches the server is a packet that reached it, even when its reply is dropped on the way
 * out. Returns the path of the first request that arrives.
 */
export function requestArrives(ctx: CheckContext, from: NamedEnd, to: NamedEnd, protocol: FlowProtocol, ports: IntervalSet): { arrives: boolean; hops: Hop[]; addresses?: IntervalSet; ports: IntervalSet } {
  if (to.endpoint.kind !== 'interface') throw new CheckArgumentError('a request-only question needs an instance as its destination');
  const eni = to.endpoint.eni;
  const dsts: number[] = [];
  if (from.endpoint.kind === 'interface') dsts.push(eni.privateIp);
  if (eni.publicIp !== undefined) dsts.push(eni.publicIp);
  const ported = protocol === 'tcp' || protocol === 'udp';
  const xDomain = from.endpoint.kind === 'internet' ? from.endpoint.addresses : IntervalSet.point(0);
  let addresses = IntervalSet.EMPTY;
  let got = IntervalSet.EMPTY;
  let first: Hop[] | undefined;
  for (const dst of dsts) {
    const flows = FlowSet.of({ x: xDomain, p: protocol === 'all' ? IntervalSet.point(0) : ports, c: ported ? IntervalSet.of(1024, 65535) : IntervalSet.point(0), n: IntervalSet.of(1024, 65535) });
    const packet: Packet = {
      protocol,
      src: from.endpoint.kind === 'interface' ? constAddr(from.endpoint.eni.privateIp) : { kind: 'x' },
      dst: constAddr(dst),
      srcPort: ported ? { kind: 'var', dim: 'c' } : constPort(0),
      dstPort: ported || protocol === 'icmp' ? { kind: 'var', dim: 'p' } : constPort(0),
    };
    const branch: Branch = { hops: [], flows, packet, mode: 'request', ttl: 16 };
    const outs = from.endpoint.kind === 'interface' ? ctx.walker.fromInterface(branch, from.endpoint.eni) : [ctx.walker.fromInternet(branch)];
    for (const o of outs) {
      if (o.kind !== 'delivered' || o.at.kind !== 'interface' || o.at.eni.id !== eni.id) continue;
      first ??= o.branch.hops;
      addresses = addresses.union(o.branch.flows.project('x'));
      got = got.union(o.branch.flows.project('p'));
    }
  }
  return { arrives: first !== undefined, hops: first ?? [], addresses: from.endpoint.kind === 'internet' ? addresses : undefined, ports: got };
}
