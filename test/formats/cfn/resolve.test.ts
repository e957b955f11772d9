import { describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS } from '../../../src/formats/cfn/sink.js';
import { ResourceError } from '../../../src/formats/cfn/resolve.js';
import { codes, load } from './helpers.js';

describe('creation order', () => {
  it('follows Ref, GetAtt, Sub and DependsOn, breaking ties by template order', () => {
    const text = `Resources:
  D: {Type: Custom::D, Properties: {V: !Sub "\${C.Arn}"}}
  C: {Type: Custom::C, Properties: {V: !GetAtt B.Arn}}
  B: {Type: Custom::B, Properties: {V: !Ref A}}
  A: {Type: Custom::A}
  X: {Type: Custom::X}
  E: {Type: Custom::E, DependsOn: [X, D]}
  F: {Type: Custom::F}
`;
    const r = load(text);
    expect(r.errors).toEqual([]);
    expect(r.builder.ids()).toEqual(['A', 'B', 'C', 'D', 'X', 'E', 'F']);
  });

  it('ignores references in the branch of Fn::If not taken', () => {
    const text = `Conditions: {No: !Equals [a, b]}
Resources:
  A: {Type: Custom::A, Properties: {V: !If [No, !Ref B, x]}}
  B: {Type: Custom::B, Properties: {V: !Ref A}}
`;
    const r = load(text);
    expect(r.errors).toEqual([]);
    expect(r.builder.ids()).toEqual(['A', 'B']);
  });
});

describe('cycles', () => {
  it('are an error naming the cycle at its first resource; others still load', () => {
    const text = `Resources:
  Free: {Type: Custom::Free}
  A:
    Type: Custom::A
    Properties: {V: !Ref B}
  B:
    Type: Custom::B
    Properties: {V: !GetAtt C.Arn}
  C:
    Type: Custom::C
    DependsOn: A
  Later: {Type: Custom::L, Properties: {V: !Ref A}}
`;
    const r = load(text);
    expect(r.errors[0]).toMatchObject({ code: 'CircularDependency', logicalId: 'A', line: 3, column: 3 });
    expect(r.errors[0].message).toBe('circular dependency: A → B → C → A');
    expect(r.errors).toHaveLength(1);
    expect(r.diagnostics.find((d) => d.code === 'DependencyFailed')).toMatchObject({ severity: 'warning', code: 'DependencyFailed', logicalId: 'A', message: '1 resource was not created because A failed: Later' });
    expect(r.builder.ids()).toEqual(['Free']);
  });

  it('include a resource that refers to itself', () => {
    const r = load('Resources:\n  A: {Type: Custom::A, Properties: {V: !Ref A}}\n');
    expect(r.errors[0].message).toBe('circular dependency: A → A');
  });
});

describe('references', () => {
  it('to unknown names suggest the nearest name', () => {
    const r = load('Resources:\n  Vpc: {Type: Custom::V}\n  S: {Type: Custom::S, DependsOn: Vcp, Properties: {V: !Ref Vpcc}}\n');
    expect(r.errors[0]).toMatchObject({ code: 'UnknownReference', logicalId: 'S', path: 'DependsOn' });
    expect(r.errors[0].message).toBe('DependsOn names Vcp, which is not a resource of this template; did you mean Vpc?');
  });

  it('to a parameter in DependsOn are explained', () => {
    const r = load('Parameters: {P: {Type: String, Default: x}}\nResources:\n  S: {Type: Custom::S, DependsOn: P}\n');
    expect(r.errors[0].message).toContain('P, which is a parameter; DependsOn takes resources');
  });
});

