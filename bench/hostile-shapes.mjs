/**
 * Valid networks that are hard for an exact reachability summary, for bench/hostile-networks.mjs
 * and the work-count tests: many full network ACLs, many large security groups, many routes,
 * and instances each in their own combination of groups. Every one deploys on AWS as written.
 */

const head = (w) => {
  w("AWSTemplateFormatVersion: '2010-09-09'");
  w('Resources:');
  w('  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}');
  w('  Igw: {Type: AWS::EC2::InternetGateway}');
  w('  Attach:\n    Type: AWS::EC2::VPCGatewayAttachment\n    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}');
  w('  PublicRt:\n    Type: AWS::EC2::RouteTable\n    Properties: {VpcId: !Ref Vpc}');
  w('  PublicDefault:\n    Type: AWS::EC2::Route\n    DependsOn: Attach\n    Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}');
};

const subnet = (w, name, cidr, pub, az = 0) => {
  w(`  ${name}:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Vpc, CidrBlock: ${cidr}, AvailabilityZone: !Select [${az % 3}, !GetAZs ''], MapPublicIpOnLaunch: ${pub}}`);
  w(`  ${name}Rt:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties: {SubnetId: !Ref ${name}, RouteTableId: !Ref PublicRt}`);
};

const instance = (w, name, subnetName, groups) =>
  w(`  ${name}:\n    Type: AWS::EC2::Instance\n    DependsOn: Attach\n    Properties: {ImageId: ami-12345678, InstanceType: t3.micro, SubnetId: !Ref ${subnetName}, SecurityGroupIds: [${groups.map((g) => `!Ref ${g}`).join(', ')}]}`);

const openGroup = (w, name) =>
  w(
    `  ${name}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: open inside\n      VpcId: !Ref Vpc\n      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIp: 10.0.0.0/16}, {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}, {IpProtocol: udp, FromPort: 53, ToPort: 53, CidrIp: 10.0.0.0/16}, {IpProtocol: icmp, FromPort: -1, ToPort: -1, CidrIp: 10.0.0.0/16}]`,
  );

/** `subnets` subnets, each with its own network ACL of `entries` rules each way, and one instance. */
export function aclTemplate({ subnets = 100, entries = 20 } = {}) {
  const out = [];
  const w = (s) => out.push(s);
  head(w);
  openGroup(w, 'Open');
  for (let s = 0; s < subnets; s++) {
    subnet(w, `Subnet${s}`, `10.0.${s}.0/24`, s < subnets / 10, s);
    w(`  Acl${s}:\n    Type: AWS::EC2::NetworkAcl\n    Properties: {VpcId: !Ref Vpc}`);
    w(`  Subnet${s}Acl:\n    Type: AWS::EC2::SubnetNetworkAclAssociation\n    Properties: {SubnetId: !Ref Subnet${s}, NetworkAclId: !Ref Acl${s}}`);
    for (const egress of [false, true]) {
      for (let k = 0; k < entries; k++) {
        const n = 100 + k * 10;
        const last = k === entries - 1;
        const peer = last ? '0.0.0.0/0' : k % 5 === 4 ? `198.51.${(s + k) % 256}.0/24` : `10.0.${(s * 7 + k * 13) % subnets}.0/24`;
        const proto = last ? 6 : k % 3 === 2 ? 17 : 6;
        const action = !last && k % 4 === 3 ? 'deny' : 'allow';
        const from = last ? 0 : (k * 1031 + s * 17) % 60000;
        const to = last ? 65535 : from + 500 + k * 37;
        w(`  Acl${s}${egress ? 'Out' : 'In'}${k}:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties: {NetworkAclId: !Ref Acl${s}, RuleNumber: ${n}, Protocol: ${proto}, Egress: ${egress}, RuleAction: ${action}, CidrBlock: ${peer}, PortRange: {From: ${from}, To: ${to}}}`);
      }
    }
    instance(w, `I${s}`, `Subnet${s}`, ['Open']);
  }
  return out.join('\n') + '\n';
}

