import { describe, expect, it } from 'vitest';
import { EndpointError } from '../../../src/engine/reach/endpoints.js';
import { placeProbes, probeEverySubnet } from '../../../src/engine/reach/probe.js';
import { trace } from '../../../src/engine/reach/question.js';
import { basic } from '../../support/net.js';

describe('probe instances for subnet ends', () => {
  it('are placed in a copy: the topology keeps its instances, interfaces and address pools', () => {
    const { cloud } = basic();
    const before = { instances: cloud.instances.size, interfaces: cloud.interfaces.size, next: [...cloud.nextPrivate], pool: [...cloud.publicPool] };
    const placed = placeProbes(cloud, [{ text: 'subnet:Private' }, { text: 'internet' }]);
    expect(placed.probes).toBe(true);
    expect(placed.ends[1]).toBe('internet');
    expect(placed.cloud.instances.size).toBe(before.instances + 1);
    expect({ instances: cloud.instances.size, interfaces: cloud.interfaces.size, next: [...cloud.nextPrivate], pool: [...cloud.publicPool] }).toEqual(before);
  });

  it("get the VPC's default group when none is given, as RunInstances does, and the next free address", () => {
    const { cloud, priv } = basic();
    const placed = placeProbes(cloud, [{ text: 'subnet:Private' }]);
    const probe = placed.cloud.instances.get(placed.ends[0])!;
    const eni = placed.cloud.interfaces.get(probe.networkInterfaceIds[0])!;
    expect(eni.subnetId).toBe(priv);
    expect(eni.securityGroupIds.map((g) => placed.cloud.securityGroups.get(g)!.isDefault)).toEqual([true]);
    expect(eni.publicIp).toBeUndefined();
  });

  it('get a public address in a subnet that routes to an internet gateway, even without MapPublicIpOnLaunch', () => {
    const { cloud } = basic({ publicWeb: false });
    const placed = placeProbes(cloud, [{ text: 'subnet:Public', groups: ['WebSg'] }]);
    const eni = placed.cloud.interfaces.get(placed.cloud.instances.get(placed.ends[0])!.networkInterfaceIds[0])!;
    expect(eni.publicIp).toBeDefined();
    expect(trace(cloud, { from: 'internet', to: 'subnet:Public', toGroups: ['WebSg'], protocol: 'tcp', port: 80 }).reachable).toBe(true);
  });

  it('refuse a group of another VPC and name where it is', () => {
    const { cloud } = basic();
    const other = cloud.createVpc('us-east-1', { cidrBlock: '10.9.0.0/16' }, { logicalId: 'Other' }).id;
    cloud.createSecurityGroup({ vpcId: other, description: 'x' }, { logicalId: 'ElsewhereSg' });
    expect(() => placeProbes(cloud, [{ text: 'subnet:Private', groups: ['ElsewhereSg'] }])).toThrow(EndpointError);
    expect(() => placeProbes(cloud, [{ text: 'subnet:Private', groups: ['ElsewhereSg'] }])).toThrow(/is in vpc-[0-9a-f]+, not in the VPC of subnet Private/);
  });

  it('a summary of a topology without instances has one probe per subnet whose group allows everything', () => {
    const { cloud } = basic();
    for (const i of [...cloud.instances.keys()]) cloud.deleteResource(i);
    const { cloud: probed, subnets } = probeEverySubnet(cloud);
    expect(subnets).toBe(2);
    expect([...probed.instances.values()].map((i) => i.logicalId).sort()).toEqual(['subnet:Private', 'subnet:Public']);
    const group = [...probed.securityGroups.values()].find((g) => g.name === 'cloudlab-probe')!;
    expect(group.ingress).toHaveLength(1);
    expect(cloud.securityGroups.has(group.id)).toBe(false);
  });
});
