import { describe, expect, it } from 'vitest';
import { addListenerCertificates, createListener, createRule, DEFAULT_SSL_POLICY } from '../../../src/engine/elbv2/listener.js';
import { createLoadBalancer } from '../../../src/engine/elbv2/load-balancer.js';
import { createTargetGroup } from '../../../src/engine/elbv2/target-group.js';
import { code, network, REGION } from './support.js';

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0000-1111-2222-333344445555';

function setup() {
  const n = network();
  const alb = createLoadBalancer(n.cloud, REGION, { name: 'web', subnets: [n.publicA, n.publicB], securityGroups: [n.albSg] }, { logicalId: 'Alb' });
  const nlb = createLoadBalancer(n.cloud, REGION, { name: 'net', type: 'network', subnets: [n.publicA] }, { logicalId: 'Nlb' });
  const http = createTargetGroup(n.cloud, REGION, { protocol: 'HTTP', port: 80, vpcId: n.vpc.id }, { logicalId: 'HttpTargets' });
  const tcp = createTargetGroup(n.cloud, REGION, { protocol: 'TCP', port: 5432, vpcId: n.vpc.id }, { logicalId: 'TcpTargets' });
  const forward = (tg: { arn: string }) => [{ type: 'forward', targetGroupArn: tg.arn }];
  return { ...n, alb, nlb, http, tcp, forward };
}

