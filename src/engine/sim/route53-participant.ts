import { formatIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CLOUDFRONT } from '../cloudfront/kinds.js';
import { resourceByDnsName } from '../dns-targets.js';
import { nodeInterfaces } from '../elbv2/forward.js';
import { ELBV2 } from '../elbv2/kinds.js';
import { RDS } from '../rds/kinds.js';
import { EndpointError, resolveEndpoint } from '../reach/endpoints.js';
import type { HealthCheck } from '../route53/health-check.js';
import { ROUTE53 } from '../route53/kinds.js';
import type { RecordSet } from '../route53/record-set.js';
import { resolve, weightedShares } from '../route53/resolve.js';
import { distributionEnd } from './cloudfront-participant.js';
import { ELB_SERVICE } from './elb-participant.js';
import type { EndRef } from './network-view.js';
import type { Participant, Route, RouteShare, SimContext } from './participant.js';
import type { Protocol } from './scenario.js';

export const ROUTE53_SERVICE = 'Route 53';

/** The TTL clients keep an alias answer: Route 53 gives alias records the target's TTL, 60 s for a load balancer (R53-10). */
export const ALIAS_TTL_SECONDS = 60;

const CHECKERS: EndRef = { kind: 'internet', name: 'Route 53 health checkers' };

interface CheckState {
  check: HealthCheck;
  name: string;
  /** What it checks: the interfaces one of which must answer; undefined when outside the submission (then always healthy). */
  endpoints?: EndRef[];
  port: number;
  healthy: boolean;
  /** Consecutive results that disagree with `healthy`. */
  streak: number;
}

interface NameState {
  name: string;
  records: RecordSet[];
  /**
   * The records Route 53 answers now, and the ones clients use (the old ones until their TTL
   * runs out): one record, or a weighted name's healthy records, sharing by weight.
   */
  answering: RecordSet[];
  using: RecordSet[];
  epoch: number;
}

type Timer = { kind: 'check'; id: string } | { kind: 'ttl'; name: string; epoch: number };

/**
 * Route 53 over time (R53-04 to R53-10). Each endpoint health check runs every
 * RequestInterval from the internet (its checkers): it passes when the checked address (its
 * IPAddress, or what its FullyQualifiedDomainName names: an instance, a database, a load
 * balancer's nodes) is reachable on its port, and flips after FailureThreshold consecutive
 * results the other way, so a failure is detected within interval × threshold. A DNS name of
 * the submission's zones is a traffic end: a failover name answers its PRIMARY while it is
 * healthy, else the SECONDARY when that is healthy (both unhealthy: the PRIMARY; a record with
 * no health check, and an alias without EvaluateTargetHealth, is always healthy); a weighted
 * name spreads its requests over its healthy records by weight (R53-05: an unhealthy record
 * gets none; all unhealthy, all are answered; all weights 0, equal shares). When the answer
 * changes, clients keep the old one for its TTL (an alias: 60 s), then follow the new one.
 * Other routing policies answer as the resolver does (resolve.ts). Not played: calculated
 * and CloudWatch-alarm checks (always healthy), HTTP status codes and string matching (a
 * reachable endpoint passes), the 18 % checker aggregation.
 */
export class Route53Participant implements Participant {
  readonly service = ROUTE53_SERVICE;
  private readonly checks = new Map<string, CheckState>();
  private readonly names = new Map<string, NameState>();

  resolveEnd(cloud: Cloud, text: string): EndRef | undefined {
    const name = dnsOf(text);
    if (!name || recordsNamed(cloud, name).length === 0) return undefined;
    return { kind: 'service', name: text, service: ROUTE53_SERVICE, id: name };
  }

  start(ctx: SimContext): void {
    for (const check of ctx.cloud.table(ROUTE53.healthCheck).values()) {
      const s: CheckState = { check, name: check.logicalId ?? check.checkId, ...endpointsOf(ctx.cloud, check), port: portOf(check), healthy: true, streak: 0 };
      this.checks.set(check.checkId, s);
      if (s.endpoints) ctx.after(check.requestInterval, this, { kind: 'check', id: check.checkId } satisfies Timer);
    }
  }

