/**
 * The simulation's clock in calendar terms, for scheduled actions (ASG-11): second 0 of a
 * scenario is 00:00 UTC on Monday 1 January 2024 (a fixed day, so that the same scenario gives
 * the same result; a Monday, so that weekday schedules start on a working day). A Recurrence
 * is a 5-field cron expression on that clock, in UTC; a StartTime is placed on it by its date.
 */
export const CLOCK_ORIGIN = Date.UTC(2024, 0, 1, 0, 0, 0);
export const CLOCK_ORIGIN_TEXT = '2024-01-01T00:00:00Z (a Monday)';

const RANGES: readonly [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];
const NAMES: readonly Record<string, number>[] = [{}, {}, {}, { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12 }, { SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6 }];

/** The values a cron field allows, or undefined when it cannot be read. */
function field(text: string, k: number): Set<number> | undefined {
  const [lo, hi] = RANGES[k];
  const out = new Set<number>();
  const value = (v: string): number => (v.toUpperCase() in NAMES[k] ? NAMES[k][v.toUpperCase()] : Number(v));
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let a: number;
    let b: number;
    if (range === '*' || range === '?') [a, b] = [lo, hi];
    else if (range.includes('-')) [a, b] = range.split('-').map(value) as [number, number];
    else {
      a = value(range);
      b = stepText === undefined ? a : hi;
    }
    if (![a, b, step].every(Number.isInteger) || a < lo || b > hi || a > b || step < 1) return undefined;
    for (let v = a; v <= b; v += step) out.add(k === 4 && v === 7 ? 0 : v);
  }
  return out;
}

/** The seconds in [0, duration] at which a cron expression fires, or undefined when it cannot be read. */
export function cronTimes(expr: string, duration: number): number[] | undefined {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) return undefined;
  const f = parts.map((p, k) => field(p, k));
  if (f.some((x) => x === undefined)) return undefined;
  const [min, hour, dom, month, dow] = f as Set<number>[];
  // Cron's rule: when both day fields are restricted, a day matches either.
  const domAny = parts[2] === '*' || parts[2] === '?';
  const dowAny = parts[4] === '*' || parts[4] === '?';
  const out: number[] = [];
  for (let t = 0; t <= duration; t += 60) {
    const d = new Date(CLOCK_ORIGIN + t * 1000);
    if (!min.has(d.getUTCMinutes()) || !hour.has(d.getUTCHours()) || !month.has(d.getUTCMonth() + 1)) continue;
    const byDom = dom.has(d.getUTCDate());
    const byDow = dow.has(d.getUTCDay());
    const day = domAny && dowAny ? true : domAny ? byDow : dowAny ? byDom : byDom || byDow;
    if (day) out.push(t);
  }
  return out;
}

/** An ISO-8601 time as seconds on the simulation's clock (negative: before the scenario). */
export function clockSeconds(iso: string): number {
  return Math.round((Date.parse(iso) - CLOCK_ORIGIN) / 1000);
}
