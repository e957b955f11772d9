import { describe, expect, it } from 'vitest';
import { availabilityZones } from '../../../src/engine/regions.js';
import { loadStackSet, type StackSetFile } from '../../../src/formats/cfn/stack-set.js';
import { codes, fakeBuilder, parseOk } from './helpers.js';

const NETWORK = `Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
Outputs:
  VpcId:
    Value: !Ref Vpc
    Export: {Name: !Sub '\${AWS::Region}-VpcId'}
`;
const APP = `Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !ImportValue us-east-1-VpcId
      CidrBlock: 10.0.1.0/24
Outputs:
  SubnetId: {Value: !Ref Subnet, Export: {Name: app-SubnetId}}
`;

function run(files: [string, string, string][], params?: Record<string, string>) {
  const builders = new Map<string, ReturnType<typeof fakeBuilder>>();
  const order: string[] = [];
  const input: StackSetFile[] = files.map(([file, region, text]) => ({ file, region, template: parseOk(text, file) }));
  const result = loadStackSet(
    input,
    (f) => ({ region: f.region, stackName: `sub-${f.region}`, availabilityZones, params }),
    ({ region }) => {
      const b = fakeBuilder();
      builders.set(region, b);
      return (r) => {
        order.push(`${region}:${r.logicalId}`);
        return b.create(r);
      };
    },
  );
  return { ...result, builders, order, errors: result.diagnostics.filter((d) => d.severity === 'error') };
}

describe('loadStackSet', () => {
  it('loads an exporting template before the one importing from it, across regions', () => {
    const r = run([
      ['eu-west-1.yaml', 'eu-west-1', APP],
      ['us-east-1.yaml', 'us-east-1', NETWORK],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.order).toEqual(['us-east-1:Vpc', 'eu-west-1:Subnet']);
    expect(r.builders.get('eu-west-1')!.created[0].properties.VpcId).toBe('fake-Vpc');
    expect(Object.keys(r.stacks).sort()).toEqual(['eu-west-1', 'us-east-1']);
    expect(r.stacks['eu-west-1'].exports).toEqual({ 'app-SubnetId': 'fake-Subnet' });
  });

  it('reports an import nobody exports with the nearest export name', () => {
    const r = run([
      ['us-east-1.yaml', 'us-east-1', NETWORK],
      ['eu-west-1.yaml', 'eu-west-1', APP.replace('us-east-1-VpcId', 'us-east-1-VpcID')],
    ]);
    expect(codes(r.errors)).toEqual(['ExportNotFound']);
    expect(r.errors[0]).toMatchObject({ code: 'ExportNotFound', file: 'eu-west-1.yaml', logicalId: 'Subnet', line: 5 });
    expect(r.errors[0].message).toContain('did you mean us-east-1-VpcId?');
  });

  it('allows one export name in two regions, as AWS does, and reads the own region\'s first', () => {
    const fixed = NETWORK.replace("'${AWS::Region}-VpcId'", 'shared-VpcId');
    const r = run([
      ['us-east-1.yaml', 'us-east-1', fixed],
      ['us-west-2.yaml', 'us-west-2', fixed],
    ]);
    expect(r.errors).toEqual([]);
    expect(Object.keys(r.stacks).sort()).toEqual(['us-east-1', 'us-west-2']);
  });

  it('refuses an import that two other regions export, naming none of them at random', () => {
    const fixed = NETWORK.replace("'${AWS::Region}-VpcId'", 'shared-VpcId');
    const r = run([
      ['us-east-1.yaml', 'us-east-1', fixed],
      ['us-west-2.yaml', 'us-west-2', fixed],
      ['eu-west-1.yaml', 'eu-west-1', APP.replace('us-east-1-VpcId', 'shared-VpcId')],
    ]);
    expect(codes(r.errors)).toEqual(['ExportNotFound']);
    expect(r.errors[0].message).toContain('several regions export it (us-east-1, us-west-2)');
  });

  it('refuses templates that import from each other in a circle, naming the files', () => {
    const a = `Resources:\n  A: {Type: Custom::A, Properties: {V: !ImportValue b-out}}\nOutputs:\n  O: {Value: !Ref A, Export: {Name: a-out}}\n`;
    const b = `Resources:\n  B: {Type: Custom::B, Properties: {V: !ImportValue a-out}}\nOutputs:\n  O: {Value: !Ref B, Export: {Name: b-out}}\n`;
    const r = run([
      ['us-east-1.yaml', 'us-east-1', a],
      ['eu-west-1.yaml', 'eu-west-1', b],
      ['us-west-2.yaml', 'us-west-2', NETWORK],
    ]);
    expect(codes(r.errors)).toEqual(['CircularImport']);
    expect(r.errors[0].message).toContain('us-east-1.yaml → eu-west-1.yaml → us-east-1.yaml');
    expect(Object.keys(r.stacks)).toEqual(['us-west-2']);
  });

  it('refuses two templates for one region', () => {
    const r = run([
      ['a.yaml', 'us-east-1', NETWORK],
      ['b.yaml', 'us-east-1', APP],
    ]);
    expect(codes(r.errors)).toEqual(['DuplicateRegion']);
    expect(Object.keys(r.stacks)).toEqual(['us-east-1']);
  });

  it('applies a --param to the templates that declare it, and refuses one no template declares', () => {
    const withParam = NETWORK.replace('Resources:', 'Parameters: {Cidr: {Type: String, Default: 10.0.0.0/16}}\nResources:').replace(
      'CidrBlock: 10.0.0.0/16',
      'CidrBlock: !Ref Cidr',
    );
    const r = run(
      [
        ['us-east-1.yaml', 'us-east-1', withParam],
        ['eu-west-1.yaml', 'eu-west-1', APP],
      ],
      { Cidr: '10.9.0.0/16', Cidrr: 'x' },
    );
    expect(codes(r.errors)).toEqual(['UnknownParameter']);
    expect(r.errors[0].message).toBe('--param Cidrr: no template of the submission declares a parameter Cidrr; did you mean Cidr?');
    expect(r.builders.get('us-east-1')!.created[0].properties.CidrBlock).toBe('10.9.0.0/16');
    expect(r.builders.get('eu-west-1')!.created).toHaveLength(1);
  });
});
