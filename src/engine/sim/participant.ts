import type { Cloud } from '../cloud.js';
import type { EndRef } from './network-view.js';
import type { DatabaseResult } from './result.js';
import type { ActionEvent, Protocol, ScenarioPath, Target } from './scenario.js';

/**
 * A participant is one service's behaviour over time. The simulation core owns the clock, the
 * traffic and the network; each service registers a participant that says which failure
 * targets and actions it understands, reacts to failures, recoveries, actions and its own
 * timers (health checks, scaling, failover), takes resources out of service or puts them back,
 * reports what it did on the timeline, and says how many requests a second an end it owns can
 * serve. EC2's participant (ec2-participant.ts) is the first; load balancing, auto scaling, RDS,
 * Route 53, CloudFront and Backup add theirs as they are modelled.
 *
 * Routing. A traffic end may be a service's end (EndRef kind `service`: a load balancer, a
 * distribution, a DNS name) instead of an interface. The participant that owns it finds it by
 * name (`resolveEnd`) and says where its requests go now (`route`): shares of them, each over
 * network legs (flows the network must carry, traced exactly as `trace` traces them) to a next
 * end. A next end that is an interface serves the requests (its owner's `capacity`); a next end
 * that is another service's end is routed again by its owner, so services chain: a DNS name
 * answers a distribution, the distribution forwards to a load balancer, the load balancer to
 * its targets. The core multiplies the shares along the chain, drops what a leg cannot carry,
 * shares each interface's capacity among everything that reaches it, and tells every
 * participant what each interface was offered and served (`load`). A route is asked again
 * whenever the state changes: after a failure, a recovery, an action, or a timer that called
 * `ctx.changed()` (or `setDown`).
 */

/** A flow the network must carry for a route: 'client' is whoever sent the request to the end being routed. */
export interface RouteLeg {
  from: EndRef | 'client';
  to: EndRef;
  port: number;
  protocol: Protocol;
}

/** One way part of an end's requests go. */
export interface RouteShare {
  /** The fraction of the end's requests that go this way; the shares of a route sum to at most 1. */
  share: number;
  /**
   * The legs crossed in order, each of which must be reachable (a request and its reply) for
   * the requests to arrive: for a load balancer, client → its node's interface on the listener
   * port, then the node's interface → the target on the target port. When `to` is an interface,
   * the last leg reaches it. None when the next end is found by name (a DNS answer).
   */
  legs: readonly RouteLeg[];
  /** Where the requests go: an interface that serves them, or another service's end, routed in turn. */
  to: EndRef;
  /** The port and protocol at `to` (for a service end, what its owner's route is asked with). */
  port: number;
  protocol: Protocol;
  /** For a service `to`: who its requests come from (an LB node's interface, a CloudFront edge on the internet); the same client by default. */
  client?: EndRef | 'client';
}

export interface Route {
  shares: readonly RouteShare[];
  /**
   * Why the rest of the requests (1 − the sum of the shares) is dropped: "web-alb has no
   * listener on port 443", "every target of WebTargets is draining". Required when the shares
   * sum to less than 1.
   */
  dropped?: string;
}

/** What an interface was offered and served, in requests a second, for the state now. */
export interface InterfaceLoad {
  offered: number;
  served: number;
}

/** One entry of the timeline: `at` in seconds, `what` happened (a stable code), to which `resource`. */
export interface SimEvent {
  at: number;
  what: string;
  resource: string;
  detail: string;
}

/** A failure or recovery of the scenario, as prepared: when, which, and what it stands for. */
export interface FailureAt {
  at: number;
  action: 'fail' | 'recover';
  claim: Claim;
}

/** A failure target a participant recognised: a key for it and what it stands for. */
export interface Claim {
  /** Stable across fail and recover of the same target ("az:us-east-1a"). */
  key: string;
  /** The resources this target takes down (ids of the loaded cloud). */
  resources: readonly string[];
  /** How the timeline names it: "zone us-east-1a", "instance Web (i-…)". */
  label: string;
  /** The `resource` of its timeline events: the region, the zone, the resource's logical id (or id). */
  resource: string;
}

