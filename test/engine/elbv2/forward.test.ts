/** What a load balancer does with a connection on a port (src/engine/elbv2/forward.ts), on the load-balanced group of web.yaml. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listenerOn, listenerPaths, listenersOf, nodeInterfaces, targetInterface, targetPort } from '../../../src/engine/elbv2/forward.js';
import { ELBV2 } from '../../../src/engine/elbv2/kinds.js';
import { loadSubmissionPath } from '../../../src/formats/load-submission.js';

const { cloud } = loadSubmissionPath(fileURLToPath(new URL('../../fixtures/services/elbasg/web.yaml', import.meta.url)));
const lb = [...cloud.table(ELBV2.loadBalancer).values()][0];

describe('a load balancer forwards by listener', () => {
  it('finds the listener on its port and none on another (a security group open on 443 does not make a listener)', () => {
    expect(listenersOf(cloud, lb).map((l) => l.port)).toEqual([80]);
    expect(listenerOn(cloud, lb, 80)?.protocol).toBe('HTTP');
    expect(listenerOn(cloud, lb, 443)).toBeUndefined();
  });

  it('lists the default rule first, then the rules by priority, with the groups each forwards to', () => {
    const paths = listenerPaths(cloud, listenerOn(cloud, lb, 80)!);
    expect(paths.map((p) => [p.rule?.priority ?? 'default', p.action?.type, p.targetGroups.map((g) => g.group.logicalId)])).toEqual([
      ['default', 'forward', ['WebTargets']],
      [10, 'redirect', []],
    ]);
  });

  it('reaches each target at its instance interface on the group port, from a node per zone', () => {
    const group = listenerPaths(cloud, listenerOn(cloud, lb, 80)!)[0].targetGroups[0].group;
    expect(group.targets).toHaveLength(4);
    for (const t of group.targets) {
      expect(targetPort(group, t)).toBe(80);
      const eni = targetInterface(cloud, group, t)!;
      expect(eni.owner).toMatchObject({ kind: 'instance', id: t.id });
    }
    expect(nodeInterfaces(cloud, lb).map((n) => n.zone)).toEqual(['us-east-1a', 'us-east-1b']);
  });
});
