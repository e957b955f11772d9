import type { Cloud } from '../../cloud.js';
import { IntervalSet } from '../../intervals.js';
import type { ResolvedEndpoint } from '../endpoints.js';
import type { Drop, DropCause, Hop } from '../hops.js';
import type { FlowProtocol } from '../packet.js';
import { answerFlow, DEFAULT_CLIENT_PORTS, type FlowAnswer } from '../trace.js';
import type { Walker } from '../walker.js';
import { renderServiceDrop, type ServiceDropCause } from './drops.js';

/**
 * What every service leg shares: the question's context, a VPC leg (the existing walker
 * between two ends, its hops labelled with the leg), and a service hop that stops the flow.
 */
export interface LegContext {
  cloud: Cloud;
  walker: Walker;
  protocol: FlowProtocol;
  /** The client's ephemeral ports on the first leg; a service opens later legs from 1024-65535. */
  clientPorts: IntervalSet;
}

/** One target of a load balancer and whether the flow reaches it. */
export interface TargetVerdict {
  targetGroup: string;
  target: string;
  zone?: string;
  port?: number;
  reachable: boolean;
  /** The node that reaches it (its zone), when one does. */
  node?: string;
  /** Why not, when not. */
  reason?: string;
  cause?: DropCause;
}

/** One member of a composite end (an auto scaling group's instance, an origin group's origin, a weighted answer). */
export interface MemberVerdict {
  name: string;
  role?: string;
  reachable: boolean;
  reason?: string;
}

/** A composed path to one end: the hops shown, the first drop, what the client's own leg answered. */
export interface Chain {
  reachable: boolean;
  hops: Hop[];
  drop?: Drop;
  /** The client's first leg (to a node, an edge, an instance): its ports, addresses and flows. */
  first?: FlowAnswer;
  outcomes: number;
  /** One sentence when reachable. */
  explanation: string;
  targets?: TargetVerdict[];
  members?: MemberVerdict[];
}

export function vpcLeg(ctx: LegContext, from: ResolvedEndpoint, to: ResolvedEndpoint, port: number, leg: string, clientPorts = ctx.clientPorts): FlowAnswer {
  const a = answerFlow(ctx.cloud, { from, to, protocol: ctx.protocol, ports: IntervalSet.point(port), clientPorts }, ctx.walker);
  const path = a.path.map((h) => ({ ...h, leg }));
  return { ...a, path, drop: a.drop ? { ...a.drop, hop: { ...a.drop.hop, leg } } : undefined };
}

/** A later leg opened by a service (a load balancer node, CloudFront): from its ephemeral ports. */
export const SERVICE_CLIENT_PORTS = DEFAULT_CLIENT_PORTS;

export function serviceStop(leg: string, hop: Pick<Hop, 'component' | 'id' | 'logicalId' | 'detail'>, cause: ServiceDropCause): { hop: Hop; drop: Drop } {
  const h: Hop = { direction: 'request', action: 'drop', ...hop, cause, leg };
  return { hop: h, drop: { hop: h, cause, ...renderServiceDrop(cause) } };
}

export function serviceHop(leg: string, hop: Pick<Hop, 'component' | 'id' | 'logicalId' | 'detail'> & { action?: Hop['action'] }): Hop {
  return { direction: 'request', action: 'forward', ...hop, leg };
}

/** A chain that stops at a service hop after the hops so far. */
export function stopped(hops: Hop[], s: { hop: Hop; drop: Drop }, outcomes: number, first?: FlowAnswer): Chain {
  return { reachable: false, hops: [...hops, s.hop], drop: s.drop, outcomes, explanation: s.drop.reason, first };
}

/** A chain that is just one VPC leg. */
export function legChain(a: FlowAnswer, explanation?: string): Chain {
  return { reachable: a.reachable, hops: a.path, drop: a.drop, first: a, outcomes: a.outcomes, explanation: a.reachable ? explanation ?? a.explanation : a.explanation };
}

/** A hop placed at the end of a leg's request, before its reply. */
export function beforeReply(hops: Hop[], hop: Hop): Hop[] {
  const i = hops.findIndex((h) => h.direction === 'reply');
  return i < 0 ? [...hops, hop] : [...hops.slice(0, i), hop, ...hops.slice(i)];
}