/** `groups` security groups of `rules` inbound rules each (blocks and references), one instance in each, over four subnets. */
export function groupTemplate({ groups = 100, rules = 60 } = {}) {
  const out = [];
  const w = (s) => out.push(s);
  head(w);
  for (let s = 0; s < 4; s++) subnet(w, `Subnet${s}`, `10.0.${s}.0/24`, s === 0, s);
  const refs = [];
  for (let g = 0; g < groups; g++) {
    const list = [];
    for (let j = 0; j < rules; j++) {
      const from = 1000 + ((g * rules + j) * 7) % 60000;
      const ports = `FromPort: ${from}, ToPort: ${from + (j % 4) * 3}`;
      const proto = j % 6 === 5 ? 'udp' : 'tcp';
      if (j % 5 === 0) refs.push(`  Sg${g}Ref${j}:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties: {GroupId: !Ref Sg${g}, IpProtocol: ${proto}, ${ports}, SourceSecurityGroupId: !Ref Sg${(g + j + 1) % groups}}`);
      else if (j % 7 === 3) list.push(`{IpProtocol: ${proto}, ${ports}, CidrIp: 203.0.${j}.0/24}`);
      else list.push(`{IpProtocol: ${proto}, ${ports}, CidrIp: 10.0.${j % 4}.${(g * 3 + j * 11) % 250 + 4}/32}`);
    }
    w(`  Sg${g}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: group ${g}\n      VpcId: !Ref Vpc\n      SecurityGroupIngress: [${list.join(', ')}]`);
  }
  refs.forEach(w);
  for (let g = 0; g < groups; g++) instance(w, `I${g}`, `Subnet${g % 4}`, [`Sg${g}`]);
  return out.join('\n') + '\n';
}

/** One route table of `routes` routes to the internet gateway, for blocks across the internet, and `instances` instances. */
export function routeTemplate({ routes = 8000, instances = 20 } = {}) {
  const out = [];
  const w = (s) => out.push(s);
  head(w);
  openGroup(w, 'Open');
  w('  Rt:\n    Type: AWS::EC2::RouteTable\n    Properties: {VpcId: !Ref Vpc}');
  for (let i = 0; i < routes; i++) {
    const prefix = i % 3 === 0 ? 24 : i % 3 === 1 ? 26 : 28;
    const a = 11 + (i >> 14);
    const b = (i >> 6) & 255;
    const c = ((i & 63) << 2) & 255;
    // One line each, so 8,000 routes stay under the 1 MB a template may have.
    w(`  R${i}: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: ${a}.${b}.${c}.0/${prefix}, GatewayId: !Ref Igw}}`);
  }
  w(`  Public:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, MapPublicIpOnLaunch: true}`);
  w(`  PublicRtA:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties: {SubnetId: !Ref Public, RouteTableId: !Ref Rt}`);
  w(`  Inside:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}`);
  for (let i = 0; i < instances; i++) instance(w, `I${i}`, i % 2 ? 'Inside' : 'Public', ['Open']);
  return out.join('\n') + '\n';
}

/** `instances` instances, each in its own combination of `groups` groups (one to three of them), over four subnets. */
export function comboTemplate({ instances = 500, groups = 16 } = {}) {
  const out = [];
  const w = (s) => out.push(s);
  head(w);
  for (let s = 0; s < 4; s++) subnet(w, `Subnet${s}`, `10.0.${s}.0/24`, s === 0, s);
  for (let g = 0; g < groups; g++) {
    const rules = [`{IpProtocol: tcp, FromPort: ${8000 + g}, ToPort: ${8000 + g}, CidrIp: 10.0.0.0/16}`, `{IpProtocol: udp, FromPort: 53, ToPort: 53, CidrIp: 10.0.${g % 4}.0/24}`];
    if (g % 4 === 0) rules.push('{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}');
    if (g > 0) rules.push(`{IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref Sg${g - 1}}`);
    w(`  Sg${g}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: group ${g}\n      VpcId: !Ref Vpc\n      SecurityGroupIngress: [${rules.join(', ')}]`);
  }
  const combos = [];
  for (let a = 0; a < groups && combos.length < instances; a++) combos.push([a]);
  for (let a = 0; a < groups && combos.length < instances; a++) for (let b = a + 1; b < groups && combos.length < instances; b++) combos.push([a, b]);
  for (let a = 0; a < groups && combos.length < instances; a++)
    for (let b = a + 1; b < groups && combos.length < instances; b++) for (let c = b + 1; c < groups && combos.length < instances; c++) combos.push([a, b, c]);
  combos.forEach((gs, i) => instance(w, `I${i}`, `Subnet${i % 4}`, gs.map((g) => `Sg${g}`)));
  return out.join('\n') + '\n';
}
