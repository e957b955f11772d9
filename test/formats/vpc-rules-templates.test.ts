/**
 * Templates that AWS deploys, loaded as AWS deploys them: blocks with host bits (item 3),
 * repeated security-group rules (31), the default VPC (32) and regional NAT gateways (12),
 * through the whole loader, with the warnings placed at the template's lines.
 */
import { describe, expect, it } from 'vitest';
import { formatCidr } from '../../src/engine/address.js';
import { Cloud } from '../../src/engine/cloud.js';
import { renderDrop } from '../../src/engine/reach/drop-text.js';
import { trace } from '../../src/engine/reach/question.js';
import { topologyText } from '../../src/formats/describe/text.js';
import { topologyView } from '../../src/formats/describe/topology.js';
import { loadSubmissionFromTemplates } from '../../src/formats/load-submission.js';

const load = (text: string) => loadSubmissionFromTemplates([{ file: 't.yaml', text }]);
const errors = (r: ReturnType<typeof load>) => r.diagnostics.filter((d) => d.severity === 'error');
const warnings = (r: ReturnType<typeof load>, code: string) => r.diagnostics.filter((d) => d.severity === 'warning' && d.code === code);

describe('item 3: blocks with host bits', () => {
  it('a VPC and a subnet with host bits load as their networks, each warning at its line with its logical id', () => {
    const r = load(`Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.100.119.0/16
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref VPC
      CidrBlock: 10.100.119.0/21
`);
    expect(errors(r)).toEqual([]);
    expect([...r.cloud.subnets.values()].map((s) => formatCidr(s.cidr))).toEqual(['10.100.112.0/21']);
    const w = warnings(r, 'CidrCanonicalised');
    expect(w.map((d) => [d.logicalId, d.line])).toEqual([
      ['VPC', 5],
      ['Subnet', 10],
    ]);
    expect(w[1].message).toContain('10.100.112.0/21');
  });

  it("an inline rule with host bits warns at the rule's own line", () => {
    const r = load(`Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      VpcId: !Ref VPC
      GroupDescription: ssh
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 198.51.100.25/24
`);
    expect(errors(r)).toEqual([]);
    expect(warnings(r, 'CidrCanonicalised').map((d) => [d.logicalId, d.line])).toEqual([['Sg', 14]]);
  });
});

describe('item 31: repeated security-group rules', () => {
  const template = (extra: string) => `Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      VpcId: !Ref VPC
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
      SecurityGroupEgress:
        - {IpProtocol: -1, CidrIp: 0.0.0.0/0}
        - {IpProtocol: -1, CidrIp: 0.0.0.0/0}
${extra}`;
  it('a rule repeated inside a group\'s inline list deploys once, with a warning at the repeat', () => {
    const r = load(template(''));
    expect(errors(r)).toEqual([]);
    const g = [...r.cloud.securityGroups.values()].find((x) => x.logicalId === 'Sg')!;
    expect([g.ingress.length, g.egress.length]).toEqual([1, 1]);
    expect(warnings(r, 'DuplicateRuleIgnored').map((d) => [d.logicalId, d.line])).toEqual([
      ['Sg', 12],
      ['Sg', 15],
    ]);
  });
  it('a standalone SecurityGroupIngress repeating an inline rule fails with InvalidPermission.Duplicate', () => {
    const r = load(
      template(`  Again:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupId: !Ref Sg, IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
`),
    );
    expect(errors(r).map((d) => [d.code, d.logicalId])).toEqual([['InvalidPermission.Duplicate', 'Again']]);
    expect(errors(r)[0].message).toContain('Sg already has this inbound rule (tcp 443 from 0.0.0.0/0)');
  });
});

describe('item 32: the default VPC', () => {
  const template = `Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0}
  AdminSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: admin}
  AdminSsh:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupName: !Ref WebSg, IpProtocol: tcp, FromPort: 22, ToPort: 22, SourceSecurityGroupName: !Ref AdminSg}
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      AvailabilityZone: us-east-1b
      SecurityGroups: [!Ref WebSg]
  Admin:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      SecurityGroupIds: [!GetAtt AdminSg.GroupId]
`;
  it('groups without VpcId and instances without SubnetId load into it, each with a warning at its resource', () => {
    const r = load(template);
    expect(errors(r)).toEqual([]);
    expect(warnings(r, 'DefaultVpcUsed').map((d) => d.logicalId)).toEqual(['WebSg', 'AdminSg', 'Web', 'Admin']);
    expect(r.cloud.vpcs.size).toBe(1);
    const web = r.resources.find((x) => x.logicalId === 'Web')!;
    expect(r.cloud.subnet(r.cloud.instances.get(web.ref!)!.subnetId).availabilityZone).toBe('us-east-1b');
    // Ref of a group without VpcId is its name, as CloudFormation returns it
    expect(r.resources.find((x) => x.logicalId === 'WebSg')!.ref).toBe('WebSg');
  });
  it('reachability runs through it: HTTP from the internet, SSH only from the admin group', () => {
    const r = load(template);
    expect(trace(r.cloud, { from: 'internet', to: 'Web', protocol: 'tcp', port: 80 }).reachable).toBe(true);
    expect(trace(r.cloud, { from: 'internet', to: 'Web', protocol: 'tcp', port: 22 }).reachable).toBe(false);
    expect(trace(r.cloud, { from: 'Admin', to: 'Web', protocol: 'tcp', port: 22 }).reachable).toBe(true);
  });
  it('a group name given where an id is expected is refused, saying it is a name and how to give the id', () => {
    const r = load(template.replace('SecurityGroupIds: [!GetAtt AdminSg.GroupId]', 'SecurityGroupIds: [!Ref AdminSg]'));
    expect(errors(r).map((d) => [d.code, d.logicalId])).toEqual([['InvalidGroupId.Malformed', 'Admin']]);
    expect(errors(r)[0].message).toBe(
      '"AdminSg" is the name of security group AdminSg of the default VPC, not its id; SecurityGroupIds takes the group\'s GroupId (for example !GetAtt WebSg.GroupId, or the name in SecurityGroups)',
    );
  });
  it('a template with its own VPC makes no default VPC', () => {
    const r = load(`Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: x, VpcId: !Ref VPC}
`);
    expect(r.cloud.vpcs.size).toBe(1);
    expect(warnings(r, 'DefaultVpcUsed')).toEqual([]);
  });
});

