import { createRng } from '../../src/engine/random.js';

/**
 * A random load-balanced template for property tests: an ALB or NLB (internet-facing or
 * internal, cross-zone on or off) in two public subnets (the second maybe without its route
 * to the internet gateway), listeners on a few ports, a target group on one port, an auto
 * scaling group in two private subnets, and random rules on the load balancer's and the
 * targets' security groups (ports, the load balancer's group, address blocks, and network
 * ACL entries that may block one subnet's replies).
 */
export const LISTENER_PORTS = [80, 443, 8080, 8443];
const TARGET_PORTS = [80, 8080, 3000];
const SG_PORTS: [number, number][] = [[80, 80], [443, 443], [8080, 8080], [3000, 3000], [0, 65535], [0, 65535], [80, 443], [8000, 8443]];

export interface RandomLoadBalancer {
  text: string;
  from: 'internet' | 'Client';
}

export function randomLoadBalancer(seed: number): RandomLoadBalancer {
  const rng = createRng(seed);
  const nlb = rng.next() < 0.35;
  const internal = rng.next() < 0.25;
  const cross = rng.next() < 0.5;
  const listeners = rng.shuffle(LISTENER_PORTS).slice(0, rng.next() < 0.1 ? 0 : rng.int(1, 3));
  const tgPort = rng.pick(TARGET_PORTS);
  const rules = (n: number, sources: string[]): string =>
    Array.from({ length: n }, () => {
      const [lo, hi] = rng.pick(SG_PORTS);
      return `        - { IpProtocol: tcp, FromPort: ${lo}, ToPort: ${hi}, ${rng.pick(sources)} }`;
    }).join('\n');
  const lbRules = rules(rng.int(0, 3), ['CidrIp: 0.0.0.0/0', 'CidrIp: 0.0.0.0/0', 'CidrIp: 10.0.0.0/16', 'CidrIp: 203.0.113.0/24']);
  const targetRules = rules(rng.int(0, 3), ['SourceSecurityGroupId: !Ref LbSg', 'SourceSecurityGroupId: !Ref LbSg', 'CidrIp: 10.0.0.0/24', 'CidrIp: 10.0.1.0/24', 'CidrIp: 192.168.0.0/16', 'CidrIp: 10.0.0.0/16']);
  const publicB = rng.next() < 0.7;
  const denyReplies = rng.next() < 0.2;
  const noGroups = nlb && rng.next() < 0.3;
  const listenerText = listeners
    .map(
      (p, i) => `  Listener${i}:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Protocol: ${nlb ? 'TCP' : 'HTTP'}
      Port: ${p}
      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Targets }]`,
    )
    .join('\n');
  const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Igw:
    Type: AWS::EC2::InternetGateway
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw }
  PublicA:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a }
  PublicB:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b }
  PrivateA:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.10.0/24, AvailabilityZone: us-east-1a }
  PrivateB:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.11.0/24, AvailabilityZone: us-east-1b }
  PublicRt:
    Type: AWS::EC2::RouteTable
    Properties: { VpcId: !Ref Vpc }
  PublicDefault:
    Type: AWS::EC2::Route
    DependsOn: Attach
    Properties: { RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw }
  PublicAAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref PublicA, RouteTableId: !Ref PublicRt }
${publicB ? `  PublicBAssoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref PublicB, RouteTableId: !Ref PublicRt }
` : ''}${denyReplies ? `  TightAcl:
    Type: AWS::EC2::NetworkAcl
    Properties: { VpcId: !Ref Vpc }
  TightIn:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: !Ref TightAcl, RuleNumber: 100, Protocol: 6, RuleAction: allow, Egress: false, CidrBlock: 0.0.0.0/0, PortRange: { From: 0, To: 65535 } }
  TightOut:
    Type: AWS::EC2::NetworkAclEntry
    Properties: { NetworkAclId: !Ref TightAcl, RuleNumber: 100, Protocol: 6, RuleAction: allow, Egress: true, CidrBlock: 10.0.0.0/24, PortRange: { From: 1024, To: 65535 } }
  TightAssoc:
    Type: AWS::EC2::SubnetNetworkAclAssociation
    Properties: { SubnetId: !Ref PrivateB, NetworkAclId: !Ref TightAcl }
` : ''}  LbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: load balancer
      VpcId: !Ref Vpc
${lbRules ? `      SecurityGroupIngress:\n${lbRules}\n` : ''}  TargetSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: targets
      VpcId: !Ref Vpc
${targetRules ? `      SecurityGroupIngress:\n${targetRules}\n` : ''}  ClientSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: a client in the VPC
      VpcId: !Ref Vpc
  Client:
    Type: AWS::EC2::Instance
    Properties: { ImageId: ami-0abcdef1234567890, SubnetId: !Ref PrivateA, SecurityGroupIds: [!Ref ClientSg] }
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    DependsOn: Attach
    Properties:
      Type: ${nlb ? 'network' : 'application'}
      Scheme: ${internal ? 'internal' : 'internet-facing'}
      Subnets: [!Ref PublicA, !Ref PublicB]
${noGroups ? '' : '      SecurityGroups: [!Ref LbSg]\n'}${nlb ? `      LoadBalancerAttributes: [{ Key: load_balancing.cross_zone.enabled, Value: '${cross}' }]\n` : ''}  Targets:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { VpcId: !Ref Vpc, Protocol: ${nlb ? 'TCP' : 'HTTP'}, Port: ${tgPort} }
${listenerText ? `${listenerText}\n` : ''}  WebTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: { ImageId: ami-0abcdef1234567890, InstanceType: t3.micro, SecurityGroupIds: [!Ref TargetSg] }
  WebGroup:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '4'
      DesiredCapacity: '${rng.int(1, 4)}'
      VPCZoneIdentifier: [!Ref PrivateA, !Ref PrivateB]
      TargetGroupARNs: [!Ref Targets]
      LaunchTemplate: { LaunchTemplateId: !Ref WebTemplate, Version: !GetAtt WebTemplate.LatestVersionNumber }
`;
  const inside = internal ? rng.next() < 0.8 : rng.next() < 0.15;
  return { text, from: inside ? 'Client' : 'internet' };
}
