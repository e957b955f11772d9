import { describe, expect, it } from 'vitest';
import { parseSchedule, scheduledTimes } from '../../../src/engine/backup/schedule.js';
import { SIM_EPOCH_UTC_MS } from '../../../src/engine/sim/dr-timings.js';

const H = 3_600_000;
const D = 24 * H;
/** Hours after the simulation's 0 (Monday 1 January 2024, 00:00 UTC) at which the schedule starts jobs over `days`. */
const hours = (expression: string, days: number): number[] =>
  scheduledTimes(parseSchedule(expression, []), SIM_EPOCH_UTC_MS, SIM_EPOCH_UTC_MS + days * D).map((t) => (t - SIM_EPOCH_UTC_MS) / H);

describe('BAK-02: the times a backup rule starts its jobs, in UTC', () => {
  it('the clock starts on a Monday at 00:00 UTC', () => {
    expect(new Date(SIM_EPOCH_UTC_MS).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(new Date(SIM_EPOCH_UTC_MS).getUTCDay()).toBe(1);
  });

  it('daily at 05:00, hourly at :15, and weekdays at noon', () => {
    expect(hours('cron(0 5 ? * * *)', 3)).toEqual([5, 29, 53]);
    expect(hours('cron(15 * ? * * *)', 1).slice(0, 3)).toEqual([0.25, 1.25, 2.25]);
    expect(hours('cron(0 12 ? * MON-FRI *)', 7)).toEqual([12, 36, 60, 84, 108]);
  });

  it('the special forms: the last day of the month, the first Sunday, the weekday nearest the 6th', () => {
    expect(hours('cron(0 0 L * ? *)', 40)).toEqual([30 * 24]);
    expect(hours('cron(0 0 ? * 1#1 *)', 14)).toEqual([6 * 24]);
    // 6 January 2024 is a Saturday: the nearest weekday is Friday the 5th.
    expect(hours('cron(0 0 6W * ? *)', 10)).toEqual([4 * 24]);
  });

  it('rate(N hours) counts from the origin given', () => {
    const s = parseSchedule('rate(12 hours)', []);
    expect(scheduledTimes(s, SIM_EPOCH_UTC_MS, SIM_EPOCH_UTC_MS + 2 * D, SIM_EPOCH_UTC_MS).map((t) => (t - SIM_EPOCH_UTC_MS) / H)).toEqual([0, 12, 24, 36]);
  });
});