  timer(ctx: SimContext, payload: unknown): void {
    const t = payload as Timer;
    if (t.kind === 'check') {
      const s = this.checks.get(t.id)!;
      ctx.after(s.check.requestInterval, this, t);
      const passes = s.endpoints!.some((e) => ctx.reaches(CHECKERS, e, s.port, 'tcp')) !== s.check.inverted;
      if (passes === s.healthy) {
        s.streak = 0;
        return;
      }
      if (++s.streak < s.check.failureThreshold) return;
      s.healthy = passes;
      s.streak = 0;
      ctx.emit(
        passes ? 'health-check-healthy' : 'health-check-failed',
        s.name,
        `Route 53 health check ${s.name} is ${passes ? 'healthy' : 'unhealthy'} after ${s.check.failureThreshold} ${passes ? 'passing' : 'failed'} checks ${s.check.requestInterval} s apart (R53-08, R53-10)`,
      );
      this.reselect(ctx);
      return;
    }
    const n = this.names.get(t.name);
    if (!n || n.epoch !== t.epoch) return;
    n.using = n.answering;
    ctx.emit('dns-clients-switched', n.name, `clients of ${n.name} now use ${answerLabel(n.using)}: the TTL of the old answer ran out`);
    ctx.changed();
  }

  route(ctx: SimContext, end: Extract<EndRef, { kind: 'service' }>, port: number, protocol: Protocol): Route {
    const n = this.nameState(ctx, end.id);
    const shares: RouteShare[] = [];
    const outside: string[] = [];
    for (const { record, share } of weighted(n.using)) {
      const to = targetOf(ctx.cloud, record);
      if ('outside' in to) outside.push(to.outside);
      else if (to.kind === 'service') shares.push({ share, legs: [], to, port, protocol });
      else shares.push({ share, legs: [{ from: 'client', to, port, protocol }], to, port, protocol });
    }
    if (shares.length === 0) return { shares: [], dropped: `${n.name} answers ${outside.join(', ')}, which is not in the submission` };
    return { shares };
  }

  /** What clients of each name use, at the end of the interval. */
  sample(): Record<string, Record<string, string>> {
    if (this.names.size === 0) return {};
    const out: Record<string, string> = {};
    for (const n of this.names.values()) out[n.name] = answerLabel(n.using);
    return { dns: out };
  }

  private nameState(ctx: SimContext, name: string): NameState {
    let n = this.names.get(name);
    if (!n) {
      const records = recordsNamed(ctx.cloud, name);
      const answering = this.select(records);
      n = { name, records, answering, using: answering, epoch: 0 };
      this.names.set(name, n);
    }
    return n;
  }

  /** After a health check flipped: names whose answer changes keep the old one for its TTL. */
  private reselect(ctx: SimContext): void {
    for (const n of this.names.values()) {
      const next = this.select(n.records);
      if (sameAnswer(next, n.answering)) continue;
      n.answering = next;
      n.epoch++;
      if (sameAnswer(next, n.using)) {
        ctx.emit('dns-answer-changed', n.name, `Route 53 answers ${n.name} with ${answerLabel(next)} again`);
        continue;
      }
      const ttl = Math.max(...n.using.map((r) => (r.alias ? ALIAS_TTL_SECONDS : (r.ttl ?? ALIAS_TTL_SECONDS))));
      ctx.emit('dns-answer-changed', n.name, `Route 53 answers ${n.name} with ${answerLabel(next)}; clients keep ${answerLabel(n.using)} for up to its TTL, ${ttl} s (R53-04)`);
      ctx.after(ttl, this, { kind: 'ttl', name: n.name, epoch: n.epoch } satisfies Timer);
    }
    ctx.changed();
  }

  /** R53-05, R53-06: the records Route 53 answers with the health checks as they are now. */
  private select(records: RecordSet[]): RecordSet[] {
    const weightedOnes = records.filter((r) => r.policy === 'weighted');
    if (weightedOnes.length > 0) {
      const healthy = weightedOnes.filter((r) => this.healthy(r));
      return healthy.length ? healthy : weightedOnes;
    }
    const failover = records.filter((r) => r.policy === 'failover');
    if (failover.length === 0) return [records[0]];
    const primary = failover.find((r) => r.failover === 'PRIMARY');
    const secondary = failover.find((r) => r.failover === 'SECONDARY');
    if (primary && (this.healthy(primary) || !secondary || !this.healthy(secondary))) return [primary];
    return [secondary ?? failover[0]];
  }

  private healthy(r: RecordSet): boolean {
    if (!r.healthCheckId) return true;
    return this.checks.get(r.healthCheckId)?.healthy ?? true;
  }
}

function dnsOf(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/\.$/, '');
  return /^(?=.*[a-z])[a-z0-9*_-]+(\.[a-z0-9_-]+)+$/.test(t) ? t : undefined;
}

