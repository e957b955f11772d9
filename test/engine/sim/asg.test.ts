import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { simulateSubmission } from '../../../src/formats/scenario/simulate-submission.js';
import { cronTimes, clockSeconds } from '../../../src/engine/sim/sim-clock.js';
import { countsAddUp, run, scenario, webLb } from './support.js';

type R = ReturnType<typeof run>;
const events = (r: R, what: string) => r.events.filter((e) => e.what === what).map((e) => [e.at, e.detail]);
const times = (r: R, what: string) => r.events.filter((e) => e.what === what).map((e) => e.at);

describe('auto scaling over time', () => {
  it('ASG-12, ELB-23: a scale action launches in the zones with fewest instances; each is in service 90 s later, registered, healthy at its first check', () => {
    const r = run(webLb(), scenario(600, [{ to: 'Lb', port: 80, steps: [[0, 1]] }], [{ at: 100, action: 'scale', group: 'WebGroup', desired: 6 }], 60));
    expect(events(r, 'desired-capacity')).toEqual([[100, 'WebGroup: desired capacity 4 → 6 (the scenario set the desired capacity)']]);
    expect(events(r, 'scaling-launch').map(([t, d]) => [t, String(d).replace(/WebGroup-\d+/, 'X')])).toEqual([
      [100, 'Launching X in us-east-1a: the scenario set the desired capacity'],
      [100, 'Launching X in us-east-1b: the scenario set the desired capacity'],
    ]);
    expect(times(r, 'in-service')).toEqual([190, 190]);
    expect(times(r, 'target-healthy')).toEqual([220, 220]);
    expect(r.intervals[1].groupInstances).toEqual({ 'WebGroup/us-east-1a': 2, 'WebGroup/us-east-1b': 2 });
    expect(r.intervals.at(-1)!).toMatchObject({ groupInstances: { 'WebGroup/us-east-1a': 3, 'WebGroup/us-east-1b': 3 }, desiredCapacity: { WebGroup: 6 }, instances: { 'us-east-1a': 3, 'us-east-1b': 3 } });
  });

  it('ASG-03, ELB-19: a scale-in deregisters first: draining 300 s, then terminated and no longer billed', () => {
    const r = run(webLb(), scenario(900, [], [{ at: 100, action: 'scale', group: 'WebGroup', desired: 2 }], 60));
    expect(times(r, 'scaling-terminate')).toEqual([100, 100]);
    expect(times(r, 'target-draining')).toEqual([100, 100]);
    expect(times(r, 'target-deregistered')).toEqual([400, 400]);
    expect(r.intervals[5].instances).toEqual({ 'us-east-1a': 2, 'us-east-1b': 2 });
    expect(r.intervals[6].instances).toEqual({ 'us-east-1a': 1, 'us-east-1b': 1 });
    // Four t3.micro before 400 s, two after: then it costs what a group of two does.
    const perSecond = (x: R, row: number) => (x.intervals[row].cost - x.intervals[row - 1].cost) / 60;
    const two = run(webLb({ Desired: '2' }), scenario(900, [], [], 60));
    expect(perSecond(r, 2)).toBeGreaterThan(perSecond(two, 2) + 1e-9);
    expect(perSecond(r, 8)).toBeCloseTo(perSecond(two, 8), 12);
  });

  it('ASG-04: with EC2 health checks an impaired instance is replaced after 3 minutes; with ELB ones when its target is unhealthy', () => {
    const fail = [{ at: 100, action: 'fail' as const, target: { kind: 'instance' as const, name: 'WebGroup-2' } }];
    const ec2 = run(webLb({ HealthCheckType: 'EC2' }), scenario(600, [], fail));
    const elb = run(webLb(), scenario(600, [], fail));
    expect(events(ec2, 'instance-unhealthy')).toEqual([[280, 'WebGroup-2 is unhealthy: its status checks have failed for 180 s (EC2 health check); terminating and replacing it']]);
    expect(events(elb, 'instance-unhealthy')).toEqual([[155, 'WebGroup-2 is unhealthy: its target group reports it unhealthy (ELB health check); terminating and replacing it']]);
    expect(times(ec2, 'scaling-launch')).toEqual([280]);
    expect(times(elb, 'scaling-launch')).toEqual([155]);
  });

  it('ASG-04: the ELB check is not used during the grace period; the EC2 check still is', () => {
    // A new instance in service at 190 fails at 200: unhealthy at 255 (checks at 220, 250), in its
    // grace period (300 s, to 490); its status checks have failed for 3 minutes at 380.
    const r = run(webLb({ Grace: '300' }), scenario(900, [], [
      { at: 100, action: 'scale', group: 'WebGroup', desired: 5 },
      { at: 200, action: 'fail', target: { kind: 'instance', name: 'WebGroup-5' } },
    ]));
    expect(events(r, 'scaling-launch')[0][1]).toContain('WebGroup-5 in us-east-1a');
    expect(times(r, 'target-unhealthy')).toEqual([255]);
    expect(events(r, 'instance-unhealthy')).toEqual([[380, expect.stringContaining('EC2 health check')]]);
  });

  it('ASG-05: a zone failure moves the group to the other zone; when it is back the group rebalances, launching before terminating', () => {
    const r = run(webLb(), scenario(7200, [{ to: 'Lb', port: 80, steps: [[0, 12]] }], [
      { at: 1800, action: 'fail', target: { kind: 'az', name: 'us-east-1a' } },
      { at: 5400, action: 'recover', target: { kind: 'az', name: 'us-east-1a' } },
    ], 60));
    expect(r.events.find((e) => e.what === 'failed')!.detail).toBe('zone us-east-1a failed: 2 instances (WebGroup-1, WebGroup-3), 1 load balancer node (Lb in us-east-1a) down');
    expect(r.intervals[40].groupInstances).toEqual({ 'WebGroup/us-east-1a': 0, 'WebGroup/us-east-1b': 4 });
    const rebalancing = r.events.filter((e) => e.detail.includes('AZRebalance')).map((e) => [e.at, e.what]);
    expect(rebalancing).toEqual([[5400, 'scaling-launch'], [5490, 'scaling-terminate'], [5490, 'scaling-launch'], [5580, 'scaling-terminate']]);
    expect(r.intervals.at(-1)!.groupInstances).toEqual({ 'WebGroup/us-east-1a': 2, 'WebGroup/us-east-1b': 2 });
    expect(countsAddUp(r)).toBe(true);
  });

  it('ASG-06, ASG-10: target tracking on CPU scales out after 3 minutes above the target, to ceil(4 × 80 / 50) = 7', () => {
    // 4 t3.micro serve 20 a second: 8 is 40 % CPU, 16 is 80 %.
    const r = run(webLb({ Policy: 'cpu' }), scenario(1800, [{ to: 'Lb', port: 80, steps: [[0, 8], [600, 16]] }]));
    expect(events(r, 'desired-capacity')[0]).toEqual([780, 'WebGroup: desired capacity 4 → 7 (target tracking: ASGAverageCPUUtilization 80 above the target 50 for 3 minutes)']);
    expect(times(r, 'in-service').slice(0, 3)).toEqual([870, 870, 870]);
  });

  it('ASG-06: target tracking on requests per target: 16 a second over 4 targets is 240 a minute each, 150 wanted: 7', () => {
    const r = run(webLb({ Policy: 'requests' }), scenario(1200, [{ to: 'Lb', port: 80, steps: [[0, 8], [600, 16]] }]));
    expect(events(r, 'desired-capacity')[0]).toEqual([780, 'WebGroup: desired capacity 4 → 7 (target tracking: ALBRequestCountPerTarget 240 above the target 150 for 3 minutes)']);
  });

  it('ASG-06: with no load the group scales in after 15 minutes below the target, not below MinSize', () => {
    const r = run(webLb({ Policy: 'cpu' }), scenario(1800, []));
    expect(events(r, 'desired-capacity')).toEqual([[900, 'WebGroup: desired capacity 4 → 2 (target tracking: ASGAverageCPUUtilization 0 below the target 50 for 15 minutes)']]);
  });

  it('ASG-10: instances still warming up are not measured and block scale-in', () => {
    // Warm-up 600 s: the three new instances are measured from 870 + 600 + 60.
    const r = run(webLb({ Policy: 'cpu', Warmup: '600' }), scenario(3600, [{ to: 'Lb', port: 80, steps: [[0, 8], [600, 16]] }]));
    const changes = events(r, 'desired-capacity').map(([t]) => t);
    expect(changes[0]).toBe(780);
    expect(changes.slice(1).every((t) => Number(t) >= 870 + 600 + 60)).toBe(true);
  });

  it('ASG-11: a scheduled action fires on the clock that starts at 00:00 UTC: "0 22 * * *" at 22:00', () => {
    const loaded = loadSubmissionPath(join(import.meta.dirname, '../../fixtures/services/elbasg/web.yaml'));
    const r = run(loaded, scenario(86400, []));
    expect(times(r, 'scheduled-action')).toEqual([22 * 3600]);
    expect(cronTimes('30 9 * * 1-5', 7 * 86400)).toEqual([0, 1, 2, 3, 4].map((d) => d * 86400 + 9 * 3600 + 1800));
    expect(clockSeconds('2024-01-01T09:00:00Z')).toBe(9 * 3600);
  });

  it('the ticket sale: same scenario, same bytes', () => {
    const s = scenario(36000, [{ to: 'Lb', port: 80, steps: [[0, 2], [32400, 30], [33600, 2]] }]);
    const a = JSON.stringify(run(webLb({ Policy: 'cpu' }), s));
    expect(a).toBe(JSON.stringify(run(webLb({ Policy: 'cpu' }), s)));
  });
});

