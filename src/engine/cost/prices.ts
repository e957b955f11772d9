/**
 * On-demand list prices, us-east-1, in US dollars, as data: each with where it comes from and
 * when it was checked (shared/aws-semantics-services.md §8). A resource without a price here is
 * reported as unpriced, never guessed.
 */
export interface Price {
  /** Dollars per unit. */
  usd: number;
  unit: 'hour';
  source: string;
  checked: string;
  /** The item of aws-semantics-services.md §8 the price comes from. */
  item: string;
}

/** Hours in a month for monthly estimates: 365 × 24 / 12 = 730, as AWS's pricing calculator uses. */
export const HOURS_PER_MONTH = 730;

const PRC01 = { source: 'AWS Price List API, as tabulated in public price tables', checked: '2026-09-25', item: 'PRC-01' };

export const PRICES = {
  region: 'us-east-1',
  /** EC2 Linux on-demand per instance-hour (billed per second, 60 s minimum: PRC-14). */
  instances: {
    't3.micro': { usd: 0.0104, unit: 'hour', ...PRC01 },
    't3.small': { usd: 0.0208, unit: 'hour', ...PRC01 },
    'm5.large': { usd: 0.096, unit: 'hour', ...PRC01 },
  } as Record<string, Price>,
  /** Every public IPv4 address, in use or idle: instances', elastic IPs, NAT gateways'. */
  publicIpv4: { usd: 0.005, unit: 'hour', source: 'AWS Networking & Content Delivery blog, public IPv4 address charge from 2024-02-01', checked: '2024-02-01', item: 'PRC-02' } as Price,
  /** A NAT gateway per hour; data processed ($0.045/GB) is not modelled. */
  natGateway: { usd: 0.045, unit: 'hour', source: 'public NAT gateway price tables (2026)', checked: '2026-02-24', item: 'PRC-03' } as Price,
} as const;
