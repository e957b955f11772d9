import { describe, expect, it } from 'vitest';
import { IntervalSet } from '../../../src/engine/intervals.js';
import { answerFlow } from '../../../src/engine/reach/trace.js';
import { endpointClasses, reachSummary } from '../../../src/engine/reach/summary.js';
import { basic, REGION } from '../../support/net.js';
import { randomNetwork } from '../../support/random-network.js';

describe('reachability summary', () => {
  it('groups instances that every filter treats alike', () => {
    const b = basic();
    b.cloud.createInstance(REGION, { subnetId: b.pub, securityGroupIds: [b.webSg] }, { logicalId: 'Web2' });
    const classes = endpointClasses(b.cloud);
    expect(classes.map((c) => c.members)).toEqual([['App'], ['Web', 'Web2']]);
  });

  it('lists who reaches whom on which ports', () => {
    const b = basic();
    const s = reachSummary(b.cloud);
    const row = (from: string, to: string) => s.rows.find((r) => r.from === from && r.to === to);
    expect(row('internet', 'Web')!.tcp.equals(IntervalSet.point(80))).toBe(true);
    expect(row('Web', 'App')!.tcp.equals(IntervalSet.point(8080))).toBe(true);
    expect(row('Web', 'internet')!.tcp.equals(IntervalSet.of(0, 65535))).toBe(true);
    expect(row('App', 'internet')).toBeUndefined();
    expect(row('internet', 'App')).toBeUndefined();
  });

  it.each([
    ['random networks', {}],
    ['random networks with prefix lists', { prefixLists: true }],
  ])('agrees with asking about every pair of instances directly (%s)', (_name, opts) => {
    for (let seed = 1; seed <= 150; seed++) {
      const { cloud } = randomNetwork(seed, opts);
      const summary = reachSummary(cloud);
      const classOf = new Map<string, string>();
      for (const c of summary.classes) for (const m of c.members) classOf.set(m, c.members.length === 1 ? c.members[0] : `${c.members[0]} (+${c.members.length - 1})`);
      const insts = [...cloud.instances.values()];
      for (const a of insts) {
        for (const z of insts) {
          if (a === z) continue;
          const direct = answerFlow(cloud, {
            from: { kind: 'interface', eni: cloud.interfaces.get(a.networkInterfaceIds[0])!, name: a.logicalId! },
            to: { kind: 'interface', eni: cloud.interfaces.get(z.networkInterfaceIds[0])!, name: z.logicalId! },
            protocol: 'tcp',
            ports: IntervalSet.of(0, 65535),
          });
          const row = summary.rows.find((r) => r.from === classOf.get(a.logicalId!) && r.to === classOf.get(z.logicalId!));
          const ports = row ? row.tcp : IntervalSet.EMPTY;
          expect(ports.equals(direct.ports), `seed ${seed}: ${a.logicalId} → ${z.logicalId}`).toBe(true);
        }
      }
    }
  });
});