/** The records of a name (type A, else CNAME) in the submission's zones, public first. */
function recordsNamed(cloud: Cloud, name: string): RecordSet[] {
  const all = [...cloud.table(ROUTE53.recordSet).values()].filter((r) => r.name === name);
  const zones = cloud.table(ROUTE53.hostedZone);
  const of = (type: string) => all.filter((r) => r.type === type);
  const records = of('A').length ? of('A') : of('CNAME');
  const publicOnes = records.filter((r) => !zones.get(r.zoneId)?.private);
  return publicOnes.length ? publicOnes : records;
}

/** Where a record sends its clients: an interface, a load balancer, or something outside the submission. */
function targetOf(cloud: Cloud, r: RecordSet): EndRef | { outside: string } {
  const named = (dns: string): EndRef | { outside: string } => {
    const res = resourceByDnsName(cloud, dns);
    if (res) return endOfResource(cloud, res.id) ?? { outside: dns };
    const further = resolve(cloud, dns);
    if (further.target) return endOfResource(cloud, further.target.id) ?? { outside: dns };
    return { outside: further.values[0] ?? dns };
  };
  if (r.alias) return named(r.alias.dnsName);
  if (r.type === 'CNAME') return named(r.values[0]);
  try {
    const e = resolveEndpoint(cloud, r.values[0] ?? '');
    if (e.kind === 'interface') return { kind: 'interface', name: r.values[0], eniId: e.eni.id };
  } catch (err) {
    if (!(err instanceof EndpointError)) throw err;
  }
  return { outside: r.values[0] ?? r.name };
}

function endOfResource(cloud: Cloud, id: string): EndRef | undefined {
  const dist = cloud.table(CLOUDFRONT.distribution).get(id);
  if (dist) return distributionEnd(dist);
  const lb = cloud.table(ELBV2.loadBalancer).get(id);
  if (lb) return { kind: 'service', name: lb.logicalId ?? lb.name, service: ELB_SERVICE, id: lb.arn };
  const db = cloud.table(RDS.dbInstance).get(id);
  if (db?.networkInterfaceId) return { kind: 'interface', name: db.logicalId ?? db.identifier, eniId: db.networkInterfaceId };
  return undefined;
}

/** The interfaces a health check reaches: by IPAddress (the interface holding it), else by its name. */
function endpointsOf(cloud: Cloud, check: HealthCheck): { endpoints?: EndRef[] } {
  if (check.type === 'CALCULATED' || check.type === 'CLOUDWATCH_METRIC' || check.type === 'RECOVERY_CONTROL') return {};
  if (check.ipAddress) {
    const eni = [...cloud.interfaces.values()].find((e) => e.publicIp !== undefined && formatIp(e.publicIp) === check.ipAddress);
    return eni ? { endpoints: [{ kind: 'interface', name: check.ipAddress, eniId: eni.id }] } : {};
  }
  if (!check.fullyQualifiedDomainName) return {};
  const res = resourceByDnsName(cloud, check.fullyQualifiedDomainName) ?? resolve(cloud, check.fullyQualifiedDomainName).target;
  if (!res) return {};
  const lb = cloud.table(ELBV2.loadBalancer).get(res.id);
  if (lb) return { endpoints: nodeInterfaces(cloud, lb).map(({ zone, eni }) => ({ kind: 'interface', name: `${lb.logicalId ?? lb.name} node in ${zone}`, eniId: eni.id })) };
  const db = cloud.table(RDS.dbInstance).get(res.id);
  if (db?.networkInterfaceId) return { endpoints: [{ kind: 'interface', name: db.logicalId ?? db.identifier, eniId: db.networkInterfaceId }] };
  return {};
}

function portOf(check: HealthCheck): number {
  return check.port ?? (check.type.startsWith('HTTPS') ? 443 : 80);
}

/** Each record of an answer with its share of the requests (weightedShares), those with none left out. */
function weighted(records: readonly RecordSet[]): { record: RecordSet; share: number }[] {
  return weightedShares(records).filter((x) => x.share > 0);
}

function sameAnswer(a: readonly RecordSet[], b: readonly RecordSet[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}

function answerLabel(records: readonly RecordSet[]): string {
  if (records.length === 1) return recordLabel(records[0]);
  return weighted(records)
    .map(({ record, share }) => `${recordLabel(record)} ${Math.round(share * 100)}%`)
    .join(', ');
}

function recordLabel(r: RecordSet): string {
  const what = r.alias ? `alias ${r.alias.dnsName}` : r.values.join(', ');
  return `${r.failover ? `${r.failover} ` : ''}${r.setIdentifier ? `${r.setIdentifier} ` : ''}(${what})`.trim();
}
