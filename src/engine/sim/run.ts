import type { Cloud } from '../cloud.js';
import type { Kind } from '../store.js';
import { AUTOSCALING } from '../autoscaling/kinds.js';
import { BACKUP } from '../backup/kinds.js';
import { CLOUDFRONT } from '../cloudfront/kinds.js';
import { ELBV2 } from '../elbv2/kinds.js';
import { RDS } from '../rds/kinds.js';
import { ROUTE53 } from '../route53/kinds.js';
import { RequestCounter } from './counts.js';
import { type FlowVerdict, NetworkView } from './network-view.js';
import type { Participant, SimContext, SimEvent } from './participant.js';
import { defaultParticipants } from './participants.js';
import { Routing } from './routing.js';
import { withScalingRoom } from './asg-spares.js';
import { rateOf } from './capacity.js';
import { playsRestores, withRestoreRoom } from './rds-restore-room.js';
import { prepare, type PreparedEvent } from './prepare.js';
import { chooseInterval } from './report-interval.js';
import type { EndResult, IntervalRow, Outage, SimResult } from './result.js';
import { unplayedAlarms } from './asg-alarms.js';
import { EventQueue } from './queue.js';
import type { Scenario } from './scenario.js';
import { Tracker } from './tracker.js';
import { RDS_TIMINGS } from './dr-timings.js';

export interface SimOptions {
  /** InstanceType by instance logical id (or id), for capacity and cost; missing ones are m1.small. */
  instanceTypes?: ReadonlyMap<string, string>;
  /** The services that play; those of participants.ts by default (EC2 today). */
  participants?: readonly Participant[];
  /** Resources left out of the cost: the probe instances that stand for subnet ends. */
  unbilled?: ReadonlySet<string>;
}

/** What the simulation plays, each said only when the submission has that service. */
export const NOTES: readonly { text: string; applies(cloud: Cloud): boolean }[] = [
  { applies: () => true, text: 'EC2 failures play out: regions, zones, subnets, instances (those of auto scaling groups too), NAT gateways, internet gateways and peering connections; routes to what is down are blackholes.' },
  { applies: (c) => has(c, ELBV2.loadBalancer), text: 'Load balancers play: health checks, fail-open, draining; requests go over their nodes to their healthy targets by the listener\'s default rule (scenario requests carry no host or path).' },
  { applies: (c) => has(c, AUTOSCALING.group), text: 'Auto scaling plays: launches (90 s to InService), replacement of unhealthy instances, zone rebalancing, scale actions, target tracking on CPU and requests per target, scheduled actions (the clock starts at 2024-01-01 00:00 UTC), and step and simple policies invoked by CloudWatch alarms on the group\'s CPUUtilization or RequestCountPerTarget.' },
  { applies: (c) => has(c, RDS.dbInstance) || has(c, BACKUP.plan), text: 'RDS plays out: Multi-AZ failover (120 s, the endpoint keeps its name), single-AZ databases down until what failed recovers, read-replica promotion (300 s, the replica keeps its own endpoint); AWS Backup makes recovery points on its schedules (on the same clock) and copies them to other regions; each database gets its recovery point. Restores are not played: the result says what a restore would lose.' },
  { applies: (c) => has(c, ROUTE53.recordSet) || has(c, ROUTE53.healthCheck), text: 'Route 53 plays health checks (every RequestInterval from the internet, flipping after FailureThreshold results), failover names and weighted names (by weight, over their healthy records; clients keep the old answer for its TTL, an alias 60 s).' },
  { applies: (c) => has(c, CLOUDFRONT.distribution), text: 'CloudFront sends each request to the default behavior\'s origin, and to an origin group\'s secondary while the primary does not answer (served, ConnectionAttempts × ConnectionTimeout slower).' },
];

const RESTORES_NOT_PLAYED = 'Restores are not played: the result says what a restore would lose.';
const RESTORES_PLAYED = `Restores play: a new instance at a new endpoint in the recovery region, writable after ${RDS_TIMINGS.restoreSeconds} s (an assumption), lacking the writes its recovery point lacks; failover: R promotes, restores and scales in R.`;

