/**
 * IPv6 and prefix lists through the whole loader: templates written for AWS load as AWS
 * deploys them, IPv6 is kept in the model and named once as not traced, and prefix lists
 * are traced by their entries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipv6RulesOf, openToAllIpv6 } from '../../src/engine/ec2/ipv6.js';
import { ipv6RoutesOf } from '../../src/engine/ec2/ipv6-route.js';
import { formatIpv6Cidr } from '../../src/engine/ipv6-address.js';
import { trace } from '../../src/engine/reach/question.js';
import { topologyText } from '../../src/formats/describe/text.js';
import { topologyView } from '../../src/formats/describe/topology.js';
import { loadSubmissionFromTemplates } from '../../src/formats/load-submission.js';

const FIXTURE = readFileSync(join(import.meta.dirname, '../fixtures/cfn/dual-stack.yaml'), 'utf8');
const load = (text: string) => loadSubmissionFromTemplates([{ file: 't.yaml', text }]);
const errors = (r: ReturnType<typeof load>) => r.diagnostics.filter((d) => d.severity === 'error');
const codes = (r: ReturnType<typeof load>) => r.diagnostics.map((d) => d.code);
const byLogical = <T extends { logicalId?: string }>(m: Map<string, T>, id: string): T => [...m.values()].find((x) => x.logicalId === id)!;

describe('a dual-stack template loads', () => {
  const r = load(FIXTURE);

  it('with no error and exactly one Ipv6NotTraced warning for the whole submission', () => {
    expect(errors(r)).toEqual([]);
    const v6 = r.diagnostics.filter((d) => d.code === 'Ipv6NotTraced');
    expect(v6).toHaveLength(1);
    expect(v6[0]).toMatchObject({ severity: 'warning', file: 't.yaml' });
    expect(v6[0].message).toMatch(/IPv6 traffic is not traced yet/);
    expect(v6[0].message).toContain('2 subnet IPv6 blocks');
    expect(codes(r)).not.toContain('Ipv6NotModelled');
  });

  it('with the stand-in block, the subnets\' /64s from Fn::Cidr over GetAtt VPC.Ipv6CidrBlocks, and the IPv6 routes', () => {
    const vpc = byLogical(r.cloud.vpcs, 'Vpc');
    expect(vpc.ipv6Cidrs!.map(formatIpv6Cidr)).toEqual(['2001:db8::/56']);
    expect(formatIpv6Cidr(byLogical(r.cloud.subnets, 'Public').ipv6Cidr!)).toBe('2001:db8::/64');
    expect(formatIpv6Cidr(byLogical(r.cloud.subnets, 'Private').ipv6Cidr!)).toBe('2001:db8:0:1::/64');
    expect(byLogical(r.cloud.subnets, 'Public').assignIpv6AddressOnCreation).toBe(true);
    const priv = ipv6RoutesOf(r.cloud, byLogical(r.cloud.routeTables, 'PrivRt'));
    expect(priv.map((x) => `${formatIpv6Cidr(x.destination)} ${x.target.kind}`)).toEqual(['2001:db8::/56 local', '::/0 egress-only-internet-gateway']);
  });

  it('keeping the SSH rule open to ::/0 where graders see it', () => {
    const sg = byLogical(r.cloud.securityGroups, 'Sg');
    const ssh = ipv6RulesOf(sg, 'ingress').filter((x) => x.fromPort === 22);
    expect(ssh).toHaveLength(1);
    expect(openToAllIpv6(ssh[0])).toBe(true);
  });

  it('tracing IPv4 through the prefix list by its entries, and an AWS-managed list as nothing', () => {
    expect(trace(r.cloud, { from: 'internet', to: 'Web', port: 22, protocol: 'tcp' }).addresses).toEqual(['198.51.100.0/24', '203.0.113.7/32']);
    expect(trace(r.cloud, { from: 'internet', to: 'Web', port: 443, protocol: 'tcp' }).reachable).toBe(false);
    const w = r.diagnostics.find((d) => d.code === 'PrefixListNotKnown')!;
    expect(w).toMatchObject({ logicalId: 'Sg', line: 92 });
    expect(w.message).toContain('pl-02cd2c6b');
  });

  it('describe shows the IPv6 blocks, routes, gateway and rules', () => {
    const text = topologyText(topologyView(r.cloud)).join('\n');
    expect(text).toContain('10.0.0.0/16, 2001:db8::/56');
    expect(text).toContain('egress-only internet gateway Eigw');
    expect(text).toContain('2001:db8:0:1::/64');
    const routes = topologyView(r.cloud).regions[0].vpcs[0].routeTables.find((t) => t.name === 'PrivRt')!.routes;
    expect(routes.map((x) => `${x.destination} → ${x.target}`)).toEqual(['10.0.0.0/16 → local', '2001:db8::/56 → local', '::/0 → Eigw']);
    expect(text).toContain('tcp 22 from ::/0');
    expect(text).toMatch(/prefix list\s+Admins/);
    expect(text).toMatch(/90 deny tcp 23-23 from\s+2001:db8:1::\/48/);
  });
});

const BASE = `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  V6:
    Type: AWS::EC2::VPCCidrBlock
    Properties: {VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true}
`;

describe('AWS refusals, at the property', () => {
  it('a subnet IPv6 block that is not a /64 of the VPC block is InvalidSubnet.Range', () => {
    const r = load(`${BASE}  S:
    Type: AWS::EC2::Subnet
    DependsOn: V6
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, Ipv6CidrBlock: 2001:db8:0:100::/64}
`);
    expect(errors(r)).toMatchObject([{ code: 'InvalidSubnet.Range', logicalId: 'S', line: 11 }]);
    expect(errors(r)[0].message).toContain("not inside Vpc's IPv6 block 2001:db8::/56");
  });

  it('two subnets with one IPv6 block are InvalidSubnet.Conflict', () => {
    const sub = (id: string, n: number) => `  ${id}:
    Type: AWS::EC2::Subnet
    DependsOn: V6
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.${n}.0/24
      Ipv6CidrBlock: !Select [0, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]]
`;
    const r = load(`${BASE}${sub('A', 1)}${sub('B', 2)}`);
    expect(errors(r).map((d) => [d.code, d.logicalId])).toEqual([['InvalidSubnet.Conflict', 'B']]);
  });

  it('an IPv4 route to an egress-only gateway is refused; a route to an unknown prefix list warns', () => {
    const r = load(`${BASE}  Eigw:
    Type: AWS::EC2::EgressOnlyInternetGateway
    Properties: {VpcId: !Ref Vpc}
  Rt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  R:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, EgressOnlyInternetGatewayId: !Ref Eigw}
  P:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref Rt, DestinationPrefixListId: pl-63a5400a, EgressOnlyInternetGatewayId: !Ref Eigw}
`);
    expect(errors(r).map((d) => [d.code, d.logicalId])).toEqual([['InvalidParameterValue', 'R']]);
    expect(r.diagnostics.find((d) => d.code === 'PrefixListNotKnown')).toMatchObject({ logicalId: 'P' });
  });

  it('a prefix list refuses entries of the other family and more entries than MaxEntries', () => {
    const r = load(`Resources:
  L:
    Type: AWS::EC2::PrefixList
    Properties:
      PrefixListName: offices
      AddressFamily: IPv4
      MaxEntries: 1
      Entries: [{Cidr: 2001:db8::/32}]
`);
    expect(errors(r)).toMatchObject([{ code: 'InvalidParameterValue', logicalId: 'L' }]);
    expect(errors(r)[0].message).toContain("an IPv6 block, but the prefix list's AddressFamily is IPv4");
  });

  it('item 3 (IPv6): a block with host bits loads as its network, with a warning naming it', () => {
    const r = load(`${BASE}  S:
    Type: AWS::EC2::Subnet
    DependsOn: V6
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, Ipv6CidrBlock: '2001:db8:0:7::1/64'}
`);
    expect(errors(r)).toEqual([]);
    const w = r.diagnostics.find((d) => d.code === 'CidrCanonicalised')!;
    expect(w).toMatchObject({ logicalId: 'S', line: 11 });
    expect(w.message).toContain('2001:db8:0:7::/64');
    expect(formatIpv6Cidr(byLogical(r.cloud.subnets, 'S').ipv6Cidr!)).toBe('2001:db8:0:7::/64');
  });

  it('AWS::EC2::SubnetCidrBlock gives a subnet its one IPv6 block later', () => {
    const r = load(`${BASE}  S:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
  S6:
    Type: AWS::EC2::SubnetCidrBlock
    DependsOn: V6
    Properties: {SubnetId: !Ref S, Ipv6CidrBlock: !Select [3, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]]}
  Again:
    Type: AWS::EC2::SubnetCidrBlock
    DependsOn: S6
    Properties: {SubnetId: !Ref S, Ipv6CidrBlock: 2001:db8:0:9::/64}
`);
    expect(formatIpv6Cidr(byLogical(r.cloud.subnets, 'S').ipv6Cidr!)).toBe('2001:db8:0:3::/64');
    expect(errors(r).map((d) => [d.code, d.logicalId])).toEqual([['InvalidParameterValue', 'Again']]);
  });

  it('an IPv6 route to an internet gateway not attached to the VPC is refused once everything is in', () => {
    const r = load(`${BASE}  Igw:
    Type: AWS::EC2::InternetGateway
  Rt:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  R6:
    Type: AWS::EC2::Route
    Properties: {RouteTableId: !Ref Rt, DestinationIpv6CidrBlock: ::/0, GatewayId: !Ref Igw}
`);
    expect(errors(r)).toMatchObject([{ code: 'InvalidParameterValue', logicalId: 'R6' }]);
    expect(errors(r)[0].message).toContain('not attached to any VPC');
  });

  it('a template without IPv6 gets no Ipv6NotTraced warning', () => {
    expect(codes(load(`Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n`))).not.toContain('Ipv6NotTraced');
  });
});
