import type { Cloud } from '../cloud.js';
import { EndpointError, resolveEndpoint } from '../reach/endpoints.js';
import type { UnmodelledResource } from '../model.js';
import { UNMODELLED } from '../unmodelled.js';
import { notModelled, pendingService, ScenarioErrors, SimError } from './errors.js';
import { databaseNames, groupNames, pendingResource } from './pending.js';
import { nearest } from '../suggest.js';
import type { EndRef } from './network-view.js';
import type { Claim, FailureAt, Participant } from './participant.js';
import { type ActionEvent, describeTarget, MAX_DURATION, type Scenario, type ScenarioEvent, type ScenarioPath, type Target, type TrafficSpec } from './scenario.js';

/** A traffic flow with both ends found in the loaded cloud. */
export interface PreparedEnd {
  spec: TrafficSpec;
  from: EndRef;
  to: EndRef;
}

export type PreparedEvent =
  | { event: Extract<ScenarioEvent, { action: 'fail' | 'recover' }>; claim: Claim; owner: Participant }
  | { event: ActionEvent; owner: Participant };

export interface Prepared {
  ends: PreparedEnd[];
  events: PreparedEvent[];
}

/**
 * Checks a scenario against the submission before anything is played: every traffic end is a
 * trace end of the submission, every failure names something a participant can fail, every
 * action has a participant that plays it. Every mistake is collected (ScenarioErrors), not only the first. A target or action of a service that is not modelled
 * yet is refused with "not modelled yet: needs <service>", never ignored.
 */
export function prepare(cloud: Cloud, scenario: Scenario, participants: readonly Participant[]): Prepared {
  const errors: SimError[] = [];
  const whole = (n: number): boolean => Number.isInteger(n) && n >= 0;
  if (!whole(scenario.duration) || scenario.duration === 0 || scenario.duration > MAX_DURATION) {
    errors.push(new SimError('InvalidDuration', `the duration is ${scenario.duration} s; it is a whole number of seconds from 1 to ${MAX_DURATION}`, ['duration']));
  }
  if (scenario.interval !== undefined && (!whole(scenario.interval) || scenario.interval === 0)) {
    errors.push(new SimError('InvalidInterval', `the interval is ${scenario.interval} s; it is a whole number of seconds, at least 1`, ['interval']));
  }
  for (const e of scenario.events) {
    if (!whole(e.at) || e.at > scenario.duration) errors.push(new SimError('TimeBeyondDuration', `an event at ${e.at} s is outside the scenario (0 to ${scenario.duration} s)`, e.path));
  }
  for (const t of scenario.traffic) {
    t.steps.forEach(([at, rps], k) => {
      if (!whole(at) || at > scenario.duration || !(rps >= 0) || !Number.isFinite(rps) || (k > 0 && at <= t.steps[k - 1][0])) {
        errors.push(new SimError('InvalidTraffic', `step ${k + 1} of the traffic to ${t.to} ([${at}, ${rps}]) is not a time within the scenario, after the step before, with 0 or more requests a second`, [...t.path, 'rps']));
      }
    });
  }
  const each = <T, U>(items: readonly T[], f: (item: T) => U): U[] =>
    items.flatMap((item) => {
      try {
        return [f(item)];
      } catch (e) {
        if (e instanceof SimError) {
          errors.push(e);
          return [];
        }
        throw e;
      }
    });
  const ends = each(scenario.traffic, (spec) => {
    const from = resolveEnd(cloud, spec.from, [...spec.path, 'from'], participants);
    const to = resolveEnd(cloud, spec.to, [...spec.path, 'to'], participants);
    if (from.kind === 'service') {
      throw new SimError('InvalidEnd', `${spec.from} is ${from.service}'s, which receives requests but does not send them; the client is "internet" or an instance`, [...spec.path, 'from']);
    }
    if (from.kind === 'internet' && to.kind === 'internet') {
      throw new SimError('InvalidEnd', 'both ends are on the internet; one end must be an instance or one of its addresses', [...spec.path, 'to']);
    }
    if (from.kind === 'interface' && to.kind === 'interface' && from.eniId === to.eniId) {
      throw new SimError('InvalidEnd', `from and to are the same instance (${spec.to})`, [...spec.path, 'to']);
    }
    return { spec, from, to };
  });
  // Failures first, so that an action that needs something lost (a restore) can see them; the
  // mistakes are still reported in the order they are written.
  const claimed = new Map<ScenarioEvent, PreparedEvent | SimError>();
  for (const event of scenario.events) {
    if (event.action !== 'fail' && event.action !== 'recover') continue;
    try {
      let found: PreparedEvent | undefined;
      for (const owner of participants) {
        const claim = owner.claim?.(cloud, event.target, event.path);
        if (claim) {
          found = { event, claim, owner };
          break;
        }
      }
      claimed.set(event, found ?? unclaimed(cloud, event.target, event.path));
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      claimed.set(event, e);
    }
  }
  const failures: FailureAt[] = scenario.events
    .map((event, order) => ({ event, order, p: claimed.get(event) }))
    .flatMap((x) => (x.p && !(x.p instanceof SimError) && 'claim' in x.p ? [{ at: x.event.at, order: x.order, action: x.p.event.action, claim: x.p.claim }] : []))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map(({ at, action, claim }) => ({ at, action, claim }));
  const events: PreparedEvent[] = each(scenario.events, (event): PreparedEvent => {
    if (event.action === 'fail' || event.action === 'recover') {
      const p = claimed.get(event)!;
      if (p instanceof SimError) throw p;
      return p;
    }
    const owner = participants.find((p) => p.claimAction?.(cloud, event, failures));
    if (owner) return { event, owner };
    throw unplayedAction(cloud, event);
  });
  if (errors.length) throw new ScenarioErrors(errors);
  return { ends, events };
}

