import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, cloudlab, noStackTrace } from '../support/cli.js';

const F = 'test/fixtures/services/elbasg';

describe('load balancers and auto scaling groups at the command line', () => {
  beforeAll(() => buildIfStale(), 200_000);

  it('validate refuses an ALB in one zone with exit 2, AWS\'s code, file, line and logical id', () => {
    const r = cloudlab(['validate', `${F}/alb-one-zone.yaml`]);
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/alb-one-zone\.yaml:\d+:\d+: error ValidationError \(Alb/);
    expect(noStackTrace(r)).toBe(true);
  });

  it('describe --json lists the load balancer, target group and group with their instances per zone', () => {
    const r = cloudlab(['describe', `${F}/web.yaml`, '--json']);
    expect(r.status).toBe(0);
    const region = JSON.parse(r.stdout).regions[0];
    expect(region.loadBalancers[0].dnsName).toMatch(/^web-alb-\d+\.us-east-1\.elb\.amazonaws\.com$/);
    expect(region.targetGroups[0].targets).toHaveLength(4);
    expect(region.autoScalingGroups[0].zones.map((z: { instances: unknown[] }) => z.instances.length)).toEqual([2, 2]);
  });

  it('trace names a group instance as Group-N', () => {
    const r = cloudlab(['trace', `${F}/web.yaml`, '--from', 'WebGroup-1', '--to', 'WebGroup-2', '--port', '80', '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).reachable).toBe(false);
  });
});