describe('item 12: regional NAT gateways', () => {
  const template = `Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Igw:
    Type: AWS::EC2::InternetGateway
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref VPC, InternetGatewayId: !Ref Igw}
  Private:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.2.0/24}
  Nat:
    Type: AWS::EC2::NatGateway
    Properties:
      AvailabilityMode: regional
      VpcId: !Ref VPC
  Rt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref VPC}
  Default:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat}
  Assoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref Private, RouteTableId: !Ref Rt}
  App:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-1, SubnetId: !Ref Private}
`;
  it('AvailabilityMode regional with VpcId and no SubnetId loads, with one warning at AvailabilityMode', () => {
    const r = load(template);
    expect(errors(r)).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.code, d.logicalId, d.line])).toEqual([['RegionalNatGatewayNotTraced', 'Nat', 16]]);
  });
  it('a flow routed to it stops at the route, naming it by its logical id', () => {
    const r = load(template);
    const t = trace(r.cloud, { from: 'App', to: 'internet', protocol: 'tcp', port: 443 });
    expect(t.reachable).toBe(false);
    expect(t.explanation).toMatch(/→ Nat \(nat-[0-9a-f]+\) points to a regional NAT gateway/);
  });
  it('a zonal NAT gateway without SubnetId is refused by the engine, naming both ways to write it', () => {
    const r = load(template.replace('AvailabilityMode: regional', 'AvailabilityMode: zonal'));
    expect(errors(r).map((d) => [d.code, d.logicalId])).toEqual([['MissingParameter', 'Nat']]);
    expect(errors(r)[0].message).toContain('give SubnetId (or AvailabilityMode regional with VpcId)');
  });
});

describe('messages on real templates', () => {
  const template = `Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Tgw:
    Type: AWS::EC2::TransitGateway
  TgwAttach:
    Type: AWS::EC2::TransitGatewayAttachment
    Properties: {TransitGatewayId: !Ref Tgw, VpcId: !Ref VPC, SubnetIds: [!Ref Private]}
  Private:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.2.0/24, AvailabilityZone: us-east-1a}
  Second:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.3.0/24, AvailabilityZone: us-east-1a}
  Rt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref VPC}
  ToTgw:
    Type: AWS::EC2::Route
    DependsOn: TgwAttach
    Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, TransitGatewayId: !Ref Tgw}
  Assoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref Private, RouteTableId: !Ref Rt}
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-1
      NetworkInterfaces:
        - {DeviceIndex: 0, SubnetId: !Ref Private}
        - {DeviceIndex: 1, SubnetId: !Ref Second}
`;
  it('an unmodelled route target (a transit gateway) is named by its logical id in the trace and in describe', () => {
    const r = load(template);
    expect(errors(r)).toEqual([]);
    const t = trace(r.cloud, { from: 'App', to: 'internet', protocol: 'tcp', port: 443 });
    expect(t.reachable).toBe(false);
    expect(t.explanation).toMatch(/^Route 0\.0\.0\.0\/0 → Tgw \(transitgatew-[0-9a-f]+\) points to Tgw \(TransitGatewayId\)/);
    const text = topologyText(topologyView(r.cloud), 200).join('\n');
    expect(text).toContain('route table Rt: 10.0.0.0/16 → local; 0.0.0.0/0 → Tgw');
  });
  it('describe shows a second network interface under its own subnet', () => {
    const r = load(template);
    const view = topologyView(r.cloud);
    const subnets = view.regions[0].vpcs[0].subnets;
    const second = subnets.find((x) => x.name === 'Second')!;
    expect(second.instances).toEqual([expect.objectContaining({ name: 'App (eth1)', deviceIndex: 1, privateIp: '10.0.3.4' })]);
    expect(subnets.find((x) => x.name === 'Private')!.instances.map((i) => i.name)).toEqual(['App']);
    expect(topologyText(view, 200).join('\n')).toMatch(/subnet Second .*\n.*└─ App \(eth1\)  10\.0\.3\.4/);
  });
  it('a rule naming a group is shown with the group\'s logical id, never a made-up sg- id', () => {
    const r = load(`Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Sub:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.1.0/24}
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties: {VpcId: !Ref VPC, GroupDescription: web}
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      VpcId: !Ref VPC
      GroupDescription: app
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: !Ref WebSg}
  Again:
    Type: AWS::EC2::SecurityGroupIngress
    Properties: {GroupId: !Ref AppSg, IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: !Ref WebSg}
  Web:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-1, SubnetId: !Ref Sub, SecurityGroupIds: [!Ref WebSg]}
  App:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-1, SubnetId: !Ref Sub, SecurityGroupIds: [!Ref AppSg]}
`);
    expect(errors(r)[0].message).toBe('AppSg already has this inbound rule (tcp 8080 from group WebSg)');
    const t = trace(r.cloud, { from: 'Web', to: 'App', protocol: 'tcp', port: 8080 });
    expect(t.path.map((h) => h.detail).join('\n')).toContain('inbound rule allows tcp 8080 from group WebSg');
    expect(t.path.map((h) => h.detail).join('\n')).not.toMatch(/group sg-/);
  });
});

