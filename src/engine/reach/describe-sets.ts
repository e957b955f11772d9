import { formatIp } from '../address.js';
import type { IntervalSet } from '../intervals.js';

/** The fewest CIDR blocks that cover exactly [lo, hi]. */
export function rangeToCidrs(lo: number, hi: number): string[] {
  const out: string[] = [];
  let cur = lo;
  while (cur <= hi) {
    let size = 1;
    let prefix = 32;
    while (prefix > 0) {
      const bigger = size * 2;
      if (cur % bigger !== 0 || cur + bigger - 1 > hi) break;
      size = bigger;
      prefix--;
    }
    out.push(`${formatIp(cur)}/${prefix}`);
    cur += size;
  }
  return out;
}

export function addressSetToCidrs(s: IntervalSet): string[] {
  return s.intervals.flatMap(([a, b]) => rangeToCidrs(a, b));
}

/** "10.0.0.0/16, 192.0.2.7/32" — at most `max` blocks, then "and N more". */
export function describeAddresses(s: IntervalSet, max = 4): string {
  const list = addressSetToCidrs(s);
  if (list.length <= max) return list.join(', ');
  return `${list.slice(0, max).join(', ')} and ${list.length - max} more blocks`;
}

export function describePorts(s: IntervalSet): string {
  return s.intervals.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');
}

/**
 * Which of the addresses asked about get through, in words: "every internet address",
 * "every internet address except 203.0.113.0/24", or the blocks themselves.
 */
export function describeSources(got: IntervalSet, asked: IntervalSet, max = 4): string {
  if (got.equals(asked)) return asked.size > 2 ** 24 ? 'every internet address' : `every address of ${describeAddresses(asked, max)}`;
  const missing = asked.subtract(got);
  if (addressSetToCidrs(missing).length <= max && got.size > missing.size) {
    return `${asked.size > 2 ** 24 ? 'every internet address' : describeAddresses(asked, max)} except ${describeAddresses(missing, max)}`;
  }
  return describeAddresses(got, max);
}
