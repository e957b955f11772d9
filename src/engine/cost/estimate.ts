import type { Cloud } from '../cloud.js';
import { HOURS_PER_MONTH, PRICES, type Price } from './prices.js';

/**
 * A monthly cost estimate of a topology, pure: one line per priced resource family, and the
 * resources it cannot price (an instance type missing from the table). Data transfer, and
 * resources the engine does not model yet (load balancers, databases, hosted zones, health
 * checks), are not counted; each new family is one more `lines` source below.
 */
export interface CostLine {
  what: string;
  /** Resource logical ids (or ids) counted on this line. */
  resources: string[];
  quantity: number;
  unitUsd: number;
  monthlyUsd: number;
  price: Price;
}

export interface CostEstimate {
  region: string;
  hoursPerMonth: number;
  lines: CostLine[];
  monthlyUsd: number;
  unpriced: { resource: string; reason: string }[];
}

export interface CostInput {
  cloud: Cloud;
  /** The declared type of each instance (logical id → InstanceType). */
  instanceTypes: ReadonlyMap<string, string>;
}

const nameOf = (r: { id: string; logicalId?: string }): string => r.logicalId ?? r.id;
const round = (n: number): number => Math.round(n * 100) / 100;

function line(what: string, resources: string[], price: Price): CostLine {
  const monthly = resources.length * price.usd * HOURS_PER_MONTH;
  return { what, resources, quantity: resources.length, unitUsd: price.usd, monthlyUsd: round(monthly), price };
}

export function estimateCost({ cloud, instanceTypes }: CostInput): CostEstimate {
  const lines: CostLine[] = [];
  const unpriced: CostEstimate['unpriced'] = [];
  const byType = new Map<string, string[]>();
  for (const i of [...cloud.instances.values()].sort((a, b) => nameOf(a).localeCompare(nameOf(b)))) {
    const type = instanceTypes.get(i.logicalId ?? i.id) ?? 'm1.small';
    if (!PRICES.instances[type]) {
      unpriced.push({ resource: nameOf(i), reason: `no price for instance type ${type} in the table` });
      continue;
    }
    byType.set(type, [...(byType.get(type) ?? []), nameOf(i)]);
  }
  for (const [type, list] of [...byType].sort()) lines.push(line(`EC2 ${type}`, list, PRICES.instances[type]));
  const nats = [...cloud.natGateways.values()].map(nameOf).sort();
  if (nats.length) lines.push(line('NAT gateway hours', nats, PRICES.natGateway));
  const addresses: string[] = [];
  for (const e of [...cloud.interfaces.values()].sort((a, b) => nameOf(a).localeCompare(nameOf(b)))) if (e.publicIp !== undefined) addresses.push(nameOf(e));
  // An elastic IP allocated but not associated is billed too.
  const used = new Set([...cloud.interfaces.values()].map((e) => e.publicIp).filter((x) => x !== undefined));
  for (const eip of cloud.elasticIps.values()) if (!used.has(eip.publicIp)) addresses.push(nameOf(eip));
  if (addresses.length) lines.push(line('public IPv4 addresses', addresses, PRICES.publicIpv4));
  return { region: PRICES.region, hoursPerMonth: HOURS_PER_MONTH, lines, monthlyUsd: round(lines.reduce((n, l) => n + l.monthlyUsd, 0)), unpriced };
}
