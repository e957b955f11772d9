import { IntervalSet } from '../src/engine/intervals.js';
import { describePorts, describeSources } from '../src/engine/reach/describe-sets.js';
import type { FlowProtocol } from '../src/engine/reach/packet.js';
import { answerFlow } from '../src/engine/reach/trace.js';
import { ask, evidence, pairs, protocolOf, requestArrives, what } from './flow-helpers.js';
import { describeSelector, type NamedEnd, portSet } from './selectors.js';
import { CheckArgumentError, type CheckContext, type CheckKind, type CheckOutcome } from './types.js';

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
  args: { from: 'selector', to: 'selector', 'port|ports': 'a port, or "0-65535", "22,3389"', 'protocol?': 'tcp (default), udp, icmp, all', 'requests?': 'true: not even the request may arrive (a reply dropped on the way out does not count)' },
  run(ctx, args): CheckOutcome {
    const asked = protocolOf(args);
    const ps = pairs(ctx, args);
    if (ps.missing) return { passed: false, detail: ps.missing };
    if (args.requests === true) return requestsOnly(ctx, args, ps.pairs, asked);
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


/** not-reachable with `requests: true`: no request gets to the destination, whatever happens to the reply. */
function requestsOnly(ctx: CheckContext, args: Record<string, unknown>, ps: [NamedEnd, NamedEnd][], protocol: FlowProtocol): CheckOutcome {
  const ports = protocol === 'icmp' ? IntervalSet.point(Number(args.port ?? 8)) : protocol === 'all' ? IntervalSet.point(0) : portSet(args.ports ?? args.port);
  for (const [f, t] of ps) {
    const r = requestArrives(ctx, f, t, protocol, ports);
    if (r.arrives) {
      const from = r.addresses && f.endpoint.kind === 'internet' ? ` (from ${describeSources(r.addresses, f.endpoint.addresses)})` : '';
      return {
        passed: false,
        detail: `requests from ${f.name}${from} arrive at ${t.name} on ${what(protocol, protocol === 'tcp' || protocol === 'udp' ? r.ports : ports)}; even if the replies are dropped on the way out, the packets got in`,
        evidence: { trace: { from: f.name, to: t.name, protocol, port: ports.min, path: r.hops, explanation: `The request arrives at ${t.name}.` } },
      };
    }
  }
  return { passed: true, detail: `no request from ${describeSelector(args.from)} arrives at ${describeSelector(args.to)} on ${what(protocol, ports)}` };
}
