/**
 * How many requests a second an instance serves, by instance type: an assumption the course
 * states, not an AWS figure (AWS publishes none; it depends on the application). The basic
 * server of the course's seed architectures serves 5 requests a second at full CPU; a type
 * with more vCPUs or a larger baseline serves proportionally more. Requests beyond capacity
 * are dropped and counted. CPU is the share of capacity in use: 5 requests a second on a
 * t3.micro is 100 %, 4 is 80 %.
 */
export interface Capacity {
  /** Requests a second at 100 % CPU. */
  rps: number;
  /** Why this number, in a sentence. */
  basis: string;
}

const BASIC = 'the basic server of the course: 5 requests a second at full CPU';
const scaled = (factor: number, why: string): Capacity => ({ rps: 5 * factor, basis: `${why}: ${factor} × the basic server` });

export const CAPACITY: Readonly<Record<string, Capacity>> = {
  'm1.small': { rps: 5, basis: `${BASIC} (the type an instance gets when InstanceType is not given)` },
  't2.nano': scaled(0.5, 'half the memory and burst of a micro'),
  't2.micro': { rps: 5, basis: BASIC },
  't2.small': scaled(2, 'twice the baseline of a micro'),
  't2.medium': scaled(4, '2 vCPUs, twice the baseline of a small'),
  't3.nano': scaled(0.5, 'half the memory and burst of a micro'),
  't3.micro': { rps: 5, basis: BASIC },
  't3.small': scaled(2, 'twice the baseline of a micro'),
  't3.medium': scaled(4, '2 vCPUs, twice the baseline of a small'),
  't3.large': scaled(6, '2 vCPUs at a higher baseline'),
  'm5.large': scaled(8, '2 full vCPUs'),
  'm5.xlarge': scaled(16, '4 full vCPUs'),
  'm5.2xlarge': scaled(32, '8 full vCPUs'),
  'c5.large': scaled(10, '2 full vCPUs, compute optimised'),
  'c5.xlarge': scaled(20, '4 full vCPUs, compute optimised'),
};

/** The default type of an instance without InstanceType, as RunInstances gives it. */
export const DEFAULT_INSTANCE_TYPE = 'm1.small';

/** The capacity of a type; a type missing from the table counts as the basic server, and says so. */
export function capacityOf(type: string): Capacity & { assumed: boolean } {
  const c = CAPACITY[type];
  if (c) return { ...c, assumed: false };
  return { rps: 5, basis: `${type} is not in the capacity table; counted as the basic server (5 requests a second)`, assumed: true };
}

/** The CPU of an instance serving `rps` requests a second, in percent of its type's capacity (at most 100: the rest is dropped). */
export function cpuPercent(rps: number, type: string): number {
  return Math.min(100, (100 * rps) / capacityOf(type).rps);
}

/** Requests a second at full CPU by instance type: the scenario's own figures where it gives them, else the table. */
export type RateOf = (type: string) => number;

export function rateOf(overrides?: Readonly<Record<string, number>>, scale = 1): RateOf {
  return (type) => overrides?.[type] ?? capacityOf(type).rps * scale;
}
