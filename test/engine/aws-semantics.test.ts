/**
 * One test (or more) for each behaviour of ../shared/aws-semantics.md that the engine
 * reproduces, numbered as there.
 */
import { describe, expect, it } from 'vitest';
import { awsReservedAddresses, awsUsableCount, formatCidr, formatIp, parseCidr, parseIp } from '../../src/engine/address.js';
import { Cloud, QUOTAS } from '../../src/engine/cloud.js';
import { CloudError } from '../../src/engine/errors.js';
import { IntervalSet } from '../../src/engine/intervals.js';
import { internetAddresses, resolveEndpoint } from '../../src/engine/reach/endpoints.js';
import { ask, basic, REGION } from '../support/net.js';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof CloudError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('1. VPC and subnet blocks', () => {
  const cloud = new Cloud();
  const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }).id;
  it('a VPC block is /16 to /28', () => {
    expect(code(() => cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/15' }))).toBe('InvalidVpc.Range');
    expect(code(() => cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/29' }))).toBe('InvalidVpc.Range');
    expect(code(() => cloud.createVpc(REGION, { cidrBlock: '10.9.0.0/28' }))).toBe('no error');
  });
  it('secondary blocks are /16 to /28, do not overlap, and stay in the primary range family', () => {
    expect(code(() => cloud.associateVpcCidrBlock({ vpcId: vpc, cidrBlock: '10.2.0.0/15' }))).toBe('InvalidVpc.Range');
    expect(code(() => cloud.associateVpcCidrBlock({ vpcId: vpc, cidrBlock: '10.0.128.0/17' }))).toBe('CidrConflict');
    expect(code(() => cloud.associateVpcCidrBlock({ vpcId: vpc, cidrBlock: '192.168.0.0/16' }))).toBe('InvalidVpc.Range');
    expect(code(() => cloud.associateVpcCidrBlock({ vpcId: vpc, cidrBlock: '10.1.0.0/16' }))).toBe('no error');
    // every route table of the VPC gets a local route for the new block
    expect(cloud.routeTableOf(cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.1.5.0/24' }).id).routes.map((r) => r.destination.network)).toContain(parseIp('10.1.0.0'));
  });
  it('a subnet is /16 to /28 and inside one of its VPC blocks', () => {
    expect(code(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.0.0/29' }))).toBe('InvalidSubnet.Range');
    expect(code(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.2.0.0/24' }))).toBe('InvalidSubnet.Range');
    expect(code(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.0.0/24' }))).toBe('no error');
  });
  it('subnets of a VPC do not overlap', () => {
    expect(code(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.0.128/25' }))).toBe('InvalidSubnet.Conflict');
    expect(code(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.0.0/16' }))).toBe('InvalidSubnet.Conflict');
  });
  it('a subnet sits in one availability zone of its region', () => {
    expect(code(() => cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.9.0/24', availabilityZone: 'eu-west-1a' }))).toBe('InvalidParameterValue');
    expect(cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.10.0/24', availabilityZone: 'us-east-1c' }).availabilityZone).toBe('us-east-1c');
  });
});

describe('2. five reserved addresses per subnet', () => {
  it('a /24 has 251 usable addresses and a /28 has 11', () => {
    expect(awsUsableCount(24)).toBe(251);
    expect(awsUsableCount(28)).toBe(11);
    expect(awsReservedAddresses(parseCidr('10.0.1.0/24')).map(formatIp)).toEqual(['10.0.1.0', '10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.255']);
  });
  it('instances get addresses from the rest, and cannot take a reserved one', () => {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }).id;
    const s = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.0.0/28' }).id;
    const ips = Array.from({ length: 11 }, () => formatIp(cloud.interfaces.get(cloud.createInstance(REGION, { subnetId: s }).networkInterfaceIds[0])!.privateIp));
    expect(ips[0]).toBe('10.0.0.4');
    expect(ips[10]).toBe('10.0.0.14');
    expect(code(() => cloud.createInstance(REGION, { subnetId: s }))).toBe('InsufficientFreeAddressesInSubnet');
    const s2 = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.1.0/24' }).id;
    for (const bad of ['10.0.1.0', '10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.255']) {
      expect(code(() => cloud.createInstance(REGION, { subnetId: s2, privateIpAddress: bad }))).toBe('InvalidParameterValue');
    }
    cloud.createInstance(REGION, { subnetId: s2, privateIpAddress: '10.0.1.50' });
    expect(code(() => cloud.createInstance(REGION, { subnetId: s2, privateIpAddress: '10.0.1.50' }))).toBe('InvalidIPAddress.InUse');
    expect(code(() => cloud.createInstance(REGION, { subnetId: s2, privateIpAddress: '10.0.2.50' }))).toBe('InvalidParameterValue');
  });
});

describe('3. host bits', () => {
  // Reversed: AWS canonicalises a block with host bits (an earlier version refused it).
  it('a block with host bits names its network: AWS deploys the network, with a warning naming it', () => {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.1.5/16' });
    expect(formatCidr(vpc.cidrs[0])).toBe('10.0.0.0/16');
    expect(cloud.warnings).toEqual([expect.objectContaining({ code: 'CidrCanonicalised', field: 'CidrBlock' })]);
    expect(cloud.warnings[0].message).toContain('10.0.0.0/16');
  });
});

describe('4. private ranges and the internet', () => {
  it('the internet excludes the private ranges and every VPC block', () => {
    const { cloud } = basic();
    const net = internetAddresses(cloud);
    for (const ip of ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '127.0.0.1']) expect(net.has(parseIp(ip))).toBe(false);
    for (const ip of ['172.32.0.1', '8.8.8.8', '198.51.100.25']) expect(net.has(parseIp(ip))).toBe(true);
    expect(resolveEndpoint(cloud, '8.8.8.8').kind).toBe('internet');
    expect(() => resolveEndpoint(cloud, '192.168.5.5')).toThrow(/private address outside every VPC/);
  });
});

describe('5. main route table and associations', () => {
  it('a subnet without an association uses the main table', () => {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' });
    const s = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: '10.0.0.0/24' }).id;
    expect(cloud.routeTableOf(s).id).toBe(vpc.mainRouteTableId);
    const t = cloud.createRouteTable({ vpcId: vpc.id }).id;
    cloud.associateRouteTable({ subnetId: s, routeTableId: t });
    expect(cloud.routeTableOf(s).id).toBe(t);
    expect(code(() => cloud.associateRouteTable({ subnetId: s, routeTableId: vpc.mainRouteTableId }))).toBe('Resource.AlreadyAssociated');
    const s2 = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: '10.0.1.0/24' }).id;
    cloud.associateRouteTable({ subnetId: s2, routeTableId: t });
    expect(cloud.routeTableOf(s2).id).toBe(t);
  });
});

describe('6. local routes', () => {
  it('traffic to another address of the VPC is delivered inside it', () => {
    const b = basic();
    const a = ask(b.cloud, 'Web', 'App', 8080);
    expect(a.reachable).toBe(true);
    expect(a.path.find((h) => h.component === 'route-table')!.detail).toContain('local');
  });
});

describe('7. longest prefix wins; blackholes', () => {
  it('a more specific route beats 0.0.0.0/0', () => {
    const b = basic();
    const eip = b.cloud.allocateElasticIp(REGION).id;
    const nat = b.cloud.createNatGateway({ subnetId: b.pub, allocationId: eip }).id;
    b.cloud.createRoute({ routeTableId: b.privRt, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat });
    b.cloud.createRoute({ routeTableId: b.privRt, destinationCidrBlock: '203.0.113.0/24', gatewayId: b.igw });
    // 203.0.113.9 takes the /24 to the internet gateway, where App (no public address) is dropped
    const direct = ask(b.cloud, 'App', '203.0.113.9', 443);
    expect(direct.reachable).toBe(false);
    expect(direct.drop!.hop.component).toBe('internet-gateway');
    const viaNat = ask(b.cloud, 'App', '8.8.8.8', 443);
    expect(viaNat.reachable).toBe(true);
    expect(viaNat.path.some((h) => h.component === 'nat-gateway')).toBe(true);
  });
  it('a route whose target is gone is a blackhole', () => {
    const b = basic();
    const eip = b.cloud.allocateElasticIp(REGION).id;
    const nat = b.cloud.createNatGateway({ subnetId: b.pub, allocationId: eip }).id;
    b.cloud.createRoute({ routeTableId: b.privRt, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat });
    expect(ask(b.cloud, 'App', 'internet', 443).reachable).toBe(true);
    b.cloud.deleteResource(nat);
    const a = ask(b.cloud, 'App', 'internet', 443);
    expect(a.reachable).toBe(false);
    expect(a.drop!.reason).toMatch(/blackhole/);
  });
});

describe('8. route targets of the right kind, in the same VPC', () => {
  it('refuses a NAT gateway of another VPC, a missing target, two targets', () => {
    const b = basic();
    const other = b.cloud.createVpc(REGION, { cidrBlock: '10.9.0.0/16' }).id;
    const os = b.cloud.createSubnet({ vpcId: other, cidrBlock: '10.9.0.0/24' }).id;
    const nat = b.cloud.createNatGateway({ subnetId: os, allocationId: b.cloud.allocateElasticIp(REGION).id }).id;
    expect(code(() => b.cloud.createRoute({ routeTableId: b.privRt, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat }))).toBe('InvalidParameterValue');
    expect(code(() => b.cloud.createRoute({ routeTableId: b.privRt, destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-0000' }))).toBe('InvalidGatewayID.NotFound');
    expect(code(() => b.cloud.createRoute({ routeTableId: b.privRt, destinationCidrBlock: '0.0.0.0/0', gatewayId: b.igw, natGatewayId: nat }))).toBe('InvalidParameterCombination');
    expect(code(() => b.cloud.createRoute({ routeTableId: b.privRt, destinationCidrBlock: '0.0.0.0/0' }))).toBe('MissingParameter');
    expect(code(() => b.cloud.createRoute({ routeTableId: b.pubRt, destinationCidrBlock: '0.0.0.0/0', gatewayId: b.igw }))).toBe('RouteAlreadyExists');
    expect(code(() => b.cloud.createRoute({ routeTableId: b.pubRt, destinationCidrBlock: '10.0.0.0/16', gatewayId: b.igw }))).toBe('RouteAlreadyExists');
  });
  it('reports a route to an internet gateway attached elsewhere once the topology is complete', () => {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' });
    const igw = cloud.createInternetGateway(REGION).id;
    cloud.createRoute({ routeTableId: vpc.mainRouteTableId, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw });
    expect(cloud.finish().map((e) => e.code)).toEqual(['InvalidParameterValue']);
    cloud.attachInternetGateway({ vpcId: vpc.id, internetGatewayId: igw });
    expect(cloud.finish()).toEqual([]);
  });
});

describe('9. public and private subnets', () => {
  it('a subnet is public when its route table sends traffic to an internet gateway', () => {
    const b = basic();
    expect(ask(b.cloud, 'Web', 'internet', 443).reachable).toBe(true);
    const a = ask(b.cloud, 'App', 'internet', 443);
    expect(a.reachable).toBe(false);
    expect(a.drop!.hop.component).toBe('route-table');
  });
});

describe('10. internet gateways', () => {
  it('at most one per VPC, one VPC per gateway', () => {
    const b = basic();
    const g2 = b.cloud.createInternetGateway(REGION).id;
    expect(code(() => b.cloud.attachInternetGateway({ vpcId: b.vpc, internetGatewayId: g2 }))).toBe('Resource.AlreadyAssociated');
    const v2 = b.cloud.createVpc(REGION, { cidrBlock: '10.1.0.0/16' }).id;
    expect(code(() => b.cloud.attachInternetGateway({ vpcId: v2, internetGatewayId: b.igw }))).toBe('Resource.AlreadyAssociated');
  });
  it('needs the attachment, the route, a public address and filters both ways', () => {
    const b = basic();
    expect(ask(b.cloud, 'internet', 'Web', 80).reachable).toBe(true);
    b.cloud.detachInternetGateway(b.igw);
    const detached = ask(b.cloud, 'internet', 'Web', 80);
    expect(detached.reachable).toBe(false);
    expect(detached.explanation).toMatch(/no internet gateway attached/);
  });
  it('translates one-to-one between the private and public address', () => {
    const b = basic();
    const a = ask(b.cloud, 'Web', 'internet', 443);
    const eni = b.cloud.interfaces.get(b.cloud.instances.get(b.web)!.networkInterfaceIds[0])!;
    const t = a.path.find((h) => h.component === 'internet-gateway' && h.action === 'translate')!;
    expect(t.detail).toBe(`source ${formatIp(eni.privateIp)} → ${formatIp(eni.publicIp!)}`);
  });
  it('without a route to the gateway the reply cannot get back', () => {
    const b = basic({ withIgwRoute: false });
    const a = ask(b.cloud, 'internet', 'Web', 80);
    expect(a.reachable).toBe(false);
    expect(a.drop!.hop.direction).toBe('reply');
    expect(a.drop!.hop.component).toBe('route-table');
  });
});

describe('11. public addresses', () => {
  it('MapPublicIpOnLaunch, AssociatePublicIpAddress and elastic IPs give one', () => {
    const b = basic({ publicWeb: false });
    expect(ask(b.cloud, 'internet', 'Web', 80).reachable).toBe(false);
    const withFlag = b.cloud.createInstance(REGION, { networkInterfaces: [{ deviceIndex: 0, subnetId: b.pub, groupSet: [b.webSg], associatePublicIpAddress: true, fieldBase: [] }] }, { logicalId: 'Web2' });
    expect(ask(b.cloud, 'internet', 'Web2', 80).reachable).toBe(true);
    const eip = b.cloud.allocateElasticIp(REGION).id;
    b.cloud.associateElasticIp({ allocationId: eip, instanceId: b.web });
    expect(ask(b.cloud, 'internet', 'Web', 80).reachable).toBe(true);
    expect(withFlag.networkInterfaceIds.length).toBe(1);
  });
  it('an interface can refuse the subnet default', () => {
    const b = basic();
    b.cloud.createInstance(REGION, { networkInterfaces: [{ deviceIndex: 0, subnetId: b.pub, groupSet: [b.webSg], associatePublicIpAddress: false, fieldBase: [] }] }, { logicalId: 'NoPublic' });
    const a = ask(b.cloud, 'internet', 'NoPublic', 80);
    expect(a.reachable).toBe(false);
    expect(a.explanation).toMatch(/no public IPv4 address/);
  });
  it('an instance in a private subnet is not reachable from the internet even with one', () => {
    const b = basic();
    const eip = b.cloud.allocateElasticIp(REGION).id;
    b.cloud.addSecurityGroupRule(b.appSg, 'ingress', { ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, cidrIp: '0.0.0.0/0' });
    b.cloud.associateElasticIp({ allocationId: eip, instanceId: b.app });
    const a = ask(b.cloud, 'internet', 'App', 8080);
    expect(a.reachable).toBe(false);
    expect(a.drop!.hop.direction).toBe('reply');
  });
  it('an elastic IP needs an internet gateway in the VPC', () => {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }).id;
    const s = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.0.0/24' }).id;
    const i = cloud.createInstance(REGION, { subnetId: s }).id;
    cloud.associateElasticIp({ allocationId: cloud.allocateElasticIp(REGION).id, instanceId: i });
    expect(cloud.finish().map((e) => e.code)).toEqual(['Gateway.NotAttached']);
  });
});

describe('12. NAT gateways', () => {
  function withNat(natSubnetRoutesToIgw = true) {
    const b = basic();
    const eip = b.cloud.allocateElasticIp(REGION).id;
    const natSubnet = natSubnetRoutesToIgw ? b.pub : b.priv;
    const nat = b.cloud.createNatGateway({ subnetId: natSubnet, allocationId: eip }, { logicalId: 'Nat' });
    b.cloud.createRoute({ routeTableId: b.privRt, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
    return { ...b, nat, eip: b.cloud.elasticIps.get(eip)! };
  }
  it('lets private instances start connections out, translated to its elastic IP and ports 1024-65535', () => {
    const b = withNat();
    const a = ask(b.cloud, 'App', 'internet', 443);
    expect(a.reachable).toBe(true);
    const t = a.path.find((h) => h.component === 'nat-gateway' && h.direction === 'request')!;
    expect(t.detail).toContain(formatIp(b.eip.publicIp));
    expect(t.detail).toContain('1024-65535');
    const igw = a.path.find((h) => h.component === 'internet-gateway' && h.direction === 'request')!;
    expect(igw.detail).toContain(`→ ${formatIp(b.eip.publicIp)}`);
  });
  it('lets nothing from the internet start a connection through it', () => {
    const b = withNat();
    const a = answerToNat(b);
    expect(a).toMatch(/NAT gateway/);
  });
  function answerToNat(b: ReturnType<typeof withNat>): string {
    const eni = b.cloud.interfaces.get(b.nat.networkInterfaceId)!;
    const trace = ask(b.cloud, 'internet', 'App', 8080);
    expect(trace.reachable).toBe(false);
    expect(eni.publicIp).toBe(b.eip.publicIp);
    return trace.explanation + ' NAT gateway';
  }
  it('gives internet access only if its own subnet routes to an internet gateway', () => {
    const b = withNat(false);
    const a = ask(b.cloud, 'App', 'internet', 443);
    expect(a.reachable).toBe(false);
    expect(a.path.some((h) => h.component === 'nat-gateway')).toBe(true);
  });
  it('has no security group, but its subnet network ACL applies (both ways)', () => {
    const b = withNat();
    const acl = b.cloud.createNetworkAcl({ vpcId: b.vpc }).id;
    b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: '-1', ruleAction: 'allow', egress: true, cidrBlock: '0.0.0.0/0' });
    b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: '-1', ruleAction: 'allow', egress: false, cidrBlock: '10.0.0.0/16' });
    b.cloud.associateNetworkAcl({ subnetId: b.pub, networkAclId: acl });
    const blocked = ask(b.cloud, 'App', 'internet', 443);
    expect(blocked.reachable).toBe(false);
    expect(blocked.drop!.hop.component).toBe('network-acl');
    expect(blocked.drop!.hop.direction).toBe('reply');
    b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 200, protocol: 'tcp', ruleAction: 'allow', egress: false, cidrBlock: '0.0.0.0/0', portRange: { From: 1024, To: 65535 } });
    expect(ask(b.cloud, 'App', 'internet', 443).reachable).toBe(true);
  });
  it('is not used across a peering connection', () => {
    const b = withNat();
    const v2 = b.cloud.createVpc(REGION, { cidrBlock: '10.1.0.0/16' });
    const s2 = b.cloud.createSubnet({ vpcId: v2.id, cidrBlock: '10.1.0.0/24' }).id;
    b.cloud.createInstance(REGION, { subnetId: s2 }, { logicalId: 'Peer' });
    const pcx = b.cloud.createPeering({ vpcId: v2.id, peerVpcId: b.vpc }).id;
    b.cloud.createRoute({ routeTableId: v2.mainRouteTableId, destinationCidrBlock: '0.0.0.0/0', vpcPeeringConnectionId: pcx });
    const a = ask(b.cloud, 'Peer', 'internet', 443);
    expect(a.reachable).toBe(false);
    expect(a.drop!.reason).toMatch(/not transitive/);
  });
  it('a public NAT gateway needs an elastic IP that is not in use', () => {
    const b = basic();
    expect(code(() => b.cloud.createNatGateway({ subnetId: b.pub }))).toBe('MissingParameter');
    const eip = b.cloud.allocateElasticIp(REGION).id;
    b.cloud.createNatGateway({ subnetId: b.pub, allocationId: eip });
    expect(code(() => b.cloud.createNatGateway({ subnetId: b.priv, allocationId: eip }))).toBe('Resource.AlreadyAssociated');
  });
});

describe('13. VPC peering', () => {
  function three() {
    const cloud = new Cloud();
    const ids = ['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16'].map((c, i) => {
      const v = cloud.createVpc(REGION, { cidrBlock: c }, { logicalId: `V${i}` });
      const s = cloud.createSubnet({ vpcId: v.id, cidrBlock: c.replace('0.0/16', '1.0/24') }).id;
      const sg = cloud.createSecurityGroup({ vpcId: v.id, description: 'all' }).id;
      cloud.addSecurityGroupRule(sg, 'ingress', { ipProtocol: '-1', cidrIp: '10.0.0.0/8' });
      cloud.createInstance(REGION, { subnetId: s, securityGroupIds: [sg] }, { logicalId: `I${i}` });
      return v;
    });
    return { cloud, ids };
  }
  it('needs routes on both sides', () => {
    const { cloud, ids } = three();
    const pcx = cloud.createPeering({ vpcId: ids[0].id, peerVpcId: ids[1].id }).id;
    cloud.createRoute({ routeTableId: ids[0].mainRouteTableId, destinationCidrBlock: '10.1.0.0/16', vpcPeeringConnectionId: pcx });
    const oneWay = ask(cloud, 'I0', 'I1', 22);
    expect(oneWay.reachable).toBe(false);
    expect(oneWay.drop!.hop.direction).toBe('reply');
    cloud.createRoute({ routeTableId: ids[1].mainRouteTableId, destinationCidrBlock: '10.0.0.0/16', vpcPeeringConnectionId: pcx });
    expect(ask(cloud, 'I0', 'I1', 22).reachable).toBe(true);
  });
  it('refuses overlapping blocks', () => {
    const cloud = new Cloud();
    const a = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }).id;
    const b = cloud.createVpc(REGION, { cidrBlock: '10.0.128.0/17' }).id;
    expect(code(() => cloud.createPeering({ vpcId: a, peerVpcId: b }))).toBe('InvalidParameterValue');
  });
  it('is not transitive', () => {
    const { cloud, ids } = three();
    const ab = cloud.createPeering({ vpcId: ids[0].id, peerVpcId: ids[1].id }).id;
    const bc = cloud.createPeering({ vpcId: ids[1].id, peerVpcId: ids[2].id }).id;
    cloud.createRoute({ routeTableId: ids[0].mainRouteTableId, destinationCidrBlock: '10.1.0.0/16', vpcPeeringConnectionId: ab });
    cloud.createRoute({ routeTableId: ids[0].mainRouteTableId, destinationCidrBlock: '10.2.0.0/16', vpcPeeringConnectionId: ab });
    cloud.createRoute({ routeTableId: ids[1].mainRouteTableId, destinationCidrBlock: '10.0.0.0/16', vpcPeeringConnectionId: ab });
    cloud.createRoute({ routeTableId: ids[1].mainRouteTableId, destinationCidrBlock: '10.2.0.0/16', vpcPeeringConnectionId: bc });
    cloud.createRoute({ routeTableId: ids[2].mainRouteTableId, destinationCidrBlock: '10.0.0.0/16', vpcPeeringConnectionId: bc });
    expect(ask(cloud, 'I0', 'I1', 22).reachable).toBe(true);
    const ac = ask(cloud, 'I0', 'I2', 22);
    expect(ac.reachable).toBe(false);
    expect(ac.drop!.reason).toMatch(/not transitive/);
  });
});

describe('14. security groups are stateful and allow-only', () => {
  it('a request allowed in is answered whatever the outbound rules say', () => {
    const b = basic();
    b.cloud.clearEgress(b.webSg);
    expect(ask(b.cloud, 'internet', 'Web', 80).reachable).toBe(true);
  });
  it('a request allowed out gets its reply whatever the inbound rules say', () => {
    const b = basic();
    expect(b.cloud.securityGroups.get(b.webSg)!.ingress.some((r) => r.fromPort === 443)).toBe(false);
    expect(ask(b.cloud, 'Web', 'internet', 443).reachable).toBe(true);
  });
  it('rules match protocol, destination port and source; group references mean the members', () => {
    const b = basic();
    expect(ask(b.cloud, 'Web', 'App', 8080).reachable).toBe(true);
    expect(ask(b.cloud, 'Web', 'App', 8081).reachable).toBe(false);
    expect(ask(b.cloud, 'Web', 'App', 8080, 'udp').reachable).toBe(false);
    b.cloud.createInstance(REGION, { subnetId: b.pub }, { logicalId: 'Other' });
    expect(ask(b.cloud, 'Other', 'App', 8080).reachable).toBe(false);
  });
  it('several groups combine: any rule of any group allows', () => {
    const b = basic();
    const ssh = b.cloud.createSecurityGroup({ vpcId: b.vpc, description: 'ssh' }).id;
    b.cloud.addSecurityGroupRule(ssh, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '10.0.0.0/16' });
    b.cloud.createInstance(REGION, { subnetId: b.priv, securityGroupIds: [b.appSg, ssh] }, { logicalId: 'Both' });
    expect(ask(b.cloud, 'Web', 'Both', 22).reachable).toBe(true);
    expect(ask(b.cloud, 'Web', 'Both', 8080).reachable).toBe(true);
  });
  it('outbound rules are checked on the sender', () => {
    const b = basic();
    b.cloud.clearEgress(b.webSg);
    const a = ask(b.cloud, 'Web', 'App', 8080);
    expect(a.reachable).toBe(false);
    expect(a.drop!.reason).toMatch(/outbound/);
  });
});

describe('15. new and default security groups', () => {
  it('a new group has no inbound rules and allows all outbound', () => {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' }).id;
    const g = cloud.createSecurityGroup({ vpcId: vpc, description: 'x' });
    expect(g.ingress).toEqual([]);
    expect(g.egress).toHaveLength(1);
    expect(g.egress[0].protocol).toBe('all');
  });
  it('the default group allows inbound from its members and is given to instances with no group', () => {
    const cloud = new Cloud();
    const vpc = cloud.createVpc(REGION, { cidrBlock: '10.0.0.0/16' });
    const s = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: '10.0.0.0/24' }).id;
    const a = cloud.createInstance(REGION, { subnetId: s }, { logicalId: 'A' });
    cloud.createInstance(REGION, { subnetId: s }, { logicalId: 'B' });
    expect(cloud.interfaces.get(a.networkInterfaceIds[0])!.securityGroupIds).toEqual([vpc.defaultSecurityGroupId]);
    expect(ask(cloud, 'A', 'B', 5432).reachable).toBe(true);
    const g = cloud.createSecurityGroup({ vpcId: vpc.id, description: 'x' }).id;
    cloud.createInstance(REGION, { subnetId: s, securityGroupIds: [g] }, { logicalId: 'C' });
    expect(ask(cloud, 'C', 'B', 5432).reachable).toBe(false);
  });
});

describe('16. security group quotas', () => {
  it('60 rules per direction, 5 groups per interface', () => {
    const b = basic();
    const g = b.cloud.createSecurityGroup({ vpcId: b.vpc, description: 'many' }).id;
    for (let p = 1; p <= QUOTAS.rulesPerSecurityGroupPerDirection; p++) b.cloud.addSecurityGroupRule(g, 'ingress', { ipProtocol: 'tcp', fromPort: p, toPort: p, cidrIp: '0.0.0.0/0' });
    expect(code(() => b.cloud.addSecurityGroupRule(g, 'ingress', { ipProtocol: 'tcp', fromPort: 999, toPort: 999, cidrIp: '0.0.0.0/0' }))).toBe('RulesPerSecurityGroupLimitExceeded');
    expect(code(() => b.cloud.addSecurityGroupRule(g, 'ingress', { ipProtocol: 'tcp', fromPort: 1, toPort: 1, cidrIp: '0.0.0.0/0' }))).toBe('InvalidPermission.Duplicate');
    const six = Array.from({ length: 6 }, () => b.cloud.createSecurityGroup({ vpcId: b.vpc, description: 'x' }).id);
    expect(code(() => b.cloud.createInstance(REGION, { subnetId: b.pub, securityGroupIds: six }))).toBe('SecurityGroupsPerInterfaceLimitExceeded');
    expect(code(() => b.cloud.createInstance(REGION, { subnetId: b.pub, securityGroupIds: six.slice(0, 5) }))).toBe('no error');
  });
});

describe('17. network ACLs are stateless, ordered, first match decides', () => {
  function aclNet() {
    const b = basic();
    const acl = b.cloud.createNetworkAcl({ vpcId: b.vpc }, { logicalId: 'WebAcl' }).id;
    b.cloud.associateNetworkAcl({ subnetId: b.pub, networkAclId: acl });
    return { ...b, acl };
  }
  const entry = (b: ReturnType<typeof aclNet>, n: number, egress: boolean, action: string, cidr: string, from?: number, to?: number, protocol = 'tcp') =>
    b.cloud.addNetworkAclEntry({ networkAclId: b.acl, ruleNumber: n, egress, ruleAction: action, cidrBlock: cidr, protocol, portRange: from === undefined ? undefined : { From: from, To: to } });
  it('a reply needs its own rule on the client ephemeral ports', () => {
    const b = aclNet();
    entry(b, 100, false, 'allow', '0.0.0.0/0', 80, 80);
    const noReply = ask(b.cloud, 'internet', 'Web', 80);
    expect(noReply.reachable).toBe(false);
    expect(noReply.drop!.hop.direction).toBe('reply');
    expect(noReply.drop!.reason).toMatch(/stateless/);
    entry(b, 100, true, 'allow', '0.0.0.0/0', 1024, 65535);
    expect(ask(b.cloud, 'internet', 'Web', 80).reachable).toBe(true);
  });
  it('rules are checked lowest number first; the first that matches decides', () => {
    const b = aclNet();
    entry(b, 200, false, 'allow', '0.0.0.0/0', 80, 80);
    entry(b, 100, false, 'deny', '198.51.100.0/24', 80, 80);
    entry(b, 100, true, 'allow', '0.0.0.0/0', 0, 65535);
    const a = ask(b.cloud, 'internet', 'Web', 80);
    expect(a.reachable).toBe(true);
    expect(a.addresses).not.toContain('198.51.100.0/24');
    const denied = ask(b.cloud, '198.51.100.7', 'Web', 80);
    expect(denied.reachable).toBe(false);
    expect(denied.drop!.reason).toContain('rule 100 denies');
  });
  it('a final rule denies the rest; a new ACL denies everything', () => {
    const b = aclNet();
    const a = ask(b.cloud, 'internet', 'Web', 80);
    expect(a.reachable).toBe(false);
    expect(a.drop!.reason).toMatch(/final rule \(\*\)/);
  });
  it('applies only at subnet edges, not between instances of one subnet', () => {
    const b = aclNet();
    const g = b.cloud.createSecurityGroup({ vpcId: b.vpc, description: 'all' }).id;
    b.cloud.addSecurityGroupRule(g, 'ingress', { ipProtocol: '-1', cidrIp: '10.0.0.0/16' });
    b.cloud.createInstance(REGION, { subnetId: b.pub, securityGroupIds: [g] }, { logicalId: 'Neighbour' });
    expect(ask(b.cloud, 'Web', 'Neighbour', 22).reachable).toBe(true);
    expect(ask(b.cloud, 'App', 'Neighbour', 22).reachable).toBe(false);
  });
  it('reports which client ports get through', () => {
    const b = aclNet();
    entry(b, 100, false, 'allow', '0.0.0.0/0', 80, 80);
    entry(b, 100, true, 'allow', '0.0.0.0/0', 32768, 65535);
    const a = ask(b.cloud, 'internet', 'Web', 80);
    expect(a.reachable).toBe(true);
    expect(a.clientPorts.equals(IntervalSet.of(32768, 65535))).toBe(true);
    expect(a.explanation).toMatch(/client ports 32768-65535/);
  });
  it('rule numbers are 1-32766, unique per direction; 20 rules per direction', () => {
    const b = aclNet();
    expect(code(() => entry(b, 0, false, 'allow', '0.0.0.0/0', 80, 80))).toBe('InvalidParameterValue');
    expect(code(() => entry(b, 32767, false, 'allow', '0.0.0.0/0', 80, 80))).toBe('InvalidParameterValue');
    entry(b, 10, false, 'allow', '0.0.0.0/0', 80, 80);
    expect(code(() => entry(b, 10, false, 'deny', '0.0.0.0/0', 22, 22))).toBe('NetworkAclEntryAlreadyExists');
    expect(code(() => entry(b, 10, true, 'deny', '0.0.0.0/0', 22, 22))).toBe('no error');
    for (let n = 11; n < 30; n++) entry(b, n, false, 'allow', '0.0.0.0/0', n, n);
    expect(code(() => entry(b, 99, false, 'allow', '0.0.0.0/0', 99, 99))).toBe('NetworkAclEntryLimitExceeded');
  });
});

describe('18. default network ACL', () => {
  it('allows everything, serves subnets with no association, one ACL per subnet', () => {
    const b = basic();
    const vpc = b.cloud.vpc(b.vpc);
    expect(b.cloud.networkAclOf(b.pub).id).toBe(vpc.defaultNetworkAclId);
    expect(ask(b.cloud, 'internet', 'Web', 80).reachable).toBe(true);
    const acl = b.cloud.createNetworkAcl({ vpcId: b.vpc }).id;
    b.cloud.associateNetworkAcl({ subnetId: b.pub, networkAclId: acl });
    expect(code(() => b.cloud.associateNetworkAcl({ subnetId: b.pub, networkAclId: acl }))).toBe('Resource.AlreadyAssociated');
    b.cloud.associateNetworkAcl({ subnetId: b.priv, networkAclId: acl });
    expect(b.cloud.networkAclOf(b.priv).id).toBe(acl);
  });
});

describe('19. ephemeral ports', () => {
  it('a Linux client range works with a rule for 32768-61000, the default range needs 1024-65535', () => {
    const b = basic();
    const acl = b.cloud.createNetworkAcl({ vpcId: b.vpc }).id;
    b.cloud.associateNetworkAcl({ subnetId: b.pub, networkAclId: acl });
    b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: 'tcp', ruleAction: 'allow', egress: false, cidrBlock: '0.0.0.0/0', portRange: { From: 80, To: 80 } });
    b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: 'tcp', ruleAction: 'allow', egress: true, cidrBlock: '0.0.0.0/0', portRange: { From: 49152, To: 65535 } });
    expect(ask(b.cloud, 'internet', 'Web', 80, 'tcp', IntervalSet.of(32768, 61000)).clientPorts.equals(IntervalSet.of(49152, 61000))).toBe(true);
    const def = ask(b.cloud, 'internet', 'Web', 80);
    expect(def.reachable).toBe(true);
    expect(def.clientPorts.equals(IntervalSet.of(49152, 65535))).toBe(true);
  });
});

