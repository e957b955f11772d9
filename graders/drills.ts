import { count, durationArg, endsOf, measure, percentArg, playDrill, scenarioArg, seconds } from './drill-measures.js';
import { CheckArgumentError, type CheckKind, type CheckOutcome, type DrillMeasures } from './types.js';

/**
 * Drills: check kinds that play a scenario of the lab's folder on the submission (DESIGN.md,
 * "Time, failure and load") and judge what it measured. Checks naming the same scenario share
 * one run. The evidence carries the measures and the events of the timeline.
 */

const SCENARIO = 'a scenario file, relative to the lab folder (drills/zone-failure.yaml)';
const END = 'one end, as the scenario writes its `to` (or `from → to`); default: every end';

const usd = (x: number): string => `$${x < 1 ? x.toFixed(4) : x.toFixed(2)}`;
const droppedText = (m: DrillMeasures): string => `${count(m.dropped)} of ${count(m.sent)} requests dropped (${m.droppedPercent}%)`;

export const drillDropped: CheckKind = {
  kind: 'drill-dropped',
  description: 'the scenario drops at most `maxDropped` percent of the requests it sends',
  args: { scenario: SCENARIO, maxDropped: 'percent of the requests sent (0 to 100)', 'end?': END },
  run(ctx, args): CheckOutcome {
    const scenario = scenarioArg(this.kind, args);
    const max = percentArg(this.kind, 'maxDropped', args.maxDropped);
    const run = playDrill(ctx, this.kind, { scenario });
    if ('problem' in run) return { passed: false, detail: run.problem };
    const m = measure(scenario, run.result, endsOf(this.kind, run.result, args.end));
    return { passed: m.droppedPercent <= max, detail: `${droppedText(m)}; at most ${max}% may be`, evidence: { drill: m } };
  },
};

export const drillRecoveryTime: CheckKind = {
  kind: 'drill-recovery-time',
  description: 'after the failures of the scenario, requests are served again within `max` (with `full: true`, at the offered rate)',
  args: { scenario: SCENARIO, max: 'a duration (90s, 5m) or seconds', 'end?': END, 'full?': 'true: until the end serves as much as before the failure' },
  run(ctx, args): CheckOutcome {
    const scenario = scenarioArg(this.kind, args);
    const max = durationArg(this.kind, 'max', args.max);
    const full = args.full === true || args.full === 'true';
    const run = playDrill(ctx, this.kind, { scenario });
    if ('problem' in run) return { passed: false, detail: run.problem };
    const m = measure(scenario, run.result, endsOf(this.kind, run.result, args.end));
    const t = full ? m.fullRecoveryTime : m.recoveryTime;
    const what = full ? 'served at the offered rate again' : 'served again';
    if (t === undefined) return { passed: true, detail: `nothing these requests depend on failed in the scenario, so there was nothing to recover from (${droppedText(m)})`, evidence: { drill: m } };
    if (t === null) return { passed: false, detail: `requests are never ${what} before the scenario ends; at most ${seconds(max)} may pass`, evidence: { drill: m } };
    return { passed: t <= max, detail: `requests are ${what} ${seconds(t)} after the failure; at most ${seconds(max)} may pass`, evidence: { drill: m } };
  },
};

export const drillRecoveryPoint: CheckKind = {
  kind: 'drill-recovery-point',
  description: 'the databases lose at most `max` of writes in the scenario (replication lag, or the time since the backup a restore uses)',
  args: { scenario: SCENARIO, max: 'a duration (0s, 5m, 1h) or seconds', 'database?': 'one database by logical id; default: every database' },
  run(ctx, args): CheckOutcome {
    const scenario = scenarioArg(this.kind, args);
    const max = durationArg(this.kind, 'max', args.max);
    const run = playDrill(ctx, this.kind, { scenario });
    if ('problem' in run) return { passed: false, detail: run.problem };
    const m = measure(scenario, run.result);
    let dbs = run.result.databases;
    if (args.database !== undefined) {
      const id = String(args.database).trim();
      dbs = dbs.filter((d) => d.id === id);
      if (dbs.length === 0) return { passed: false, detail: `the scenario measured no recovery point for the database ${id}${run.result.databases.length ? `; it measured ${run.result.databases.map((d) => d.id).join(', ')}` : ''}`, evidence: { drill: m, resources: [id] } };
    }
    if (dbs.length === 0) {
      const notes = run.result.notes.filter((n) => /RDS|database/i.test(n));
      return { passed: false, detail: `the scenario measured no database, so no recovery point${notes.length ? ` (${notes[0]})` : ''}`, evidence: { drill: m } };
    }
    const lost = dbs.filter((d) => d.recoveryPoint === null);
    if (lost.length) return { passed: false, detail: `the data of ${lost.map((d) => d.id).join(', ')} is gone: nothing can restore it`, evidence: { drill: m, resources: lost.map((d) => d.id) } };
    const worst = dbs.reduce((a, b) => ((b.recoveryPoint as number) > (a.recoveryPoint as number) ? b : a));
    const rp = worst.recoveryPoint as number;
    return { passed: rp <= max, detail: `${worst.id} loses ${seconds(rp)} of writes${dbs.length > 1 ? ' (the most of its databases)' : ''}; at most ${seconds(max)} may be lost`, evidence: { drill: m, resources: [worst.id] } };
  },
};