describe('ELBv2 listeners', () => {
  it('ELB-12: protocols per load balancer type, ports 1-65535, one listener per port (DuplicateListener)', () => {
    const s = setup();
    expect(code(() => createListener(s.cloud, { loadBalancerArn: s.alb.arn, protocol: 'TCP', port: 80, defaultActions: s.forward(s.http) }))).toBe('ValidationError');
    expect(code(() => createListener(s.cloud, { loadBalancerArn: s.alb.arn, protocol: 'HTTP', port: 0, defaultActions: s.forward(s.http) }))).toBe('ValidationError');
    expect(code(() => createListener(s.cloud, { loadBalancerArn: s.alb.arn, protocol: 'HTTP', port: 65536, defaultActions: s.forward(s.http) }))).toBe('ValidationError');
    expect(code(() => createListener(s.cloud, { loadBalancerArn: s.alb.arn, protocol: 'HTTP', port: 80, defaultActions: s.forward(s.http) }))).toBe('no error');
    expect(code(() => createListener(s.cloud, { loadBalancerArn: s.alb.arn, protocol: 'HTTP', port: 80, defaultActions: s.forward(s.http) }))).toBe('DuplicateListener');
    expect(code(() => createListener(s.cloud, { loadBalancerArn: s.nlb.arn, protocol: 'HTTP', port: 80, defaultActions: s.forward(s.tcp) }))).toBe('ValidationError');
    expect(code(() => createListener(s.cloud, { loadBalancerArn: s.nlb.arn, protocol: 'TCP', port: 5432, defaultActions: s.forward(s.tcp) }))).toBe('no error');
    expect(code(() => createListener(s.cloud, { loadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/0', protocol: 'HTTP', port: 81, defaultActions: s.forward(s.http) }))).toBe('LoadBalancerNotFound');
  });

  it('ELB-12: HTTPS and TLS listeners need exactly one default certificate; the default SSL policy is kept', () => {
    const s = setup();
    expect(code(() => createListener(s.cloud, { loadBalancerArn: s.alb.arn, protocol: 'HTTPS', port: 443, defaultActions: s.forward(s.http) }))).toBe('ValidationError');
    const l = createListener(s.cloud, { loadBalancerArn: s.alb.arn, protocol: 'HTTPS', port: 443, certificates: [CERT], defaultActions: s.forward(s.http) });
    expect(l.sslPolicy).toBe(DEFAULT_SSL_POLICY);
    expect(code(() => createListener(s.cloud, { loadBalancerArn: s.alb.arn, protocol: 'HTTP', port: 8080, certificates: [CERT], defaultActions: s.forward(s.http) }))).toBe('ValidationError');
    expect(code(() => createListener(s.cloud, { loadBalancerArn: s.nlb.arn, protocol: 'TLS', port: 443, defaultActions: s.forward(s.tcp) }))).toBe('ValidationError');
    // ListenerCertificate adds more, on HTTPS/TLS listeners only
    addListenerCertificates(s.cloud, { listenerArn: l.arn, certificates: [`${CERT}x`] });
    expect(l.certificates).toEqual([CERT, `${CERT}x`]);
    const plain = createListener(s.cloud, { loadBalancerArn: s.alb.arn, protocol: 'HTTP', port: 80, defaultActions: s.forward(s.http) });
    expect(code(() => addListenerCertificates(s.cloud, { listenerArn: plain.arn, certificates: [CERT] }))).toBe('ValidationError');
  });

  it('ELB-13: default actions: exactly one of forward, redirect, fixed-response, each validated', () => {
    const s = setup();
    const lb = s.alb.arn;
    let port = 1000;
    const try_ = (defaultActions: unknown[]) => code(() => createListener(s.cloud, { loadBalancerArn: lb, protocol: 'HTTP', port: port++, defaultActions: defaultActions as never }));
    expect(try_([])).toBe('ValidationError');
    expect(try_([{ type: 'forward' }])).toBe('ValidationError');
    expect(try_([{ type: 'bounce' }])).toBe('ValidationError');
    expect(try_([{ type: 'redirect', redirectConfig: { statusCode: 'HTTP_307', protocol: 'HTTPS' } }])).toBe('ValidationError');
    expect(try_([{ type: 'redirect', redirectConfig: { statusCode: 'HTTP_301', protocol: 'HTTPS', port: '443' } }])).toBe('no error');
    expect(try_([{ type: 'redirect', redirectConfig: { statusCode: 'HTTP_301' } }])).toBe('InvalidLoadBalancerAction');
    expect(try_([{ type: 'fixed-response', fixedResponseConfig: { statusCode: '302' } }])).toBe('ValidationError');
    expect(try_([{ type: 'fixed-response', fixedResponseConfig: { statusCode: '503', contentType: 'text/plain', messageBody: 'down' } }])).toBe('no error');
    expect(try_([{ type: 'fixed-response', fixedResponseConfig: { statusCode: '200', messageBody: 'x'.repeat(1025) } }])).toBe('ValidationError');
    expect(try_([{ type: 'fixed-response', fixedResponseConfig: { statusCode: '200' } }, { type: 'forward', targetGroupArn: s.http.arn }])).toBe('ValidationError');
    expect(try_([{ type: 'authenticate-oidc' }, { type: 'forward', targetGroupArn: s.http.arn }])).toBe('ValidationError');
    // forward to up to five weighted groups
    const more = [1, 2, 3, 4, 5, 6].map((i) => createTargetGroup(s.cloud, REGION, { protocol: 'HTTP', port: 80, vpcId: s.vpc.id }, { logicalId: `W${i}` }).arn);
    expect(try_([{ type: 'forward', forwardConfig: { targetGroups: more.slice(0, 6).map((a) => ({ targetGroupArn: a, weight: 1 })) } }])).toBe('ValidationError');
    expect(try_([{ type: 'forward', forwardConfig: { targetGroups: more.slice(0, 2).map((a) => ({ targetGroupArn: a, weight: 1000 })) } }])).toBe('ValidationError');
    expect(try_([{ type: 'forward', forwardConfig: { targetGroups: more.slice(0, 2).map((a, i) => ({ targetGroupArn: a, weight: i * 10 })) } }])).toBe('no error');
  });

  it('ELB-14: a forward names a target group of the right family and VPC, used by one load balancer only', () => {
    const s = setup();
    expect(code(() => createListener(s.cloud, { loadBalancerArn: s.alb.arn, protocol: 'HTTP', port: 80, defaultActions: s.forward(s.tcp) }))).toBe('InvalidConfigurationRequest');
    expect(code(() => createListener(s.cloud, { loadBalancerArn: s.alb.arn, protocol: 'HTTP', port: 80, defaultActions: [{ type: 'forward', targetGroupArn: `${s.http.arn}0` }] }))).toBe('TargetGroupNotFound');
    createListener(s.cloud, { loadBalancerArn: s.alb.arn, protocol: 'HTTP', port: 80, defaultActions: s.forward(s.http) });
    expect(s.http.loadBalancerArns).toEqual([s.alb.arn]);
    const other = createLoadBalancer(s.cloud, REGION, { name: 'other', subnets: [s.publicA, s.publicB] });
    expect(code(() => createListener(s.cloud, { loadBalancerArn: other.arn, protocol: 'HTTP', port: 80, defaultActions: s.forward(s.http) }))).toBe('TargetGroupAssociationLimit');
    const vpc2 = s.cloud.createVpc(REGION, { cidrBlock: '10.7.0.0/16' });
    const far = createTargetGroup(s.cloud, REGION, { protocol: 'HTTP', port: 80, vpcId: vpc2.id });
    expect(code(() => createListener(s.cloud, { loadBalancerArn: other.arn, protocol: 'HTTP', port: 80, defaultActions: s.forward(far) }))).toBe('InvalidConfigurationRequest');
  });

  it('ELB-13: rules have a priority 1-50000 unique per listener (PriorityInUse), conditions and one final action', () => {
    const s = setup();
    const l = createListener(s.cloud, { loadBalancerArn: s.alb.arn, protocol: 'HTTP', port: 80, defaultActions: s.forward(s.http) });
    const rule = (priority: number | undefined, conditions: unknown[] = [{ field: 'path-pattern', configValues: ['/api/*'] }], actions: unknown[] = s.forward(s.http)) =>
      code(() => createRule(s.cloud, { listenerArn: l.arn, priority, conditions: conditions as never, actions: actions as never }));
    expect(rule(10)).toBe('no error');
    expect(rule(10)).toBe('PriorityInUse');
    expect(rule(0)).toBe('ValidationError');
    expect(rule(50001)).toBe('ValidationError');
    expect(rule(undefined)).toBe('ValidationError');
    expect(rule(11, [])).toBe('ValidationError');
    expect(rule(12, [{ field: 'cookie', values: ['x'] }])).toBe('ValidationError');
    expect(rule(13, [{ field: 'host-header', values: ['a', 'b', 'c', 'd', 'e', 'f'] }])).toBe('ValidationError');
    expect(rule(14, [{ field: 'http-header', configValues: ['x'] }])).toBe('ValidationError');
    expect(rule(15, [{ field: 'host-header', values: ['api.example.com'] }], [{ type: 'fixed-response', fixedResponseConfig: { statusCode: '404' } }])).toBe('no error');
    // a network load balancer's listeners have no rules
    const nl = createListener(s.cloud, { loadBalancerArn: s.nlb.arn, protocol: 'TCP', port: 5432, defaultActions: s.forward(s.tcp) });
    expect(code(() => createRule(s.cloud, { listenerArn: nl.arn, priority: 1, conditions: [{ field: 'path-pattern', values: ['/'] }], actions: s.forward(s.tcp) as never }))).toBe('ValidationError');
    expect(code(() => createRule(s.cloud, { listenerArn: `${l.arn}0`, priority: 1 }))).toBe('ListenerNotFound');
  });
});