describe('builder errors', () => {
  const TEXT = `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/8
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.1.0/24
  Igw: {Type: AWS::EC2::InternetGateway}
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}
  Rt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
Outputs:
  SubnetId: {Value: !Ref Subnet}
  IgwId: {Value: !Ref Igw}
`;

  it('are reported at the property path, and every independent resource is still built', () => {
    const r = load(TEXT, {}, {
      fail: (p) => {
        if (p.logicalId === 'Vpc') throw new ResourceError('10.0.0.0/8 is larger than /16, the largest VPC AWS allows', 'InvalidVpc.Range', ['CidrBlock']);
      },
    });
    expect(r.errors[0]).toMatchObject({
      code: 'InvalidVpc.Range',
      logicalId: 'Vpc',
      path: 'Properties.CidrBlock',
      file: 'template.yaml',
      line: 5,
      column: 7,
    });
    expect(r.errors).toHaveLength(1);
    // One line for the whole cascade, under the resource that failed first.
    expect(r.diagnostics.slice(1).map((e) => [e.severity, e.logicalId, e.message])).toEqual([
      ['warning', 'Vpc', '3 resources and 1 output were not created because Vpc failed: Subnet, Attach, Rt, output SubnetId'],
    ]);
    expect(r.builder.ids()).toEqual(['Igw']);
    expect(r.outputs).toEqual({ IgwId: { value: 'fake-Igw' } });
    expect(r.resources).toEqual([
      { logicalId: 'Vpc', type: 'AWS::EC2::VPC' },
      { logicalId: 'Subnet', type: 'AWS::EC2::Subnet' },
      { logicalId: 'Igw', type: 'AWS::EC2::InternetGateway', ref: 'fake-Igw' },
      { logicalId: 'Attach', type: 'AWS::EC2::VPCGatewayAttachment' },
      { logicalId: 'Rt', type: 'AWS::EC2::RouteTable' },
    ]);
  });

  it('without a path point at the resource', () => {
    const r = load(TEXT, {}, {
      fail: (p) => {
        if (p.logicalId === 'Igw') throw new ResourceError('only one internet gateway per VPC', 'Resource.AlreadyAssociated');
      },
    });
    expect(r.errors[0]).toMatchObject({ logicalId: 'Igw', line: 11, column: 3 });
    expect(r.errors[0].path).toBeUndefined();
  });

  it('other than ResourceError are bugs and propagate', () => {
    expect(() =>
      load(TEXT, {}, {
        fail: () => {
          throw new TypeError('bug in the builder');
        },
      }),
    ).toThrow('bug in the builder');
  });

  it('hand the builder positions of nested properties', () => {
    const text = `Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 80
          ToPort: 80
          CidrIp: 0.0.0.0/0
        - IpProtocol: tcp
          FromPort: 443
          ToPort: 443
          CidrIp: !If [Never, 1.2.3.4/32, 10.0.0.0/8]
Conditions: {Never: !Equals [a, b]}
`;
    const r = load(text);
    const sg = r.builder.created[0];
    expect(sg.pos()).toEqual({ file: 'template.yaml', line: 2, column: 3 });
    expect(sg.pos(['GroupDescription'])).toMatchObject({ line: 5, column: 7 });
    expect(sg.pos(['SecurityGroupIngress', 1])).toMatchObject({ line: 11, column: 11 });
    expect(sg.pos(['SecurityGroupIngress', 1, 'FromPort'])).toMatchObject({ line: 12, column: 11 });
    expect(sg.pos(['SecurityGroupIngress', 1, 'CidrIp'])).toMatchObject({ line: 14, column: 11 });
    expect(sg.pos(['SecurityGroupIngress', 7, 'CidrIp'])).toMatchObject({ line: 6, column: 7 });
    expect(sg.pos(['NoSuch'])).toMatchObject({ line: 5, column: 7 });
  });
});

describe('the flood limit', () => {
  it(`keeps at most ${MAX_DIAGNOSTICS} diagnostics and counts the rest`, () => {
    const lines = Array.from({ length: 80 }, (_, i) => `  S${i}: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Missing${i}}}`);
    const r = load(`Resources:\n${lines.join('\n')}\n`);
    expect(r.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(r.diagnostics.at(-1)).toMatchObject({ code: 'TooManyDiagnostics', severity: 'error', message: '… and 30 more errors; fix the ones above first' });
  });
});

describe('outputs and exports', () => {
  it('refuse two outputs exporting the same name', () => {
    const r = load('Resources:\n  A: {Type: Custom::A}\nOutputs:\n  X: {Value: 1, Export: {Name: n}}\n  Y: {Value: 2, Export: {Name: n}}\n');
    expect(codes(r.errors)).toEqual(['DuplicateExport']);
    expect(r.exports).toEqual({ n: 1 });
  });

  it('return the template metadata', () => {
    const r = load('Metadata: {cloudlab: {lab: l1, student: s9}}\nResources:\n  A: {Type: Custom::A}\n');
    expect(r.metadata).toEqual({ cloudlab: { lab: 'l1', student: 's9' } });
  });
});
