import { type CostEstimate, estimateCost } from '../engine/cost/estimate.js';
import { instanceTypesOf } from './instance-types.js';
import type { LoadedSubmission } from './load-submission.js';
import { printable } from './safe-text.js';

/**
 * `cloudlab cost`: the estimate of a loaded submission (instance types read from the
 * templates and the launch templates of auto scaling groups, since the engine keeps no
 * type: instance-types.ts), as a text report at 80 columns and as JSON.
 */
export function submissionCost(loaded: LoadedSubmission): CostEstimate {
  return estimateCost({ cloud: loaded.cloud, instanceTypes: instanceTypesOf(loaded) });
}

const money = (n: number, places: number): string => n.toFixed(places);

/** The sources of the prices used, one per item of aws-semantics-services.md §8. */
export function priceSources(est: CostEstimate): { item: string; source: string; checked: string }[] {
  const seen = new Map<string, { item: string; source: string; checked: string }>();
  for (const i of est.items) seen.set(`${i.price.item} ${i.price.source}`, { item: i.price.item, source: i.price.source, checked: i.price.checked });
  return [...seen.values()].sort((a, b) => a.item.localeCompare(b.item));
}

export function costJson(est: CostEstimate, regions: readonly string[]): Record<string, unknown> {
  return {
    pricesRegion: est.region,
    regions,
    hoursPerMonth: est.hoursPerMonth,
    items: est.items.map((i) => ({ resource: i.resource, region: i.region, what: i.what, quantity: i.quantity, hourlyUsd: i.hourlyUsd, monthlyUsd: i.monthlyUsd, priceItem: i.price.item })),
    lines: est.lines.map((l) => ({ what: l.what, quantity: l.quantity, resources: l.resources, hourlyUsd: l.hourlyUsd, monthlyUsd: l.monthlyUsd })),
    total: { hourlyUsd: est.hourlyUsd, monthlyUsd: est.monthlyUsd },
    usageBased: est.usageBased,
    unpriced: est.unpriced,
    sources: priceSources(est),
  };
}

function fit(text: string, n: number): string {
  return text.length <= n ? text.padEnd(n) : `${text.slice(0, n - 1)}…`;
}

/** Word-wraps `text` to `width` with `indent` before continuation lines. */
function wrapped(first: string, text: string, indent: string, width: number): string[] {
  const out: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > width && line.trim() !== '' && line !== first) {
      out.push(line.trimEnd());
      line = indent;
    }
    line += (line === first || line === indent ? '' : ' ') + word;
  }
  out.push(line.trimEnd());
  return out;
}

export function costText(est: CostEstimate, path: string, regions: readonly string[], width = 80): string[] {
  const lines: string[] = [];
  const other = regions.filter((r) => r !== est.region);
  lines.push(...wrapped('', `Cost of ${path}: on-demand list prices of ${est.region}${other.length ? ` (used for ${other.join(', ')} too)` : ''}, ${est.hoursPerMonth} hours a month.`, '', width));
  lines.push('');
  const [R, W, H, M] = [24, 32, 9, 10];
  const row = (a: string, b: string, c: string, d: string): string => `${fit(a, R)} ${fit(b, W)} ${c.padStart(H)} ${d.padStart(M)}`.trimEnd();
  lines.push(row('resource', 'billed', '$/hour', '$/month'));
  lines.push(row('─'.repeat(R), '─'.repeat(W), '─'.repeat(H), '─'.repeat(M)));
  if (est.items.length === 0) lines.push('(nothing billed by the hour)');
  for (const i of est.items) lines.push(row(i.resource, i.quantity > 1 ? `${i.what} ×${i.quantity}` : i.what, money(i.hourlyUsd, 4), money(i.monthlyUsd, 2)));
  lines.push(row('─'.repeat(R), '─'.repeat(W), '─'.repeat(H), '─'.repeat(M)));
  lines.push(row('total', '', money(est.hourlyUsd, 4), money(est.monthlyUsd, 2)));
  if (est.usageBased.length) {
    lines.push('', 'Billed by use, not in the total:');
    for (const u of est.usageBased) lines.push(...wrapped('  - ', `${u.resources.join(', ')}: ${u.note}.`, '    ', width));
  }
  if (est.unpriced.length) {
    lines.push('', 'Not priced (not in the total):');
    for (const u of est.unpriced) lines.push(...wrapped('  - ', `${u.resource}: ${u.reason}.`, '    ', width));
  }
  const sources = priceSources(est);
  if (sources.length) {
    lines.push('', 'Prices:');
    for (const s of sources) lines.push(...wrapped('  - ', `${s.item}: ${s.source}, checked ${s.checked}.`, '    ', width));
  }
  return lines.map((l) => printable(l));
}
