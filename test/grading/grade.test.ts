import { describe, expect, it } from 'vitest';
import { parseLabManifest, studentParameters } from '../../src/content/labs.js';
import { gradeTemplates } from '../../src/grading/grade.js';

const lab = parseLabManifest(
  `id: demo
title: Demo
order: 1
region: us-east-1
summary: demo
parameters:
  adminIp: { kind: ip, description: admin, within: 198.51.100.0/24 }
checks:
  - { id: web, title: Web, kind: reachable, args: { from: internet, to: 'role:web', port: 80 }, points: 2, pass: ok, fail: no, hint: h }
  - { id: ssh, title: SSH, kind: only-from, args: { to: 'role:web', port: 22, sources: '\${adminIp}/32' }, points: 3, pass: ok, fail: no, hint: h }
`,
  'lab.yaml',
  '/x',
);

const template = (admin: string, labId = 'demo') => `
Metadata:
  cloudlab: { lab: ${labId}, student: alice }
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Igw: { Type: AWS::EC2::InternetGateway }
  Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
  Sub: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true } }
  Rt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  Default: { Type: AWS::EC2::Route, DependsOn: Attach, Properties: { RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }
  Assoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref Sub, RouteTableId: !Ref Rt } }
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref Vpc
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: ${admin}/32 }
  Web: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref Sub, SecurityGroupIds: [!Ref Sg], Tags: [{ Key: Role, Value: web }] } }
`;

describe('grading one submission', () => {
  it("full marks with the student's own parameters, fewer with another student's", () => {
    const admin = String(studentParameters(lab, 'alice').adminIp);
    const mine = gradeTemplates(lab, [{ file: 't.yaml', text: template(admin) }], { student: 'alice' });
    expect(mine.status).toBe('graded');
    expect(mine.score).toBe(5);
    const other = gradeTemplates(lab, [{ file: 't.yaml', text: template(admin) }], { student: 'someone-else' });
    expect(other.score).toBe(2);
    expect(other.checks[1].passed).toBe(false);
  });
  it('is deterministic: same files, same student, same result', () => {
    const a = gradeTemplates(lab, [{ file: 't.yaml', text: template('198.51.100.1') }], { student: 'bob' });
    const b = gradeTemplates(lab, [{ file: 't.yaml', text: template('198.51.100.1') }], { student: 'bob' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
  it('scores 0 with a reason for empty, broken and other-lab submissions', () => {
    expect(gradeTemplates(lab, [{ file: 'e.yaml', text: '  \n' }]).status).toBe('empty');
    const broken = gradeTemplates(lab, [{ file: 'b.yaml', text: 'Resources:\n  X: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/8}}\n' }]);
    expect(broken.status).toBe('invalid');
    expect(broken.reason).toMatch(/b\.yaml:2.*InvalidVpc\.Range/);
    expect(broken.score).toBe(0);
    expect(broken.checks).toHaveLength(2);
    const wrong = gradeTemplates(lab, [{ file: 'w.yaml', text: template('198.51.100.1', 'bastion') }]);
    expect(wrong.status).toBe('wrong-lab');
    expect(wrong.reason).toMatch(/made for the lab "bastion"/);
  });
});

describe("the student id from the template's Metadata", () => {
  it('grades with the Metadata\'s student when none is given, and reports whom the Metadata names', () => {
    const alice = studentParameters(lab, 'alice').adminIp as string;
    const r = gradeTemplates(lab, [{ file: 't.yaml', text: template(alice) }]);
    expect(r.student).toBe('alice');
    expect(r.metadataStudent).toBe('alice');
    expect(r.score).toBe(r.max);
    const bob = gradeTemplates(lab, [{ file: 't.yaml', text: template(alice) }], { student: 'bob' });
    expect(bob.student).toBe('bob');
    expect(bob.metadataStudent).toBe('alice');
  });
});
