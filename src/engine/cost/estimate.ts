import type { Store } from '../store.js';
import type { CostItem, Unpriced } from './lines.js';
import { PRICED_KINDS, type PricingContext } from './priced-kinds.js';
import { HOURS_PER_MONTH, type Price, PRICES } from './prices.js';

/**
 * The cost of a topology, pure: one item per billed resource and charge, the same grouped
 * into lines (`EC2 t3.micro` ×2), totals per hour and per 730-hour month, what bills by use
 * (not in the totals) and what cannot be priced (a type missing from the table). Each kind's
 * pricing is an entry of priced-kinds.ts.
 */
export interface CostLine {
  what: string;
  /** Resource logical ids (or ids) counted on this line. */
  resources: string[];
  quantity: number;
  unitUsd: number;
  hourlyUsd: number;
  monthlyUsd: number;
  price: Price;
}

export interface CostEstimate {
  region: string;
  hoursPerMonth: number;
  items: CostItem[];
  lines: CostLine[];
  hourlyUsd: number;
  monthlyUsd: number;
  usageBased: { resources: string[]; note: string }[];
  unpriced: Unpriced[];
}

export interface CostInput {
  cloud: Store;
  /** The declared type of each instance (logical id → InstanceType). */
  instanceTypes: ReadonlyMap<string, string>;
}

const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places;
// One collator for every comparison: localeCompare with options builds one per call, the cost of an estimate.
const numericEn = new Intl.Collator('en', { numeric: true }).compare;
const byName = <T extends { resource: string }>(a: T, b: T): number => a.resource.localeCompare(b.resource);

export function estimateCost({ cloud, instanceTypes }: CostInput): CostEstimate {
  const ctx: PricingContext = { store: cloud, instanceType: (i) => instanceTypes.get(i.logicalId ?? i.id) ?? 'm1.small' };
  const items: CostItem[] = [];
  const unpriced: Unpriced[] = [];
  const usageBased: CostEstimate['usageBased'] = [];
  for (const k of PRICED_KINDS) {
    const mine: CostItem[] = [];
    const users: string[] = [];
    for (const r of cloud.table(k.kind).values()) {
      users.push(r.logicalId ?? r.id);
      for (const p of k.price(r, ctx)) ('reason' in p ? unpriced.push(p) : mine.push(p));
    }
    items.push(...mine.sort((a, b) => numericEn(a.what, b.what) || byName(a, b)));
    if (k.usage && users.length) usageBased.push({ resources: users.sort(), note: k.usage });
  }
  const lines = new Map<string, CostLine>();
  for (const i of items) {
    const l = lines.get(i.what) ?? { what: i.what, resources: [], quantity: 0, unitUsd: i.price.usd, hourlyUsd: 0, monthlyUsd: 0, price: i.price };
    l.resources.push(i.resource);
    l.quantity += i.quantity;
    l.hourlyUsd += i.hourlyUsd;
    l.monthlyUsd += i.monthlyUsd;
    lines.set(i.what, l);
  }
  const grouped = [...lines.values()].map((l) => ({ ...l, hourlyUsd: round(l.hourlyUsd, 4), monthlyUsd: round(l.monthlyUsd) }));
  const hourly = items.reduce((n, i) => n + i.hourlyUsd, 0);
  return {
    region: PRICES.region,
    hoursPerMonth: HOURS_PER_MONTH,
    items: items.map((i) => ({ ...i, hourlyUsd: round(i.hourlyUsd, 4), monthlyUsd: round(i.monthlyUsd) })),
    lines: grouped,
    hourlyUsd: round(hourly, 4),
    monthlyUsd: round(hourly * HOURS_PER_MONTH),
    usageBased,
    unpriced: unpriced.sort(byName),
  };
}
