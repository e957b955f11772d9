import type { Cloud } from '../../src/engine/cloud.js';
import { CloudError } from '../../src/engine/errors.js';
import { createRng } from '../../src/engine/random.js';
import type { RandomNetwork } from './random-network.js';

const REGION = 'us-east-1';

function attempt(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof CloudError)) throw e;
  }
}

/**
 * Adds forwarding instances to a random network: NAT instances (public address, a subnet
 * routing to the internet gateway), firewall appliances without a public address, routes to
 * them from new route tables (the default route, an internet block, a block more specific
 * than the local route, the peer VPC), sometimes two that route to each other (a loop), and
 * sometimes one whose source/destination check is still on.
 */
export function withForwarding(net: RandomNetwork, seed: number): RandomNetwork {
  const rng = createRng(`fwd-${seed}`);
  const { cloud } = net;
  const instances = [...net.instances];
  const vpcs = [...cloud.vpcs.values()];
  vpcs.forEach((vpc, v) => {
    if (rng.next() < 0.2) return;
    const subnets = [...cloud.subnets.values()].filter((s) => s.vpcId === vpc.id);
    const groups = [...cloud.securityGroups.values()].filter((g) => g.vpcId === vpc.id && !g.isDefault).map((g) => g.id);
    const igw = cloud.attachedGateway(vpc.id)?.id;
    const forwarders: string[] = [];
    const count = rng.next() < 0.25 ? 2 : 1;
    for (let k = 0; k < count; k++) {
      // Its own subnet (so its route table is its own), or one of the network's subnets.
      let subnet = rng.pick(subnets).id;
      if (rng.next() < 0.6) {
        subnet = cloud.createSubnet({ vpcId: vpc.id, cidrBlock: `10.${v}.${8 + k}.0/24`, availabilityZone: 'us-east-1a' }, { logicalId: `FwdSubnet${v}${k}` }).id;
        if (igw && rng.next() < 0.7) {
          const rt = cloud.createRouteTable({ vpcId: vpc.id }, { logicalId: `FwdRt${v}${k}` }).id;
          attempt(() => cloud.createRoute({ routeTableId: rt, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw }));
          cloud.associateRouteTable({ subnetId: subnet, routeTableId: rt });
        }
        const acl = [...cloud.networkAcls.values()].find((a) => a.vpcId === vpc.id && !a.isDefault);
        if (acl && rng.next() < 0.4) cloud.associateNetworkAcl({ subnetId: subnet, networkAclId: acl.id });
      }
      const sgs = rng.shuffle(groups).slice(0, rng.int(0, 1));
      if (rng.next() < 0.7) {
        // Most forwarders let the VPCs' traffic in (a NAT instance's usual group).
        const open = cloud.createSecurityGroup({ vpcId: vpc.id, description: 'forwarder' }, { logicalId: `FwdSg${v}${k}` }).id;
        cloud.addSecurityGroupRule(open, 'ingress', { ...(rng.next() < 0.7 ? { ipProtocol: '-1' } : { ipProtocol: 'tcp', fromPort: 0, toPort: 65535 }), cidrIp: rng.pick(['10.0.0.0/8', '10.0.0.0/8', '0.0.0.0/0', `10.${v}.0.0/16`]) });
        sgs.push(open);
      }
      const inst = cloud.createInstance(REGION, { subnetId: subnet, securityGroupIds: sgs, sourceDestCheck: rng.next() < 0.1 }, { logicalId: `Fwd${v}${k}` });
      if (igw && rng.next() < 0.6) {
        const eip = cloud.allocateElasticIp(REGION, { logicalId: `FwdEip${v}${k}` }).id;
        attempt(() => cloud.associateElasticIp({ allocationId: eip, instanceId: inst.id }));
      }
      forwarders.push(inst.id);
      instances.push(inst.id);
    }
    // Route tables that send traffic to the forwarders, used by some of the other subnets.
    const rt = cloud.createRouteTable({ vpcId: vpc.id }, { logicalId: `ToFwd${v}` }).id;
    const destinations = ['0.0.0.0/0', '203.0.113.0/31', `10.${v}.1.0/24`, `10.${v}.2.0/24`, `10.${1 - v}.0.0/16`];
    for (const d of destinations) if (rng.next() < 0.5) attempt(() => cloud.createRoute({ routeTableId: rt, destinationCidrBlock: d, instanceId: rng.pick(forwarders) }));
    const peering = [...cloud.peerings.values()][0];
    if (peering && rng.next() < 0.5) attempt(() => cloud.createRoute({ routeTableId: rt, destinationCidrBlock: `10.${1 - v}.0.0/16`, vpcPeeringConnectionId: peering.id }));
    if (igw && rng.next() < 0.4) attempt(() => cloud.createRoute({ routeTableId: rt, destinationCidrBlock: '198.51.100.8/31', gatewayId: igw }));
    // Mostly not the forwarders' own subnets (that would send their traffic back to them: a loop).
    const own = new Set(forwarders.map((f) => cloud.instances.get(f)!.subnetId));
    for (const s of subnets) if (!cloud.subnetRouteTable.has(s.id) && rng.next() < (own.has(s.id) ? 0.1 : 0.7)) cloud.associateRouteTable({ subnetId: s.id, routeTableId: rt });
    if (forwarders.length === 2 && rng.next() < 0.5) {
      // Each forwarder's subnet sends a block to the other: a loop for that block.
      for (const [from, to] of [[0, 1], [1, 0]] as const) {
        const sub = cloud.instances.get(forwarders[from])!.subnetId;
        // A subnet keeps its route table once associated: add the loop's route to it, or give it a new one.
        let loop = cloud.subnetRouteTable.get(sub);
        if (!loop) {
          loop = cloud.createRouteTable({ vpcId: vpc.id }, { logicalId: `Loop${v}${from}` }).id;
          cloud.associateRouteTable({ subnetId: sub, routeTableId: loop });
          if (igw && rng.next() < 0.5) attempt(() => cloud.createRoute({ routeTableId: loop!, destinationCidrBlock: '198.51.100.8/31', gatewayId: igw }));
        }
        attempt(() => cloud.createRoute({ routeTableId: loop!, destinationCidrBlock: rng.pick(['0.0.0.0/0', '203.0.113.0/31']), instanceId: forwarders[to] }));
      }
    }
  });
  return { cloud: cloud as Cloud, instances };
}
