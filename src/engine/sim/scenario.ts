/**
 * The scenario model of a simulation (DESIGN.md, "Time, failure and load"): a duration, traffic
 * as request rates to trace ends over time, and timed events. Times are whole seconds on the
 * simulation's own clock, which starts at 0; nothing here reads the wall clock. A front door
 * (src/formats/scenario/) turns a YAML file into this, keeping where each value was written in
 * `path`, so an error found here can point at its line and column.
 */

/** Where a value sits in the scenario document: ['events', 2, 'fail']. */
export type ScenarioPath = readonly (string | number)[];

export type Protocol = 'tcp' | 'udp';

/** Requests a second from `from` to `to` on a port, as steps: the rate holds from each step's time to the next. */
export interface TrafficSpec {
  /** The client: "internet" (the default) or any trace end. */
  from: string;
  /** Any trace end: an instance by logical id or id, an address; later a DNS name, a load balancer. */
  to: string;
  port: number;
  protocol: Protocol;
  /** [time in seconds, requests a second], ascending; before the first step the rate is 0. */
  steps: readonly (readonly [number, number])[];
  path: ScenarioPath;
  /** How the timeline names the ends, when not as `from` and `to` (a stack-qualified name resolved to an id). */
  names?: { from: string; to: string };
}

/** What a failure or a recovery names. */
export type TargetKind = 'region' | 'az' | 'instance' | 'database' | 'resource';

export interface Target {
  kind: TargetKind;
  /** The region, the zone, or the resource's logical id or id, as written. */
  name: string;
}

export type ScenarioEvent =
  | { at: number; action: 'fail'; target: Target; path: ScenarioPath }
  | { at: number; action: 'recover'; target: Target; path: ScenarioPath }
  | { at: number; action: 'promote'; resource: string; path: ScenarioPath }
  | { at: number; action: 'scale'; group: string; desired: number; path: ScenarioPath }
  /** Restores a lost database from its newest usable recovery point, in `region` when given. */
  | { at: number; action: 'restore'; resource: string; region?: string; path: ScenarioPath }
  /** The runbook of DR-02 in one step, into `region`: promote, restore, scale (failover-runbook.ts). */
  | { at: number; action: 'failover'; region: string; path: ScenarioPath };

/** An event that a participant plays as an action (not a failure or a recovery). */
export type ActionEvent = Exclude<ScenarioEvent, { action: 'fail' | 'recover' }>;

export interface Scenario {
  /** Seconds. */
  duration: number;
  /** The reporting interval in seconds; chosen from the duration when not given (intervals.ts). */
  interval?: number;
  traffic: readonly TrafficSpec[];
  /** In the order written; events at the same second are applied in that order. */
  events: readonly ScenarioEvent[];
  /**
   * Requests a second an instance of a type serves at full CPU in this scenario, in place of
   * the course's table (capacity.ts): the application of a lab may be lighter or heavier.
   */
  capacity?: Readonly<Record<string, number>>;
  /** Every type's table figure scaled by this (`capacity: 80%`: a heavier application). */
  capacityScale?: number;
}

/** The longest scenario played: 30 days. */
export const MAX_DURATION = 30 * 24 * 3600;

/** The rate of a traffic spec at time t (seconds). */
export function rateAt(spec: Pick<TrafficSpec, 'steps'>, t: number): number {
  let r = 0;
  for (const [at, rps] of spec.steps) {
    if (at > t) break;
    r = rps;
  }
  return r;
}

/** "fail region us-east-1", "recover instance Web": how a timeline names an event. */
export function describeTarget(t: Target): string {
  return t.kind === 'resource' ? t.name : `${t.kind === 'az' ? 'zone' : t.kind} ${t.name}`;
}
