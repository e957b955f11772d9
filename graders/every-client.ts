import { IntervalSet } from '../src/engine/intervals.js';
import { describePorts, describeSources } from '../src/engine/reach/describe-sets.js';
import { FlowSet } from '../src/engine/reach/space.js';
import { answerFlow } from '../src/engine/reach/trace.js';
import { evidence, pairs, protocolOf, what } from './flow-helpers.js';
import { addressSet, describeSelector, portSet } from './selectors.js';
import { CheckArgumentError, type CheckKind, type CheckOutcome } from './types.js';

const NAT_PORTS = IntervalSet.of(1024, 65535);

/**
 * A flow works for every client, not just some: every client port of the range gets the
 * request there and the reply back (whatever source port a NAT gateway picks on the way), and
 * when an end is the internet, every internet address but the excluded blocks does. A
 * network ACL that lets replies out only to 32768-65535 fails it; `reachable` would pass.
 */
export const everyClient: CheckKind = {
  kind: 'every-client',
  description: 'every client port of the range (and every internet address not excluded) gets the request there and the reply back',
  args: { from: 'selector', to: 'selector', port: 'port', 'protocol?': 'tcp (default) or udp', 'clientPorts?': '"1024-65535" (default)', 'except?': 'internet blocks left out, "203.0.113.0/24"' },
  run(ctx, args): CheckOutcome {
    const protocol = protocolOf(args);
    if (protocol !== 'tcp' && protocol !== 'udp') throw new CheckArgumentError('every-client is about client ports: protocol tcp or udp');
    const port = Number(args.port);
    if (!Number.isInteger(port)) throw new CheckArgumentError('every-client needs a port');
    const clientPorts = args.clientPorts === undefined ? IntervalSet.of(1024, 65535) : portSet(args.clientPorts, 'clientPorts');
    const except = args.except === undefined ? IntervalSet.EMPTY : addressSet(args.except);
    const ps = pairs(ctx, args);
    if (ps.missing) return { passed: false, detail: ps.missing };
    const p = IntervalSet.point(port);
    for (const [f, t] of ps.pairs) {
      const narrow = (e: typeof f) => (e.endpoint.kind === 'internet' ? { ...e, endpoint: { ...e.endpoint, addresses: e.endpoint.addresses.subtract(except) } } : e);
      const from = narrow(f);
      const to = narrow(t);
      const domain = from.endpoint.kind === 'internet' ? from.endpoint.addresses : to.endpoint.kind === 'internet' ? to.endpoint.addresses : IntervalSet.point(0);
      if (domain.isEmpty) continue;
      const a = answerFlow(ctx.cloud, { from: from.endpoint, to: to.endpoint, protocol, ports: p, clientPorts }, ctx.walker);
      let missing = FlowSet.of({ x: domain, p, c: clientPorts, n: NAT_PORTS });
      for (const b of a.flows.boxes) {
        missing = missing.exclude(b);
        if (missing.isEmpty) break;
      }
      if (missing.isEmpty) continue;
      const sample = missing.sample()!;
      const variable = from.endpoint.kind === 'internet' || to.endpoint.kind === 'internet';
      const lostAddresses = variable ? domain.subtract(a.flows.project('x')) : IntervalSet.EMPTY;
      const lostPorts = clientPorts.subtract(a.flows.project('c'));
      const parts: string[] = [];
      if (!a.reachable) parts.push(`${from.name} cannot reach ${to.name} on ${what(protocol, p)} at all: ${a.explanation}`);
      else {
        if (!lostAddresses.isEmpty) parts.push(`${describeSources(lostAddresses, domain)} get${lostAddresses.size === 1 ? 's' : ''} no answer`);
        if (!lostPorts.isEmpty) parts.push(`only client ports ${describePorts(clientPorts.subtract(lostPorts))} get the reply (not ${describePorts(lostPorts)})`);
        if (parts.length === 0) parts.push(`some clients get no answer (for example client port ${sample.c}${variable ? ` from ${describeSources(IntervalSet.point(sample.x), domain)}` : ''}${sample.n !== NAT_PORTS.min ? `, NAT port ${sample.n}` : ''})`);
      }
      const showFrom = variable && from.endpoint.kind === 'internet' ? { name: from.name, endpoint: { ...from.endpoint, addresses: IntervalSet.point(sample.x) } } : from;
      const showTo = variable && to.endpoint.kind === 'internet' ? { name: to.name, endpoint: { ...to.endpoint, addresses: IntervalSet.point(sample.x) } } : to;
      const one = answerFlow(ctx.cloud, { from: showFrom.endpoint, to: showTo.endpoint, protocol, ports: p, clientPorts: IntervalSet.point(sample.c) }, ctx.walker);
      return { passed: false, detail: `${from.name} → ${to.name} on ${what(protocol, p)}: ${parts.join('; ')}`, evidence: evidence(showFrom, showTo, protocol, port, one) };
    }
    return { passed: true, detail: `${describeSelector(args.from)} reaches ${describeSelector(args.to)} on ${what(protocol, p)} from every client port ${describePorts(clientPorts)}${except.isEmpty ? '' : ` (every address but ${String(args.except)})`}` };
  },
};