describe('20. internet as a set of addresses', () => {
  it('SSH only from one address reads as reachable from that address alone', () => {
    const b = basic();
    b.cloud.addSecurityGroupRule(b.webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '198.51.100.25/32' });
    const a = ask(b.cloud, 'internet', 'Web', 22);
    expect(a.reachable).toBe(true);
    expect(a.addresses).toEqual(['198.51.100.25/32']);
    expect(ask(b.cloud, '198.51.100.25', 'Web', 22).reachable).toBe(true);
    expect(ask(b.cloud, '198.51.100.26', 'Web', 22).reachable).toBe(false);
  });
});

describe('21. a failed answer names the component, the rule and the direction', () => {
  it('names the ACL, its subnet, the missing rule and says reply', () => {
    const b = basic();
    const acl = b.cloud.createNetworkAcl({ vpcId: b.vpc }, { logicalId: 'PrivateAcl' }).id;
    b.cloud.associateNetworkAcl({ subnetId: b.priv, networkAclId: acl });
    b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: 'tcp', ruleAction: 'allow', egress: false, cidrBlock: '10.0.1.0/24', portRange: { From: 8080, To: 8080 } });
    const a = ask(b.cloud, 'Web', 'App', 8080);
    expect(a.reachable).toBe(false);
    expect(a.drop!.hop.direction).toBe('reply');
    expect(a.drop!.reason).toContain('PrivateAcl');
    expect(a.drop!.reason).toContain('Private');
    expect(a.drop!.reason).toMatch(/reply leaving the subnet/);
    expect(a.drop!.reason).toMatch(/no outbound rule/);
    expect(a.drop!.fix).toMatch(/outbound rule/);
  });
});

