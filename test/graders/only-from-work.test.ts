import { describe, expect, it } from 'vitest';
import { CHECK_KINDS } from '../../graders/index.js';
import { Walker } from '../../src/engine/reach/walker.js';
import { REGION } from '../support/net.js';
import { tagged } from './support.js';

/**
 * The basic network (tagged) with `n` more app servers, each with a group of its own as well
 * as the app group, so each is a class of its own: the shape that made only-from ask every
 * target about every instance.
 */
function manyApps(n: number) {
  const b = tagged();
  for (let i = 0; i < n; i++) {
    const own = b.cloud.createSecurityGroup({ vpcId: b.vpc, description: `app ${i}` }, { logicalId: `App${i}Sg` }).id;
    b.cloud.addSecurityGroupRule(own, 'ingress', { ipProtocol: 'tcp', fromPort: 9000 + i, toPort: 9000 + i, groupId: b.appSg });
    const id = b.cloud.createInstance(REGION, { subnetId: b.priv, securityGroupIds: [b.appSg, own] }, { logicalId: `App${i}` }).id;
    b.cloud.instances.get(id)!.tags.Role = 'app';
  }
  return b;
}

function run(n: number, args: Record<string, unknown>) {
  const b = manyApps(n);
  const walker = new Walker(b.cloud);
  const outcome = CHECK_KINDS.get('only-from')!.run({ cloud: b.cloud, walker, resources: [] }, args);
  return { outcome, questions: walker.questions };
}

describe('only-from with role sources shares work', () => {
  it('does not ask every target about every instance: the questions stay flat as app servers are added', () => {
    const args = { to: 'role:app', port: 8080, sources: 'role:web' };
    const small = run(10, args);
    const large = run(40, args);
    expect(small.outcome.passed).toBe(true);
    expect(large.outcome.passed).toBe(true);
    // 41 targets in 41 classes against 42 classes would be over 1,700 questions asked one by one.
    // At most one per target, however many classes there are to try as someone else.
    expect(large.questions).toBeLessThanOrEqual(small.questions + 30);
    expect(large.questions).toBeLessThanOrEqual(41);
  });

  it('still finds someone else who gets through', () => {
    const b = manyApps(5);
    // App3 opens 8080 to the whole VPC: the web server is allowed, App0 is not.
    const own = [...b.cloud.securityGroups.values()].find((g) => g.logicalId === 'App3Sg')!.id;
    b.cloud.addSecurityGroupRule(own, 'ingress', { ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, cidrIp: '10.0.0.0/16' });
    const outcome = CHECK_KINDS.get('only-from')!.run({ cloud: b.cloud, walker: new Walker(b.cloud), resources: [] }, { to: 'role:app', port: 8080, sources: 'role:web' });
    expect(outcome.passed).toBe(false);
    expect(outcome.detail).toMatch(/reaches App3 on port 8080/);
  });
});
