import { IntervalSet } from '../src/engine/intervals.js';
import { describeSources } from '../src/engine/reach/describe-sets.js';
import { ArrivalScreen } from '../src/engine/reach/arrival-screen.js';
import { answerFlow } from '../src/engine/reach/trace.js';
import { instanceClasses } from './classes.js';
import { ask, ends, evidence, protocolOf } from './flow-helpers.js';
import { addressSet, describeSelector, emptySelection, type NamedEnd } from './selectors.js';
import { CheckArgumentError, type CheckContext, type CheckKind, type CheckOutcome } from './types.js';

const sameEni = (a: NamedEnd, b: NamedEnd): boolean => a.endpoint.kind === 'interface' && b.endpoint.kind === 'interface' && a.endpoint.eni.id === b.endpoint.eni.id;

/**
 * "Only these sources reach the port" means no one else does: it passes when nothing but the
 * named sources gets through, whether or not they do themselves (a `reachable` check says
 * that). Sources are internet blocks or a role; `others` says who "someone else" is: every
 * internet address and every other instance (`all`, the default), or only the internet.
 */
export const onlyFrom: CheckKind = {
  kind: 'only-from',
  description: 'no source but the given ones reaches `to` on the port (whether the given ones do is another check)',
  args: { to: 'selector', port: 'port', sources: '"198.51.100.7/32" (internet blocks) or a role selector', 'protocol?': 'tcp (default)', 'others?': 'all (default: the internet and every other instance) or internet' },
  run(ctx, args): CheckOutcome {
    const protocol = protocolOf(args);
    const port = Number(args.port);
    if (!Number.isInteger(port)) throw new CheckArgumentError('only-from needs a port');
    const others = String(args.others ?? 'all');
    if (others !== 'all' && others !== 'internet') throw new CheckArgumentError(`others is all or internet, not "${others}"`);
    const targets = ends(ctx, args.to);
    if (targets.length === 0) return { passed: false, detail: emptySelection(args.to) };
    const sources = String(args.sources ?? '');
    const roleSources = sources.startsWith('role:') || sources.startsWith('id:') || sources.startsWith('vpc-role:');
    const allowedNames = roleSources ? new Set(ends(ctx, sources).map((e) => e.name)) : new Set<string>();
    if (roleSources && allowedNames.size === 0) return { passed: false, detail: emptySelection(sources) };
    const internet = ends(ctx, 'internet')[0];
    const domain = internet.endpoint.kind === 'internet' ? internet.endpoint.addresses : IntervalSet.EMPTY;
    const allowedNet = roleSources ? IntervalSet.EMPTY : addressSet(sources).intersect(domain);
    const named = roleSources ? describeSelector(sources) : sources;
    const p = IntervalSet.point(port);
    const checkOthers = roleSources || others === 'all';
    // Who else could reach a target: one member per class, never an allowed source, chosen
    // once for every target; most are ruled out by the target's groups without a walk.
    const screen = new ArrivalScreen(ctx.walker, protocol, p);
    const pools = instanceClasses(ctx.cloud, ctx.walker).map((c) => c.members.filter((m) => !allowedNames.has(m.name)));
    for (const t of representatives(ctx, targets)) {
      const eni = t.endpoint.kind === 'interface' ? t.endpoint.eni : undefined;
      const fromNet = eni && !screen.mayArriveFrom(domain, eni) ? undefined : ask(ctx, internet, t, protocol, p);
      const extra = fromNet?.reachable ? fromNet.addressSet!.subtract(allowedNet) : IntervalSet.EMPTY;
      if (!extra.isEmpty) {
        const ip = extra.min!;
        const one = answerFlow(ctx.cloud, { from: { kind: 'internet', addresses: IntervalSet.point(ip), name: 'internet' }, to: t.endpoint, protocol, ports: p }, ctx.walker);
        return {
          passed: false,
          detail: `${t.name} is reachable on port ${port} from ${describeSources(extra, domain)}; only ${named} should be`,
          evidence: evidence({ name: 'the internet', endpoint: { kind: 'internet', addresses: IntervalSet.point(ip), name: 'internet' } }, t, protocol, port, one),
        };
      }
      if (!checkOthers) continue;
      for (const pool of pools) {
        const s = pool.find((m) => !sameEni(m, t));
        if (!s) continue;
        if (eni && s.endpoint.kind === 'interface' && !screen.mayArrive(s.endpoint.eni, eni)) continue;
        const a = ask(ctx, s, t, protocol, p);
        if (a.reachable) return { passed: false, detail: `${s.name} reaches ${t.name} on port ${port}, but only ${named} should`, evidence: evidence(s, t, protocol, port, a) };
      }
    }
    return { passed: true, detail: `nothing but ${named} reaches ${describeSelector(args.to)} on port ${port}` };
  },
};

/** One target per class (the rest answer the same), in name order. */
function representatives(ctx: CheckContext, targets: NamedEnd[]): NamedEnd[] {
  const wanted = new Set(targets.map((t) => t.name));
  const out: NamedEnd[] = [];
  for (const c of instanceClasses(ctx.cloud, ctx.walker)) {
    const inClass = c.members.filter((m) => wanted.has(m.name));
    // Two targets of one class could still differ in who is "someone else" to them (each
    // other), so classes with more than one target keep a second representative.
    out.push(...inClass.slice(0, 2));
  }
  return out.length ? out : targets;
}