describe('scale: names a group of one region', () => {
  const warm = () => loadSubmissionPath(fileURLToPath(new URL('../../fixtures/services/warm-standby', import.meta.url)));
  const scenario = (group: string) => `duration: 10m\ntraffic:\n  - from: internet\n    to: us-west-2/FrontendAlb\n    port: 80\n    rps: 1\nevents:\n  - at: 1m\n    scale: ${group} 3\n`;

  it('us-west-2/FrontendGroup is the standby region\'s group, though us-east-1 has one of the same logical id', () => {
    const sim = simulateSubmission(warm(), scenario('us-west-2/FrontendGroup'), 'scale.yaml');
    expect(sim.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const changes = sim.result!.events.filter((e) => e.what === 'desired-capacity');
    expect(changes.map((e) => e.detail)).toEqual([expect.stringMatching(/desired capacity 1 → 3/)]);
    expect(changes[0].resource).toMatch(/FrontendGroup/);
  });

  it('the bare logical id is ambiguous across the two regions and is refused', () => {
    const sim = simulateSubmission(warm(), scenario('FrontendGroup'), 'scale.yaml');
    expect(sim.result).toBeUndefined();
    expect(sim.diagnostics.map((d) => d.message).join('\n')).toMatch(/names a group in more than one region; write us-west-2\/FrontendGroup or us-east-1\/FrontendGroup/);
  });
});
