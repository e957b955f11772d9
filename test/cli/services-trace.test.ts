import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, cloudlab, noStackTrace } from '../support/cli.js';

const F = 'test/fixtures/services/trace';

describe('trace and reach through services at the command line', () => {
  beforeAll(() => buildIfStale(), 200_000);

  it('trace from the internet to a load balancer shows each leg and every target, at 80 columns', () => {
    const r = cloudlab(['trace', 'test/fixtures/services/elbasg/web.yaml', '--from', 'internet', '--to', 'Alb', '--port', '80']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/▸ internet → Alb node in us-east-1a/);
    expect(r.stdout).toMatch(/listener HttpListener/);
    expect(r.stdout).toMatch(/ {2}Targets\n {4}✓ WebGroup-1 \(WebTargets, port 80, us-east-1a\)/);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('trace --json keeps the shape and adds the service, targets and members', () => {
    const r = cloudlab(['trace', `${F}/stack.yaml`, '--from', 'internet', '--to', 'www.example.com', '--port', '443', '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['reachable', 'from', 'to', 'protocol', 'port', 'explanation', 'path', 'drop', 'addresses', 'clientPorts', 'service', 'targets', 'members']);
    expect(j.service).toEqual({ kind: 'dns', name: 'www.example.com' });
    expect(j.path[0]).toMatchObject({ component: 'dns', action: 'resolve', leg: 'internet resolves www.example.com' });
    expect(j.targets).toHaveLength(4);
  });

  it('a failed trace exits 1 and names the component and the fix', () => {
    const r = cloudlab(['trace', `${F}/target-sg-not-lb.yaml`, '--from', 'internet', '--to', 'Alb', '--port', '80', '--json']);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.drop).toMatchObject({ component: 'security-group', logicalId: 'WebSg', cause: { code: 'TargetSecurityGroupDeniesLoadBalancer' } });
    expect(j.drop.fix).toMatch(/SourceSecurityGroupId/);
  });

  it('a load balancer as --from is refused plainly with exit 2', () => {
    const r = cloudlab(['trace', `${F}/stack.yaml`, '--from', 'Alb', '--to', 'WebGroup-1', '--port', '80']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Alb is a load balancer, which does not open connections of its own/);
    expect(noStackTrace(r)).toBe(true);
  });

  it('reach lists load balancers, databases and DNS names as ends', () => {
    const r = cloudlab(['reach', `${F}/stack.yaml`, '--json']);
    expect(r.status).toBe(0);
    const services = JSON.parse(r.stdout).services as { from: string[]; to: string; kind: string; tcp: string }[];
    expect(services).toContainEqual({ from: ['internet'], to: 'Alb', kind: 'load-balancer', tcp: '80, 443' });
    expect(services).toContainEqual({ from: ['internet'], to: 'www.example.com', kind: 'dns', tcp: '80, 443' });
    expect(services).toContainEqual({ from: ['WebGroup-1', 'WebGroup-3'], to: 'Database', kind: 'database', tcp: '3306' });
    expect(services).toContainEqual({ from: ['WebGroup-1', 'WebGroup-3'], to: 'db.internal.example.com', kind: 'dns', tcp: '3306' });
    expect(services.some((s) => s.from[0] === 'internet' && s.kind === 'database')).toBe(false);
  });
});
