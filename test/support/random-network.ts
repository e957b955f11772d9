import { Cloud } from '../../src/engine/cloud.js';
import { CloudError } from '../../src/engine/errors.js';
import { createRng, type Rng } from '../../src/engine/random.js';

/**
 * Small random topologies for property tests: one or two VPCs, a few subnets, gateways,
 * peering, security groups and network ACLs whose rules use a handful of boundaries, so a
 * brute-force simulator can enumerate every relevant packet.
 */
export interface RandomNetwork {
  cloud: Cloud;
  instances: string[];
}

const REGION = 'us-east-1';
export const TEST_INTERNET = ['203.0.113.0/30', '198.51.100.8/31'];
export const CLIENT_LO = 1020;
export const CLIENT_HI = 1034;
const PORT_RANGES: [number, number][] = [
  [22, 22],
  [80, 80],
  [443, 443],
  [0, 65535],
  [1024, 65535],
  [1025, 1030],
  [1028, 65535],
  [80, 443],
  [1020, 1027],
  [1031, 65535],
];
const CIDRS = ['0.0.0.0/0', '203.0.113.0/31', '203.0.113.2/32', '198.51.100.8/31', '10.0.0.0/16', '10.1.0.0/16', '10.0.1.0/24', '10.0.2.0/24', '10.1.1.0/24', '10.0.0.0/8'];

function attempt(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof CloudError)) throw e;
  }
}

function randomRule(rng: Rng): { ipProtocol: string; fromPort?: number; toPort?: number } {
  const proto = rng.pick(['tcp', 'tcp', 'tcp', '-1', 'udp', 'icmp']);
  if (proto === 'tcp' || proto === 'udp') {
    const [a, b] = rng.pick(PORT_RANGES);
    return { ipProtocol: proto, fromPort: a, toPort: b };
  }
  if (proto === 'icmp') return { ipProtocol: 'icmp', fromPort: rng.pick([-1, 8, 0]), toPort: -1 };
  return { ipProtocol: '-1' };
}

/** Blocks prefix lists draw their entries from: internet blocks the tests enumerate, and VPC subnets. */
const LIST_ENTRIES = ['203.0.113.0/31', '203.0.113.2/32', '203.0.113.0/30', '198.51.100.8/31', '198.51.100.9/32', '10.0.1.0/24', '10.1.1.0/24', '10.0.2.0/24'];

/** Two to three customer-managed prefix lists of a few entries, and the id of an AWS-managed list the cloud does not know. */
function randomPrefixLists(cloud: Cloud, rng: Rng): string[] {
  const ids: string[] = [];
  for (let i = rng.int(2, 3); i > 0; i--) {
    const entries = rng.shuffle(LIST_ENTRIES).slice(0, rng.int(1, 3));
    ids.push(cloud.createManagedPrefixList(REGION, { prefixListName: `list${i}`, addressFamily: 'IPv4', maxEntries: 5, entries: entries.map((cidr) => ({ cidr })) }, { logicalId: `List${i}` }).id);
  }
  return [...ids, 'pl-0123abcd'];
}

export interface RandomNetworkOptions {
  /** Also reference prefix lists from routes and security-group rules (other draws are unchanged when off). */
  prefixLists?: boolean;
}