export const drillCost: CheckKind = {
  kind: 'drill-cost',
  description: 'what the submission costs over the scenario (its resources for its duration) is at most `max` dollars',
  args: { scenario: SCENARIO, max: 'US dollars for the whole scenario' },
  run(ctx, args): CheckOutcome {
    const scenario = scenarioArg(this.kind, args);
    const max = Number(args.max);
    if (!Number.isFinite(max) || max < 0 || args.max === '' || args.max === null) throw new CheckArgumentError(`${this.kind} needs max, US dollars for the whole scenario, not ${JSON.stringify(args.max)}`);
    const run = playDrill(ctx, this.kind, { scenario });
    if ('problem' in run) return { passed: false, detail: run.problem };
    const m = measure(scenario, run.result);
    return { passed: m.cost <= max, detail: `the scenario costs ${usd(m.cost)} (${usd(run.result.cost.hourlyAtStart)} an hour with everything up); the ceiling is ${usd(max)}`, evidence: { drill: m } };
  },
};

export const survivesAnyZone: CheckKind = {
  kind: 'survives-any-zone',
  description: "with the scenario's traffic, each zone the submission uses failed in turn (one run per zone) drops at most `maxDropped` percent",
  args: {
    scenario: `${SCENARIO}: its traffic (and events) are played once per zone`,
    maxDropped: 'percent of the requests sent, in every run',
    'at?': "when the zone fails (default: a quarter of the scenario's duration)",
    'end?': END,
  },
  run(ctx, args): CheckOutcome {
    const scenario = scenarioArg(this.kind, args);
    const max = percentArg(this.kind, 'maxDropped', args.maxDropped);
    const zones = [...new Set([...ctx.cloud.subnets.values()].map((s) => s.availabilityZone))].sort();
    if (zones.length === 0) return { passed: false, detail: 'the submission has no subnet, so no zone to fail' };
    const runs: { zone: string; m: DrillMeasures }[] = [];
    for (const zone of zones) {
      // The time depends on the scenario's duration, known once it is read: the first run tells it.
      const at = args.at === undefined ? undefined : durationArg(this.kind, 'at', args.at);
      const probe = at === undefined ? playDrill(ctx, this.kind, { scenario }) : undefined;
      if (probe && 'problem' in probe) return { passed: false, detail: probe.problem };
      const when = at ?? Math.floor((probe as { result: { duration: number } }).result.duration / 4);
      const run = playDrill(ctx, this.kind, { scenario, failZone: { zone, at: when } });
      if ('problem' in run) return { passed: false, detail: run.problem };
      if (when >= run.result.duration) throw new CheckArgumentError(`${this.kind}: at (${seconds(when)}) must be before the end of the scenario (${seconds(run.result.duration)})`);
      runs.push({ zone, m: measure(scenario, run.result, endsOf(this.kind, run.result, args.end)) });
    }
    const worst = runs.reduce((a, b) => (b.m.droppedPercent > a.m.droppedPercent ? b : a));
    const failing = runs.filter((r) => r.m.droppedPercent > max);
    const drill: DrillMeasures = {
      ...worst.m,
      worstZone: worst.zone,
      zones: runs.map((r) => ({ zone: r.zone, droppedPercent: r.m.droppedPercent, ...(r.m.recoveryTime !== undefined ? { recoveryTime: r.m.recoveryTime } : {}) })),
    };
    const each = runs.map((r) => `${r.zone} ${r.m.droppedPercent}%`).join(', ');
    if (failing.length) return { passed: false, detail: `losing ${failing.map((r) => r.zone).join(' or ')} drops more than ${max}% of the requests (dropped per zone lost: ${each}); the worst is ${worst.zone}: ${droppedText(worst.m)}`, evidence: { drill, resources: failing.map((r) => r.zone) } };
    return { passed: true, detail: `each of ${zones.length} zone${zones.length === 1 ? '' : 's'} failed in turn; dropped per zone lost: ${each} (at most ${max}%)`, evidence: { drill } };
  },
};

export const DRILL_KINDS: readonly CheckKind[] = [drillDropped, drillRecoveryTime, drillRecoveryPoint, drillCost, survivesAnyZone];
