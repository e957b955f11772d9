import type { Cloud } from '../cloud.js';
import { RequestCounter } from './counts.js';
import { type FlowVerdict, NetworkView } from './network-view.js';
import type { Participant, SimContext, SimEvent } from './participant.js';
import { defaultParticipants } from './participants.js';
import { Routing } from './routing.js';
import { prepare, type PreparedEvent } from './prepare.js';
import { chooseInterval } from './report-interval.js';
import type { EndResult, IntervalRow, Outage, SimResult } from './result.js';
import { EventQueue } from './queue.js';
import type { Scenario } from './scenario.js';
import { Tracker } from './tracker.js';

export interface SimOptions {
  /** InstanceType by instance logical id (or id), for capacity and cost; missing ones are m1.small. */
  instanceTypes?: ReadonlyMap<string, string>;
  /** The services that play; those of participants.ts by default (EC2 today). */
  participants?: readonly Participant[];
  /** Resources left out of the cost: the probe instances that stand for subnet ends. */
  unbilled?: ReadonlySet<string>;
}

export const NOTES = [
  'EC2 failures play out: regions, zones, subnets, instances (those of auto scaling groups too), NAT gateways, internet gateways and peering connections; routes to what is down are blackholes.',
  'Load balancers are traffic ends and failure targets: requests go over their nodes to their registered targets (the listener\'s default rule, cross-zone as ELB-06 says).',
  'Auto scaling, RDS, Route 53, CloudFront and AWS Backup are loaded but play no part over time yet: no scaling, DNS or origin failover, replica promotion or restores, and no database is measured (databases: []).',
];

type QueueItem = { kind: 'event'; prepared: PreparedEvent } | { kind: 'timer'; participant: Participant; payload: unknown };

/**
 * Plays a scenario on a loaded cloud, on the simulation's own clock: pure and deterministic
 * (no wall clock, no randomness), so the same scenario gives the same result. Between two
 * moments where something changes (an event, a timer, a traffic step, an interval's end)
 * nothing does, so each stretch is computed at once from its rates: the work grows with the
 * number of changes and intervals, not with the number of requests.
 */
