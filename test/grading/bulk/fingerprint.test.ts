import { describe, expect, it } from 'vitest';
import { canonicalTemplate, fingerprint } from '../../../src/grading/bulk/fingerprint.js';

const one = (text: string) => fingerprint([{ file: 'x.yaml', text }]);

const BASE = `
Metadata:
  cloudlab:
    lab: web-tier
    student: alice
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
      Tags:
        - { Key: Name, Value: alice-vpc }
        - { Key: Role, Value: main }
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      VpcId: !Ref Vpc
      GroupId: !GetAtt Db.Endpoint.Address
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }
`;

describe('fingerprint', () => {
  it('is the same whatever the layout, comments, key order and quoting', () => {
    const reformatted = `# my lab
Resources:
  Web:
    Properties:
      SecurityGroupIngress:
        - CidrIp: "0.0.0.0/0"
          ToPort: '80'
          FromPort: 80
          IpProtocol: tcp
      GroupId: { "Fn::GetAtt": [Db, Endpoint.Address] }
      VpcId: { Ref: Vpc }   # the VPC
    Type: AWS::EC2::SecurityGroup
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      Tags: [{ Key: Name, Value: alice-vpc }, { Key: Role, Value: main }]
      CidrBlock: 10.0.0.0/16
Metadata: { cloudlab: { student: alice, lab: web-tier } }
`;
    expect(one(reformatted)).toBe(one(BASE));
  });

  it('treats a JSON template like the same YAML one', () => {
    const json = JSON.stringify({
      Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } },
    });
    const yaml = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: { CidrBlock: 10.0.0.0/16 }\n';
    expect(one(json)).toBe(one(yaml));
  });

  it('ignores the student field and the values of Name tags, in lists and in mappings', () => {
    const copied = BASE.replace('student: alice', 'student: bob').replace('alice-vpc', 'bob-vpc');
    expect(one(copied)).toBe(one(BASE));
    expect(one('Resources: { A: { Properties: { Tags: { Name: x, Env: prod } } } }')).toBe(
      one('Resources: { A: { Properties: { Tags: { Name: y, Env: prod } } } }'),
    );
  });

  it('tells apart templates that differ in substance', () => {
    expect(one(BASE.replace('FromPort: 80, ToPort: 80', 'FromPort: 8080, ToPort: 8080'))).not.toBe(one(BASE));
    expect(one(BASE.replace('Value: main', 'Value: other'))).not.toBe(one(BASE));
    expect(one(BASE.replace('lab: web-tier', 'lab: three-tier'))).not.toBe(one(BASE));
    expect(one(BASE.replace('!Ref Vpc', 'Vpc'))).not.toBe(one(BASE));
  });

  it('has none for what does not parse as a mapping', () => {
    expect(one('Resources: [unclosed')).toBeUndefined();
    expect(one('- a list')).toBeUndefined();
    expect(one('a: 1\na: 2\n')).toBeUndefined();
    expect(one('x: { a: 1')).toBeUndefined();
    expect(one('a: "unterminated\n')).toBeUndefined();
    expect(one('a: b\n---\nc: d\n')).toBeUndefined();
    expect(fingerprint([])).toBeUndefined();
  });

  it('keeps region file names of a multi-file submission but not a single file name', () => {
    const a = fingerprint([
      { file: 'us-east-1.yaml', region: 'us-east-1', text: 'A: 1' },
      { file: 'eu-west-1.yaml', region: 'eu-west-1', text: 'B: 1' },
    ]);
    const swapped = fingerprint([
      { file: 'us-east-1.yaml', region: 'us-east-1', text: 'B: 1' },
      { file: 'eu-west-1.yaml', region: 'eu-west-1', text: 'A: 1' },
    ]);
    expect(a).not.toBe(swapped);
    expect(fingerprint([{ file: 'alice.yaml', text: 'A: 1' }])).toBe(fingerprint([{ file: 'bob.json', text: 'A: 1' }]));
  });

  it('reads a directive, document markers and block scalars', () => {
    expect(canonicalTemplate('%YAML 1.2\n---\na: !Base64 |\n  line one\n  line two\nb: ~\n...\n')).toBe('{"a":{"Fn::Base64":"line one\\nline two\\n"},"b":null}');
  });

  it('gives an alias the hash of what its anchor names, so renaming anchors changes nothing', () => {
    expect(one('a: &x { b: 1 }\nc: *x\n')).toBe(one('a: &other { b: 1 }\nc: *other\n'));
    expect(one('a: &x { b: 1 }\nc: *x\n')).not.toBe(one('a: &x { b: 2 }\nc: *x\n'));
  });

  it('walks an alias bomb without expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const started = Date.now();
    const canon = canonicalTemplate(levels.join('\n'));
    expect(canon).toBeDefined();
    expect(canon!.length).toBeLessThan(20_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('writes __proto__ keys as plain keys', () => {
    const canon = canonicalTemplate('__proto__: { polluted: yes }\nb: 1\n');
    expect(canon).toBe('{"__proto__":{"polluted":"yes"},"b":"1"}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
