/**
 * Traces and reach through services, measured in one run and printed as ratios:
 *   - a trace from the internet through DNS → CloudFront → ALB → every target, and a trace
 *     from a target to the database by its private DNS name, each within 1.5× of an
 *     instance-to-instance trace on the same topology (test/fixtures/services/trace/stack.yaml);
 *   - `cloudlab reach` on two regions with 20 load balancers and 1,000 group instances within 3 s.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/cloudlab.js');
const STACK = 'test/fixtures/services/trace/stack.yaml';

function time(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** One region: a VPC with two public and two private subnets, `lbs` ALBs each in front of a group of `perGroup` instances. */
export function servicesRegionTemplate(region, { lbs, perGroup }) {
  const [a, b] = [`${region}a`, `${region}b`];
  const out = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    '  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }',
    '  Igw: { Type: AWS::EC2::InternetGateway }',
    '  Attach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }',
    `  PublicA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: ${a} } }`,
    `  PublicB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: ${b} } }`,
    `  PrivateA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.64.0/18, AvailabilityZone: ${a} } }`,
    `  PrivateB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.128.0/18, AvailabilityZone: ${b} } }`,
    '  PublicRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }',
    '  PublicDefault: { Type: AWS::EC2::Route, DependsOn: Attach, Properties: { RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }',
    '  PublicAAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PublicA, RouteTableId: !Ref PublicRt } }',
    '  PublicBAssoc: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PublicB, RouteTableId: !Ref PublicRt } }',
  ];
  for (let i = 1; i <= lbs; i++) {
    const port = 8000 + i;
    out.push(
      `  LbSg${i}: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: lb, VpcId: !Ref Vpc, SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0 }] } }`,
      `  WebSg${i}: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: web, VpcId: !Ref Vpc, SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: ${port}, ToPort: ${port}, SourceSecurityGroupId: !Ref LbSg${i} }] } }`,
      `  Lb${i}: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, DependsOn: Attach, Properties: { Name: lb-${i}, Subnets: [!Ref PublicA, !Ref PublicB], SecurityGroups: [!Ref LbSg${i}] } }`,
      `  Tg${i}: { Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: { VpcId: !Ref Vpc, Protocol: HTTP, Port: ${port} } }`,
      `  Http${i}: { Type: AWS::ElasticLoadBalancingV2::Listener, Properties: { LoadBalancerArn: !Ref Lb${i}, Protocol: HTTP, Port: 80, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg${i} }] } }`,
      `  Lt${i}: { Type: AWS::EC2::LaunchTemplate, Properties: { LaunchTemplateData: { ImageId: ami-0abcdef1234567890, InstanceType: t3.micro, SecurityGroupIds: [!Ref WebSg${i}] } } }`,
      `  Group${i}: { Type: AWS::AutoScaling::AutoScalingGroup, Properties: { MinSize: '1', MaxSize: '${perGroup}', DesiredCapacity: '${perGroup}', VPCZoneIdentifier: [!Ref PrivateA, !Ref PrivateB], TargetGroupARNs: [!Ref Tg${i}], LaunchTemplate: { LaunchTemplateId: !Ref Lt${i}, Version: !GetAtt Lt${i}.LatestVersionNumber } } }`,
    );
  }
  return `${out.join('\n')}\n`;
}

export async function runServicesBench() {
  const results = [];
  // Interleaved, so that the load of a shared machine weighs on each alike.
  const samples = { direct: [], front: [], db: [] };
  for (let i = 0; i < 9; i++) {
    samples.direct.push(time([BIN, 'trace', STACK, '--from', 'WebGroup-1', '--to', 'WebGroup-2', '--port', '80'], 1));
    samples.front.push(time([BIN, 'trace', STACK, '--from', 'internet', '--to', 'www.example.com', '--port', '443'], 1));
    samples.db.push(time([BIN, 'trace', STACK, '--from', 'WebGroup-1', '--to', 'db.internal.example.com', '--port', '3306'], 1));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [direct, front, db] = [median(samples.direct), median(samples.front), median(samples.db)];
  results.push(`services trace: instance to instance ${fmt(direct)}; DNS → CDN → ALB → 4 targets ${fmt(front)}, ratio ${(front / direct).toFixed(2)} (target ≤ 1.5) ${verdict(front / direct <= 1.5)}`);
  results.push(`services trace: target → database by private DNS name ${fmt(db)}, ratio ${(db / direct).toFixed(2)} (target ≤ 1.5) ${verdict(db / direct <= 1.5)}`);
  const dir = mkdtempSync(join(tmpdir(), 'cloudlab-bench-services-'));
  try {
    const sub = join(dir, 'two-regions');
    mkdirSync(sub);
    for (const region of ['us-east-1', 'us-west-2']) writeFileSync(join(sub, `${region}.yaml`), servicesRegionTemplate(region, { lbs: 10, perGroup: 50 }));
    const t = time([BIN, 'reach', sub, '--json'], 3);
    results.push(`services reach: two regions, 20 load balancers, 1,000 group instances ${fmt(t)} (target ≤ 3 s) ${verdict(t <= 3000)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await runServicesBench()) console.log(line);