export function simulate(cloud: Cloud, scenario: Scenario, opts: SimOptions = {}): SimResult {
  const instanceTypes = opts.instanceTypes ?? new Map<string, string>();
  const participants: readonly Participant[] = opts.participants ?? defaultParticipants({ instanceTypes });
  const prepared = prepare(cloud, scenario, participants);
  const view = new NetworkView(cloud, instanceTypes, opts.unbilled);
  const duration = scenario.duration;
  const interval = scenario.interval ?? chooseInterval(duration);

  const events: SimEvent[] = [];
  const downBy = new Map<Participant, ReadonlySet<string>>();
  let down: ReadonlySet<string> = new Set();
  let changed = false;
  let now = 0;

  const pending = new EventQueue<QueueItem>();
  const ctx: SimContext = {
    get now() {
      return now;
    },
    cloud,
    setDown(p, ids) {
      downBy.set(p, new Set(ids));
      const all = new Set<string>();
      for (const s of downBy.values()) for (const id of s) all.add(id);
      down = all;
      changed = true;
    },
    after(seconds, participant, payload) {
      pending.push(now + Math.max(1, Math.round(seconds)), { kind: 'timer', participant, payload });
    },
    emit(what, resource, detail) {
      events.push({ at: now, what, resource, detail });
    },
    changed() {
      changed = true;
    },
    get down() {
      return down;
    },
    reaches(from, to, port, protocol) {
      return view.verdict(down, from, to, protocol, port).reachable;
    },
  };
  const routing = new Routing(prepared.ends, participants, view);

  prepared.events.forEach((p) => pending.push(p.event.at, { kind: 'event', prepared: p }));
  const tracker = new Tracker(prepared.ends, (what, resource, detail) => events.push({ at: now, what, resource, detail }));
  const counters = prepared.ends.map(() => new RequestCounter());
  const stepTimes = [...new Set(prepared.ends.flatMap((e) => e.spec.steps.map(([at]) => at)))].filter((t) => t > 0).sort((a, b) => a - b);
  let stepIndex = 0;
  const intervals: IntervalRow[] = [];
  let cost = 0;
  let hourly = 0;
  let sample: Record<string, Record<string, number | string>> = {};
  let verdicts: FlowVerdict[] = [];
  let capacities: number[] = [];
  let served: number[] = [];
  // Each end's current step, so that moving to the next step costs nothing however many steps there are.
  const stepAt = prepared.ends.map(() => -1);
  const rateNow = (i: number, t: number): number => {
    const steps = prepared.ends[i].spec.steps;
    while (stepAt[i] + 1 < steps.length && steps[stepAt[i] + 1][0] <= t) stepAt[i]++;
    return stepAt[i] < 0 ? 0 : steps[stepAt[i]][1];
  };
  let rates: number[] = prepared.ends.map((_, i) => rateNow(i, 0));
  let failedNow: string | undefined;

  let observedDown: ReadonlySet<string> | undefined;
  const evaluateState = (): void => {
    if (observedDown !== down) {
      observedDown = down;
      for (const p of participants) p.observe?.(ctx);
    }
    routing.evaluate(ctx, down);
    verdicts = routing.verdicts();
    capacities = routing.capacities();
    hourly = view.hourlyUsd(down);
    sample = {};
    for (const p of participants) {
      for (const [group, values] of Object.entries(p.sample?.(ctx) ?? {})) sample[group] = { ...(sample[group] ?? {}), ...values };
    }
  };
  const evaluateServed = (): void => {
    const out = routing.serve(rates);
    served = out.served;
    for (const p of participants) p.load?.(ctx, out.load);
    tracker.observeLoad(now, rates, served, capacities, verdicts);
  };
  /** Applies what is due at t; true when the state was evaluated again. */
  const processAt = (t: number): boolean => {
    while (pending.peekTime() === t) {
      const { item } = pending.pop()!;
      if (item.kind === 'timer') {
        // A timer that changes nothing (a health check that passes) costs no evaluation.
        item.participant.timer?.(ctx, item.payload);
        continue;
      }
      const p = item.prepared;
      if ('claim' in p) {
        if (p.event.action === 'fail') {
          p.owner.fail?.(ctx, p.claim);
          failedNow = p.claim.label;
        } else p.owner.recover?.(ctx, p.claim);
      } else p.owner.act?.(ctx, p.event);
      changed = true;
    }
    if (changed) {
      evaluateState();
      tracker.observeState(t, verdicts, capacities, failedNow);
      failedNow = undefined;
      changed = false;
      evaluateServed();
      return true;
    }
    return false;
  };

  // The state before anything happens, so that a failure at 0 counts as one.
  // What participants hold from the start (a group's instances not launched) is part of it.
  for (const p of participants) p.start?.(ctx);
  evaluateState();
  changed = false;
  tracker.observeState(0, verdicts, capacities, undefined);
  if (!processAt(0)) evaluateServed();
  let intervalEnd = Math.min(interval, duration);
  let intervalStart = 0;
  while (now < duration) {
    const next = Math.min(pending.peekTime(), stepTimes[stepIndex] ?? Infinity, intervalEnd, duration);
    const span = next - now;
    for (let i = 0; i < counters.length; i++) counters[i].add(rates[i], served[i], span);
    cost += (hourly * span) / 3600;
    now = next;
    if (now === intervalEnd) {
      intervals.push({ start: intervalStart, end: intervalEnd, ends: counters.map((c) => c.take()), instances: {}, ...sample, cost: round(cost, 6) } as IntervalRow);
      intervalStart = intervalEnd;
      intervalEnd = Math.min(intervalEnd + interval, duration);
    }
    let rateChanged = false;
    while (stepTimes[stepIndex] === now) {
      stepIndex++;
      rateChanged = true;
    }
    if (rateChanged) rates = prepared.ends.map((_, i) => rateNow(i, now));
    if (!processAt(now) && rateChanged) evaluateServed();
  }

  const ends: EndResult[] = prepared.ends.map((e, i) => {
    const totals = { sent: 0, served: 0, dropped: 0 };
    for (const row of intervals) {
      totals.sent += row.ends[i].sent;
      totals.served += row.ends[i].served;
      totals.dropped += row.ends[i].dropped;
    }
    const outages = tracker.outages(i);
    return {
      end: e.spec.to,
      from: e.spec.from,
      port: e.spec.port,
      protocol: e.spec.protocol,
      ...totals,
      ...recovery(outages),
      outages,
    };
  });
  const requests = ends.reduce((n, e) => ({ sent: n.sent + e.sent, served: n.served + e.served, dropped: n.dropped + e.dropped }), { sent: 0, served: 0, dropped: 0 });
  return {
    duration,
    interval,
    requests,
    ends,
    databases: [],
    cost: { total: round(cost, 4), currency: 'USD', hourlyAtStart: round(view.hourlyUsd(new Set()), 6) },
    events,
    intervals,
    notes: [...NOTES, ...unpricedNote(view.unpriced())],
  };
}

function recovery(outages: Outage[]): Pick<EndResult, 'recoveryTime' | 'fullRecoveryTime'> {
  if (outages.length === 0) return {};
  const worst = (pick: (o: Outage) => number | null): number | null => {
    let w = 0;
    for (const o of outages) {
      const at = pick(o);
      if (at === null) return null;
      w = Math.max(w, at - o.start);
    }
    return w;
  };
  return { recoveryTime: worst((o) => o.served), fullRecoveryTime: worst((o) => o.full) };
}

/** "Not priced, so left out of the cost: Web (no price for instance type m1.small in the table)." */
function unpricedNote(list: readonly { resource: string; reason: string }[]): string[] {
  if (list.length === 0) return [];
  const shown = list.slice(0, 5).map((u) => `${u.resource} (${u.reason})`);
  return [`Not priced, so left out of the cost: ${shown.join(', ')}${list.length > 5 ? `, and ${list.length - 5} more` : ''}.`];
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