function has(cloud: Cloud, k: Kind<unknown>): boolean {
  return cloud.table(k).size > 0;
}

type QueueItem = { kind: 'event'; prepared: PreparedEvent } | { kind: 'timer'; participant: Participant; payload: unknown };

/**
 * Plays a scenario on a loaded cloud, on the simulation's own clock: pure and deterministic
 * (no wall clock, no randomness), so the same scenario gives the same result. Between two
 * moments where something changes (an event, a timer, a traffic step, an interval's end)
 * nothing does, so each stretch is computed at once from its rates: the work grows with the
 * number of changes and intervals, not with the number of requests.
 */
export function simulate(loaded: Cloud, scenario: Scenario, opts: SimOptions = {}): SimResult {
  // The groups' instances not launched yet exist in the copy played, held down (asg-spares.ts).
  const scaling = opts.participants ? undefined : withScalingRoom(loaded, opts.instanceTypes ?? new Map<string, string>());
  // So do the instances restores may make, absent until then (rds-restore-room.ts).
  const room = scaling ? withRestoreRoom(scaling.cloud, loaded, scenario) : undefined;
  const cloud = room?.cloud ?? loaded;
  const instanceTypes = scaling?.instanceTypes ?? opts.instanceTypes ?? new Map<string, string>();
  const participants: readonly Participant[] =
    opts.participants ?? defaultParticipants({ instanceTypes, cloud, pools: scaling!.pools, restoreSpares: room!.spares, restores: playsRestores(scenario), rateOf: rateOf(scenario.capacity, scenario.capacityScale) });
  const prepared = prepare(cloud, scenario, participants);
  // The groups' instances change only who is in service, not the routes: leaves of the network (leaf-instances.ts).
  const groupInstances = (scaling?.pools ?? []).flatMap((p) => [...p.byZone.values()].flat());
  const view = new NetworkView(cloud, instanceTypes, opts.unbilled, groupInstances);
  const duration = scenario.duration;
  const interval = scenario.interval ?? chooseInterval(duration);

  const events: SimEvent[] = [];
  const downBy = new Map<Participant, ReadonlySet<string>>();
  // What is down: the union of what each participant holds, made when first asked after a
  // change (participants hold and release many times between two evaluations), a new set each time.
  let downNow: ReadonlySet<string> | undefined = new Set<string>();
  const down = (): ReadonlySet<string> => {
    if (!downNow) {
      const all = new Set<string>();
      for (const s of downBy.values()) for (const id of s) all.add(id);
      downNow = all;
    }
    return downNow;
  };
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
      downNow = undefined;
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
      return down();
    },
    heldByOthers(p, id) {
      for (const [q, ids] of downBy) if (q !== p && ids.has(id)) return true;
      return false;
    },
    reaches(from, to, port, protocol) {
      return view.verdict(down(), from, to, protocol, port).reachable;
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
    if (observedDown !== down()) {
      observedDown = down();
      for (const p of participants) p.observe?.(ctx);
    }
    routing.evaluate(ctx, down());
    verdicts = routing.verdicts();
    capacities = routing.capacities();
    hourly = view.hourlyUsd(down());
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
        const action = p.event.action;
        if (action === 'fail') {
          p.owner.fail?.(ctx, p.claim);
          failedNow = p.claim.label;
        } else p.owner.recover?.(ctx, p.claim);
        for (const other of participants) if (other !== p.owner) other.witness?.(ctx, p.claim, action);
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
  const hourlyAtStart = hourly;
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
    databases: participants.flatMap((p) => p.databases?.(ctx) ?? []),
    cost: { total: round(cost, 4), currency: 'USD', hourlyAtStart: round(hourlyAtStart, 6) },
    events,
    intervals,
    notes: [...NOTES.filter((n) => n.applies(loaded)).map((n) => (playsRestores(scenario) ? n.text.replace(RESTORES_NOT_PLAYED, RESTORES_PLAYED) : n.text)), ...unpricedNote(view.unpriced()), ...unplayedAlarms(loaded)],
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
