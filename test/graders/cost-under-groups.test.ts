/** cost-under prices an auto scaling group's servers by their launch template, as `cloudlab cost` does. */
import { describe, expect, it } from 'vitest';
import { CHECK_KINDS } from '../../graders/index.js';
import { Walker } from '../../src/engine/reach/walker.js';
import { submissionCost } from '../../src/formats/cost-report.js';
import { loadSubmissionFromTemplates } from '../../src/formats/load-submission.js';

const TEMPLATE = `Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  A: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a } }
  B: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: us-east-1b } }
  Launch:
    Type: AWS::EC2::LaunchTemplate
    Properties: { LaunchTemplateData: { ImageId: ami-12345678, InstanceType: t3.small } }
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: 2
      MaxSize: 4
      VPCZoneIdentifier: [!Ref A, !Ref B]
      LaunchTemplate: { LaunchTemplateId: !Ref Launch, Version: !GetAtt Launch.LatestVersionNumber }
  Single: { Type: AWS::EC2::Instance, Properties: { SubnetId: !Ref A, ImageId: ami-12345678, InstanceType: t3.micro } }
`;

describe('cost-under with an auto scaling group', () => {
  const loaded = loadSubmissionFromTemplates([{ file: 't.yaml', text: TEMPLATE }], { region: 'us-east-1' });
  const run = (max: number) => CHECK_KINDS.get('cost-under')!.run({ cloud: loaded.cloud, walker: new Walker(loaded.cloud), resources: loaded.resources }, { max });

  it("prices the group's servers at their launch template's type, and agrees with cloudlab cost", () => {
    expect(loaded.ok).toBe(true);
    const r = run(100);
    expect(r.passed).toBe(true);
    // Two t3.small (PRC-01 $0.0208 an hour) and one t3.micro ($0.0104), 730 hours.
    expect(r.detail).toMatch(/about \$37\.96 a month/);
    expect(r.detail).toContain('EC2 t3.small ×2');
    expect(r.detail).not.toMatch(/cannot price|m1\.small/);
    expect(submissionCost(loaded).monthlyUsd).toBeCloseTo(37.96, 2);
    expect(run(37).passed).toBe(false);
  });
});
