import { formatCidr } from '../address.js';
import type { Cloud } from '../cloud.js';
import { routeTargetName } from '../ec2/route-targets.js';
import { describeNaclEntry } from './filters.js';
import type { DropCause } from './hops.js';
import { isServiceCause, renderServiceDrop } from './services/drops.js';

/**
 * The one renderer of drop causes: the sentence a student reads and what would let the
 * flow through, from the cause's code and parameters.
 */

export interface DropNames {
  readonly cloud: Cloud;
  /** "10.0.0.4 (Web)": an address with the instance or gateway that has it. */
  address(ip: string): string;
  /** The instance or NAT gateway an interface belongs to (or the interface itself). */
  owner(networkInterfaceId: string): string;
}

export interface DropText {
  reason: string;
  fix: string;
}

export function renderDrop(c: DropCause, names: DropNames): DropText {
  if (isServiceCause(c)) return renderServiceDrop(c);
  const { cloud } = names;
  const label = (id: string): string => {
    const r = cloud.find(id);
    return r?.logicalId ? `${r.logicalId} (${id})` : id;
  };
  const short = (id: string | undefined): string => (id === undefined ? String(id) : cloud.find(id)?.logicalId ?? id);
  const peer = (ip: string | undefined, many?: boolean): string =>
    ip === undefined ? 'the client' : many ? `internet addresses such as ${ip}` : names.address(ip);
  const what = (protocol: string, port: string): string =>
    protocol === 'all' ? 'the traffic' : protocol === 'icmp' ? `icmp type ${port}` : `${protocol} port ${port}`;

  switch (c.code) {
    case 'SecurityGroupNoInboundRule':
    case 'SecurityGroupNoOutboundRule': {
      const owner = names.owner(c.networkInterface);
      const groups = c.groups.map(label).join(', ');
      const s = c.groups.length > 1 ? 's' : '';
      const w = what(c.protocol, c.port);
      const p = peer(c.peer, c.many);
      return c.code === 'SecurityGroupNoInboundRule'
        ? {
            reason: `No inbound rule of ${owner}'s security group${s} ${groups} allows ${w} from ${p}, so the request is dropped on arrival; security groups allow only what a rule names.`,
            fix: `Add an inbound rule to ${short(c.groups[0])} for ${w} from the source (its block, or better its security group).`,
          }
        : {
            reason: `No outbound rule of ${owner}'s security group${s} ${groups} allows ${w} to ${p}, so the request never leaves the instance.`,
            fix: `Add an outbound rule to ${short(c.groups[0])} for ${w} to the destination (a new group allows all outbound until you give outbound rules).`,
          };
    }
    case 'NetworkAclDenies': {
      const acl = cloud.networkAcls.get(c.networkAcl);
      const entry = c.ruleNumber === undefined ? undefined : acl?.entries.find((e) => e.egress === c.egress && e.ruleNumber === c.ruleNumber);
      const dir = c.egress ? 'outbound' : 'inbound';
      const w = what(c.protocol, c.port);
      const p = peer(c.peer, c.many);
      const toFrom = c.egress ? 'to' : 'from';
      const isReply = c.leg === 'reply';
      const stateless = isReply ? " Network ACLs are stateless: the reply needs its own rule, on the client's ephemeral ports." : '';
      const ruleText = entry ? `its ${describeNaclEntry(entry)}, which comes first` : `it has no ${dir} rule that allows ${w} ${toFrom} ${p}, so the final rule (*) denies it`;
      return {
        reason: `Network ACL ${label(c.networkAcl)} of subnet ${label(c.subnet)} drops the ${c.leg} ${c.egress ? 'leaving' : 'entering'} the subnet: ${ruleText}.${stateless}`,
        fix: entry
          ? `Add an ${dir} allow rule for ${w} ${toFrom} ${p} with a number lower than ${entry.ruleNumber}, or narrow rule ${entry.ruleNumber}.`
          : `Add an ${dir} rule to ${short(c.networkAcl)} allowing ${w} ${toFrom} ${p}${isReply ? ' (the ephemeral ports 1024-65535)' : ''}.`,
      };
    }
    case 'RoutingLoop': {
      if (!c.cycle?.length) {
        return {
          reason: `The flow loops between route tables and never arrives (a routing loop through ${short(c.subnet)}).`,
          fix: 'Check routes that point to forwarding instances.',
        };
      }
      const cycle = [...c.cycle, c.cycle[0]].map(short).join(' → ');
      return {
        reason: `The ${c.leg ?? 'request'} is in a routing loop: ${cycle}, and it comes back to ${short(c.at ?? c.cycle[0])} unchanged, so it never arrives (AWS forwards it round until its time to live runs out).`,
        fix: "Change a route of the cycle so that the destination's block leads to its gateway or to the destination itself, not back to an instance that sends it round again.",
      };
    }
    case 'NoRoute': {
      const d = peer(c.destination, c.many);
      return {
        reason: `Route table ${label(c.routeTable)} of subnet ${label(c.subnet)} has no route that matches ${d}, so the ${c.leg} is dropped${c.leg === 'reply' ? ' on its way back' : ''}.`,
        fix: c.towardsInternet
          ? `Add a route for 0.0.0.0/0 to an internet gateway (a public subnet) or to a NAT gateway (a private subnet that needs outbound access).`
          : `Add a route for the destination's block (through the peering connection that reaches it).`,
      };
    }
    case 'RouteBlackhole':
      return {
        reason: `Route ${c.destination} → ${routeTargetName(cloud, c.target)} in ${label(c.routeTable)} is a blackhole: its target no longer exists (or is not active), so the ${c.leg} is dropped there.`,
        fix: `Point the route at a target that exists, or delete it.`,
      };
    case 'RouteTargetNotModelled': {
      const t = c.target.kind === 'unmodelled' ? c.target : undefined;
      return {
        reason: t?.what
          ? `Route ${c.destination} → ${routeTargetName(cloud, c.target)} points to ${t.what}, which the virtual cloud keeps but does not trace traffic through yet, so the flow is not followed further.`
          : `Route ${c.destination} → ${routeTargetName(cloud, c.target)} points to ${short(t?.id)} (${t?.property}), a kind of target the virtual cloud does not model, so the flow is not followed further.`,
        fix: t?.what
          ? 'To have the flow traced, route it to a zonal NAT gateway (one per zone, in a public subnet).'
          : 'Use an internet gateway, NAT gateway, peering connection or network interface as the target.',
      };
    }
    case 'NoInterfaceWithAddress':
      return {
        reason: `No network interface in ${label(c.vpc)} has ${c.many ? `any of the addresses (such as ${c.destination})` : `the address ${peer(c.destination)}`}, so nothing receives the ${c.leg}.`,
        fix: 'Send to the private address of an instance that exists.',
      };
    case 'NatGatewayIsNotADestination':
      return {
        reason: `The ${c.leg} is addressed to NAT gateway ${names.owner(c.networkInterface)} itself; a NAT gateway only forwards traffic routed through it.`,
        fix: 'Address an instance, and route through the NAT gateway with a route table entry.',
      };
    case 'InternetGatewayNotAttached':
      return {
        reason: `Internet gateway ${label(c.internetGateway)} is not attached to ${label(c.vpc)}, so it passes no traffic.`,
        fix: 'Attach it to the VPC (a gateway attachment).',
      };
    case 'NoPublicAddress': {
      const who = c.networkInterface ? names.owner(c.networkInterface) : (c.source ?? 'the client');
      const isInstance = c.networkInterface !== undefined && cloud.interfaces.get(c.networkInterface)?.owner.kind === 'instance';
      return {
        reason: `${who} has no public IPv4 address, so internet gateway ${label(c.internetGateway)} cannot translate its ${c.leg === 'reply' ? 'reply' : 'traffic'}; the internet cannot answer a private address.`,
        fix: isInstance
          ? 'Give the instance a public address: MapPublicIpOnLaunch on its subnet, AssociatePublicIpAddress on its interface, or an elastic IP — or route it through a NAT gateway if it only needs outbound access.'
          : 'Only resources with a public address can use the internet gateway.',
      };
    }
    case 'PrivateAddressOnInternet':
      return {
        reason: `The ${c.leg} leaves through the internet gateway towards ${c.destination}, a private address; the internet does not route private addresses, so it never arrives.`,
        fix: 'Reach another VPC through a peering connection with routes on both sides, not through the internet.',
      };
    case 'NoResourceWithPublicAddress':
      return {
        reason: `No resource of this topology has the public address ${c.destination ?? 'the client'}.`,
        fix: 'Address a public IP or elastic IP of an instance.',
      };
    case 'NoInternetGatewayAttached':
      return {
        reason: `${label(c.vpc)} has no internet gateway attached, so nothing from the internet enters it, whatever the addresses.`,
        fix: 'Create an internet gateway and attach it to the VPC.',
      };
    case 'NatGatewayUnsolicited':
      return {
        reason: `NAT gateway ${label(c.natGateway)} drops it: a NAT gateway only lets in replies to connections its instances started; nothing from the internet can start a connection through it.`,
        fix: 'To accept connections from the internet, put the server in a public subnet with a public address (or behind a load balancer).',
      };
    case 'ReplyRoutedIntoNatGateway':
      return {
        reason: `The reply is routed to NAT gateway ${label(c.natGateway)}, which would rewrite its source to ${c.publicIp ?? 'its own address'}; the client expects the answer from the address it called, so the connection fails (asymmetric routing).`,
        fix: `Give the server's subnet a route back the way the request came (for internet clients: 0.0.0.0/0 to the internet gateway).`,
      };
    case 'NatGatewaySubnetRoutesBack':
      return {
        reason: `NAT gateway ${label(c.natGateway)} sits in subnet ${label(c.subnet)}, whose route table sends the traffic back to the NAT gateway itself instead of to an internet gateway; a NAT gateway gives internet access only if its own subnet routes to an internet gateway.`,
        fix: 'Put the NAT gateway in a public subnet (one whose route table sends 0.0.0.0/0 to the internet gateway), and route the private subnets to it.',
      };
    case 'ChainedNatGateways':
      return {
        reason: `The flow reaches NAT gateway ${label(c.natGateway)} after another NAT gateway; chained NAT gateways are not followed.`,
        fix: "Route private subnets to one NAT gateway, and the NAT gateway's subnet to the internet gateway.",
      };
    case 'PeeringNotTransitive': {
      const blocks = (cloud.vpcs.get(c.peerVpc)?.cidrs ?? []).map(formatCidr);
      const notIn = `${peer(c.destination, c.many)} ${c.many ? 'are' : 'is'} not in ${blocks.length > 1 ? 'any of them' : 'it'}`;
      return {
        reason: `Peering connection ${label(c.peering)} only delivers to addresses of ${label(c.peerVpc)} (${blocks.join(', ')}); ${notIn}, and peering is not transitive: traffic cannot pass through the peer VPC to a third network, its gateways or its NAT.`,
        fix: "Peer the two VPCs that must talk directly, and route each side's block to that peering connection.",
      };
    }
    case 'NatGatewayAcrossPeering':
      return { reason: 'A NAT gateway is not used across a peering connection.', fix: 'Give each VPC its own NAT gateway.' };
    case 'SourceDestCheck':
      return {
        reason: `A route sends the ${c.leg} to ${names.owner(c.networkInterface)}, whose source/destination check is on: an instance drops traffic that is not addressed to it${c.destination ? ` (this is for ${names.address(c.destination)})` : ''}, unless the check is turned off.`,
        fix: `Set SourceDestCheck: false on ${names.owner(c.networkInterface)} if it forwards traffic (a NAT instance or a firewall), or route to a NAT gateway.`,
      };
    case 'DestinationHasNoPublicAddress':
      return {
        reason: `${c.name} has no public IPv4 address, so nothing on the internet can address it; the internet reaches an instance only through a public or elastic IP and an internet gateway.`,
        fix: 'Give it a public address (MapPublicIpOnLaunch on a public subnet, AssociatePublicIpAddress, or an elastic IP) — or keep it private on purpose and reach it through a bastion or a load balancer.',
      };
    case 'ArrivesElsewhere':
      return { reason: `The request arrives at ${c.at} instead of ${c.expected}.`, fix: 'Check the destination address and the routes.' };
    case 'ReplyFromOtherAddress':
      return {
        reason: `The reply comes back from ${c.seen ?? 'another address'}, not from ${c.called ?? 'the address'} the client called, so the client drops it (asymmetric routing: the reply takes another way out than the request came in).`,
        fix: "Make the server's subnet route the reply back the way the request came.",
      };
    case 'ReplyRoutedElsewhere':
      return { reason: `The reply is routed to ${c.at} instead of back to ${c.expected}.`, fix: "Make the server's subnet route the reply back the way the request came." };
  }
}
