import { describe, expect, it } from 'vitest';
import { classifyType, knownTypeNames, MODELLED_TYPES, UNMODELLED_TYPES } from '../../../src/formats/cfn/types.js';
import { codes, load } from './helpers.js';

function one(type: string, props: string) {
  return load(`Resources:\n  R:\n    Type: ${type}\n    Properties:\n${props}`);
}

describe('resource types', () => {
  it('model the 23 EC2 networking types of the brief, each with documented attributes', () => {
    expect(Object.keys(MODELLED_TYPES).filter((t) => t.startsWith('AWS::EC2::') && t !== 'AWS::EC2::LaunchTemplate').sort()).toEqual(
      [
        'AWS::EC2::EIP', 'AWS::EC2::EIPAssociation', 'AWS::EC2::Instance', 'AWS::EC2::InternetGateway',
        'AWS::EC2::NatGateway', 'AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkAclEntry', 'AWS::EC2::NetworkInterface',
        'AWS::EC2::NetworkInterfaceAttachment', 'AWS::EC2::Route', 'AWS::EC2::RouteTable', 'AWS::EC2::SecurityGroup',
        'AWS::EC2::SecurityGroupEgress', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::Subnet',
        'AWS::EC2::SubnetNetworkAclAssociation', 'AWS::EC2::SubnetRouteTableAssociation', 'AWS::EC2::VPC',
        'AWS::EC2::VPCCidrBlock', 'AWS::EC2::VPCGatewayAttachment', 'AWS::EC2::VPCPeeringConnection',
      ].sort(),
    );
    expect(MODELLED_TYPES['AWS::EC2::Instance'].attributes).toEqual(
      expect.arrayContaining(['PrivateIp', 'PublicIp', 'AvailabilityZone', 'PrivateDnsName', 'PublicDnsName', 'InstanceId']),
    );
    expect(MODELLED_TYPES['AWS::EC2::EIP'].attributes).toEqual(['AllocationId', 'PublicIp']);
    for (const [name, t] of Object.entries(MODELLED_TYPES)) {
      // Some service types document no Fn::GetAtt attribute (AWS::AutoScaling::AutoScalingGroup).
      if (name.startsWith('AWS::EC2::')) expect(t.attributes.length, name).toBeGreaterThan(0);
      expect(UNMODELLED_TYPES.has(name), name).toBe(false);
    }
  });

  it('know a few hundred real unmodelled types', () => {
    expect(UNMODELLED_TYPES.size).toBeGreaterThan(300);
    for (const t of ['AWS::S3::Bucket', 'AWS::IAM::Role', 'AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::AutoScaling::LifecycleHook', 'AWS::CloudFormation::WaitCondition']) {
      expect(classifyType(t).kind, t).toBe('unmodelled');
    }
    expect(new Set(knownTypeNames()).size).toBe(knownTypeNames().length);
    for (const t of knownTypeNames()) expect(t).toMatch(/^(AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9]+$/);
  });

  it('load an unmodelled type with a warning and still hand it to the builder', () => {
    const r = one('AWS::S3::Bucket', '      BucketName: logs\n');
    expect(r.errors).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'warning',
      code: 'UnmodelledResourceType',
      message: 'AWS::S3::Bucket is a real type the virtual cloud does not model; it is kept but plays no part in checks',
      line: 3,
      column: 11,
    });
    expect(r.builder.created[0]).toMatchObject({ logicalId: 'R', modelled: false, properties: { BucketName: 'logs' } });
  });

  it('treat Custom:: resources as real, unmodelled types', () => {
    expect(classifyType('Custom::SeedDatabase').kind).toBe('unmodelled');
  });

  it('refuse a type that does not exist, suggesting the nearest real one', () => {
    const r = one('AWS::EC2::Subnets', '      VpcId: x\n');
    expect(r.errors[0]).toMatchObject({ code: 'UnrecognizedResourceType', logicalId: 'R', line: 3, column: 11, path: 'Type' });
    expect(r.errors[0].message).toBe('AWS::EC2::Subnets is not a CloudFormation resource type; did you mean AWS::EC2::Subnet?');
    expect(classifyType('AWS::EC2::SecurityGroupIngres')).toEqual({ kind: 'unrecognized', suggestion: 'AWS::EC2::SecurityGroupIngress' });
    expect(classifyType('AWS::EC2::Vpc')).toEqual({ kind: 'unrecognized', suggestion: 'AWS::EC2::VPC' });
    expect(classifyType('AWS::Nothing::Here')).toEqual({ kind: 'unrecognized', suggestion: undefined });
    expect(r.builder.created).toHaveLength(0);
  });
});

