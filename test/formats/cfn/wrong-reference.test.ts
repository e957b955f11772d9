import { describe, expect, it } from 'vitest';
import { loadSubmissionFromTemplates } from '../../../src/formats/load-submission.js';

const BASE = `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  InternetGateway:
    Type: AWS::EC2::InternetGateway
  GatewayAttachment:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref InternetGateway }
  Routes:
    Type: AWS::EC2::RouteTable
    Properties: { VpcId: !Ref Vpc }
`;

const errorsOf = (text: string) =>
  loadSubmissionFromTemplates([{ file: 'template.yaml', text }]).diagnostics.filter((d) => d.severity === 'error');

describe('a reference to the wrong kind of resource', () => {
  it('a route to the gateway attachment names the attachment and the gateway it wants, never "IGW|vpc-…"', () => {
    const errors = errorsOf(`${BASE}  Internet:
    Type: AWS::EC2::Route
    Properties: { RouteTableId: !Ref Routes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref GatewayAttachment }
`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'InvalidGatewayID.NotFound', logicalId: 'Internet', line: 15 });
    expect(errors[0].message).toBe(
      'GatewayId refers to GatewayAttachment, an AWS::EC2::VPCGatewayAttachment; GatewayId wants the internet gateway itself (for example !Ref InternetGateway)',
    );
    expect(errors[0].message).not.toMatch(/IGW\||vpc-/);
  });

  it('a subnet id given the VPC names the VPC and suggests nothing when no subnet exists', () => {
    const errors = errorsOf(`${BASE}  Association:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { RouteTableId: !Ref Routes, SubnetId: !Ref Vpc }
`);
    expect(errors.map((e) => e.message)).toEqual(['SubnetId refers to Vpc, an AWS::EC2::VPC; SubnetId wants a subnet']);
  });

  it('an id that names nothing of the template keeps the engine message', () => {
    const errors = errorsOf(`${BASE}  Association:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { RouteTableId: !Ref Routes, SubnetId: subnet-0123456789abcdef0 }
`);
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('InvalidSubnetID.NotFound');
    expect(errors[0].message).toContain('subnet-0123456789abcdef0');
  });
});
