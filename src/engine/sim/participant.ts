import type { Cloud } from '../cloud.js';
import type { EndRef } from './network-view.js';
import type { DatabaseResult } from './result.js';
import type { ScenarioEvent, ScenarioPath, Target } from './scenario.js';

/**
 * A participant is one service's behaviour over time. The simulation core owns the clock, the
 * traffic and the network; each service registers a participant that says which failure
 * targets and actions it understands, reacts to failures, recoveries, actions and its own
 * timers (health checks, scaling, failover), takes resources out of service or puts them back,
 * reports what it did on the timeline, and says how many requests a second an end it owns can
 * serve. EC2's participant (ec2-participant.ts) is the first; load balancing, auto scaling, RDS,
 * Route 53, CloudFront and Backup add theirs as they are modelled.
 */

/** One entry of the timeline: `at` in seconds, `what` happened (a stable code), to which `resource`. */
export interface SimEvent {
  at: number;
  what: string;
  resource: string;
  detail: string;
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
  /** True when this participant plays the action (promote, scale); validated before the run. */
  claimAction?(cloud: Cloud, event: Extract<ScenarioEvent, { action: 'promote' | 'scale' }>): boolean;
  /**
   * The end a traffic spec names, when this participant owns it and the trace engine's own
   * ends do not cover it (a database by name or endpoint). Throws SimError when it is its kind but cannot be an end.
   */
  resolveEnd?(cloud: Cloud, text: string, path: ScenarioPath): EndRef | undefined;
  start?(ctx: SimContext): void;
  /**
   * A failure or recovery that another participant owns (a region, a zone): what it holds
   * here goes down or comes back with it (a database in the zone, a backup job in the region).
   */
  witness?(ctx: SimContext, claim: Claim, action: 'fail' | 'recover'): void;
  fail?(ctx: SimContext, claim: Claim): void;
  recover?(ctx: SimContext, claim: Claim): void;
  act?(ctx: SimContext, event: Extract<ScenarioEvent, { action: 'promote' | 'scale' }>): void;
  timer?(ctx: SimContext, payload: unknown): void;
  /** Requests a second the end can serve now, when this participant owns it (an instance, later a load balancer). */
  capacity?(ctx: SimContext, to: EndRef): number | undefined;
  /**
   * What to report at the end of each interval, by group and name: EC2 gives
   * `{instances: {"us-east-1a": 2}}`; a load balancer would give its healthy targets, Route 53
   * what each name answers. Each group becomes a field of the interval's row.
   */
  sample?(ctx: SimContext): Record<string, Record<string, number | string>>;
  /** At the end of the run: the databases it plays, for the result's `databases`. */
  databases?(ctx: SimContext): DatabaseResult[];
}
