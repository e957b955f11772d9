import { describe, expect, it } from 'vitest';
import { MODELLED_TYPES } from '../../../src/formats/cfn/resources/index.js';
import { loadSubmissionFromTemplates } from '../../../src/formats/load-submission.js';

const load = (resources: string) =>
  loadSubmissionFromTemplates([{ file: 't.yaml', text: `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${resources}` }]);

const VPC = `  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n`;

describe('one module per CloudFormation resource type', () => {
  it('every modelled type has a schema, its attributes and a create function', () => {
    for (const [name, t] of Object.entries(MODELLED_TYPES)) {
      expect(typeof t.create, name).toBe('function');
      expect(t.schema.props, name).toBeTypeOf('object');
      expect(Array.isArray(t.attributes), name).toBe(true);
    }
  });

  it('rules live in the engine; the template door adds the place and its hint', () => {
    // (A security group without VpcId used to be this example; it now lands in the default VPC, aws-semantics 32.)
    const r = load(`${VPC}  Sub:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}\n  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties:\n      SubnetId: !Ref Sub\n`);
    const d = r.diagnostics.find((x) => x.code === 'MissingParameter')!;
    expect(d.logicalId).toBe('Nat');
    expect(d.line).toBeGreaterThan(0);
    expect(d.message).toBe('a public NAT gateway needs an elastic IP: give AllocationId (for example !GetAtt MyEip.AllocationId)');
  });

  it('an EIP with a Domain other than vpc, and an association by an unknown address, are refused by the engine', () => {
    const eip = load(`  Ip:\n    Type: AWS::EC2::EIP\n    Properties:\n      Domain: classic\n`);
    expect(eip.diagnostics.map((x) => x.code)).toContain('InvalidParameterValue');
    const assoc = load(`  A:\n    Type: AWS::EC2::EIPAssociation\n    Properties:\n      EIP: 203.0.113.9\n      InstanceId: i-0123\n`);
    expect(assoc.diagnostics.map((x) => x.code)).toContain('InvalidAddress.NotFound');
  });

  it('unmodelled but real types still load, with placeholder attributes', () => {
    const r = load(`${VPC}  Bucket:\n    Type: AWS::S3::Bucket\n`);
    expect(r.ok).toBe(true);
    expect(r.cloud.unmodelled.size).toBe(1);
  });
});
