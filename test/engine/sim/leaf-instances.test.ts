import { describe, expect, it } from 'vitest';
import { withScalingRoom } from '../../../src/engine/sim/asg-spares.js';
import { leafInstances } from '../../../src/engine/sim/leaf-instances.js';
import { type EndRef, NetworkView } from '../../../src/engine/sim/network-view.js';
import { instanceTypesOf } from '../../../src/formats/scenario/simulate-submission.js';
import { twoZones, webLb } from './support.js';

describe('leaf instances of the network', () => {
  it("a group's instances, launched or not, are leaves; an instance with a public address is not", () => {
    const loaded = webLb();
    const scaling = withScalingRoom(loaded.cloud, instanceTypesOf(loaded));
    const pool = scaling.pools.flatMap((p) => [...p.byZone.values()].flat());
    expect(pool.length).toBeGreaterThan(scaling.pools[0].initial.length);
    expect([...leafInstances(scaling.cloud, pool).keys()]).toEqual(pool);

    const plain = twoZones().cloud;
    const leaves = leafInstances(plain, plain.instances.keys());
    for (const inst of plain.instances.values()) {
      const publicAddress = inst.networkInterfaceIds.some((e) => plain.interfaces.get(e)?.publicIp !== undefined);
      expect(leaves.has(inst.id)).toBe(!publicAddress);
    }
    expect(leaves.size).toBeLessThan(plain.instances.size);
  });

  it('with leaves left in the network, every flow has the verdict of a copy with them deleted', () => {
    const loaded = webLb();
    const scaling = withScalingRoom(loaded.cloud, instanceTypesOf(loaded));
    const cloud = scaling.cloud;
    const pool = scaling.pools.flatMap((p) => [...p.byZone.values()].flat());
    const exact = new NetworkView(cloud, scaling.instanceTypes);
    const shared = new NetworkView(cloud, scaling.instanceTypes, new Set(), pool);
    const ends: EndRef[] = [{ kind: 'internet', name: 'internet' }];
    for (const eni of cloud.interfaces.values()) ends.push({ kind: 'interface', name: eni.logicalId ?? eni.id, eniId: eni.id });
    const nat = [...cloud.natGateways.keys()];
    // Spares held down, some launched, with and without a NAT gateway down.
    const sets = [new Set(pool.slice(2)), new Set(pool.slice(0, 3)), new Set([...pool.slice(1, 4), ...nat]), new Set(nat)];
    let compared = 0;
    for (const down of sets) {
      for (const from of ends) {
        for (const to of ends) {
          if (from === to) continue;
          expect(shared.verdict(down, from, to, 'tcp', 80)).toEqual(exact.verdict(down, from, to, 'tcp', 80));
          compared++;
        }
      }
      expect(shared.hourlyUsd(down)).toBe(exact.hourlyUsd(down));
    }
    expect(compared).toBeGreaterThan(100);
  });
});
