/** The symbolic load-balancer answer of `reach` (load-balancer-ports.ts) agrees with the trace, port by port. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELBV2 } from '../../../../src/engine/elbv2/kinds.js';
import { resolveEndpoint } from '../../../../src/engine/reach/endpoints.js';
import { trace } from '../../../../src/engine/reach/question.js';
import { loadBalancerPorts } from '../../../../src/engine/reach/services/load-balancer-ports.js';
import { Walker } from '../../../../src/engine/reach/walker.js';
import { loadSubmissionFromTemplates } from '../../../../src/formats/load-submission.js';
import { LISTENER_PORTS, randomLoadBalancer } from '../../../support/random-load-balancer.js';

const PORTS = [...LISTENER_PORTS, 22, 3000];

describe('load balancers: the symbolic answer equals trace-by-trace answers', () => {
  it('on random listeners, target group ports, security group rules, schemes and zones', () => {
    let asked = 0;
    let reachable = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const { text, from } = randomLoadBalancer(seed);
        const loaded = loadSubmissionFromTemplates([{ file: `lb-${seed}.yaml`, text }]);
        expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const cloud = loaded.cloud;
        const lb = [...cloud.table(ELBV2.loadBalancer).values()][0];
        const symbolic = loadBalancerPorts(cloud, lb, resolveEndpoint(cloud, from), new Walker(cloud, { brief: true }));
        const concrete = PORTS.filter((port) => trace(cloud, { from, to: 'Alb', protocol: 'tcp', port }).reachable);
        expect(PORTS.filter((p) => symbolic.has(p))).toEqual(concrete);
        // Nothing off the listener ports is ever reachable.
        expect(symbolic.size).toBe(concrete.length);
        asked++;
        if (concrete.length) reachable++;
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150), seed: Number(process.env.PROPERTY_SEED ?? 20261202) },
    );
    // The generator must produce both outcomes often enough for the comparison to mean something.
    expect(reachable).toBeGreaterThan(asked / 10);
    expect(reachable).toBeLessThan(asked * 0.9);
  });
});