export interface SimContext {
  /** Seconds since the start. */
  readonly now: number;
  /** The loaded submission; never changed. */
  readonly cloud: Cloud;
  /** Declares the resources this participant holds out of service now (the whole set, replacing the last one). */
  setDown(participant: Participant, resources: ReadonlySet<string>): void;
  /** Calls the participant's `timer` after so many seconds (at least 1) with the payload. */
  after(seconds: number, participant: Participant, payload: unknown): void;
  emit(what: string, resource: string, detail: string): void;
  /** Says that this participant's routes or capacities changed (in a timer), so the core asks again. */
  changed(): void;
  /** What every participant holds out of service now. */
  readonly down: ReadonlySet<string>;
  /** Is the resource held out of service by another participant than this one (an instance of a failed zone)? */
  heldByOthers(participant: Participant, id: string): boolean;
  /** Can `from` reach `to` on the port now, and the reply get back (the trace on the network as it is)? A health check asks this. */
  reaches(from: EndRef, to: EndRef, port: number, protocol: Protocol): boolean;
}

export interface Participant {
  /** The service, as messages name it: "EC2". */
  readonly service: string;
  /**
   * The resources a failure target stands for, if this participant owns it; undefined when it
   * does not. Throws SimError (with `path`) when the target is its kind but wrong (a zone the
   * submission does not use).
   */
  claim?(cloud: Cloud, target: Target, path: ScenarioPath): Claim | undefined;
  /**
   * True when this participant plays the action (promote, scale, restore, failover); validated
   * before the run. `failures` are the scenario's failures and recoveries with their claims, in
   * the order they are played, for an action that needs something lost before it (restore).
   */
  claimAction?(cloud: Cloud, event: ActionEvent, failures?: readonly FailureAt[]): boolean;
  start?(ctx: SimContext): void;
  /**
   * A failure or recovery that another participant owns (a region, a zone): what it holds
   * here goes down or comes back with it (a database in the zone, a backup job in the region).
   */
  witness?(ctx: SimContext, claim: Claim, action: 'fail' | 'recover'): void;
  fail?(ctx: SimContext, claim: Claim): void;
  recover?(ctx: SimContext, claim: Claim): void;
  act?(ctx: SimContext, event: ActionEvent): void;
  /** A timer it set fired. Nothing is evaluated again unless it calls `ctx.changed()` or `setDown`. */
  timer?(ctx: SimContext, payload: unknown): void;
  /**
   * Called whenever what is down changed (a failure, a recovery, a participant's setDown),
   * before routes are asked: a participant that watches other services' resources (health
   * checks) schedules its reactions here. It may call `after`, `emit` and `changed`.
   */
  observe?(ctx: SimContext): void;
  /** Requests a second an interface it owns can serve now (an instance: its type's capacity). */
  capacity?(ctx: SimContext, to: EndRef): number | undefined;
  /**
   * The service end a traffic end's text names, when this participant owns it (a load balancer
   * by logical id, name, ARN or DNS name); undefined when not. Asked before the network's own
   * ends. Throws SimError (with `path`) when it is this participant's but cannot be an end.
   */
  resolveEnd?(cloud: Cloud, text: string, path: ScenarioPath): EndRef | undefined;
  /** Where requests to a service end it owns go now (see "Routing" above). Pure: the same state gives the same route. */
  route?(ctx: SimContext, end: Extract<EndRef, { kind: 'service' }>, port: number, protocol: Protocol): Route;
  /**
   * What every interface that serves requests is offered and served now, by interface id;
   * called whenever rates or routes change. A participant that measures load (requests per
   * target, CPU) integrates it over time itself: it holds until the next call.
   */
  load?(ctx: SimContext, byInterface: ReadonlyMap<string, InterfaceLoad>): void;
  /**
   * What to report at the end of each interval, by group and name: EC2 gives
   * `{instances: {"us-east-1a": 2}}`; a load balancer would give its healthy targets, Route 53
   * what each name answers. Each group becomes a field of the interval's row.
   */
  sample?(ctx: SimContext): Record<string, Record<string, number | string>>;
  /** At the end of the run: the databases it plays, for the result's `databases`. */
  databases?(ctx: SimContext): DatabaseResult[];
}
