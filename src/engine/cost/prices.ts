/**
 * On-demand list prices, us-east-1, in US dollars, as data: each with where it comes from and
 * when it was checked (shared/aws-semantics-services.md §8, items PRC-nn). A resource without
 * a price here is reported as unpriced, never guessed. Usage-based charges (data processed,
 * LCUs, requests, storage) are not in the hourly figures; `USAGE_BASED` states them.
 */
export interface Price {
  /** Dollars per unit. */
  usd: number;
  unit: 'hour' | 'month';
  source: string;
  checked: string;
  /** The item of aws-semantics-services.md §8 the price comes from. */
  item: string;
}

/** Hours in a month for monthly estimates: 365 × 24 / 12 = 730, as AWS's pricing calculator uses. */
export const HOURS_PER_MONTH = 730;

const TABLE = 'public price table "checked against the AWS Price List API on 2026-09-25" (t3.micro, t4g.micro, m5.large, db.t3.micro re-checked that day; the others published list prices)';
const hourly = (usd: number, item: string, checked = '2026-09-25', source = TABLE): Price => ({ usd, unit: 'hour', source, checked, item });

export const PRICES = {
  region: 'us-east-1',
  /** EC2 Linux on-demand per instance-hour (billed per second, 60 s minimum: PRC-14). */
  instances: Object.fromEntries(
    Object.entries({
      't2.micro': 0.0116, 't3.nano': 0.0052, 't3.micro': 0.0104, 't3.small': 0.0208, 't3.medium': 0.0416, 't3.large': 0.0832,
      't4g.nano': 0.0042, 't4g.micro': 0.0084, 't4g.small': 0.0168, 't4g.medium': 0.0336,
      'm5.large': 0.096, 'm6i.large': 0.096, 'm7g.large': 0.0816, 'c5.large': 0.085, 'r5.large': 0.126,
    }).map(([type, usd]) => [type, hourly(usd, 'PRC-01')]),
  ) as Record<string, Price>,
  /** Every public IPv4 address, in use or idle: instances', elastic IPs, NAT gateways', load balancer nodes'. */
  publicIpv4: hourly(0.005, 'PRC-02', '2024-02-01', 'AWS Networking & Content Delivery blog, public IPv4 address charge from 2024-02-01'),
  /** A NAT gateway per hour; data processed ($0.045/GB) is usage-based. */
  natGateway: hourly(0.045, 'PRC-03', '2026-02-24', 'public NAT gateway price tables (2026)'),
  /** Load balancers per hour or partial hour; LCUs / NLCUs are usage-based. */
  loadBalancers: {
    application: hourly(0.0225, 'PRC-04', '2026-05-08', 'public ELB price tables (cloud-horizons.com 2026-05-08, awsnegotiations.com 2026-05)'),
    network: hourly(0.0225, 'PRC-05', '2026-05', 'public ELB price tables (awsnegotiations.com 2026-05)'),
  } as Record<string, Price>,
  /** RDS single-AZ per instance-hour by class (MySQL/PostgreSQL list price); Multi-AZ is twice (PRC-06, RDS-12). Storage is extra. */
  databases: Object.fromEntries(
    Object.entries({ 'db.t3.micro': 0.017, 'db.t4g.micro': 0.016, 'db.t3.small': 0.034, 'db.t4g.small': 0.032, 'db.t3.medium': 0.068, 'db.m5.large': 0.171 }).map(([c, usd]) => [c, hourly(usd, 'PRC-06')]),
  ) as Record<string, Price>,
  /** Route 53 per month: a hosted zone (first 25; $0.10 after), a health check of an AWS endpoint (non-AWS $0.75). */
  hostedZone: { usd: 0.5, unit: 'month', source: 'public Route 53 price tables (ns1.com, eatsip365.com)', checked: '2026-09-25', item: 'PRC-07' } as Price,
  healthCheck: { usd: 0.5, unit: 'month', source: 'Route 53 console price summary, as quoted by public lessons', checked: '2026-09-25', item: 'PRC-08' } as Price,
  healthCheckNonAws: { usd: 0.75, unit: 'month', source: 'Route 53 console price summary, as quoted by public lessons', checked: '2026-09-25', item: 'PRC-08' } as Price,
} as const;

/** What is billed by use, not by the hour, and so not in an hourly estimate. */
export const USAGE_BASED = {
  cloudFront: 'CloudFront bills by use: $0.085 per GB to viewers (first 10 TB a month, US and Europe) and per request; 1 TB and 10 million requests a month are free; fetches from AWS origins are free (PRC-10, https://aws.amazon.com/cloudfront/pricing/)',
  backup: 'AWS Backup bills the storage its recovery points use, per GB-month; not priced here',
  loadBalancerCapacity: 'load balancer capacity units ($0.008 per ALB LCU-hour, $0.006 per NLCU-hour) are billed by use and not included (PRC-04, PRC-05)',
  natData: 'NAT gateway data processing ($0.045 per GB) is billed by use and not included (PRC-03)',
  databaseStorage: 'database storage and backups beyond the free allowance are billed per GB-month and not included (PRC-06)',
} as const;

/** A price per hour, whatever its unit. */
export function perHour(p: Price): number {
  return p.unit === 'hour' ? p.usd : p.usd / HOURS_PER_MONTH;
}
