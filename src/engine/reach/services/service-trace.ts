import type { Cloud } from '../../cloud.js';
import { IntervalSet } from '../../intervals.js';
import type { ResolvedEndpoint } from '../endpoints.js';
import type { FlowProtocol } from '../packet.js';
import { FlowSet } from '../space.js';
import { DEFAULT_CLIENT_PORTS, type FlowAnswer } from '../trace.js';
import { Walker } from '../walker.js';
import { distributionLeg } from './cloudfront-leg.js';
import { databaseLeg } from './database-leg.js';
import { dnsLeg } from './dns-leg.js';
import type { ServiceEnd } from './ends.js';
import { type Chain, type LegContext, legChain, type MemberVerdict, serviceStop, stopped, type TargetVerdict, vpcLeg } from './legs.js';
import { loadBalancerLeg } from './load-balancer-leg.js';
import type { NextEnd } from './targets.js';

/**
 * A trace whose end is above the VPC: the legs composed, each network leg walked by the
 * VPC walker, the service hops between them. An auto scaling group end is each of its
 * instances: reachable only when every instance is (a group serves as one; an instance it
 * cannot serve is a fault to show). A group as the source: each instance asks, and the
 * answer is reachable only when every instance gets through.
 */

export interface ServiceAnswer extends FlowAnswer {
  /** The service end asked about. */
  service: { kind: ServiceEnd['kind'] | 'interface'; name: string };
  /** Every target of the load balancer the path ends at, with its verdict. */
  targets?: TargetVerdict[];
  /** The members of a composite end (group instances, origin-group origins, weighted answers) with theirs. */
  members?: MemberVerdict[];
}

export type FromEnd = ResolvedEndpoint | Extract<ServiceEnd, { kind: 'group' }>;

export interface ServiceQuestion {
  from: FromEnd;
  to: NextEnd;
  protocol: FlowProtocol;
  port: number;
  clientPorts?: IntervalSet;
}

/** The path from `from` to any end: a service, or a network interface (walked as today). */
export function chainTo(ctx: LegContext, from: ResolvedEndpoint, to: NextEnd, port: number): Chain {
  const next = (f: ResolvedEndpoint, t: NextEnd, p: number): Chain => chainTo({ ...ctx, clientPorts: DEFAULT_CLIENT_PORTS }, f, t, p);
  switch (to.kind) {
    case 'load-balancer':
      return loadBalancerLeg(ctx, to.lb, from, port, to.name);
    case 'database':
      return databaseLeg(ctx, to.db, from, port, to.name);
    case 'distribution':
      return distributionLeg(ctx, to.distribution, from, port, to.name, next);
    case 'dns':
      return dnsLeg(ctx, to.dnsName, from, port, to.name, next);
    case 'group':
      return groupLeg(ctx, from, to, port);
    case 'interface':
    case 'internet':
      if (from.kind === 'internet' && to.kind === 'internet') {
        return stopped([], serviceStop(`${from.name} → ${to.name}`, { component: 'internet', id: 'internet', detail: `${to.name} is on the internet` }, { code: 'AddressOutside', address: to.name }), 0);
      }
      return legChain(vpcLeg(ctx, from, to, port, `${from.name} → ${to.name}`));
  }
}

function groupLeg(ctx: LegContext, from: ResolvedEndpoint, g: Extract<ServiceEnd, { kind: 'group' }>, port: number): Chain {
  if (g.members.length === 0) {
    return { reachable: false, hops: [], outcomes: 0, explanation: `${g.name} has no instances (desired capacity 0).`, members: [] };
  }
  const chains = g.members.map((m) => ({ m, c: chainTo(ctx, from, { kind: 'interface', eni: m.eni, name: m.name }, port) }));
  return allOf(chains, `${from.name} → ${g.name}`, `instance${g.members.length === 1 ? '' : 's'} of ${g.name}`);
}

function allOf(chains: { m: { name: string }; c: Chain }[], _label: string, what: string): Chain {
  const ok = chains.filter((x) => x.c.reachable);
  const members: MemberVerdict[] = chains.map(({ m, c }) => ({ name: m.name, reachable: c.reachable, ...(c.reachable ? {} : { reason: c.explanation }) }));
  const shown = chains.find((x) => !x.c.reachable) ?? chains[0];
  const outcomes = chains.reduce((n, x) => n + x.c.outcomes, 0);
  const count = `${ok.length} of ${chains.length} ${what} get${chains.length === 1 ? 's' : ''} through`;
  if (ok.length === chains.length) return { ...shown.c, outcomes, members, explanation: `${count}. ${shown.c.explanation}` };
  return { ...shown.c, reachable: false, outcomes, members, explanation: `${count}; ${shown.m.name}: ${shown.c.explanation}` };
}

function toAnswer(chain: Chain, port: number, service: ServiceAnswer['service']): ServiceAnswer {
  const first = chain.first;
  return {
    reachable: chain.reachable,
    path: chain.hops,
    drop: chain.reachable ? undefined : chain.drop,
    explanation: chain.explanation,
    addresses: chain.reachable ? first?.addresses : undefined,
    addressSet: chain.reachable ? first?.addressSet : undefined,
    addressDomain: first?.addressDomain,
    ports: chain.reachable ? IntervalSet.point(port) : IntervalSet.EMPTY,
    clientPorts: chain.reachable && first ? first.clientPorts : IntervalSet.EMPTY,
    outcomes: chain.outcomes,
    flows: chain.reachable && first ? first.flows : FlowSet.EMPTY,
    service,
    ...(chain.targets ? { targets: chain.targets } : {}),
    ...(chain.members ? { members: chain.members } : {}),
  };
}

/** Answers a question whose end is a service (or whose source is a group), as AWS takes the flow. */
export function answerServiceFlow(cloud: Cloud, q: ServiceQuestion, walker = new Walker(cloud)): ServiceAnswer {
  const ctx: LegContext = { cloud, walker, protocol: q.protocol, clientPorts: q.clientPorts ?? DEFAULT_CLIENT_PORTS };
  const service = { kind: q.to.kind === 'internet' ? ('interface' as const) : q.to.kind, name: q.to.name };
  if (q.from.kind === 'group') {
    const g = q.from;
    if (g.members.length === 0) return toAnswer({ reachable: false, hops: [], outcomes: 0, explanation: `${g.name} has no instances (desired capacity 0).` }, q.port, service);
    const chains = g.members.map((m) => ({ m, c: chainTo(ctx, { kind: 'interface', eni: m.eni, name: m.name }, q.to, q.port) }));
    return toAnswer(allOf(chains, g.name, `instance${g.members.length === 1 ? '' : 's'} of ${g.name}`), q.port, service);
  }
  return toAnswer(chainTo(ctx, q.from, q.to, q.port), q.port, service);
}
