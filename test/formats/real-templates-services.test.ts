/**
 * Real templates that use load balancers and auto scaling groups (test/fixtures/real, each
 * with its source and licence at the top) load with those resources modelled.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUTOSCALING } from '../../src/engine/autoscaling/kinds.js';
import { ELBV2 } from '../../src/engine/elbv2/kinds.js';
import { loadSubmissionPath, type LoadOptions } from '../../src/formats/load-submission.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/real/${name}`, import.meta.url));
const load = (name: string, opts: LoadOptions = {}) => {
  const r = loadSubmissionPath(fixture(name), opts);
  return { ...r, errors: r.diagnostics.filter((d) => d.severity === 'error') };
};

describe('real templates with ELBv2 and Auto Scaling', () => {
  it('the ECS reference architecture\'s load-balancers stack: an ALB in the public subnets, its listener and default target group', () => {
    const r = load('ecs-refarch-alb', { params: { EnvironmentName: 'prod', VPC: 'VPC', Subnets: 'PublicSubnet1,PublicSubnet2', SecurityGroup: 'LoadBalancerSecurityGroup' } });
    expect(r.errors).toEqual([]);
    const [lb] = [...r.cloud.table(ELBV2.loadBalancer).values()];
    expect([lb.name, lb.type, lb.scheme, lb.nodes.map((n) => n.availabilityZone)]).toEqual(['prod', 'application', 'internet-facing', ['us-east-1a', 'us-east-1b']]);
    expect(r.cloud.unmodelled.size).toBe(0);
    const [tg] = [...r.cloud.table(ELBV2.targetGroup).values()];
    expect([tg.name, tg.loadBalancerArns]).toEqual(['prod-default', [lb.arn]]);
    expect(r.stacks['us-east-1/load-balancers'].outputs.LoadBalancerUrl.value).toBe(lb.dnsName);
  });

  it('the ECS reference architecture\'s cluster stack: a launch configuration and a group of four hosts over the private subnets', () => {
    const r = load('ecs-refarch-cluster', { params: { EnvironmentName: 'prod', VPC: 'VPC', Subnets: 'PrivateSubnet1,PrivateSubnet2', SecurityGroup: 'ECSHostSecurityGroup' } });
    expect(r.errors).toEqual([]);
    const [g] = [...r.cloud.table(AUTOSCALING.group).values()];
    expect([g.minSize, g.desiredCapacity, g.maxSize, g.launch.kind]).toEqual([4, 4, 4, 'launch-configuration']);
    const insts = g.instanceIds.map((id) => r.cloud.instances.get(id)!);
    expect(insts.map((i) => [i.logicalId, i.availabilityZone])).toEqual([
      ['ECSAutoScalingGroup-1', 'us-east-1a'],
      ['ECSAutoScalingGroup-2', 'us-east-1b'],
      ['ECSAutoScalingGroup-3', 'us-east-1a'],
      ['ECSAutoScalingGroup-4', 'us-east-1b'],
    ]);
    // the hosts carry the propagated Name tag and the group's tag, and the host security group
    expect(insts[0].tags).toEqual({ Name: 'prod ECS host', 'aws:autoscaling:groupName': g.name });
    const sg = r.resources.find((x) => x.logicalId === 'ECSHostSecurityGroup')!.ref;
    expect(r.cloud.interfaces.get(insts[0].networkInterfaceIds[0])!.securityGroupIds).toEqual([sg]);
  });
});