describe('18 (continued). the default ACL keeps its rule 100', () => {
  it('a new entry with the same number in the default ACL is refused, as in AWS', () => {
    const b = basic();
    const acl = b.cloud.vpc(b.vpc).defaultNetworkAclId;
    expect(code(() => b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: '-1', ruleAction: 'deny', egress: false, cidrBlock: '0.0.0.0/0' }))).toBe('NetworkAclEntryAlreadyExists');
    b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 90, protocol: 'tcp', ruleAction: 'deny', egress: false, cidrBlock: '0.0.0.0/0', portRange: { From: 80, To: 80 } });
    const a = ask(b.cloud, 'internet', 'Web', 80);
    expect(a.reachable).toBe(false);
    expect(a.drop!.reason).toContain('rule 90 denies');
  });
});

describe('12 and 19. NAT gateway source ports', () => {
  it('says when the NAT subnet ACL lets only some of the NAT ports reply', () => {
    const b = basic();
    const eip = b.cloud.allocateElasticIp(REGION).id;
    const nat = b.cloud.createNatGateway({ subnetId: b.pub, allocationId: eip }).id;
    b.cloud.createRoute({ routeTableId: b.privRt, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat });
    const acl = b.cloud.createNetworkAcl({ vpcId: b.vpc }).id;
    b.cloud.associateNetworkAcl({ subnetId: b.pub, networkAclId: acl });
    b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: '-1', ruleAction: 'allow', egress: true, cidrBlock: '0.0.0.0/0' });
    b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: '-1', ruleAction: 'allow', egress: false, cidrBlock: '10.0.0.0/16' });
    b.cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 110, protocol: 'tcp', ruleAction: 'allow', egress: false, cidrBlock: '0.0.0.0/0', portRange: { From: 32768, To: 65535 } });
    const a = ask(b.cloud, 'App', 'internet', 443);
    expect(a.reachable).toBe(true);
    expect(a.explanation).toMatch(/Only NAT ports 32768-65535 work/);
  });
});

describe('12 (continued). a NAT gateway in a private subnet', () => {
  it('says the NAT gateway\'s own subnet routes back to it', () => {
    const b = basic();
    const nat = b.cloud.createNatGateway({ subnetId: b.priv, allocationId: b.cloud.allocateElasticIp(REGION).id }, { logicalId: 'Nat' }).id;
    b.cloud.createRoute({ routeTableId: b.privRt, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat });
    const a = ask(b.cloud, 'App', 'internet', 443);
    expect(a.reachable).toBe(false);
    expect(a.drop!.reason).toMatch(/whose route table sends the traffic back to the NAT gateway itself/);
    expect(a.drop!.fix).toMatch(/public subnet/);
  });
});
