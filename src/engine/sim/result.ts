import type { SimEvent } from './participant.js';

/**
 * The result of a simulation, with the JSON names of DESIGN.md ("Time, failure and load"):
 * `requests`, `ends` (with `recoveryTime`), `databases` (with `recoveryPoint`), `cost`
 * (`total`) and `events` (`at`, `what`, `resource`), plus the intervals. Times in seconds,
 * money in US dollars. The same scenario on the same submission gives the same result.
 */
export interface Requests {
  sent: number;
  served: number;
  dropped: number;
}

/** One stretch during which an end served less than before a failure. */
export interface Outage {
  /** The failure that started it. */
  start: number;
  cause: string;
  /** When requests were served again (reachable, with some capacity), or null if never within the scenario. */
  served: number | null;
  /** When the end could serve as much as before the failure, or null if never. */
  full: number | null;
}

export interface EndResult extends Requests {
  end: string;
  from: string;
  port: number;
  protocol: string;
  /**
   * Seconds from a failure until requests to the end are served again: the longest over its
   * outages. Absent when nothing the end depends on failed; null when it never recovers.
   */
  recoveryTime?: number | null;
  /** The same, until the end serves as much as before the failure. */
  fullRecoveryTime?: number | null;
  outages: Outage[];
}

export interface DatabaseResult {
  id: string;
  region: string;
  /** `restored`: the new instance a restore made of a lost database. */
  role: 'primary' | 'replica' | 'promoted replica' | 'restored';
  /** Its endpoint address (a promoted replica keeps its own). */
  endpoint: string;
  /** Seconds of writes lost; null when the data is gone. */
  recoveryPoint: number | null;
  /**
   * A primary's longest stretch without writes, until it (or a promoted replica) took them
   * again; absent when it never stopped, null when writes never came back.
   */
  recoveryTime?: number | null;
  /** What happened to it, in a sentence. */
  outcome: string;
}

export interface IntervalRow {
  start: number;
  end: number;
  /** Per end, in the order of `ends`. */
  ends: Requests[];
  /** Instances in service at the end of the interval, per zone. */
  instances: Record<string, number>;
  /** Dollars spent from the start to the end of the interval. */
  cost: number;
  /** What other participants report (healthy targets, DNS answers), one field per group. */
  [group: string]: unknown;
}

export interface SimResult {
  duration: number;
  interval: number;
  requests: Requests;
  ends: EndResult[];
  databases: DatabaseResult[];
  cost: { total: number; currency: 'USD'; hourlyAtStart: number };
  events: SimEvent[];
  intervals: IntervalRow[];
  /** What this simulation does not play yet, said plainly. */
  notes: string[];
}
