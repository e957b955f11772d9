import { HOURS_PER_MONTH, perHour, type Price, PRICES } from './prices.js';

/**
 * Cost lines as functions over plain fields, so any service prices its resources with one
 * call and the estimator needs no knowledge of it: an instance by type, a load balancer by
 * type and zones, a database by class and Multi-AZ, a hosted zone, a health check.
 */
export interface CostItem {
  /** The resource's logical id (or id). */
  resource: string;
  region: string;
  /** What is billed: `EC2 t3.micro`, `public IPv4 addresses`. Items with the same `what` make one line. */
  what: string;
  quantity: number;
  hourlyUsd: number;
  monthlyUsd: number;
  price: Price;
}

export type Unpriced = { resource: string; reason: string };
export type Priced = CostItem | Unpriced;

export interface Subject {
  resource: string;
  region: string;
}

export function item(s: Subject, what: string, price: Price, quantity = 1): CostItem {
  const hourlyUsd = perHour(price) * quantity;
  return { resource: s.resource, region: s.region, what, quantity, hourlyUsd, monthlyUsd: hourlyUsd * HOURS_PER_MONTH, price };
}

export function instanceLine(s: Subject, f: { type: string }): Priced {
  const p = PRICES.instances[f.type];
  return p ? item(s, `EC2 ${f.type}`, p) : { resource: s.resource, reason: `no price for instance type ${f.type} in the table` };
}

export function publicIpv4Line(s: Subject, count = 1): CostItem {
  return item(s, 'public IPv4 addresses', PRICES.publicIpv4, count);
}

export function natGatewayLine(s: Subject): CostItem {
  return item(s, 'NAT gateway hours', PRICES.natGateway);
}

/** A load balancer's hours, and for an internet-facing one the public address of its node in each zone (PRC-02). */
export function loadBalancerLine(s: Subject, f: { type: 'application' | 'network' | string; zones: number; internetFacing?: boolean }): Priced[] {
  const p = PRICES.loadBalancers[f.type];
  if (!p) return [{ resource: s.resource, reason: `no price for load balancer type ${f.type}` }];
  const out: Priced[] = [item(s, `${f.type === 'application' ? 'ALB' : 'NLB'} hours`, p)];
  if (f.internetFacing && f.zones > 0) out.push(publicIpv4Line(s, f.zones));
  return out;
}

/** A database instance by class; Multi-AZ bills the standby too, twice the single-AZ price (RDS-12). */
export function databaseLine(s: Subject, f: { class: string; multiAz: boolean; publiclyAccessible?: boolean }): Priced[] {
  const p = PRICES.databases[f.class];
  if (!p) return [{ resource: s.resource, reason: `no price for database class ${f.class} in the table` }];
  const out: Priced[] = [item(s, `RDS ${f.class}${f.multiAz ? ' Multi-AZ' : ''}`, p, f.multiAz ? 2 : 1)];
  if (f.publiclyAccessible) out.push(publicIpv4Line(s));
  return out;
}

export function hostedZoneLine(s: Subject): CostItem {
  return item(s, 'Route 53 hosted zones', PRICES.hostedZone);
}

export function healthCheckLine(s: Subject, f: { awsEndpoint: boolean }): CostItem {
  return item(s, 'Route 53 health checks', f.awsEndpoint ? PRICES.healthCheck : PRICES.healthCheckNonAws);
}
