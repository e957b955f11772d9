/**
 * A large VPC for benchmarks: `subnets` subnets over three zones (the first quarter public),
 * `groups` security groups chained by references and blocks, and `instances` instances
 * spread over the subnets, each with one or two groups. With `scaling`, also an application
 * load balancer in two public subnets with one listener (port 8080 + k) and target group per
 * auto scaling group, and `scaling.groups` groups of `scaling.desired` t3.micro instances (at
 * most `scaling.max`) in two private subnets, each with a target-tracking policy on CPU.
 */
export function bigVpcTemplate({ instances, subnets = 50, groups = 40, scaling }) {
  const out = [];
  const w = (s) => out.push(s);
  w("AWSTemplateFormatVersion: '2010-09-09'");
  w('Resources:');
  w('  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}');
  w('  Igw: {Type: AWS::EC2::InternetGateway}');
  w('  Attach:\n    Type: AWS::EC2::VPCGatewayAttachment\n    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}');
  w('  PublicRt:\n    Type: AWS::EC2::RouteTable\n    Properties: {VpcId: !Ref Vpc}');
  w('  PublicDefault:\n    Type: AWS::EC2::Route\n    DependsOn: Attach\n    Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}');
  w('  NatEip:\n    Type: AWS::EC2::EIP\n    DependsOn: Attach\n    Properties: {Domain: vpc}');
  w('  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties: {SubnetId: !Ref Subnet0, AllocationId: !GetAtt NatEip.AllocationId}');
  w('  PrivateRt:\n    Type: AWS::EC2::RouteTable\n    Properties: {VpcId: !Ref Vpc}');
  w('  PrivateDefault:\n    Type: AWS::EC2::Route\n    Properties: {RouteTableId: !Ref PrivateRt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat}');
  w('  Acl:\n    Type: AWS::EC2::NetworkAcl\n    Properties: {VpcId: !Ref Vpc}');
  const acl = [
    [100, false, 'allow', 6, '0.0.0.0/0', 80, 80],
    [110, false, 'allow', 6, '0.0.0.0/0', 443, 443],
    [120, false, 'allow', 6, '10.0.0.0/16', 0, 65535],
    [130, false, 'allow', 6, '0.0.0.0/0', 1024, 65535],
    [100, true, 'allow', 6, '0.0.0.0/0', 0, 65535],
    [110, true, 'allow', 17, '0.0.0.0/0', 53, 53],
  ];
  acl.forEach(([n, egress, action, proto, cidr, from, to], i) =>
    w(`  AclEntry${i}:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: {NetworkAclId: !Ref Acl, RuleNumber: ${n}, Protocol: ${proto}, Egress: ${egress}, RuleAction: ${action}, CidrBlock: ${cidr}, PortRange: {From: ${from}, To: ${to}}}`),
  );
  const publicCount = Math.floor(subnets / 4);
  for (let s = 0; s < subnets; s++) {
    const pub = s < publicCount;
    w(`  Subnet${s}:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.${s}.0/24, AvailabilityZone: !Select [${s % 3}, !GetAZs ''], MapPublicIpOnLaunch: ${pub}}`);
    w(`  Subnet${s}Rt:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties: {SubnetId: !Ref Subnet${s}, RouteTableId: !Ref ${pub ? 'PublicRt' : 'PrivateRt'}}`);
    if (s % 5 === 4) w(`  Subnet${s}Acl:\n    Type: AWS::EC2::SubnetNetworkAclAssociation\n    Properties: {SubnetId: !Ref Subnet${s}, NetworkAclId: !Ref Acl}`);
  }
  for (let g = 0; g < groups; g++) {
    const rules = [];
    if (g < 8) rules.push('{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}');
    if (g < 4) rules.push('{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 203.0.113.0/24}');
    rules.push(`{IpProtocol: tcp, FromPort: ${8000 + g}, ToPort: ${8000 + g}, CidrIp: 10.0.${g}.0/24}`);
    rules.push(`{IpProtocol: udp, FromPort: 53, ToPort: 53, CidrIp: 10.0.0.0/16}`);
    w(`  Sg${g}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: group ${g}\n      VpcId: !Ref Vpc\n      SecurityGroupIngress: [${rules.join(', ')}]`);
  }
  for (let g = 1; g < groups; g++) {
    w(`  Sg${g}FromPrev:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties: {GroupId: !Ref Sg${g}, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref Sg${g - 1}}`);
  }
  for (let i = 0; i < instances; i++) {
    const s = i % subnets;
    const g1 = s % groups;
    const gs = s % 3 === 0 ? `[!Ref Sg${g1}, !Ref Sg${(g1 + 1) % groups}]` : `[!Ref Sg${g1}]`;
    w(`  I${i}:\n    Type: AWS::EC2::Instance\n    Properties: {ImageId: ami-12345678, InstanceType: t3.micro, SubnetId: !Ref Subnet${s}, SecurityGroupIds: ${gs}}`);
  }
  if (scaling) scalingResources(w, scaling, publicCount);
  return out.join('\n') + '\n';
}

function scalingResources(w, { groups, desired, max }, publicCount) {
  // Subnets 0 and 1 are public in zones a and b; publicCount and publicCount + 1 private in the next two zones.
  const [pa, pb] = [0, 1];
  const [qa, qb] = [publicCount + ((3 - (publicCount % 3)) % 3), publicCount + ((3 - (publicCount % 3)) % 3) + 1];
  w('  LbSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: load balancer\n      VpcId: !Ref Vpc\n      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 8080, ToPort: 8180, CidrIp: 0.0.0.0/0}]');
  w('  WebSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      VpcId: !Ref Vpc\n      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 80, ToPort: 80, SourceSecurityGroupId: !Ref LbSg}]');
  w(`  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    DependsOn: Attach\n    Properties: {Subnets: [!Ref Subnet${pa}, !Ref Subnet${pb}], SecurityGroups: [!Ref LbSg]}`);
  w('  WebTemplate:\n    Type: AWS::EC2::LaunchTemplate\n    Properties:\n      LaunchTemplateData: {ImageId: ami-12345678, InstanceType: t3.micro, SecurityGroupIds: [!Ref WebSg]}');
  for (let k = 0; k < groups; k++) {
    w(`  Tg${k}:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties: {VpcId: !Ref Vpc, Protocol: HTTP, Port: 80}`);
    w(`  Listener${k}:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties: {LoadBalancerArn: !Ref Lb, Protocol: HTTP, Port: ${8080 + k}, DefaultActions: [{Type: forward, TargetGroupArn: !Ref Tg${k}}]}`);
    w(`  Group${k}:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n      MinSize: '1'\n      MaxSize: '${max}'\n      DesiredCapacity: '${desired}'\n      VPCZoneIdentifier: [!Ref Subnet${qa}, !Ref Subnet${qb}]\n      TargetGroupARNs: [!Ref Tg${k}]\n      HealthCheckType: ELB\n      DefaultInstanceWarmup: 60\n      LaunchTemplate: {LaunchTemplateId: !Ref WebTemplate, Version: !GetAtt WebTemplate.LatestVersionNumber}`);
    w(`  Group${k}Cpu:\n    Type: AWS::AutoScaling::ScalingPolicy\n    Properties:\n      AutoScalingGroupName: !Ref Group${k}\n      PolicyType: TargetTrackingScaling\n      TargetTrackingConfiguration: {PredefinedMetricSpecification: {PredefinedMetricType: ASGAverageCPUUtilization}, TargetValue: 60}`);
  }
}
