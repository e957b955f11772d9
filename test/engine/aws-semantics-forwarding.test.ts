/**
 * aws-semantics.md item 33: instances that forward traffic (NAT instances, firewall
 * appliances), the source/destination check, and routing loops through them.
 */
import { describe, expect, it } from 'vitest';
import { formatIp } from '../../src/engine/address.js';
import type { Cloud } from '../../src/engine/cloud.js';
import type { Hop } from '../../src/engine/reach/hops.js';
import { ask, basic, REGION } from '../support/net.js';

/** The textbook NAT instance: in the public subnet, with a public address, the private subnet's default route to it. */
function natInstance(opts: { sourceDestCheck?: boolean; natIngress?: boolean; natEgress?: boolean } = {}) {
  const net = basic();
  const { cloud, vpc, pub, privRt } = net;
  const natSg = cloud.createSecurityGroup({ vpcId: vpc, description: 'nat' }, { logicalId: 'NatSg' }).id;
  if (opts.natIngress ?? true) cloud.addSecurityGroupRule(natSg, 'ingress', { ipProtocol: '-1', cidrIp: '10.0.0.0/16' });
  if (opts.natEgress === false) cloud.clearEgress(natSg);
  const nat = cloud.createInstance(REGION, { subnetId: pub, securityGroupIds: [natSg], sourceDestCheck: opts.sourceDestCheck ?? false }, { logicalId: 'NatInstance' });
  cloud.createRoute({ routeTableId: privRt, destinationCidrBlock: '0.0.0.0/0', instanceId: nat.id });
  const natEni = cloud.interfaces.get(nat.networkInterfaceIds[0])!;
  return { ...net, natSg, nat: nat.id, natEni };
}

const parts = (path: Hop[]): string[] => path.map((h) => `${h.direction} ${h.component} ${h.logicalId ?? h.id} ${h.action}`);