describe('messages: grammar with plural forms, names instead of ids', () => {
  const cloud = new Cloud();
  const a = cloud.createVpc('us-east-1', { cidrBlock: '10.0.0.0/16' }, { logicalId: 'VpcA' }).id;
  const b = cloud.createVpc('us-east-1', { cidrBlock: '10.1.0.0/16' }, { logicalId: 'VpcB' }).id;
  const pcx = cloud.createPeering({ vpcId: a, peerVpcId: b }, { logicalId: 'Peering' }).id;
  const names = { cloud, address: (ip: string) => ip, owner: (id: string) => id };
  it('one address "is not in it"; several "are not in it"; several blocks "any of them"', () => {
    const one = renderDrop({ code: 'PeeringNotTransitive', peering: pcx, peerVpc: b, destination: '10.2.0.5' }, names).reason;
    expect(one).toContain('(10.1.0.0/16); 10.2.0.5 is not in it,');
    const many = renderDrop({ code: 'PeeringNotTransitive', peering: pcx, peerVpc: b, destination: '8.8.8.8', many: true }, names).reason;
    expect(many).toContain('internet addresses such as 8.8.8.8 are not in it,');
    cloud.associateVpcCidrBlock({ vpcId: b, cidrBlock: '10.3.0.0/16' });
    const blocks = renderDrop({ code: 'PeeringNotTransitive', peering: pcx, peerVpc: b, destination: '10.2.0.5' }, names).reason;
    expect(blocks).toContain('(10.1.0.0/16, 10.3.0.0/16); 10.2.0.5 is not in any of them,');
  });
  it('a VPC is named by its logical id, and several addresses are "any of the addresses"', () => {
    const r = renderDrop({ code: 'NoInterfaceWithAddress', vpc: a, leg: 'request', destination: '10.0.9.9', many: true }, names).reason;
    expect(r).toMatch(/^No network interface in VpcA \(vpc-[0-9a-f]+\) has any of the addresses \(such as 10\.0\.9\.9\)/);
    expect(renderDrop({ code: 'NoInternetGatewayAttached', vpc: a }, names).reason).toMatch(/^VpcA \(vpc-/);
  });
});

describe('item 35: DependsOn on the gateway attachment', () => {
  const BASE = `Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  IGW: {Type: AWS::EC2::InternetGateway}
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref VPC, InternetGatewayId: !Ref IGW}
  Public:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref VPC, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true}
  RT:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref VPC}
  Default:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref RT, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref IGW}
  Eip:
    Type: AWS::EC2::EIP
    Properties: {Domain: vpc, InstanceId: !Ref Web}
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      NetworkInterfaces: [{DeviceIndex: 0, SubnetId: !Ref Public, AssociatePublicIpAddress: true}]
`;
  it('item 35: a route to the gateway, an elastic IP and a public instance without it are each warned about, naming the DependsOn to add', () => {
    const r = load(BASE);
    expect(errors(r)).toEqual([]);
    const ws = warnings(r, 'MissingDependsOn');
    expect(ws.map((w) => w.logicalId)).toEqual(['Default', 'Eip', 'Web']);
    for (const w of ws) expect(w.message).toContain('add DependsOn: Attach');
  });
  it('item 35: an instance of the default VPC, and its elastic IP, need no DependsOn on another VPC\'s attachment', () => {
    const r = load(
      BASE.replace('NetworkInterfaces: [{DeviceIndex: 0, SubnetId: !Ref Public, AssociatePublicIpAddress: true}]', 'NetworkInterfaces: [{DeviceIndex: 0, AssociatePublicIpAddress: true}]'),
    );
    expect(errors(r)).toEqual([]);
    expect(warnings(r, 'MissingDependsOn').map((w) => w.logicalId)).toEqual(['Default']);
    expect(warnings(r, 'DefaultVpcUsed').map((w) => w.logicalId)).toEqual(['Web']);
  });
});