export function randomNetwork(seed: number, opts: RandomNetworkOptions = {}): RandomNetwork {
  const rng = createRng(seed);
  const cloud = new Cloud(`prop-${seed}`);
  const lists = opts.prefixLists ? randomPrefixLists(cloud, rng) : [];
  const vpcCount = rng.int(1, 2);
  const instances: string[] = [];
  const vpcs: string[] = [];
  for (let v = 0; v < vpcCount; v++) {
    const vpc = cloud.createVpc(REGION, { cidrBlock: `10.${v}.0.0/16` }, { logicalId: `Vpc${v}` }).id;
    vpcs.push(vpc);
    let igw: string | undefined;
    if (rng.next() < 0.8) {
      igw = cloud.createInternetGateway(REGION, { logicalId: `Igw${v}` }).id;
      if (rng.next() < 0.9) cloud.attachInternetGateway({ vpcId: vpc, internetGatewayId: igw });
    }
    const subnets: string[] = [];
    const n = rng.int(1, 3);
    for (let s = 0; s < n; s++) {
      subnets.push(
        cloud.createSubnet(
          { vpcId: vpc, cidrBlock: `10.${v}.${s + 1}.0/24`, availabilityZone: rng.pick(['us-east-1a', 'us-east-1b']), mapPublicIpOnLaunch: rng.next() < 0.5 },
          { logicalId: `Subnet${v}${s}` },
        ).id,
      );
    }
    let nat: string | undefined;
    if (rng.next() < 0.5) {
      const eip = cloud.allocateElasticIp(REGION, { logicalId: `Eip${v}` }).id;
      nat = cloud.createNatGateway({ subnetId: rng.pick(subnets), allocationId: eip }, { logicalId: `Nat${v}` }).id;
    }
    const tables = [cloud.vpc(vpc).mainRouteTableId];
    if (rng.next() < 0.7) tables.push(cloud.createRouteTable({ vpcId: vpc }, { logicalId: `Rt${v}` }).id);
    for (const t of tables) {
      const choice = rng.pick([0, 1, 1, 2, 2, 3]);
      if (choice === 1 && igw) attempt(() => cloud.createRoute({ routeTableId: t, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw }));
      if (choice === 2 && nat) attempt(() => cloud.createRoute({ routeTableId: t, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat }));
      if (choice === 3 && igw) attempt(() => cloud.createRoute({ routeTableId: t, destinationCidrBlock: '203.0.113.0/31', gatewayId: igw }));
      if (rng.next() < 0.3 && nat) attempt(() => cloud.createRoute({ routeTableId: t, destinationCidrBlock: '198.51.100.8/31', natGatewayId: nat }));
      if (lists.length && rng.next() < 0.6) {
        const to = rng.next() < 0.6 && igw ? { gatewayId: igw } : nat ? { natGatewayId: nat } : igw ? { gatewayId: igw } : undefined;
        if (to) attempt(() => cloud.createPrefixListRoute({ routeTableId: t, destinationCidrBlock: undefined, destinationPrefixListId: rng.pick(lists), ...to }));
      }
    }
    const classic = nat && igw && tables.length > 1 && rng.next() < 0.5;
    if (classic) {
      // The textbook layout: the NAT gateway's subnet routes to the internet gateway, the others to the NAT.
      const natSubnet = cloud.natGateways.get(nat!)!.subnetId;
      attempt(() => cloud.createRoute({ routeTableId: tables[1], destinationCidrBlock: '0.0.0.0/0', gatewayId: igw }));
      attempt(() => cloud.createRoute({ routeTableId: tables[0], destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat }));
      cloud.associateRouteTable({ subnetId: natSubnet, routeTableId: tables[1] });
    } else {
      for (const s of subnets) if (tables.length > 1 && rng.next() < 0.6) cloud.associateRouteTable({ subnetId: s, routeTableId: tables[1] });
    }

    const groups: string[] = [];
    const gcount = rng.int(1, 3);
    for (let g = 0; g < gcount; g++) {
      const sg = cloud.createSecurityGroup({ vpcId: vpc, description: 'g' }, { logicalId: `Sg${v}${g}` }).id;
      groups.push(sg);
      if (rng.next() < 0.5) cloud.addSecurityGroupRule(sg, 'ingress', { ipProtocol: '-1', cidrIp: '0.0.0.0/0' });
      for (let k = rng.int(0, 3); k > 0; k--) {
        const rule = randomRule(rng);
        const byGroup = rng.next() < 0.25 && groups.length > 0;
        const byList = lists.length > 0 && !byGroup && rng.next() < 0.4;
        attempt(() => cloud.addSecurityGroupRule(sg, 'ingress', { ...rule, ...(byGroup ? { groupId: rng.pick(groups) } : byList ? { prefixListId: rng.pick(lists) } : { cidrIp: rng.pick(CIDRS) }) }));
      }
      if (rng.next() < 0.4) {
        cloud.clearEgress(sg);
        for (let k = rng.int(0, 2); k > 0; k--) {
          const rule = randomRule(rng);
          const peer = lists.length && rng.next() < 0.4 ? { prefixListId: rng.pick(lists) } : { cidrIp: rng.pick(CIDRS) };
          attempt(() => cloud.addSecurityGroupRule(sg, 'egress', { ...rule, ...peer }));
        }
      }
    }
    if (rng.next() < 0.6) {
      const acl = cloud.createNetworkAcl({ vpcId: vpc }, { logicalId: `Acl${v}` }).id;
      for (const egress of [false, true]) {
        if (rng.next() < 0.5) attempt(() => cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 150, protocol: '-1', ruleAction: 'allow', egress, cidrBlock: '0.0.0.0/0' }));
        if (rng.next() < 0.3) attempt(() => cloud.addNetworkAclEntry({ networkAclId: acl, ruleNumber: 120, protocol: 'tcp', ruleAction: 'deny', egress, cidrBlock: '0.0.0.0/0', portRange: { From: 1020, To: 1027 } }));
        for (let k = rng.int(0, 4); k > 0; k--) {
          const rule = randomRule(rng);
          attempt(() =>
            cloud.addNetworkAclEntry({
              networkAclId: acl,
              ruleNumber: rng.int(1, 20) * 10,
              protocol: rule.ipProtocol,
              ruleAction: rng.next() < 0.7 ? 'allow' : 'deny',
              egress,
              cidrBlock: rng.pick(CIDRS),
              portRange: rule.fromPort !== undefined ? { From: rule.fromPort, To: rule.toPort } : undefined,
              icmp: rule.ipProtocol === 'icmp' ? { Type: rule.fromPort, Code: -1 } : undefined,
            }),
          );
        }
      }
      for (const s of subnets) if (rng.next() < 0.6) cloud.associateNetworkAcl({ subnetId: s, networkAclId: acl });
    }
    for (let i = rng.int(1, 3); i > 0; i--) {
      const subnet = rng.pick(subnets);
      const sgs = rng.shuffle(groups).slice(0, rng.int(0, 2));
      const inst = cloud.createInstance(REGION, { subnetId: subnet, securityGroupIds: sgs }, { logicalId: `I${v}${i}` });
      if (rng.next() < 0.2 && igw && cloud.attachedGateway(vpc)) {
        const eip = cloud.allocateElasticIp(REGION, { logicalId: `IEip${v}${i}` }).id;
        cloud.associateElasticIp({ allocationId: eip, instanceId: inst.id });
      }
      instances.push(inst.id);
    }
  }
  if (vpcs.length === 2 && rng.next() < 0.7) {
    const pcx = cloud.createPeering({ vpcId: vpcs[0], peerVpcId: vpcs[1] }, { logicalId: 'Pcx' }).id;
    for (const [v, other] of [
      [0, '10.1.0.0/16'],
      [1, '10.0.0.0/16'],
    ] as const) {
      if (rng.next() < 0.8) {
        for (const t of cloud.routeTables.values()) {
          if (t.vpcId === vpcs[v] && rng.next() < 0.8) attempt(() => cloud.createRoute({ routeTableId: t.id, destinationCidrBlock: rng.next() < 0.8 ? other : '10.1.1.0/24', vpcPeeringConnectionId: pcx }));
        }
      }
    }
  }
  return { cloud, instances };
}