describe('item 33: forwarding instances', () => {
  it('item 33: a NAT instance gives a private instance internet access, and the internet sees its public address', () => {
    const { cloud, natEni } = natInstance();
    const a = ask(cloud, 'App', 'internet', 443);
    expect(a.reachable, a.explanation).toBe(true);
    const path = parts(a.path);
    expect(path).toContain('request instance NatInstance translate');
    expect(path).toContain('reply instance NatInstance translate');
    const igw = a.path.find((h) => h.direction === 'request' && h.component === 'internet-gateway')!;
    expect(igw.detail).toBe(`source ${formatIp(natEni.privateIp)} → ${formatIp(natEni.publicIp!)}`);
    // Every hop is shown: the private subnet's route to the instance, the NAT instance's groups, its subnet's route to the gateway.
    expect(path.slice(0, 8)).toEqual([
      'request instance App send',
      'request security-group AppSg allow',
      'request route-table PrivateRt route',
      'request network-acl Vpc.DefaultNetworkAcl allow',
      'request network-acl Vpc.DefaultNetworkAcl allow',
      'request security-group NatSg allow',
      'request security-group NatSg allow',
      'request instance NatInstance translate',
    ]);
    expect(path).toContain('request route-table PublicRt route');
    // The reply comes back through the NAT instance to App.
    expect(path[path.length - 1]).toBe('reply instance App deliver');
  });

  it('item 33: the NAT instance translates to ports 1024-65535 and its subnet ACL must let the replies in', () => {
    const { cloud, vpc, pub } = natInstance();
    const acl = cloud.createNetworkAcl({ vpcId: vpc }, { logicalId: 'PublicAcl' }).id;
    cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: '-1', ruleAction: 'allow', egress: true, cidrBlock: '0.0.0.0/0' });
    cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: '-1', ruleAction: 'allow', egress: false, cidrBlock: '10.0.0.0/16' });
    cloud.associateNetworkAcl({ subnetId: pub, networkAclId: acl });
    const blocked = ask(cloud, 'App', 'internet', 443);
    expect(blocked.reachable).toBe(false);
    expect(blocked.drop?.cause).toMatchObject({ code: 'NetworkAclDenies', networkAcl: acl, egress: false, leg: 'reply' });
    cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 110, protocol: 'tcp', ruleAction: 'allow', egress: false, cidrBlock: '0.0.0.0/0', portRange: { From: 1024, To: 65535 } });
    expect(ask(cloud, 'App', 'internet', 443).reachable).toBe(true);
  });

  it('item 33: nothing on the internet can start a connection through a NAT instance', () => {
    const { cloud } = natInstance();
    const a = ask(cloud, 'internet', 'App', 22);
    expect(a.reachable).toBe(false);
    expect(a.drop?.cause.code).toBe('DestinationHasNoPublicAddress');
  });

  it('item 33: with the source/destination check on, the trace says that is why the packet stops', () => {
    const { cloud, natEni } = natInstance({ sourceDestCheck: true });
    const a = ask(cloud, 'App', 'internet', 443);
    expect(a.reachable).toBe(false);
    expect(a.drop?.cause).toMatchObject({ code: 'SourceDestCheck', networkInterface: natEni.id, leg: 'request' });
    expect(a.drop?.hop).toMatchObject({ component: 'instance', logicalId: 'NatInstance', action: 'drop' });
    expect(a.explanation).toContain('NatInstance, whose source/destination check is on');
    expect(a.drop?.fix).toContain('SourceDestCheck: false');
  });

  it("item 33: the forwarding instance's security groups apply, inbound and outbound", () => {
    const noIn = natInstance({ natIngress: false });
    const a = ask(noIn.cloud, 'App', 'internet', 443);
    expect(a.drop?.cause).toMatchObject({ code: 'SecurityGroupNoInboundRule', networkInterface: noIn.natEni.id });
    const noOut = natInstance({ natEgress: false });
    const b = ask(noOut.cloud, 'App', 'internet', 443);
    expect(b.drop?.cause).toMatchObject({ code: 'SecurityGroupNoOutboundRule', networkInterface: noOut.natEni.id });
  });

  it("item 33: the network ACLs of the forwarding instance's subnet apply as for any hop", () => {
    const { cloud, vpc, pub } = natInstance();
    const acl = cloud.createNetworkAcl({ vpcId: vpc }, { logicalId: 'PublicAcl' }).id;
    cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: '-1', ruleAction: 'deny', egress: false, cidrBlock: '10.0.2.0/24' });
    cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 200, protocol: '-1', ruleAction: 'allow', egress: false, cidrBlock: '0.0.0.0/0' });
    cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 100, protocol: '-1', ruleAction: 'allow', egress: true, cidrBlock: '0.0.0.0/0' });
    cloud.associateNetworkAcl({ subnetId: pub, networkAclId: acl });
    const a = ask(cloud, 'App', 'internet', 443);
    expect(a.drop?.cause).toMatchObject({ code: 'NetworkAclDenies', networkAcl: acl, egress: false, leg: 'request', ruleNumber: 100 });
  });

  it('item 33: a NAT instance with no public address forwards but the internet gateway cannot translate it', () => {
    const net = basic({ publicWeb: false });
    const { cloud, vpc, pub, privRt } = net;
    const sg = cloud.createSecurityGroup({ vpcId: vpc, description: 'nat' }, { logicalId: 'NatSg' }).id;
    cloud.addSecurityGroupRule(sg, 'ingress', { ipProtocol: '-1', cidrIp: '10.0.0.0/16' });
    const nat = cloud.createInstance(REGION, { subnetId: pub, securityGroupIds: [sg], sourceDestCheck: false }, { logicalId: 'NatInstance' });
    cloud.createRoute({ routeTableId: privRt, destinationCidrBlock: '0.0.0.0/0', instanceId: nat.id });
    const a = ask(cloud, 'App', 'internet', 443);
    expect(a.reachable).toBe(false);
    expect(parts(a.path)).toContain('request instance NatInstance forward');
    expect(a.drop?.cause).toMatchObject({ code: 'NoPublicAddress', leg: 'request' });
  });

  it('item 33: with an elastic IP the NAT instance is seen at the elastic address', () => {
    const net = basic({ publicWeb: false });
    const { cloud, vpc, pub, privRt } = net;
    const sg = cloud.createSecurityGroup({ vpcId: vpc, description: 'nat' }, { logicalId: 'NatSg' }).id;
    cloud.addSecurityGroupRule(sg, 'ingress', { ipProtocol: '-1', cidrIp: '10.0.0.0/16' });
    const nat = cloud.createInstance(REGION, { subnetId: pub, securityGroupIds: [sg], sourceDestCheck: false }, { logicalId: 'NatInstance' });
    const eip = cloud.allocateElasticIp(REGION, { logicalId: 'NatEip' });
    cloud.associateElasticIp({ allocationId: eip.id, instanceId: nat.id });
    cloud.createRoute({ routeTableId: privRt, destinationCidrBlock: '0.0.0.0/0', instanceId: nat.id });
    const a = ask(cloud, 'App', 'internet', 443);
    expect(a.reachable, a.explanation).toBe(true);
    expect(a.path.find((h) => h.component === 'internet-gateway')!.detail).toContain(`→ ${formatIp(eip.publicIp)}`);
  });
});

