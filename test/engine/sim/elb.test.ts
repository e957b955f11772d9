import { describe, expect, it } from 'vitest';
import { countsAddUp, run, scenario, webLb } from './support.js';

const at = (r: ReturnType<typeof run>, what: string) => r.events.filter((e) => e.what === what).map((e) => [e.at, e.resource, e.detail]);

describe('load balancer health checks over time', () => {
  it('ELB-16: a target that goes down is unhealthy at its second failed check (interval 30 s, timeout 5 s); until then requests sent to it are dropped', () => {
    const r = run(webLb(), scenario(600, [{ to: 'Lb', port: 80, steps: [[0, 10]] }], [{ at: 100, action: 'fail', target: { kind: 'instance', name: 'WebGroup-1' } }], 60));
    // Checks at 30, 60, …: the first after 100 is at 120, the second at 150, failed at 155.
    expect(at(r, 'target-unhealthy')).toEqual([[155, 'WebTargets', 'WebGroup-1 in WebTargets is unhealthy: 2 health checks in a row failed (every 30 s, timeout 5 s)']]);
    // A quarter of 10 a second for 55 s.
    expect(r.ends[0].dropped).toBeGreaterThanOrEqual(137);
    expect(r.ends[0].dropped).toBeLessThanOrEqual(138);
    expect(countsAddUp(r)).toBe(true);
    expect(r.intervals.at(-1)!.healthyTargets).toEqual({ 'WebTargets/us-east-1a': 1, 'WebTargets/us-east-1b': 2 });
  });

  it('ELB-16: a target back up is healthy again after 5 passing checks in a row', () => {
    const r = run(webLb(), scenario(900, [{ to: 'Lb', port: 80, steps: [[0, 10]] }], [
      { at: 100, action: 'fail', target: { kind: 'instance', name: 'WebGroup-1' } },
      { at: 310, action: 'recover', target: { kind: 'instance', name: 'WebGroup-1' } },
    ]));
    // First check at or after 310 is 330; healthy at the fifth, 330 + 4 × 30.
    expect(at(r, 'target-healthy').map(([t]) => t)).toEqual([450]);
  });

  it('ELB-17: when every target is unhealthy (the health check port is closed) the ALB fails open and requests are still served', () => {
    const r = run(webLb({ HealthCheckPort: '8080' }), scenario(60, [{ to: 'Lb', port: 80, steps: [[0, 10]] }]));
    expect(at(r, 'fail-open')).toEqual([[0, 'WebTargets', 'every registered target of WebTargets is unhealthy: Lb fails open and routes to all of them']]);
    expect(r.ends[0]).toMatchObject({ sent: 600, served: 600 });
    expect(r.intervals[0].healthyTargets).toEqual({ 'WebTargets/us-east-1a': 0, 'WebTargets/us-east-1b': 0 });
  });

  it('ELB-17: fail-open ends when a target is healthy again', () => {
    const r = run(webLb({ Desired: '2' }), scenario(900, [{ to: 'Lb', port: 80, steps: [[0, 4]] }], [
      { at: 10, action: 'fail', target: { kind: 'instance', name: 'WebGroup-1' } },
      { at: 10, action: 'fail', target: { kind: 'instance', name: 'WebGroup-2' } },
      { at: 200, action: 'recover', target: { kind: 'instance', name: 'WebGroup-2' } },
    ]));
    expect(r.events.filter((e) => e.what.startsWith('fail-open')).map((e) => [e.at, e.what])).toEqual([[65, 'fail-open'], [330, 'fail-open-ended']]);
  });

  it('ELB-06: an ALB spreads over every zone\'s targets; an NLB without cross-zone keeps each node\'s half in its zone', () => {
    const events = [{ at: 0, action: 'fail' as const, target: { kind: 'instance' as const, name: 'WebGroup-1' } }];
    const traffic = [{ to: 'Lb', port: 80, steps: [[0, 16]] as [number, number][] }];
    const alb = run(webLb(), scenario(600, traffic, events));
    const nlb = run(webLb({ LbType: 'network' }), scenario(600, traffic, events));
    // After 65 s: ALB 16 over 3 targets (15 a second): 1 a second dropped. NLB: 8 to the one left in its zone (5): 3 dropped.
    const lastMinute = (r: ReturnType<typeof run>) => r.intervals.at(-1)!.ends[0];
    expect(alb.interval).toBe(10);
    expect(lastMinute(alb)).toEqual({ sent: 160, served: 150, dropped: 10 });
    expect(lastMinute(nlb)).toEqual({ sent: 160, served: 130, dropped: 30 });
  });

  it('DR-07: a zone failure takes the zone\'s node out: the other zone\'s node takes every request', () => {
    const r = run(webLb(), scenario(600, [{ to: 'Lb', port: 80, steps: [[0, 8]] }], [{ at: 100, action: 'fail', target: { kind: 'az', name: 'us-east-1a' } }]));
    expect(r.events.find((e) => e.what === 'failed')!.detail).toContain('1 load balancer node (Lb in us-east-1a)');
    // Two targets of us-east-1b serve 10 a second: after the zone's targets are unhealthy, all 8 are served.
    expect(r.intervals.at(-1)!.ends[0].dropped).toBe(0);
    expect(r.ends[0].outages[0]).toMatchObject({ start: 100, served: 100 });
  });

  it('same scenario, same bytes', () => {
    const s = scenario(3600, [{ to: 'Lb', port: 80, steps: [[0, 10], [600, 30]] }], [{ at: 100, action: 'fail', target: { kind: 'az', name: 'us-east-1a' } }]);
    expect(JSON.stringify(run(webLb(), s))).toBe(JSON.stringify(run(webLb(), s)));
  });
});
