import { describe, expect, it } from 'vitest';
import { createTargetGroup, registerTarget } from '../../../src/engine/elbv2/target-group.js';
import { code, network, REGION } from './support.js';

describe('ELBv2 target groups', () => {
  it('ELB-14: target types, protocols and ports; VpcId, Port and Protocol except for lambda', () => {
    const n = network();
    const vpcId = n.vpc.id;
    expect(createTargetGroup(n.cloud, REGION, { protocol: 'HTTP', port: 80, vpcId }).targetType).toBe('instance');
    expect(code(() => createTargetGroup(n.cloud, REGION, { targetType: 'container', protocol: 'HTTP', port: 80, vpcId }))).toBe('ValidationError');
    expect(code(() => createTargetGroup(n.cloud, REGION, { protocol: 'HTTP', vpcId }))).toBe('ValidationError');
    expect(code(() => createTargetGroup(n.cloud, REGION, { port: 80, vpcId }))).toBe('ValidationError');
    expect(code(() => createTargetGroup(n.cloud, REGION, { protocol: 'HTTP', port: 80 }))).toBe('ValidationError');
    expect(code(() => createTargetGroup(n.cloud, REGION, { protocol: 'SCTP', port: 80, vpcId }))).toBe('ValidationError');
    expect(code(() => createTargetGroup(n.cloud, REGION, { protocol: 'HTTP', port: 70000, vpcId }))).toBe('ValidationError');
    expect(code(() => createTargetGroup(n.cloud, REGION, { targetType: 'lambda' }))).toBe('no error');
    expect(code(() => createTargetGroup(n.cloud, REGION, { targetType: 'lambda', port: 80 }))).toBe('ValidationError');
    expect(code(() => createTargetGroup(n.cloud, REGION, { targetType: 'alb', protocol: 'HTTP', port: 80, vpcId }))).toBe('ValidationError');
    expect(code(() => createTargetGroup(n.cloud, REGION, { name: 'bad_name', protocol: 'HTTP', port: 80, vpcId }))).toBe('ValidationError');
  });

  it('ELB-15: ALB health-check defaults: HTTP, traffic-port, /, 30 s, 5 s, 5 and 2, matcher 200', () => {
    const n = network();
    const tg = createTargetGroup(n.cloud, REGION, { protocol: 'HTTP', port: 8080, vpcId: n.vpc.id });
    expect(tg.healthCheck).toEqual({ enabled: true, protocol: 'HTTP', port: 'traffic-port', path: '/', intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 5, unhealthyThreshold: 2, matcher: '200' });
  });

  it('ELB-15: NLB health-check defaults: TCP with a 10 s timeout; HTTP with 6 s and matcher 200-399', () => {
    const n = network();
    const tcp = createTargetGroup(n.cloud, REGION, { protocol: 'TCP', port: 5432, vpcId: n.vpc.id });
    expect(tcp.healthCheck).toEqual({ enabled: true, protocol: 'TCP', port: 'traffic-port', intervalSeconds: 30, timeoutSeconds: 10, healthyThreshold: 5, unhealthyThreshold: 2 });
    const http = createTargetGroup(n.cloud, REGION, { protocol: 'TCP', port: 80, vpcId: n.vpc.id, healthCheck: { protocol: 'HTTP' } });
    expect([http.healthCheck.timeoutSeconds, http.healthCheck.matcher, http.healthCheck.path]).toEqual([6, '200-399', '/']);
  });

  it('ELB-15: health-check ranges, interval above timeout, matcher ranges per family, no disabling for instance targets', () => {
    const n = network();
    const tg = (healthCheck: object, protocol = 'HTTP') => code(() => createTargetGroup(n.cloud, REGION, { protocol, port: 80, vpcId: n.vpc.id, healthCheck }));
    expect(tg({ intervalSeconds: 4 })).toBe('ValidationError');
    expect(tg({ intervalSeconds: 301 })).toBe('ValidationError');
    expect(tg({ timeoutSeconds: 1 })).toBe('ValidationError');
    expect(tg({ healthyThreshold: 11 })).toBe('ValidationError');
    expect(tg({ unhealthyThreshold: 1 })).toBe('ValidationError');
    expect(tg({ intervalSeconds: 10, timeoutSeconds: 10 })).toBe('ValidationError');
    expect(tg({ intervalSeconds: 10, timeoutSeconds: 9 })).toBe('no error');
    expect(tg({ matcher: '200-499' })).toBe('no error');
    expect(tg({ matcher: '200-500' })).toBe('ValidationError');
    expect(tg({ matcher: '200-599', protocol: 'HTTP' }, 'TCP')).toBe('no error');
    expect(tg({ matcher: 'ok' })).toBe('ValidationError');
    expect(tg({ protocol: 'TCP' })).toBe('ValidationError');
    expect(tg({ path: 'health' })).toBe('ValidationError');
    expect(tg({ port: '0' })).toBe('ValidationError');
    expect(tg({ enabled: false })).toBe('ValidationError');
    expect(tg({ path: '/x' }, 'TCP')).toBe('ValidationError');
  });

  it('ELB-14: instance targets exist in the group\'s VPC; ip targets are private addresses', () => {
    const n = network();
    const inst = n.cloud.createInstance(REGION, { subnetId: n.privateA });
    const tg = createTargetGroup(n.cloud, REGION, { protocol: 'HTTP', port: 80, vpcId: n.vpc.id, targets: [{ id: inst.id, port: 8080 }] });
    expect(tg.targets).toEqual([{ id: inst.id, port: 8080, registeredBy: { kind: 'template' } }]);
    expect(code(() => registerTarget(n.cloud, tg, { id: 'i-00000000000000000' }, { kind: 'template' }))).toBe('InvalidTarget');
    const vpc2 = n.cloud.createVpc(REGION, { cidrBlock: '10.5.0.0/16' });
    const far = n.cloud.createInstance(REGION, { subnetId: n.cloud.createSubnet({ vpcId: vpc2.id, cidrBlock: '10.5.0.0/24' }).id });
    expect(code(() => registerTarget(n.cloud, tg, { id: far.id }, { kind: 'template' }))).toBe('InvalidTarget');
    const ip = createTargetGroup(n.cloud, REGION, { targetType: 'ip', protocol: 'HTTP', port: 80, vpcId: n.vpc.id });
    expect(code(() => registerTarget(n.cloud, ip, { id: '10.0.10.20' }, { kind: 'template' }))).toBe('no error');
    expect(code(() => registerTarget(n.cloud, ip, { id: '100.64.0.9' }, { kind: 'template' }))).toBe('no error');
    expect(code(() => registerTarget(n.cloud, ip, { id: '8.8.8.8' }, { kind: 'template' }))).toBe('InvalidTarget');
    expect(code(() => registerTarget(n.cloud, ip, { id: 'web' }, { kind: 'template' }))).toBe('InvalidTarget');
  });
});
