/** Traces that end at a load balancer: node, listener, rule, target group, target (src/engine/reach/services/load-balancer-leg.ts). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ELBV2 } from '../../../../src/engine/elbv2/kinds.js';
import { trace } from '../../../../src/engine/reach/question.js';
import { resolveEndpoint } from '../../../../src/engine/reach/endpoints.js';
import { loadBalancerReach } from '../../../../src/engine/reach/services/load-balancer-leg.js';
import { loadSubmissionFromTemplates, loadSubmissionPath } from '../../../../src/formats/load-submission.js';

const fixture = (p: string): string => fileURLToPath(new URL(`../../../fixtures/services/${p}`, import.meta.url));
const load = (p: string) => loadSubmissionPath(fixture(p)).cloud;
const fromText = (text: string) => {
  const loaded = loadSubmissionFromTemplates([{ file: 'variant.yaml', text }]);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toEqual([]);
  return loaded.cloud;
};
const web = readFileSync(fixture('elbasg/web.yaml'), 'utf8');

describe('a trace to a load balancer', () => {
  it('ELB-09: reaches every target from a node, the node sending from its private address through the targets\' group rule', () => {
    const r = trace(load('elbasg/web.yaml'), { from: 'internet', to: 'Alb', protocol: 'tcp', port: 80 });
    expect(r.reachable).toBe(true);
    expect(r.targets?.map((t) => [t.target, t.port, t.reachable])).toEqual([
      ['WebGroup-1', 80, true],
      ['WebGroup-2', 80, true],
      ['WebGroup-3', 80, true],
      ['WebGroup-4', 80, true],
    ]);
    const legs = [...new Set(r.path.map((h) => h.leg))];
    expect(legs).toEqual(['internet → Alb node in us-east-1a', 'Alb node in us-east-1a: listener and rules', 'Alb node in us-east-1a → WebGroup-1']);
    const targetSg = r.path.find((h) => h.leg?.endsWith('WebGroup-1') && h.component === 'security-group' && h.direction === 'request' && h.logicalId === 'WebSg');
    expect(targetSg?.detail).toMatch(/from group AlbSg/);
    expect(r.explanation).toMatch(/4 of 4 targets answer/);
  });

  it('ELB-12: a listener must exist on the port; the drop names the missing listener and those that exist', () => {
    const r = trace(load('elbasg/listener-missing.yaml'), { from: 'internet', to: 'Alb', protocol: 'tcp', port: 80 });
    expect(r.reachable).toBe(false);
    expect(r.drop?.cause).toMatchObject({ code: 'ListenerMissing', port: 80, listeners: [] });
    expect(r.drop?.hop.component).toBe('listener');
    // The client leg itself passes: the security group is open on 80, which makes no listener.
    expect(r.path.some((h) => h.component === 'security-group' && h.action === 'allow' && h.logicalId === 'AlbSg')).toBe(true);
  });

  it('ELB-12: a port the load balancer neither listens on nor allows names the listeners to use', () => {
    const r = trace(load('trace/stack.yaml'), { from: 'internet', to: 'Alb', protocol: 'tcp', port: 8443 });
    expect(r.drop?.cause).toMatchObject({ code: 'ListenerMissing', port: 8443, listeners: ['HTTP:80', 'HTTPS:443'], securityGroups: ['AlbSg'] });
    expect(r.drop?.hop.component).toBe('security-group');
  });

  it('ELB-14: a target group on the wrong port is told from the port the target accepts', () => {
    const r = trace(load('elbasg/target-group-wrong-port.yaml'), { from: 'internet', to: 'Alb', protocol: 'tcp', port: 80 });
    expect(r.reachable).toBe(false);
    expect(r.drop?.cause).toMatchObject({ code: 'TargetPortClosed', port: 8080, openPorts: 'port 80' });
    expect(r.drop?.fix).toMatch(/target group's Port/);
    expect(r.targets?.every((t) => !t.reachable && t.cause?.code === 'TargetPortClosed')).toBe(true);
  });

  it("ELB-09: a target security group that does not allow the load balancer's group stops at the target", () => {
    const r = trace(load('trace/target-sg-not-lb.yaml'), { from: 'internet', to: 'Alb', protocol: 'tcp', port: 80 });
    expect(r.reachable).toBe(false);
    expect(r.drop?.cause).toMatchObject({ code: 'TargetSecurityGroupDeniesLoadBalancer', port: 80, target: 'WebGroup-1' });
    expect(r.drop?.fix).toMatch(/SourceSecurityGroupId sg-/);
  });

  it('ELB-13: a listener whose default action redirects is answered by the load balancer, not a pass', () => {
    const cloud = fromText(
      web.replace("        - Type: forward\n          TargetGroupArn: !Ref WebTargets\n  ApiRule:", "        - Type: redirect\n          RedirectConfig: { StatusCode: HTTP_301, Protocol: HTTPS, Port: '443' }\n  ApiRule:"),
    );
    const r = trace(cloud, { from: 'internet', to: 'Alb', protocol: 'tcp', port: 80 });
    expect(r.reachable).toBe(false);
    expect(r.drop?.cause).toMatchObject({ code: 'LoadBalancerAnswers', port: 80 });
    expect(r.drop?.reason).toMatch(/301 redirect to HTTPS/);
  });

  it('ELB-01: an internal load balancer is not reachable from the internet, and is from inside the VPC', () => {
    const cloud = fromText(web.replace('      Name: web-alb\n', '      Name: web-alb\n      Scheme: internal\n'));
    const r = trace(cloud, { from: 'internet', to: 'Alb', protocol: 'tcp', port: 80 });
    expect(r.drop?.cause).toMatchObject({ code: 'LoadBalancerInternal' });
    const inside = trace(cloud, { from: 'WebGroup-1', to: 'Alb', protocol: 'tcp', port: 80 });
    expect(inside.reachable).toBe(true);
    expect(inside.path[0].detail).toMatch(/to 10\.0\.0\./);
  });

  it('ELB-01: from inside the VPC, an internet-facing load balancer is called at its public addresses', () => {
    // The private subnets have no route to the internet, so the group cannot reach its own internet-facing ALB.
    const r = trace(load('elbasg/web.yaml'), { from: 'WebGroup-1', to: 'Alb', protocol: 'tcp', port: 80 });
    expect(r.reachable).toBe(false);
    expect(r.drop?.cause.code).toBe('NoRoute');
  });
});

// A network load balancer in two zones whose second zone's subnet has no route to the internet gateway.
const nlb = web
  .replace('      Name: web-alb\n', '      Name: web-nlb\n      Type: network\n')
  .replace('      Protocol: HTTP\n      Port: 80\n      HealthCheckPath: /health\n', '      Protocol: TCP\n      Port: 80\n')
  .replace('      Protocol: HTTP\n      Port: 80\n      DefaultActions:', '      Protocol: TCP\n      Port: 80\n      DefaultActions:')
  .replace(/  ApiRule:[\s\S]*?(?=  WebTemplate:)/, '')
  .replace(/  PublicBAssoc:[\s\S]*?(?=  AlbSg:)/, '');

describe('a trace to a network load balancer', () => {
  it('ELB-06: cross-zone off, a target in a zone whose node the client cannot reach gets nothing', () => {
    const cloud = fromText(nlb);
    const r = trace(cloud, { from: 'internet', to: 'Alb', protocol: 'tcp', port: 80 });
    expect(r.reachable).toBe(true);
    const byZone = Object.fromEntries(r.targets!.map((t) => [t.target, [t.zone, t.reachable, t.cause?.code ?? null]]));
    expect(byZone).toEqual({
      'WebGroup-1': ['us-east-1a', true, null],
      'WebGroup-2': ['us-east-1b', false, 'TargetNotInNodeZone'],
      'WebGroup-3': ['us-east-1a', true, null],
      'WebGroup-4': ['us-east-1b', false, 'TargetNotInNodeZone'],
    });
  });

  it('ELB-06: cross-zone on, the reachable node serves every zone', () => {
    const cloud = fromText(nlb.replace('      Type: network\n', "      Type: network\n      LoadBalancerAttributes: [{ Key: load_balancing.cross_zone.enabled, Value: 'true' }]\n"));
    const r = trace(cloud, { from: 'internet', to: 'Alb', protocol: 'tcp', port: 80 });
    expect(r.targets!.map((t) => [t.target, t.reachable, t.node])).toEqual([
      ['WebGroup-1', true, 'us-east-1a'],
      ['WebGroup-2', true, 'us-east-1a'],
      ['WebGroup-3', true, 'us-east-1a'],
      ['WebGroup-4', true, 'us-east-1a'],
    ]);
  });

  it('ELB-11: says plainly that client IP preservation is not modelled on the target leg', () => {
    const r = trace(fromText(nlb), { from: 'internet', to: 'Alb', protocol: 'tcp', port: 80 });
    expect(r.path.find((h) => h.component === 'target-group')?.detail).toMatch(/client IP preservation, ELB-11\), which this trace does not model/);
  });
});

describe('loadBalancerReach, for the simulation', () => {
  it('answers which targets a client reaches on a port, and from which node', () => {
    const cloud = load('elbasg/web.yaml');
    const lb = [...cloud.table(ELBV2.loadBalancer).values()][0];
    const r = loadBalancerReach(cloud, lb, resolveEndpoint(cloud, 'internet'), 80);
    expect(r.listener?.port).toBe(80);
    expect(r.nodes.map((n) => [n.zone, n.reachable])).toEqual([
      ['us-east-1a', true],
      ['us-east-1b', true],
    ]);
    expect(r.targets.filter((t) => t.reachable)).toHaveLength(4);
    const none = loadBalancerReach(cloud, lb, resolveEndpoint(cloud, 'internet'), 443);
    expect(none.reachable).toBe(false);
    expect(none.targets).toEqual([]);
  });
});
