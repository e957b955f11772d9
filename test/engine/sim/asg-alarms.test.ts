import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { countsAddUp, run, scenario, SIM } from './support.js';

type R = ReturnType<typeof run>;
const events = (r: R, what: string) => r.events.filter((e) => e.what === what).map((e) => [e.at, e.detail]);
const times = (r: R, what: string) => r.events.filter((e) => e.what === what).map((e) => e.at);
const ticketSale = (params: Record<string, string> = {}) => loadSubmissionPath(join(SIM, 'ticket-sale.yaml'), { params });
// 4 t3.micro serve 20 a second: 8 is 40 % CPU; the sale's 30 a second is beyond them.
const sale = scenario(3600, [{ to: 'Lb', port: 80, steps: [[0, 8], [600, 30], [2400, 8]] }]);

describe('CloudWatch alarms invoking step and simple scaling', () => {
  it('ASG-07, ASG-08: CPU above 80 for 2 of 3 minutes puts the alarm in ALARM; +30 % of 4 is 1.2, one instance', () => {
    const r = run(ticketSale(), sale);
    expect(events(r, 'alarm-state').slice(0, 2)).toEqual([
      [120, 'alarm CpuHigh → OK (CPUUtilization 40, GreaterThanThreshold 80, 2 of 3 datapoints)'],
      [720, 'alarm CpuHigh → ALARM (CPUUtilization 100, GreaterThanThreshold 80, 2 of 3 datapoints)'],
    ]);
    expect(events(r, 'desired-capacity')[0]).toEqual([720, 'WebGroup: desired capacity 4 → 5 (alarm CpuHigh in ALARM (CPUUtilization 100, threshold 80) invoked step scaling policy AddThirtyPercent)']);
    expect(times(r, 'in-service')[0]).toBe(810);
    expect(countsAddUp(r)).toBe(true);
  });

  it('ASG-10: a step policy does not add again for capacity still warming up; without warm-up it adds every minute in ALARM', () => {
    const warm = run(ticketSale(), sale);
    const cold = run(ticketSale({ StepWarmup: '0' }), sale);
    // Warm-up 300 s: the instance in service at 810 is measured from 810 + 300 + 60; until then the same step asks for 5 again.
    expect(times(warm, 'desired-capacity').slice(0, 2)).toEqual([720, 1200]);
    expect(times(cold, 'desired-capacity').slice(0, 2)).toEqual([720, 900]);
    expect(cold.requests.dropped).toBeLessThan(warm.requests.dropped);
  });

  it('ASG-09: a simple policy waits for its launch and the cooldown (120 s) after it before acting again', () => {
    const r = run(ticketSale({ Policy: 'simple' }), sale);
    // Launched at 720, in service at 810, cooldown to 930: the next evaluation in ALARM is at 960.
    expect(times(r, 'desired-capacity').slice(0, 2)).toEqual([720, 960]);
    expect(events(r, 'desired-capacity')[0][1]).toContain('simple scaling policy AddThirtyPercentSimple');
  });

  it('the ticket sale drops fewer requests with the policy than without, and the capacity never passes MaxSize', () => {
    const none = run(ticketSale({ Policy: 'none' }), sale);
    const step = run(ticketSale(), sale);
    expect(none.events.some((e) => e.what === 'alarm-state')).toBe(false);
    expect(step.requests.dropped).toBeLessThan(none.requests.dropped);
    expect(step.requests.sent).toBe(none.requests.sent);
    expect(Math.max(...step.intervals.map((i) => (i.desiredCapacity as Record<string, number> | undefined)?.WebGroup ?? 0))).toBeLessThanOrEqual(12);
    expect(step.notes.join(' ')).not.toContain('not played');
  });

  it('an alarm on a metric the simulation does not have stays INSUFFICIENT_DATA, and the result says so', () => {
    const r = run(ticketSale({ Metric: 'NetworkIn' }), sale);
    expect(r.events.some((e) => e.what === 'alarm-state' || e.what === 'desired-capacity')).toBe(false);
    expect(r.notes.join(' ')).toContain('Alarm CpuHigh (AWS/EC2 NetworkIn Average) is not played');
  });
});
