import type { RouteTarget } from '../model.js';
import type { ServiceDropCause } from './services/drops.js';

/** One step of a flow's path, as the trace prints it. */
export type HopComponent =
  | 'instance'
  | 'network-interface'
  | 'security-group'
  | 'network-acl'
  | 'route-table'
  | 'internet-gateway'
  | 'nat-gateway'
  | 'peering'
  | 'internet'
  | 'dns'
  | 'cloudfront'
  | 'load-balancer'
  | 'listener'
  | 'target-group'
  | 'database'
  | 'auto-scaling-group';

export type HopAction = 'send' | 'allow' | 'drop' | 'route' | 'translate' | 'deliver' | 'forward' | 'resolve' | 'answer';

export interface Hop {
  direction: 'request' | 'reply';
  component: HopComponent;
  id: string;
  logicalId?: string;
  action: HopAction;
  /** What matched: the rule, the route, the translation. */
  detail: string;
  /** When only part of the flows pass: which ("only from 198.51.100.25/32"). */
  only?: string;
  /** On a dropping hop: why, as data (drop-text.ts renders the sentence). */
  cause?: DropCause;
  /** In a trace through services: the leg the hop belongs to ("client → Alb node in us-east-1a"). */
  leg?: string;
}

export interface Drop {
  hop: Hop;
  /** Why, as data: a code and its parameters, for graders and drills. */
  cause: DropCause;
  /** One plain sentence: the component, the rule or route (or the missing one), the direction. */
  reason: string;
  /** What a student should consider changing. */
  fix: string;
}

/** Which packet of the connection: the request, or its reply. */
export type Leg = 'request' | 'reply';

/**
 * Why a flow stops, with the resources and values that decide it (ids, dotted addresses,
 * protocol and port text). A sample address stands for a set when `many` is true; an
 * absent address is the client of a question from anywhere.
 */
export type DropCause =
  | { code: 'SecurityGroupNoInboundRule' | 'SecurityGroupNoOutboundRule'; groups: string[]; networkInterface: string; protocol: string; port: string; peer?: string; many?: boolean }
  | { code: 'NetworkAclDenies'; networkAcl: string; subnet: string; egress: boolean; leg: Leg; ruleNumber?: number; protocol: string; port: string; peer?: string; many?: boolean }
  | { code: 'RoutingLoop'; subnet: string; /** The route table or instance the flow came back to, and the cycle from it (ids). */ at?: string; cycle?: string[]; leg?: Leg }
  | { code: 'NoRoute'; routeTable: string; subnet: string; leg: Leg; destination?: string; many?: boolean; towardsInternet: boolean }
  | { code: 'RouteBlackhole'; routeTable: string; destination: string; target: RouteTarget; leg: Leg }
  | { code: 'RouteTargetNotModelled'; routeTable: string; destination: string; target: RouteTarget }
  | { code: 'NoInterfaceWithAddress'; vpc: string; leg: Leg; destination?: string; many?: boolean }
  | { code: 'NatGatewayIsNotADestination'; natGateway: string; networkInterface: string; leg: Leg }
  | { code: 'InternetGatewayNotAttached'; internetGateway: string; vpc: string }
  | { code: 'NoPublicAddress'; internetGateway: string; source?: string; networkInterface?: string; leg: Leg }
  | { code: 'PrivateAddressOnInternet'; destination: string; leg: Leg }
  | { code: 'NoResourceWithPublicAddress'; destination?: string }
  | { code: 'NoInternetGatewayAttached'; vpc: string }
  | { code: 'NatGatewayUnsolicited'; natGateway: string }
  | { code: 'ReplyRoutedIntoNatGateway'; natGateway: string; publicIp?: string }
  | { code: 'NatGatewaySubnetRoutesBack'; natGateway: string; subnet: string }
  | { code: 'ChainedNatGateways'; natGateway: string }
  | { code: 'PeeringNotTransitive'; peering: string; peerVpc: string; destination?: string; many?: boolean }
  | { code: 'NatGatewayAcrossPeering'; natGateway: string }
  | { code: 'SourceDestCheck'; networkInterface: string; leg: Leg; destination?: string }
  | { code: 'DestinationHasNoPublicAddress'; networkInterface: string; name: string }
  | { code: 'ArrivesElsewhere'; at: string; expected: string }
  | { code: 'ReplyFromOtherAddress'; seen?: string; called?: string }
  | { code: 'ReplyRoutedElsewhere'; at: string; expected: string }
  | ServiceDropCause;