function resolveEnd(cloud: Cloud, text: string, path: ScenarioPath, participants: readonly Participant[]): EndRef {
  for (const p of participants) {
    const end = p.resolveEnd?.(cloud, text, path);
    if (end) return end;
  }
  try {
    const r = resolveEndpoint(cloud, text);
    if (r.kind === 'internet') {
      const whole = text.trim().toLowerCase() === 'internet' || text.trim() === '0.0.0.0/0';
      return { kind: 'internet', name: r.name, ...(whole ? {} : { addresses: r.addresses }) };
    }
    return { kind: 'interface', name: text, eniId: r.eni.id, ...(r.only ? { only: r.only } : {}) };
  } catch (e) {
    if (!(e instanceof EndpointError)) throw e;
    const pending = pendingResource(cloud, text);
    if (pending) {
      throw notModelled(`${pending.service} in the simulation`, `${text} is ${pending.noun}, which the virtual cloud loads but the simulation does not play yet, so it is not a traffic end; send the traffic to the instances behind it`, path);
    }
    const u = findUnmodelled(cloud, text);
    if (u) {
      const service = pendingService(u.type);
      if (service) throw notModelled(service, `${text} is an ${u.type}; it becomes a traffic end once ${service} is modelled`, path);
      throw new SimError('UnknownEnd', `${text} is an ${u.type}, which the virtual cloud does not model, so it cannot receive traffic; give an instance, one of its addresses or "internet"`, path);
    }
    if (/^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i.test(text.trim())) {
      throw new SimError('UnknownEnd', `${text} is a DNS name that the submission does not serve (no record of its hosted zones, no load balancer or database answers at it); give a name it serves, or an instance`, path);
    }
    throw new SimError('UnknownEnd', e.message, path);
  }
}

function findUnmodelled(cloud: Cloud, name: string): UnmodelledResource | undefined {
  const id = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  for (const u of cloud.table(UNMODELLED).values()) if (u.logicalId === id || u.id === id) return u;
  return undefined;
}

function unclaimed(cloud: Cloud, target: Target, path: ScenarioPath): SimError {
  const pending = pendingResource(cloud, target.name);
  if (pending) {
    return notModelled(`${pending.service} in the simulation`, `${target.name} is ${pending.noun}, which the virtual cloud loads but the simulation does not play yet, so its failure cannot be played; fail its instances, their zone or their region`, path);
  }
  const u = findUnmodelled(cloud, target.name);
  if (u) {
    const service = pendingService(u.type);
    if (service) return notModelled(service, `${target.name} is an ${u.type}, which the virtual cloud does not model yet, so its failure cannot be played`, path);
    return new SimError('NotFailable', `${target.name} is an ${u.type}, which the virtual cloud does not model, so its failure cannot be played`, path);
  }
  if (target.kind === 'database') {
    const dbs = databaseNames(cloud);
    const close = nearest(target.name, dbs);
    return new SimError('UnknownResource', `the submission has no database named ${target.name}${close ? `; did you mean ${close}?` : ''} (${dbs.length ? `its databases: ${dbs.join(', ')}` : 'it has none'})`, path);
  }
  return new SimError(
    'UnknownResource',
    `${describeTarget(target)} is not a resource of the submission; fail a region, a zone (az), an instance, or a resource by its logical id or id (a NAT gateway, an internet gateway, a peering connection, a subnet)`,
    path,
  );
}

function unplayedAction(cloud: Cloud, event: ActionEvent): SimError {
  if (event.action === 'failover') return notModelled('a failover runbook in the simulation', `failover: ${event.region} needs the services that play it (RDS, auto scaling)`, event.path);
  if (event.action === 'restore') {
    const dbs = databaseNames(cloud);
    const close = nearest(event.resource, dbs);
    return new SimError('UnknownResource', `the submission has no database named ${event.resource}${close ? `; did you mean ${close}?` : ''} (${dbs.length ? `its databases: ${dbs.join(', ')}` : 'it has none'})`, event.path);
  }
  if (event.action === 'scale') {
    const pending = pendingResource(cloud, event.group);
    if (pending) {
      return notModelled(`${pending.service} in the simulation`, `${event.group} is ${pending.noun}, which the virtual cloud loads but the simulation does not play yet, so its desired capacity cannot be set`, event.path);
    }
    const groups = groupNames(cloud);
    const twins = groups.filter((g) => g.endsWith(`/${event.group}`));
    if (twins.length > 1) {
      return new SimError('UnknownResource', `${event.group} names a group in more than one region; write ${twins.join(' or ')}`, event.path);
    }
    const close = nearest(event.group, groups);
    return new SimError(
      'UnknownResource',
      `the submission has no auto scaling group named ${event.group}${close ? `; did you mean ${close}?` : ''} (${groups.length ? `its groups: ${groups.join(', ')}` : 'it has none'})`,
      event.path,
    );
  }
  const pending = pendingResource(cloud, event.resource);
  if (pending) {
    return notModelled(`${pending.service} in the simulation`, `${event.resource} is ${pending.noun}, which the virtual cloud loads but the simulation does not play yet, so it cannot be promoted`, event.path);
  }
  const dbs = databaseNames(cloud);
  const close = nearest(event.resource, dbs);
  return new SimError('UnknownResource', `the submission has no read replica named ${event.resource}${close ? `; did you mean ${close}?` : ''} (${dbs.length ? `its databases: ${dbs.join(', ')}` : 'it has no databases'})`, event.path);
}