/** A firewall appliance between the private and public subnets: no public address, so no translation. */
function appliance(opts: { returnRoute: boolean; applianceRules: boolean }) {
  const net = basic();
  const { cloud, vpc, pubRt, privRt, appSg, webSg } = net;
  const inspect = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.3.0/24', availabilityZone: 'us-east-1a' }, { logicalId: 'Inspection' }).id;
  const fwSg = cloud.createSecurityGroup({ vpcId: vpc, description: 'fw' }, { logicalId: 'FirewallSg' }).id;
  if (opts.applianceRules) {
    cloud.addSecurityGroupRule(fwSg, 'ingress', { ipProtocol: 'tcp', fromPort: 80, toPort: 80, cidrIp: '10.0.2.0/24' });
  }
  const fw = cloud.createInstance(REGION, { subnetId: inspect, securityGroupIds: [fwSg], sourceDestCheck: false }, { logicalId: 'Firewall' });
  cloud.createRoute({ routeTableId: privRt, destinationCidrBlock: '10.0.1.0/24', instanceId: fw.id });
  if (opts.returnRoute) cloud.createRoute({ routeTableId: pubRt, destinationCidrBlock: '10.0.2.0/24', instanceId: fw.id });
  cloud.addSecurityGroupRule(webSg, 'ingress', { ipProtocol: 'tcp', fromPort: 80, toPort: 80, groupId: appSg });
  return { ...net, fw: fw.id, fwSg };
}

describe('item 33: firewall appliances', () => {
  it('item 33: an appliance forwards without translation: the destination sees the sender and its group', () => {
    const { cloud } = appliance({ returnRoute: true, applianceRules: true });
    const a = ask(cloud, 'App', 'Web', 80);
    expect(a.reachable, a.explanation).toBe(true);
    const path = parts(a.path);
    expect(path).toContain('request instance Firewall forward');
    // The reply comes back the same way; the appliance tracks the connection, so its rules need not allow the reply.
    expect(path).toContain('reply instance Firewall forward');
    expect(a.path.find((h) => h.direction === 'reply' && h.component === 'instance' && h.action === 'forward')!.detail).toContain('tracks');
  });

  it('item 33: a reply through an appliance that did not see the request is checked against its rules', () => {
    // Requests from Web to App go straight (local route); replies from App are routed through the firewall.
    const { cloud, appSg, webSg } = appliance({ returnRoute: false, applianceRules: true });
    cloud.addSecurityGroupRule(appSg, 'ingress', { ipProtocol: 'tcp', fromPort: 22, toPort: 22, groupId: webSg });
    const a = ask(cloud, 'Web', 'App', 22);
    expect(a.reachable).toBe(false);
    expect(a.drop?.cause).toMatchObject({ code: 'SecurityGroupNoInboundRule', groups: [expect.any(String)] });
    expect(a.drop?.hop.direction).toBe('reply');
  });
});

