import type { Cloud } from '../src/engine/cloud.js';
import type { Drop, Hop } from '../src/engine/reach/hops.js';
import type { Walker } from '../src/engine/reach/walker.js';
import type { SimResult } from '../src/engine/sim/result.js';

/**
 * A check kind: a small pure function from the engine's state and the check's arguments to a
 * verdict with its evidence. Nothing here knows a lab exists: the manifest picks a kind and
 * gives it arguments.
 */
export interface CheckContext {
  cloud: Cloud;
  walker: Walker;
  /** The resources as the submission declared them (type, logical id, resolved properties). */
  resources: readonly DeclaredResource[];
  /** The lab's starter for the same student, loaded on first use (for `unchanged`); undefined when the lab has none that loads. */
  starter?: () => { cloud: Cloud; resources: readonly DeclaredResource[] } | undefined;
  /**
   * Plays a scenario file of the lab (a path relative to the lab's folder, `${param}` filled
   * with the student's values) on the submission, once per file and zone: checks that name the
   * same drill share the run. Undefined where no lab folder is at hand.
   */
  drill?: (request: DrillRequest) => DrillRun;
}

export interface DrillRequest {
  scenario: string;
  /** Also fail this zone at `at` seconds (survives-any-zone). */
  failZone?: { zone: string; at: number };
}

/** A played drill, or why the scenario cannot be played on this submission (an end or resource it lacks). */
export type DrillRun = { file: string; result: SimResult } | { file: string; problem: string };

/** What a drill measured, for the report and `--json`. */
export interface DrillMeasures {
  scenario: string;
  sent: number;
  served: number;
  dropped: number;
  /** Percent of the requests sent that were dropped. */
  droppedPercent: number;
  /** Seconds; absent when nothing any end depends on failed, null when an end never recovers. */
  recoveryTime?: number | null;
  fullRecoveryTime?: number | null;
  /** Per database, seconds of writes lost (null: the data is gone). */
  recoveryPoints?: { id: string; recoveryPoint: number | null }[];
  cost: number;
  /** survives-any-zone: the zone whose loss dropped the most, and each zone's run. */
  worstZone?: string;
  zones?: { zone: string; droppedPercent: number; recoveryTime?: number | null }[];
  /** The failures, recoveries and losses of the timeline (at most 12). */
  events: { at: number; what: string; resource: string; detail: string }[];
}

export interface DeclaredResource {
  region: string;
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
}

export interface Evidence {
  /** The trace that proves the verdict: the failing hop, or the path that gets through. */
  trace?: { from: string; to: string; protocol: string; port?: number; path: Hop[]; drop?: Drop; explanation: string };
  /** Resources that make the verdict (the subnets that overlap, the group that opens 22 to all). */
  resources?: string[];
  /** A drill's measures, when the check played a scenario. */
  drill?: DrillMeasures;
}

export interface CheckOutcome {
  passed: boolean;
  /** One plain sentence about what was found, e.g. "internet reaches Web on port 22 from every address". */
  detail: string;
  evidence?: Evidence;
}

export interface CheckKind {
  kind: string;
  /** One line for authors: what it checks. */
  description: string;
  /** Argument names with a short description; `?` marks the optional ones. */
  args: Record<string, string>;
  run(ctx: CheckContext, args: Record<string, unknown>): CheckOutcome;
}

/** A problem with a check's arguments (an author's mistake), as opposed to a failed check. */
export class CheckArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckArgumentError';
  }
}
