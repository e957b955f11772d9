import { join } from 'node:path';
import { loadSubmissionPath, type LoadedSubmission } from '../../../src/formats/load-submission.js';
import { instanceTypesOf } from '../../../src/formats/scenario/simulate-submission.js';
import { simulate, type Scenario, type ScenarioEvent, type SimResult, type TrafficSpec } from '../../../src/engine/sim/index.js';

export const SIM = join(import.meta.dirname, '../../fixtures/sim');

export function twoZones(natPerZone = false): LoadedSubmission {
  return loadSubmissionPath(join(SIM, 'two-zones.yaml'), { params: { NatPerZone: String(natPerZone) } });
}

export function twoRegions(): LoadedSubmission {
  return loadSubmissionPath(join(SIM, 'two-regions'));
}

type Traffic = Omit<TrafficSpec, 'path' | 'from' | 'protocol'> & Partial<Pick<TrafficSpec, 'from' | 'protocol'>>;
type Event = ScenarioEvent extends infer E ? (E extends { path: unknown } ? Omit<E, 'path'> : never) : never;

/** A scenario from plain values, with the paths the parser would give. */
export function scenario(duration: number, traffic: Traffic[], events: Event[] = [], interval?: number): Scenario {
  return {
    duration,
    ...(interval ? { interval } : {}),
    traffic: traffic.map((t, i) => ({ from: 'internet', protocol: 'tcp', ...t, path: ['traffic', i] })),
    events: events.map((e, i) => ({ ...e, path: ['events', i, e.action] }) as ScenarioEvent),
  };
}

export function run(loaded: LoadedSubmission, s: Scenario): SimResult {
  return simulate(loaded.cloud, s, { instanceTypes: instanceTypesOf(loaded) });
}

/** sent = served + dropped, for every end in every interval, and the totals are the sums. */
export function countsAddUp(r: SimResult): boolean {
  for (const row of r.intervals) for (const e of row.ends) if (e.sent !== e.served + e.dropped || e.served < 0 || e.dropped < 0) return false;
  return r.ends.every((e, i) => e.sent === r.intervals.reduce((n, row) => n + row.ends[i].sent, 0) && e.sent === e.served + e.dropped);
}

export function webLb(params: Record<string, string> = {}): LoadedSubmission {
  return loadSubmissionPath(join(SIM, 'web-lb.yaml'), { params });
}
