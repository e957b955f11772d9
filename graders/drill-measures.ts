import type { EndResult, SimResult } from '../src/engine/sim/result.js';
import { formatSeconds } from '../src/engine/sim/report-interval.js';
import { parseDuration } from '../src/formats/scenario/durations.js';
import { CheckArgumentError, type CheckContext, type DrillMeasures, type DrillRequest } from './types.js';

/** What the drill check kinds share: running a drill, reading their arguments, measuring a result. */

export function scenarioArg(kind: string, args: Record<string, unknown>): string {
  const s = args.scenario;
  if (typeof s !== 'string' || s.trim() === '') throw new CheckArgumentError(`${kind} needs scenario, a scenario file relative to the lab's folder (drills/zone-failure.yaml)`);
  return s.trim();
}

/** Plays the drill; a drill the submission cannot play (it lacks an end the scenario names) is a result too. */
export function playDrill(ctx: CheckContext, kind: string, req: DrillRequest): { result: SimResult; file: string } | { problem: string } {
  if (!ctx.drill) throw new CheckArgumentError(`${kind} plays a scenario of the lab's folder, and this check runs without a lab folder`);
  const run = ctx.drill(req);
  if ('problem' in run) return { problem: `the drill ${run.file} cannot be played on this submission: ${run.problem}` };
  return run;
}

/** A percentage: 5, "5" or "5%", from 0 to 100. */
export function percentArg(kind: string, name: string, value: unknown): number {
  const text = typeof value === 'string' ? value.trim().replace(/%$/, '') : value;
  const n = typeof text === 'string' && text !== '' ? Number(text) : typeof text === 'number' ? text : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new CheckArgumentError(`${kind} needs ${name}, a percentage from 0 to 100 (5 or "5%"), not ${JSON.stringify(value)}`);
  return n;
}

/** A duration: seconds as a number, or text with units (90s, 5m, 1h30m). */
export function durationArg(kind: string, name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  const d = parseDuration(value);
  if ('error' in d) throw new CheckArgumentError(`${kind} needs ${name}, a duration (seconds, or 90s, 5m, 1h30m): ${d.error}`);
  return d.seconds;
}

/** The ends a check looks at: all, or the one named as the scenario writes it (`to`, or `from → to`). */
export function endsOf(kind: string, result: SimResult, end: unknown): EndResult[] {
  if (end === undefined) return result.ends;
  const name = String(end).trim();
  const found = result.ends.filter((e) => e.end === name || `${e.from} → ${e.end}` === name || `${e.from} -> ${e.end}` === name);
  if (found.length === 0) throw new CheckArgumentError(`${kind}: the scenario sends no traffic to "${name}"; its ends: ${result.ends.map((e) => e.end).join(', ') || 'none'}`);
  return found;
}

/** The longest recovery of the ends: null when one never recovers, undefined when nothing they depend on failed. */
export function worstRecovery(ends: readonly EndResult[], full: boolean): number | null | undefined {
  let worst: number | undefined;
  for (const e of ends) {
    const t = full ? e.fullRecoveryTime : e.recoveryTime;
    if (t === undefined) continue;
    if (t === null) return null;
    worst = worst === undefined ? t : Math.max(worst, t);
  }
  return worst;
}

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((10000 * part) / whole) / 100);

export function measure(scenario: string, result: SimResult, ends: readonly EndResult[] = result.ends): DrillMeasures {
  const sent = ends.reduce((n, e) => n + e.sent, 0);
  const served = ends.reduce((n, e) => n + e.served, 0);
  const dropped = ends.reduce((n, e) => n + e.dropped, 0);
  const m: DrillMeasures = { scenario, sent, served, dropped, droppedPercent: percent(dropped, sent), cost: result.cost.total, events: result.events.slice(0, 12).map((e) => ({ at: e.at, what: e.what, resource: e.resource, detail: e.detail })) };
  const rt = worstRecovery(ends, false);
  if (rt !== undefined) m.recoveryTime = rt;
  const full = worstRecovery(ends, true);
  if (full !== undefined) m.fullRecoveryTime = full;
  if (result.databases.length) m.recoveryPoints = result.databases.map((d) => ({ id: d.id, recoveryPoint: d.recoveryPoint }));
  return m;
}

/** A recovery as the simulation writes times (1m30s), or what its absence means. */
export function seconds(t: number | null | undefined): string {
  if (t === undefined) return 'nothing failed';
  if (t === null) return 'never';
  return formatSeconds(Math.round(t));
}

export const count = (x: number): string => x.toLocaleString('en-US');
