import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELBV2 } from '../../../src/engine/elbv2/kinds.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';
import { simulate, type Participant } from '../../../src/engine/sim/index.js';
import { defaultParticipants } from '../../../src/engine/sim/participants.js';
import { instanceTypesOf } from '../../../src/formats/instance-types.js';
import { countsAddUp, run, scenario } from './support.js';

const WEB = join(import.meta.dirname, '../../fixtures/services/elbasg/web.yaml');

describe('routing through a service end', () => {
  it('a load balancer is a traffic end: requests reach its targets over its nodes and are served at their capacity', () => {
    const loaded = loadSubmissionPath(WEB);
    // Four t3.micro targets serve 5 requests a second each.
    const r = run(loaded, scenario(600, [{ to: 'Alb', port: 80, steps: [[0, 10], [300, 30]] }]));
    expect(r.ends[0]).toMatchObject({ sent: 3000 + 9000, served: 3000 + 6000, dropped: 3000 });
    expect(countsAddUp(r)).toBe(true);
  });

  it('the load balancer answers at its name and DNS name as at its logical id', () => {
    const loaded = loadSubmissionPath(WEB);
    const lb = [...loaded.cloud.table(ELBV2.loadBalancer).values()][0];
    for (const to of ['web-alb', lb.dnsName, 'Alb']) {
      const r = run(loaded, scenario(60, [{ to, port: 80, steps: [[0, 4]] }]));
      expect(r.ends[0]).toMatchObject({ sent: 240, served: 240 });
    }
  });

  it('no listener on the port: every request is dropped, and the timeline says why', () => {
    const loaded = loadSubmissionPath(WEB);
    const r = run(loaded, scenario(60, [{ to: 'Alb', port: 443, steps: [[0, 1]] }]));
    expect(r.ends[0]).toMatchObject({ sent: 60, served: 0, dropped: 60 });
    expect(r.events[0]).toMatchObject({ at: 0, what: 'unreachable', detail: expect.stringContaining('Alb has no listener on port 443') });
  });

  it('a failed load balancer drops what is sent to it until it recovers', () => {
    const loaded = loadSubmissionPath(WEB);
    const r = run(loaded, scenario(600, [{ to: 'Alb', port: 80, steps: [[0, 1]] }], [
      { at: 100, action: 'fail', target: { kind: 'resource', name: 'Alb' } },
      { at: 400, action: 'recover', target: { kind: 'resource', name: 'Alb' } },
    ]));
    expect(r.ends[0]).toMatchObject({ sent: 600, served: 300, dropped: 300, recoveryTime: 300 });
  });

  it('chains: a participant whose end routes to the load balancer, with the client kept', () => {
    const loaded = loadSubmissionPath(WEB);
    const name: Participant = {
      service: 'Test DNS',
      resolveEnd: (_c, text) => (text === 'www.example.test' ? { kind: 'service', name: text, service: 'Test DNS', id: 'www' } : undefined),
      route: (ctx, _end, port, protocol) => ({
        shares: [{ share: 0.5, legs: [], to: { kind: 'service', name: 'Alb', service: 'Elastic Load Balancing', id: [...ctx.cloud.table(ELBV2.loadBalancer).values()][0].arn }, port, protocol }],
        dropped: 'half the answers are stale',
      }),
    };
    const participants = [name, ...defaultParticipants({ instanceTypes: instanceTypesOf(loaded) })];
    const r = simulate(loaded.cloud, scenario(100, [{ to: 'www.example.test', port: 80, steps: [[0, 10]] }]), { instanceTypes: instanceTypesOf(loaded), participants });
    expect(r.ends[0]).toMatchObject({ sent: 1000, served: 500, dropped: 500 });
  });

  it('a target group or a listener is not a traffic end nor a failure target, and says which load balancer to use', () => {
    const loaded = loadSubmissionPath(WEB);
    expect(() => run(loaded, scenario(60, [{ to: 'WebTargets', port: 80, steps: [[0, 1]] }]))).toThrow(/WebTargets is a target group, which is not a traffic end; send the traffic to its load balancer \(Alb\)/);
    expect(() => run(loaded, scenario(60, [], [{ at: 1, action: 'fail', target: { kind: 'resource', name: 'HttpListener' } }]))).toThrow(/HttpListener is a listener, which does not fail on its own/);
  });
});
