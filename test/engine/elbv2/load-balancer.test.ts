import { describe, expect, it } from 'vitest';
import { Cloud } from '../../../src/engine/cloud.js';
import { resourceByDnsName } from '../../../src/engine/dns-targets.js';
import { ELBV2 } from '../../../src/engine/elbv2/kinds.js';
import { createLoadBalancer } from '../../../src/engine/elbv2/load-balancer.js';
import { formatIp } from '../../../src/engine/address.js';
import { code, network, REGION } from './support.js';

describe('ELBv2 load balancers', () => {
  it('ELB-01: the scheme defaults to internet-facing; internet-facing nodes have public addresses, internal ones only private', () => {
    const n = network();
    const pub = createLoadBalancer(n.cloud, REGION, { name: 'pub', subnets: [n.publicA, n.publicB], securityGroups: [n.albSg] }, { logicalId: 'Pub' });
    expect(pub.scheme).toBe('internet-facing');
    for (const node of pub.nodes) expect(n.cloud.interfaces.get(node.networkInterfaceId)!.publicIp).toBeDefined();
    const internal = createLoadBalancer(n.cloud, REGION, { name: 'int', scheme: 'internal', subnets: [n.privateA, n.privateB] }, { logicalId: 'Int' });
    for (const node of internal.nodes) expect(n.cloud.interfaces.get(node.networkInterfaceId)!.publicIp).toBeUndefined();
    expect(code(() => createLoadBalancer(n.cloud, REGION, { scheme: 'public', subnets: [n.publicA, n.publicB] }))).toBe('ValidationError');
  });

  it('ELB-02: an internet-facing load balancer in a VPC with no internet gateway is refused with InvalidSubnet once the topology is in', () => {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.1.0.0/16' });
    const a = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: '10.1.0.0/24', availabilityZone: 'us-east-1a' }).id;
    const b = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: '10.1.1.0/24', availabilityZone: 'us-east-1b' }).id;
    createLoadBalancer(cloud, REGION, { name: 'nogw', subnets: [a, b] }, { logicalId: 'NoGw' });
    const problems = cloud.finish();
    expect(problems.map((p) => [p.code, p.logicalId])).toEqual([['InvalidSubnet', 'NoGw']]);
    expect(problems[0].message).toMatch(/no internet gateway/);
    // internal is fine
    const c2 = new Cloud();
    const v2 = c2.createVpc(REGION, { cidrBlock: '10.1.0.0/16' });
    const s = [0, 1].map((i) => c2.createSubnet({ vpcId: v2.id, cidrBlock: `10.1.${i}.0/24`, availabilityZone: `us-east-1${'ab'[i]}` }).id);
    createLoadBalancer(c2, REGION, { name: 'int', scheme: 'internal', subnets: s });
    expect(c2.finish()).toEqual([]);
  });

  it('ELB-04: an ALB needs subnets in two zones, one per zone, of one VPC; an NLB one zone; unknown subnets are SubnetNotFound', () => {
    const n = network();
    expect(code(() => createLoadBalancer(n.cloud, REGION, { subnets: [n.publicA] }))).toBe('ValidationError');
    expect(code(() => createLoadBalancer(n.cloud, REGION, { subnets: [] }))).toBe('ValidationError');
    expect(code(() => createLoadBalancer(n.cloud, REGION, { subnets: [n.publicA, n.privateA] }))).toBe('InvalidConfigurationRequest');
    expect(code(() => createLoadBalancer(n.cloud, REGION, { subnets: [n.publicA, 'subnet-0000000000000000'] }))).toBe('SubnetNotFound');
    const other = n.cloud.createVpc(REGION, { cidrBlock: '10.9.0.0/16' });
    const far = n.cloud.createSubnet({ vpcId: other.id, cidrBlock: '10.9.0.0/24', availabilityZone: 'us-east-1b' }).id;
    expect(code(() => createLoadBalancer(n.cloud, REGION, { subnets: [n.publicA, far] }))).toBe('InvalidConfigurationRequest');
    // an ALB subnet is at least a /27
    expect(code(() => createLoadBalancer(n.cloud, REGION, { subnets: [n.publicA, n.tinyC] }))).toBe('InvalidSubnet');
    expect(code(() => createLoadBalancer(n.cloud, REGION, { name: 'one', type: 'network', subnets: [n.publicA] }))).toBe('no error');
    expect(code(() => createLoadBalancer(n.cloud, REGION, { subnets: [n.publicA], subnetMappings: [{ subnetId: n.publicB }] }))).toBe('ValidationError');
  });

  it('ELB-05: one node per enabled zone, its private address taken from the subnet pool as instances take theirs', () => {
    const n = network();
    const lb = createLoadBalancer(n.cloud, REGION, { name: 'web', subnets: [n.publicA, n.publicB] }, { logicalId: 'Web' });
    expect(lb.nodes.map((x) => x.availabilityZone)).toEqual(['us-east-1a', 'us-east-1b']);
    const ips = lb.nodes.map((x) => formatIp(n.cloud.interfaces.get(x.networkInterfaceId)!.privateIp));
    expect(ips).toEqual(['10.0.0.4', '10.0.1.4']);
    const eni = n.cloud.interfaces.get(lb.nodes[0].networkInterfaceId)!;
    expect(eni.owner).toEqual({ kind: 'load-balancer', id: lb.arn });
    // the next instance in that subnet takes the next address
    const inst = n.cloud.createInstance(REGION, { subnetId: n.publicA });
    expect(formatIp(n.cloud.interfaces.get(inst.networkInterfaceIds[0])!.privateIp)).toBe('10.0.0.5');
  });

  it('ELB-07: DNS names, hosted zones and full names as AWS forms them, the same on every run', () => {
    const make = () => {
      const n = network('seed-1');
      const alb = createLoadBalancer(n.cloud, REGION, { name: 'my-load-balancer', subnets: [n.publicA, n.publicB] }, { logicalId: 'Alb' });
      const internal = createLoadBalancer(n.cloud, REGION, { name: 'Inside', scheme: 'internal', subnets: [n.privateA, n.privateB] }, { logicalId: 'In' });
      const nlb = createLoadBalancer(n.cloud, REGION, { name: 'net', type: 'network', subnets: [n.publicA] }, { logicalId: 'Nlb' });
      return { n, alb, internal, nlb };
    };
    const { n, alb, internal, nlb } = make();
    expect(alb.dnsName).toMatch(/^my-load-balancer-\d{9,10}\.us-east-1\.elb\.amazonaws\.com$/);
    expect(internal.dnsName).toMatch(/^internal-inside-\d{9,10}\.us-east-1\.elb\.amazonaws\.com$/);
    expect(nlb.dnsName).toMatch(/^net-[0-9a-f]{16}\.elb\.us-east-1\.amazonaws\.com$/);
    expect(alb.canonicalHostedZoneId).toBe('Z35SXDOTRQ7X7K');
    expect(nlb.canonicalHostedZoneId).toBe('Z26RNL4JYFTOTI');
    expect(alb.fullName).toMatch(/^app\/my-load-balancer\/[0-9a-f]{16}$/);
    expect(nlb.fullName).toMatch(/^net\/net\/[0-9a-f]{16}$/);
    expect(alb.arn).toBe(`arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/${alb.fullName}`);
    expect(make().alb.dnsName).toBe(alb.dnsName);
    // names: at most 32, alphanumerics and hyphens, not starting internal-, unique per region
    expect(code(() => createLoadBalancer(n.cloud, REGION, { name: '-bad', subnets: [n.publicA, n.publicB] }))).toBe('ValidationError');
    expect(code(() => createLoadBalancer(n.cloud, REGION, { name: 'a'.repeat(33), subnets: [n.publicA, n.publicB] }))).toBe('ValidationError');
    expect(code(() => createLoadBalancer(n.cloud, REGION, { name: 'internal-x', subnets: [n.publicA, n.publicB] }))).toBe('ValidationError');
    expect(code(() => createLoadBalancer(n.cloud, REGION, { name: 'my-load-balancer', subnets: [n.publicA, n.publicB] }))).toBe('DuplicateLoadBalancerName');
    // a load balancer answers at its DNS name (for aliases and origins), dualstack. or not
    expect(resourceByDnsName(n.cloud, `dualstack.${alb.dnsName.toUpperCase()}.`)).toBe(alb);
    expect(n.cloud.table(ELBV2.loadBalancer).size).toBe(3);
  });

  it('ELB-07: without a Name, the name is made from the logical id, at most 32 characters', () => {
    const n = network();
    const lb = createLoadBalancer(n.cloud, REGION, { subnets: [n.publicA, n.publicB] }, { logicalId: 'ApplicationLoadBalancerForTheWebTier' });
    expect(lb.name.length).toBeLessThanOrEqual(32);
    expect(lb.name).toMatch(/^ApplicationLoadBal-[0-9A-F]{12}$/);
  });

  it('ELB-08 and ELB-10: an ALB without groups gets the VPC default group; an NLB may have none; groups are of the VPC', () => {
    const n = network();
    const alb = createLoadBalancer(n.cloud, REGION, { name: 'a', subnets: [n.publicA, n.publicB] });
    expect(alb.securityGroupIds).toEqual([n.vpc.defaultSecurityGroupId]);
    const nlb = createLoadBalancer(n.cloud, REGION, { name: 'n', type: 'network', subnets: [n.publicA] });
    expect(nlb.securityGroupIds).toEqual([]);
    expect(n.cloud.interfaces.get(alb.nodes[0].networkInterfaceId)!.securityGroupIds).toEqual([n.vpc.defaultSecurityGroupId]);
    const other = n.cloud.createVpc(REGION, { cidrBlock: '10.8.0.0/16' });
    const sg = n.cloud.createSecurityGroup({ vpcId: other.id, groupName: 'x', description: 'x' }).id;
    expect(code(() => createLoadBalancer(n.cloud, REGION, { name: 'c', subnets: [n.publicA, n.publicB], securityGroups: [sg] }))).toBe('InvalidSecurityGroup');
    expect(code(() => createLoadBalancer(n.cloud, REGION, { name: 'd', subnets: [n.publicA, n.publicB], securityGroups: ['sg-00000000000000000'] }))).toBe('InvalidSecurityGroup');
  });

  it('ELB-04: SubnetMappings give an internet-facing NLB an elastic IP per zone, an internal NLB a chosen private address', () => {
    const n = network();
    const eip = n.cloud.allocateElasticIp(REGION);
    const nlb = createLoadBalancer(n.cloud, REGION, { name: 'n', type: 'network', subnetMappings: [{ subnetId: n.publicA, allocationId: eip.id }] });
    expect(n.cloud.interfaces.get(nlb.nodes[0].networkInterfaceId)!.publicIp).toBe(eip.publicIp);
    const inner = createLoadBalancer(n.cloud, REGION, { name: 'i', type: 'network', scheme: 'internal', subnetMappings: [{ subnetId: n.privateA, privateIPv4Address: '10.0.10.50' }] });
    expect(formatIp(n.cloud.interfaces.get(inner.nodes[0].networkInterfaceId)!.privateIp)).toBe('10.0.10.50');
    expect(code(() => createLoadBalancer(n.cloud, REGION, { name: 'x', subnetMappings: [{ subnetId: n.publicA, allocationId: eip.id }, { subnetId: n.publicB }] }))).toBe('InvalidConfigurationRequest');
  });
});
