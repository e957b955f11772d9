/**
 * Templates people published for real AWS (test/fixtures/real, each with its source and
 * licence in a comment at the top) load as AWS deploys them: warnings allowed, no error.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSubmissionPath, type LoadOptions } from '../../src/formats/load-submission.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/real/${name}`, import.meta.url));
const load = (name: string, opts: LoadOptions = {}) => {
  const r = loadSubmissionPath(fixture(name), opts);
  return { ...r, errors: r.diagnostics.filter((d) => d.severity === 'error'), codes: r.diagnostics.map((d) => d.code) };
};

describe('real templates load', () => {
  it('the Quick Start VPC (AvailabilityZones list without a value, Rules, NumberOfAZs up to 4)', () => {
    const two = load('quickstart-aws-vpc.yaml');
    expect(two.errors).toEqual([]);
    expect(two.codes).toContain('RulesNotChecked');
    const four = load('quickstart-aws-vpc.yaml', { params: { NumberOfAZs: '4' } });
    expect(four.errors).toEqual([]);
    const zones = four.resources.filter((r) => r.type === 'AWS::EC2::Subnet').map((r) => r.properties.AvailabilityZone);
    expect(new Set(zones)).toEqual(new Set(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d']));
    // The Quick Start gives every elastic IP DependsOn: VPCGatewayAttachment except NAT3EIP.
    expect(four.diagnostics.filter((d) => d.code === 'MissingDependsOn').map((d) => d.logicalId)).toEqual(['NAT3EIP']);
  });

  it('the WordPress reference architecture\'s VPC in three zones, with warnings for its elastic IPs without DependsOn', () => {
    const r = load('wordpress-newvpc.yaml', { params: { NumberOfAZs: '3' } });
    expect(r.errors).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === 'MissingDependsOn').map((d) => d.logicalId)).toEqual(['NatEIP0', 'NatEIP1', 'NatEIP2']);
  });

  it('the managed-NAT sample from aws-cloudformation-templates', () => {
    const r = load('awslabs-vpc-managed-nat.yaml');
    expect(r.errors).toEqual([]);
    // Its route has DependsOn; its two elastic IPs do not.
    expect(r.diagnostics.filter((d) => d.code === 'MissingDependsOn').map((d) => d.logicalId)).toEqual(['ElasticIP0', 'ElasticIP1']);
  });

  it('the ECS reference architecture\'s vpc and security-groups stacks as one layered submission', () => {
    const r = load('ecs-refarch', { params: { EnvironmentName: 'prod', VPC: 'VPC' } });
    expect(r.errors).toEqual([]);
    expect(Object.keys(r.stacks).sort()).toEqual(['us-east-1/security-groups', 'us-east-1/vpc']);
    const vpc = r.resources.find((x) => x.logicalId === 'VPC')!.ref;
    expect(r.resources.find((x) => x.logicalId === 'LoadBalancerSecurityGroup')!.properties.VpcId).toBe(vpc);
  });

  it('the EC2 instance sample (no VPC or subnet: it lands in the default VPC, aws-semantics 32)', () => {
    const r = load('awslabs-ec2-instance-default-vpc.yaml');
    expect(r.errors).toEqual([]);
    expect(r.diagnostics.filter((d) => d.code === 'DefaultVpcUsed').map((d) => d.logicalId)).toEqual(['InstanceSecurityGroup', 'EC2Instance']);
    const inst = r.resources.find((x) => x.logicalId === 'EC2Instance')!.ref!;
    const eni = r.cloud.interfaces.get(r.cloud.instances.get(inst)!.networkInterfaceIds[0])!;
    expect(r.cloud.securityGroups.get(eni.securityGroupIds[0])?.logicalId).toBe('InstanceSecurityGroup');
    expect(eni.publicIp).toBeDefined();
  });
});
