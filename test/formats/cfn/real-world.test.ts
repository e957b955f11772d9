import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../../src/formats/cfn/index.js';
import { MODELLED_TYPES } from '../../../src/formats/cfn/types.js';
import { context, fakeBuilder } from './helpers.js';

const fixture = (name: string) => {
  const path = fileURLToPath(new URL(`../../fixtures/cfn/${name}`, import.meta.url));
  return { path, text: readFileSync(path, 'utf8') };
};

describe('real-world templates load as they are', () => {
  it('a VPC with public and private subnets in two zones, IGW, NAT, routes, groups and instances (YAML)', () => {
    const { path, text } = fixture('vpc-two-az.yaml');
    const builder = fakeBuilder();
    const { diagnostics, stack } = loadTemplate(text, path, context(), builder.create);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['SsmParameterNotResolved', 'MissingDependsOn']);
    // The bastion has a public address and nothing makes it wait for the gateway's attachment.
    expect(diagnostics[1]).toMatchObject({ logicalId: 'BastionHost' });
    expect(builder.created).toHaveLength(27);
    expect(builder.created.every((r) => r.modelled)).toBe(true);

    const byId = Object.fromEntries(builder.created.map((r) => [r.logicalId, r]));
    expect(byId.PublicSubnet2.properties).toMatchObject({
      VpcId: 'fake-VPC',
      AvailabilityZone: 'us-east-1b',
      CidrBlock: '10.192.11.0/24',
      MapPublicIpOnLaunch: true,
    });
    expect(byId.NatGateway1.properties).toEqual({ AllocationId: 'NatGateway1EIP.AllocationId', SubnetId: 'fake-PublicSubnet1' });
    expect(byId.BastionSecurityGroup.properties.SecurityGroupIngress).toEqual([
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '203.0.113.0/24', Description: 'SSH from the admin range' },
    ]);
    expect(byId.BastionHost.properties.NetworkInterfaces).toEqual([
      { AssociatePublicIpAddress: true, DeviceIndex: '0', SubnetId: 'fake-PublicSubnet1', GroupSet: ['fake-BastionSecurityGroup'] },
    ]);
    const userData = Buffer.from(byId.WebServer.properties.UserData as string, 'base64').toString();
    expect(userData).toContain('Hello from us-east-1');

    // Every resource comes after the resources it refers to.
    const order = builder.ids();
    expect(order.indexOf('VPC')).toBeLessThan(order.indexOf('PublicSubnet1'));
    expect(order.indexOf('InternetGatewayAttachment')).toBeLessThan(order.indexOf('NatGateway1EIP'));
    expect(order.indexOf('NatGateway1')).toBeLessThan(order.indexOf('DefaultPrivateRoute1'));

    expect(stack?.metadata.cloudlab).toEqual({ lab: 'vpc-basics', student: 's1234567' });
    expect(stack?.outputs.PublicSubnets.value).toBe('fake-PublicSubnet1,fake-PublicSubnet2');
    expect(stack?.exports).toEqual({ 'test-stack-VPCID': 'fake-VPC' });
  });

  it('leaves the NAT gateways out when the parameter says so', () => {
    const { text } = fixture('vpc-two-az.yaml');
    const builder = fakeBuilder();
    const { diagnostics, stack } = loadTemplate(text, 'vpc.yaml', context({ params: { CreateNatGateways: 'false' } }), builder.create);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(builder.ids()).not.toContain('NatGateway1');
    expect(builder.ids()).not.toContain('DefaultPrivateRoute2');
    expect(stack?.outputs.NatGateway1).toBeUndefined();
  });

  it('two peered VPCs using every other modelled type (JSON)', () => {
    const { text } = fixture('peered-vpcs.json');
    const builder = fakeBuilder();
    const { diagnostics, stack } = loadTemplate(text, 'peered.json', context({ region: 'eu-west-1', stackName: 'peer' }), builder.create);
    expect(diagnostics).toEqual([]);
    const types = new Set(builder.created.map((r) => r.type));
    const fromBoth = new Set([...types, ...fixtureTypes('vpc-two-az.yaml')]);
    // The VPC types; the services of issue 8 have their own templates (test/fixtures/services).
    expect([...fromBoth].sort()).toEqual(Object.keys(MODELLED_TYPES).filter((t) => t.startsWith('AWS::EC2::') && t !== 'AWS::EC2::LaunchTemplate').sort());

    const byId = Object.fromEntries(builder.created.map((r) => [r.logicalId, r]));
    expect(byId.AppSubnet.properties.CidrBlock).toBe('10.10.0.0/24');
    expect(byId.DataSubnet.properties).toMatchObject({ CidrBlock: '10.20.1.0/24', AvailabilityZone: 'eu-west-1b' });
    expect(byId.DataAclOutEphemeral.properties).toMatchObject({ RuleNumber: 100, Protocol: 6, Egress: true });
    expect(byId.DataAclInFromApp.properties.PortRange).toEqual({ From: 8443, To: 8443 });
    expect(byId.AppSecondEniAttachment.properties.DeviceIndex).toBe('1');
    expect(stack?.exports).toEqual({ 'peer-DataSubnetCidr': 'DataSubnet.CidrBlock' });
  });
});

function fixtureTypes(name: string): string[] {
  return [...fixture(name).text.matchAll(/Type: (AWS::EC2::\w+)/g)].map((m) => m[1]);
}
