import { CloudError } from '../errors.js';
import type { Field } from '../store.js';
import { INVALID } from './kinds.js';

/**
 * Backup rule schedules (BAK-02): `cron(minutes hours day-of-month month day-of-week year)` in
 * UTC, the EventBridge syntax; as often as hourly ("The interval between backup jobs shouldn't
 * be less than 60 minutes"). `rate(…)` is accepted too (UNCONFIRMED: AWS documents only cron
 * for AWS Backup) from one hour up. The default when none is given: cron(0 5 ? * * *).
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupRule.html
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 */
export interface Schedule {
  expression: string;
  kind: 'cron' | 'rate';
  /** The longest time between two backups, in hours, when it is regular enough to say. */
  periodHours?: number;
}

export const DEFAULT_SCHEDULE = 'cron(0 5 ? * * *)';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldRule {
  name: string;
  lo: number;
  hi: number;
  names?: string[];
  /** Extra characters this field allows besides , - * / */
  extra: RegExp;
}

const FIELDS: FieldRule[] = [
  { name: 'minutes', lo: 0, hi: 59, extra: /^$/ },
  { name: 'hours', lo: 0, hi: 23, extra: /^$/ },
  { name: 'day-of-month', lo: 1, hi: 31, extra: /^(\?|L|\d{1,2}W|LW)$/ },
  { name: 'month', lo: 1, hi: 12, names: MONTHS, extra: /^$/ },
  { name: 'day-of-week', lo: 1, hi: 7, names: DAYS, extra: /^(\?|\d?L|[1-7A-Z]{1,3}#[1-5])$/ },
  { name: 'year', lo: 1970, hi: 2199, extra: /^$/ },
];

function bad(expression: string, why: string, field: Field): CloudError {
  return new CloudError(INVALID, `ScheduleExpression ${expression} is not valid: ${why} (for example cron(0 5 ? * * *), daily at 05:00 UTC)`, field);
}

/** The values a cron field stands for, or undefined for the special forms (?, L, W, #). */
function expand(text: string, rule: FieldRule, expression: string, field: Field): Set<number> | undefined {
  if (rule.extra.test(text.toUpperCase())) return undefined;
  const out = new Set<number>();
  const value = (t: string): number => {
    const up = t.toUpperCase();
    const named = rule.names?.indexOf(up) ?? -1;
    if (named >= 0) return named + rule.lo;
    if (!/^\d+$/.test(t)) throw bad(expression, `"${t}" is not a value of the ${rule.name} field`, field);
    const n = Number(t);
    if (n < rule.lo || n > rule.hi) throw bad(expression, `${n} is outside the ${rule.name} field's ${rule.lo}-${rule.hi}`, field);
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw bad(expression, `"${part}" has a step that is not a positive whole number`, field);
    let lo: number;
    let hi: number;
    if (range === '*') [lo, hi] = [rule.lo, rule.hi];
    else if (range.includes('-')) {
      const [a, b] = range.split('-');
      [lo, hi] = [value(a), value(b)];
      if (lo > hi) throw bad(expression, `the range ${range} runs backwards`, field);
    } else {
      lo = value(range);
      hi = stepText === undefined ? lo : rule.hi;
    }
    for (let n = lo; n <= hi; n += step) out.add(n);
  }
  return out;
}

/** The longest gap, in units, between sorted points on a circle of `size` units. */
function longestGap(points: number[], size: number): number {
  const s = [...points].sort((a, b) => a - b);
  let gap = s[0] + size - s[s.length - 1];
  for (let i = 1; i < s.length; i++) gap = Math.max(gap, s[i] - s[i - 1]);
  return gap;
}

function cron(expression: string, body: string, field: Field): Schedule {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6) throw bad(expression, `a cron expression has six fields (minutes hours day-of-month month day-of-week year), not ${parts.length}`, field);
  const sets = parts.map((p, i) => expand(p, FIELDS[i], expression, field));
  const [dom, dow] = [parts[2], parts[4]];
  if ((dom === '?') === (dow === '?')) throw bad(expression, 'exactly one of day-of-month and day-of-week must be ?', field);
  if (!sets[0] || sets[0].size !== 1) throw bad(expression, "the interval between backup jobs shouldn't be less than 60 minutes: give the minutes field one value", field);
  const hours = sets[1]!;
  const everyMonth = parts[3] === '*' && parts[5] === '*';
  let periodHours: number | undefined;
  if (everyMonth && (dom === '*' || dom === '?') && (dow === '*' || dow === '?')) periodHours = longestGap([...hours], 24);
  else if (everyMonth && dom === '?' && sets[4]) periodHours = longestGap([...sets[4]].flatMap((d) => [...hours].map((h) => d * 24 + h)), 168);
  return { expression, kind: 'cron', ...(periodHours !== undefined ? { periodHours } : {}) };
}

function rate(expression: string, body: string, field: Field): Schedule {
  const m = /^\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*$/.exec(body);
  if (!m) throw bad(expression, 'a rate expression is rate(N hours) or rate(N days)', field);
  const n = Number(m[1]);
  if (n < 1 || (n === 1) !== !m[2].endsWith('s')) throw bad(expression, `write rate(1 ${m[2].replace(/s$/, '')}) for one unit and rate(N ${m[2].replace(/s?$/, 's')}) for more`, field);
  const hours = m[2].startsWith('minute') ? n / 60 : m[2].startsWith('hour') ? n : n * 24;
  if (hours < 1) throw bad(expression, "the interval between backup jobs shouldn't be less than 60 minutes", field);
  return { expression, kind: 'rate', periodHours: hours };
}

export function parseSchedule(expression: string | undefined, field: Field): Schedule {
  const e = (expression ?? DEFAULT_SCHEDULE).trim();
  const m = /^(cron|rate)\((.*)\)$/.exec(e);
  if (!m) throw bad(e, 'it must be cron(…) or rate(…)', field);
  return m[1] === 'cron' ? cron(e, m[2], field) : rate(e, m[2], field);
}

/**
 * The times a schedule starts backup jobs between two instants (milliseconds since the Unix
 * epoch, UTC; `from` included, `to` not), in order. cron follows EventBridge: `?` is any day,
 * day-of-week 1-7 is SUN-SAT, `L` is the last day (of the month; alone in day-of-week,
 * Saturday), `nW` the weekday nearest day n, `LW` the last weekday, `nL` the last weekday n of
 * the month, `n#k` its k-th. rate(N hours) counts from `origin`.
 */
export function scheduledTimes(schedule: Schedule, from: number, to: number, origin = from): number[] {
  const HOUR = 3_600_000;
  const out: number[] = [];
  if (schedule.kind === 'rate') {
    const period = (schedule.periodHours ?? 24) * HOUR;
    for (let t = origin + Math.max(0, Math.ceil((from - origin) / period)) * period; t < to; t += period) out.push(t);
    return out;
  }
  const parts = /^cron\((.*)\)$/.exec(schedule.expression)![1].trim().split(/\s+/);
  const sets = parts.map((p, i) => expand(p, FIELDS[i], schedule.expression, []));
  const minute = [...sets[0]!][0];
  const inSet = (i: number, v: number): boolean => sets[i] === undefined || sets[i]!.has(v);
  for (let h = Math.floor(from / HOUR) * HOUR; h < to; h += HOUR) {
    const t = h + minute * 60_000;
    if (t < from || t >= to) continue;
    const d = new Date(t);
    const [year, month, day, hour, weekday] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCDay() + 1];
    if (!inSet(1, hour) || !inSet(3, month) || !inSet(5, year)) continue;
    if (dayOfMonthMatches(parts[2].toUpperCase(), sets[2], year, month, day) && dayOfWeekMatches(parts[4].toUpperCase(), sets[4], year, month, day, weekday)) out.push(t);
  }
  return out;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

/** The weekday (MON-FRI) nearest `day` within its month. */
function nearestWeekday(year: number, month: number, day: number): number {
  const last = daysIn(year, month);
  const d = Math.min(day, last);
  const w = weekdayOf(year, month, d);
  if (w === 7) return d === 1 ? d + 2 : d - 1;
  if (w === 1) return d === last ? d - 2 : d + 1;
  return d;
}

function dayOfMonthMatches(text: string, set: Set<number> | undefined, year: number, month: number, day: number): boolean {
  if (set) return set.has(day);
  if (text === '?' || text === '*') return true;
  if (text === 'L') return day === daysIn(year, month);
  if (text === 'LW') return day === nearestWeekday(year, month, daysIn(year, month));
  const w = /^(\d{1,2})W$/.exec(text);
  return w !== null && day === nearestWeekday(year, month, Number(w[1]));
}

function dayOfWeekMatches(text: string, set: Set<number> | undefined, year: number, month: number, day: number, weekday: number): boolean {
  if (set) return set.has(weekday);
  if (text === '?' || text === '*') return true;
  if (text === 'L') return weekday === 7;
  const last = /^(\d)L$/.exec(text);
  if (last) return weekday === Number(last[1]) && day + 7 > daysIn(year, month);
  const nth = /^([1-7A-Z]{1,3})#([1-5])$/.exec(text);
  if (!nth) return false;
  const wanted = /^\d$/.test(nth[1]) ? Number(nth[1]) : DAYS.indexOf(nth[1]) + 1;
  return weekday === wanted && Math.ceil(day / 7) === Number(nth[2]);
}
