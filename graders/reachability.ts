import { IntervalSet } from '../src/engine/intervals.js';
import { describePorts, describeSources } from '../src/engine/reach/describe-sets.js';
import type { FlowProtocol } from '../src/engine/reach/packet.js';
import { answerFlow, type FlowAnswer } from '../src/engine/reach/trace.js';
import { addressSet, describeSelector, emptySelection, type NamedEnd, portSet, selectEnds } from './selectors.js';
import { CheckArgumentError, type CheckContext, type CheckKind, type CheckOutcome, type Evidence } from './types.js';

function protocolOf(args: Record<string, unknown>): FlowProtocol {
  const p = String(args.protocol ?? 'tcp').toLowerCase();
  if (p === '-1') return 'all';
  if (p !== 'tcp' && p !== 'udp' && p !== 'icmp' && p !== 'all') throw new CheckArgumentError(`protocol is tcp, udp, icmp or all, not "${p}"`);
  return p;
}

function ends(ctx: CheckContext, selector: unknown): NamedEnd[] {
  return selectEnds(ctx.cloud, selector, ctx.walker.internet);
}

function ask(ctx: CheckContext, from: NamedEnd, to: NamedEnd, protocol: FlowProtocol, ports: IntervalSet): FlowAnswer {
  return answerFlow(ctx.cloud, { from: from.endpoint, to: to.endpoint, protocol, ports }, ctx.walker);
}

function evidence(from: NamedEnd, to: NamedEnd, protocol: FlowProtocol, port: number | undefined, a: FlowAnswer): Evidence {
  return { trace: { from: from.name, to: to.name, protocol, port, path: a.path, drop: a.drop, explanation: a.explanation } };
}

const what = (protocol: FlowProtocol, ports: IntervalSet): string =>
  protocol === 'all' ? 'any traffic' : protocol === 'icmp' ? 'ping' : `${protocol} ${ports.size > 1 ? 'ports' : 'port'} ${describePorts(ports)}`;

function pairs(ctx: CheckContext, args: Record<string, unknown>): { pairs: [NamedEnd, NamedEnd][]; missing?: string } {
  const from = ends(ctx, args.from);
  const to = ends(ctx, args.to);
  if (from.length === 0) return { pairs: [], missing: emptySelection(args.from) };
  if (to.length === 0) return { pairs: [], missing: emptySelection(args.to) };
  const out: [NamedEnd, NamedEnd][] = [];
  for (const f of from) for (const t of to) if (!(f.endpoint.kind === 'interface' && t.endpoint.kind === 'interface' && f.endpoint.eni.id === t.endpoint.eni.id)) out.push([f, t]);
  return { pairs: out };
}

export const reachable: CheckKind = {
  kind: 'reachable',
  description: 'every from → to pair gets the request there and the reply back',
  args: { from: 'selector', to: 'selector', port: 'port (the ICMP type for icmp)', 'protocol?': 'tcp (default), udp, icmp, all' },
  run(ctx, args): CheckOutcome {
    const protocol = protocolOf(args);
    const port = protocol === 'icmp' ? Number(args.port ?? 8) : protocol === 'all' ? 0 : Number(args.port);
    if (!Number.isInteger(port)) throw new CheckArgumentError('reachable needs a port');
    const ps = pairs(ctx, args);
    if (ps.missing) return { passed: false, detail: ps.missing };
    for (const [f, t] of ps.pairs) {
      const a = ask(ctx, f, t, protocol, IntervalSet.point(port));
      if (!a.reachable) return { passed: false, detail: `${f.name} cannot reach ${t.name} on ${what(protocol, IntervalSet.point(port))}: ${a.explanation}`, evidence: evidence(f, t, protocol, port, a) };
    }
    const [f, t] = ps.pairs[0];
    return { passed: true, detail: `${describeSelector(args.from)} reaches ${describeSelector(args.to)} on ${what(protocol, IntervalSet.point(port))}`, evidence: evidence(f, t, protocol, port, ask(ctx, f, t, protocol, IntervalSet.point(port))) };
  },
};

export const notReachable: CheckKind = {
  kind: 'not-reachable',
  description: 'no from → to pair reaches on any of the ports',
  args: { from: 'selector', to: 'selector', 'port|ports': 'a port, or "0-65535", "22,3389"', 'protocol?': 'tcp (default), udp, icmp, all' },
  run(ctx, args): CheckOutcome {
    const asked = protocolOf(args);
    const ps = pairs(ctx, args);
    if (ps.missing) return { passed: false, detail: ps.missing };
    // "all" here means no traffic of any protocol: every tcp and udp port, ping, and all-traffic flows.
    const questions: [FlowProtocol, IntervalSet][] =
      asked === 'all'
        ? [['tcp', args.ports !== undefined || args.port !== undefined ? portSet(args.ports ?? args.port) : IntervalSet.of(0, 65535)], ['udp', args.ports !== undefined || args.port !== undefined ? portSet(args.ports ?? args.port) : IntervalSet.of(0, 65535)], ['icmp', IntervalSet.point(8)], ['all', IntervalSet.point(0)]]
        : [[asked, asked === 'icmp' ? IntervalSet.point(Number(args.port ?? 8)) : portSet(args.ports ?? args.port)]];
    for (const [f, t] of ps.pairs) for (const [protocol, ports] of questions) {
      const a = ask(ctx, f, t, protocol, ports);
      if (a.reachable) {
        const open = a.ports;
        return {
          passed: false,
          detail: `${f.name} reaches ${t.name} on ${what(protocol, open)}${a.addressSet && a.addressDomain && f.endpoint.kind === 'internet' ? ` (from ${describeSources(a.addressSet, a.addressDomain)})` : ''}`,
          evidence: evidence(f, t, protocol, open.min, answerFlow(ctx.cloud, { from: f.endpoint, to: t.endpoint, protocol, ports: IntervalSet.point(open.min!) }, ctx.walker)),
        };
      }
    }
    const [protocol, ports] = questions[0];
    return { passed: true, detail: `${describeSelector(args.from)} cannot reach ${describeSelector(args.to)} on ${asked === 'all' ? 'any protocol or port' : what(protocol, ports)}` };
  },
};