describe('properties of modelled types', () => {
  it('refuse an unknown property, naming the nearest valid one', () => {
    const r = one('AWS::EC2::Subnet', '      VpcId: vpc-1\n      CidrBlok: 10.0.0.0/24\n');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: 'UnknownProperty', logicalId: 'R', line: 6, column: 7, path: 'Properties.CidrBlok' });
    expect(r.errors[0].message).toBe('unknown property CidrBlok for AWS::EC2::Subnet; did you mean CidrBlock?');
  });

  it('explain that an attribute cannot be set', () => {
    const r = one('AWS::EC2::Subnet', '      VpcId: vpc-1\n      CidrBlock: 10.0.0.0/24\n      SubnetId: subnet-1\n');
    expect(r.errors[0].code).toBe('ReadOnlyProperty');
    expect(r.errors[0].message).toContain('read it with !GetAtt R.SubnetId');
  });

  it('require the required properties, also after AWS::NoValue removed one', () => {
    const r = one('AWS::EC2::Subnet', '      CidrBlock: 10.0.0.0/24\n');
    expect(r.errors[0]).toMatchObject({ code: 'MissingProperty', message: 'AWS::EC2::Subnet needs the property VpcId', line: 2, column: 3 });
    const r2 = one('AWS::EC2::RouteTable', '      VpcId: !Ref AWS::NoValue\n');
    expect(r2.errors[0].message).toBe('AWS::EC2::RouteTable needs the property VpcId');
  });

  it('require one target for a route and one source for a rule', () => {
    const r = one('AWS::EC2::Route', '      RouteTableId: rtb-1\n      DestinationCidrBlock: 0.0.0.0/0\n');
    expect(r.errors[0].message).toContain('AWS::EC2::Route needs one of CarrierGatewayId, CoreNetworkArn, EgressOnlyInternetGatewayId, GatewayId');
    const two = one('AWS::EC2::Route', '      RouteTableId: rtb-1\n      DestinationCidrBlock: 0.0.0.0/0\n      GatewayId: igw-1\n      NatGatewayId: nat-1\n');
    expect(two.errors[0]).toMatchObject({ code: 'ConflictingProperties', path: 'Properties.NatGatewayId', line: 8 });
    const rule = one('AWS::EC2::SecurityGroup', '      GroupDescription: x\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 22, ToPort: 22}\n');
    expect(rule.errors[0].message).toBe('SecurityGroupIngress[0] needs one of CidrIp, CidrIpv6, SourcePrefixListId, SourceSecurityGroupId, SourceSecurityGroupName');
  });

  it('refuse a subnet given two ways and an instance with both SubnetId and NetworkInterfaces', () => {
    const r = one('AWS::EC2::Instance', '      ImageId: ami-1\n      SubnetId: s\n      NetworkInterfaces: [{DeviceIndex: "0", SubnetId: s}]\n');
    expect(r.errors[0].message).toContain('gives both SubnetId and NetworkInterfaces; they cannot be used together');
  });

  it('check nested objects, with the path and position of the mistake', () => {
    const r = one(
      'AWS::EC2::SecurityGroup',
      '      GroupDescription: web\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 80\n          ToPort: 80\n          CidrIP: 0.0.0.0/0\n',
    );
    const unknown = r.errors.find((e) => e.code === 'UnknownProperty')!;
    expect(unknown).toMatchObject({ path: 'Properties.SecurityGroupIngress[0].CidrIP', line: 10, column: 11 });
    expect(unknown.message).toBe('unknown property CidrIP in SecurityGroupIngress[0]; did you mean CidrIp?');
  });

  it('refuse a value of the wrong shape', () => {
    const r = one('AWS::EC2::SecurityGroup', '      GroupDescription: [a, b]\n      Tags: {Key: a, Value: b}\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: ssh, ToPort: 22, CidrIp: 0.0.0.0/0}\n');
    expect(r.errors.map((e) => e.message)).toEqual([
      'GroupDescription must be text, not a list',
      'Tags must be a list, not a mapping',
      'SecurityGroupIngress[0].FromPort must be a whole number, not the text "ssh"',
    ]);
    expect(r.errors[2]).toMatchObject({ line: 8, column: 29 });
  });

  it('convert values the way CloudFormation does', () => {
    const r = one(
      'AWS::EC2::SecurityGroup',
      '      GroupDescription: 42\n      SecurityGroupIngress:\n        - {IpProtocol: -1, FromPort: "22", ToPort: "22", CidrIp: 10.0.0.0/8}\n',
    );
    expect(r.errors).toEqual([]);
    expect(r.builder.created[0].properties).toEqual({
      GroupDescription: '42',
      SecurityGroupIngress: [{ IpProtocol: '-1', FromPort: 22, ToPort: 22, CidrIp: '10.0.0.0/8' }],
    });
    const s = one('AWS::EC2::Subnet', '      VpcId: v\n      CidrBlock: 10.0.0.0/24\n      MapPublicIpOnLaunch: "TRUE"\n');
    expect(s.builder.created[0].properties.MapPublicIpOnLaunch).toBe(true);
    expect(one('AWS::EC2::Subnet', '      VpcId: v\n      CidrBlock: 10.0.0.0/24\n      MapPublicIpOnLaunch: yes\n').errors[0].message).toBe(
      'MapPublicIpOnLaunch must be true or false, not the text "yes"',
    );
  });

  it('check NetworkAclEntry port ranges and ICMP objects', () => {
    const r = one(
      'AWS::EC2::NetworkAclEntry',
      '      NetworkAclId: acl-1\n      RuleNumber: 100\n      Protocol: 6\n      RuleAction: allow\n      CidrBlock: 0.0.0.0/0\n      PortRange: {From: 1024, Too: 65535}\n',
    );
    expect(r.errors[0].message).toBe('unknown property Too in PortRange; did you mean To?');
  });

  it('report every problem of a resource in one run', () => {
    const r = one('AWS::EC2::VPC', '      CidrBlok: 10.0.0.0/16\n      EnableDnsSupprt: true\n');
    expect(codes(r.errors)).toEqual(['UnknownProperty', 'UnknownProperty']);
  });
});