describe('routing loops', () => {
  function twoForwarders(cloud: Cloud, vpc: string, privRt: string) {
    const sA = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.4.0/24', availabilityZone: 'us-east-1a' }, { logicalId: 'HopA' }).id;
    const sB = cloud.createSubnet({ vpcId: vpc, cidrBlock: '10.0.5.0/24', availabilityZone: 'us-east-1a' }, { logicalId: 'HopB' }).id;
    const sg = cloud.createSecurityGroup({ vpcId: vpc, description: 'all' }, { logicalId: 'OpenSg' }).id;
    cloud.addSecurityGroupRule(sg, 'ingress', { ipProtocol: '-1', cidrIp: '0.0.0.0/0' });
    const a = cloud.createInstance(REGION, { subnetId: sA, securityGroupIds: [sg], sourceDestCheck: false }, { logicalId: 'RouterA' }).id;
    const b = cloud.createInstance(REGION, { subnetId: sB, securityGroupIds: [sg], sourceDestCheck: false }, { logicalId: 'RouterB' }).id;
    const rtA = cloud.createRouteTable({ vpcId: vpc }, { logicalId: 'RtA' }).id;
    const rtB = cloud.createRouteTable({ vpcId: vpc }, { logicalId: 'RtB' }).id;
    cloud.associateRouteTable({ subnetId: sA, routeTableId: rtA });
    cloud.associateRouteTable({ subnetId: sB, routeTableId: rtB });
    cloud.createRoute({ routeTableId: rtA, destinationCidrBlock: '0.0.0.0/0', instanceId: b });
    cloud.createRoute({ routeTableId: rtB, destinationCidrBlock: '0.0.0.0/0', instanceId: a });
    cloud.createRoute({ routeTableId: privRt, destinationCidrBlock: '0.0.0.0/0', instanceId: a });
    return { a, b };
  }

  it('item 33: two forwarding instances routing to each other are reported at the first repeated hop, naming the cycle', () => {
    const { cloud, vpc, privRt } = basic();
    const { a, b } = twoForwarders(cloud, vpc, privRt);
    const ans = ask(cloud, 'App', 'internet', 443);
    expect(ans.reachable).toBe(false);
    const cause = ans.drop!.cause;
    expect(cause.code).toBe('RoutingLoop');
    if (cause.code !== 'RoutingLoop') return;
    expect(cause.at).toBe(a);
    expect(cause.cycle).toEqual([a, cloud.routeTableOf(cloud.instances.get(a)!.subnetId).id, b, cloud.routeTableOf(cloud.instances.get(b)!.subnetId).id]);
    expect(ans.explanation).toBe(
      'The request is in a routing loop: RouterA → RtA → RouterB → RtB → RouterA, and it comes back to RouterA unchanged, so it never arrives (AWS forwards it round until its time to live runs out).',
    );
    // Reported where it first repeats: one pass round the cycle, not dozens of hops.
    expect(ans.path.filter((h) => h.logicalId === 'RouterA' && h.action === 'forward')).toHaveLength(1);
    expect(ans.path.length).toBeLessThan(20);
    expect(ans.path[ans.path.length - 1]).toMatchObject({ component: 'instance', logicalId: 'RouterA', action: 'drop' });
  });

  it('item 33: peering routes that point both ways stop at the first peering hop (peering is not transitive)', () => {
    const { cloud, vpc, privRt } = basic();
    const other = cloud.createVpc(REGION, { cidrBlock: '10.1.0.0/16' }, { logicalId: 'OtherVpc' }).id;
    const pcx = cloud.createPeering({ vpcId: vpc, peerVpcId: other }, { logicalId: 'Pcx' }).id;
    cloud.createRoute({ routeTableId: privRt, destinationCidrBlock: '0.0.0.0/0', vpcPeeringConnectionId: pcx });
    cloud.createRoute({ routeTableId: cloud.vpc(other).mainRouteTableId, destinationCidrBlock: '0.0.0.0/0', vpcPeeringConnectionId: pcx });
    const ans = ask(cloud, 'App', 'internet', 443);
    expect(ans.reachable).toBe(false);
    expect(ans.drop?.cause).toMatchObject({ code: 'PeeringNotTransitive', peering: pcx, peerVpc: other });
    expect(ans.path.filter((h) => h.component === 'peering')).toHaveLength(1);
  });
});