export const openPorts: CheckKind = {
  kind: 'open-ports',
  description: 'exactly these ports are reachable from → to, and no other',
  args: { from: 'selector', to: 'selector', ports: '"80,443"', 'protocol?': 'tcp (default) or udp' },
  run(ctx, args): CheckOutcome {
    const protocol = protocolOf(args);
    const want = portSet(args.ports);
    const ps = pairs(ctx, args);
    if (ps.missing) return { passed: false, detail: ps.missing };
    for (const [f, t] of ps.pairs) {
      const a = ask(ctx, f, t, protocol, IntervalSet.of(0, 65535));
      if (!a.ports.equals(want)) {
        const extra = a.ports.subtract(want);
        const missing = want.subtract(a.ports);
        const parts = [];
        if (!extra.isEmpty) parts.push(`also open: ${describePorts(extra)}`);
        if (!missing.isEmpty) parts.push(`not open: ${describePorts(missing)}`);
        const shown = !extra.isEmpty ? extra.min! : missing.min!;
        const one = ask(ctx, f, t, protocol, IntervalSet.point(shown));
        return { passed: false, detail: `${f.name} → ${t.name}: ${parts.join('; ')}`, evidence: evidence(f, t, protocol, shown, one) };
      }
    }
    return { passed: true, detail: `${describeSelector(args.from)} → ${describeSelector(args.to)}: exactly ${protocol} ${describePorts(want)} open` };
  },
};

export const onlyFrom: CheckKind = {
  kind: 'only-from',
  description: 'exactly the given sources reach `to` on the port, nothing else',
  args: { to: 'selector', port: 'port', sources: '"198.51.100.7/32" (internet sources) or a role selector', 'protocol?': 'tcp (default)' },
  run(ctx, args): CheckOutcome {
    const protocol = protocolOf(args);
    const port = Number(args.port);
    if (!Number.isInteger(port)) throw new CheckArgumentError('only-from needs a port');
    const targets = ends(ctx, args.to);
    if (targets.length === 0) return { passed: false, detail: emptySelection(args.to) };
    const sources = String(args.sources ?? '');
    const roleSources = sources.startsWith('role:') || sources.startsWith('id:');
    const internet = ends(ctx, 'internet')[0];
    for (const t of targets) {
      const fromNet = ask(ctx, internet, t, protocol, IntervalSet.point(port));
      if (roleSources) {
        if (fromNet.reachable) return { passed: false, detail: `the internet reaches ${t.name} on port ${port} (from ${describeSources(fromNet.addressSet!, fromNet.addressDomain!)}); only ${describeSelector(sources)} should`, evidence: evidence(internet, t, protocol, port, fromNet) };
        const allowed = new Set(ends(ctx, sources).map((e) => e.name));
        if (allowed.size === 0) return { passed: false, detail: emptySelection(sources) };
        for (const other of allInstances(ctx)) {
          if (other.endpoint.kind === 'interface' && t.endpoint.kind === 'interface' && other.endpoint.eni.id === t.endpoint.eni.id) continue;
          const a = ask(ctx, other, t, protocol, IntervalSet.point(port));
          if (allowed.has(other.name) && !a.reachable) return { passed: false, detail: `${other.name} (${describeSelector(sources)}) cannot reach ${t.name} on port ${port}: ${a.explanation}`, evidence: evidence(other, t, protocol, port, a) };
          if (!allowed.has(other.name) && a.reachable) return { passed: false, detail: `${other.name} reaches ${t.name} on port ${port}, but only ${describeSelector(sources)} should`, evidence: evidence(other, t, protocol, port, a) };
        }
        continue;
      }
      const want = addressSet(sources).intersect(internet.endpoint.kind === 'internet' ? internet.endpoint.addresses : IntervalSet.EMPTY);
      const got = fromNet.reachable ? addressSet(fromNet.addresses!) : IntervalSet.EMPTY;
      if (!got.equals(want)) {
        if (!want.subtract(got).isEmpty) {
          const missingIp = want.subtract(got).min!;
          const one = answerFlow(ctx.cloud, { from: { kind: 'internet', addresses: IntervalSet.point(missingIp), name: sources }, to: t.endpoint, protocol, ports: IntervalSet.point(port) }, ctx.walker);
          return { passed: false, detail: `${sources} cannot reach ${t.name} on port ${port}: ${one.explanation}`, evidence: evidence({ name: sources, endpoint: { kind: 'internet', addresses: IntervalSet.point(missingIp), name: sources } }, t, protocol, port, one) };
        }
        return { passed: false, detail: `${t.name} is reachable on port ${port} from more than ${sources}: from ${describeSources(fromNet.addressSet!, fromNet.addressDomain!)}`, evidence: evidence(internet, t, protocol, port, fromNet) };
      }
    }
    return { passed: true, detail: `only ${sources.startsWith('role:') ? describeSelector(sources) : sources} reaches ${describeSelector(args.to)} on port ${port}` };
  },
};

function allInstances(ctx: CheckContext): NamedEnd[] {
  return [...ctx.cloud.instances.values()].map((i) => ({
    name: i.logicalId ?? i.id,
    endpoint: { kind: 'interface' as const, eni: ctx.cloud.interfaces.get(i.networkInterfaceIds[0])!, name: i.logicalId ?? i.id },
  }));
}