describe('NAT gateways and peering trace as before', () => {
  it('item 12: a NAT gateway path has the same hops, with no instance forwarding', () => {
    const { cloud, pub, privRt } = basic();
    const eip = cloud.allocateElasticIp(REGION, { logicalId: 'NatEip' });
    const nat = cloud.createNatGateway({ subnetId: pub, allocationId: eip.id }, { logicalId: 'Nat' }).id;
    cloud.createRoute({ routeTableId: privRt, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat });
    const a = ask(cloud, 'App', 'internet', 443);
    expect(a.reachable).toBe(true);
    expect(parts(a.path).filter((p) => !p.includes('network-acl'))).toEqual([
      'request instance App send',
      'request security-group AppSg allow',
      'request route-table PrivateRt route',
      'request nat-gateway Nat translate',
      'request route-table PublicRt route',
      'request internet-gateway Igw translate',
      'request internet internet deliver',
      'reply internet internet send',
      'reply internet-gateway Igw translate',
      'reply nat-gateway Nat translate',
      'reply route-table PublicRt route',
      'reply instance App deliver',
    ]);
  });

  it('item 13: a peering path has the same hops', () => {
    const { cloud, vpc, privRt, appSg } = basic();
    const other = cloud.createVpc(REGION, { cidrBlock: '10.1.0.0/16' }, { logicalId: 'OtherVpc' }).id;
    const sub = cloud.createSubnet({ vpcId: other, cidrBlock: '10.1.1.0/24', availabilityZone: 'us-east-1a' }, { logicalId: 'OtherSubnet' }).id;
    const sg = cloud.createSecurityGroup({ vpcId: other, description: 'db' }, { logicalId: 'DbSg' }).id;
    cloud.addSecurityGroupRule(sg, 'ingress', { ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, cidrIp: '10.0.2.0/24' });
    cloud.createInstance(REGION, { subnetId: sub, securityGroupIds: [sg] }, { logicalId: 'Db' });
    const pcx = cloud.createPeering({ vpcId: vpc, peerVpcId: other }, { logicalId: 'Pcx' }).id;
    cloud.createRoute({ routeTableId: privRt, destinationCidrBlock: '10.1.0.0/16', vpcPeeringConnectionId: pcx });
    cloud.createRoute({ routeTableId: cloud.vpc(other).mainRouteTableId, destinationCidrBlock: '10.0.0.0/16', vpcPeeringConnectionId: pcx });
    void appSg;
    const a = ask(cloud, 'App', 'Db', 5432);
    expect(a.reachable, a.explanation).toBe(true);
    expect(parts(a.path).filter((p) => !p.includes('network-acl'))).toEqual([
      'request instance App send',
      'request security-group AppSg allow',
      'request route-table PrivateRt route',
      'request peering Pcx forward',
      'request security-group DbSg allow',
      'request instance Db deliver',
      'reply instance Db send',
      'reply route-table OtherVpc.MainRouteTable route',
      'reply peering Pcx forward',
      'reply instance App deliver',
    ]);
  });
});
