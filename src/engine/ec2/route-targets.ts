import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import type { Named } from '../store.js';
import { EC2 } from './kinds.js';
import type { Vpc } from './vpc.js';

/**
 * The kinds of target a route can have, described once: the CreateRoute parameter that names
 * each, how to find it, whether a route to it may be more specific than the VPC's own block,
 * when a route to it is a blackhole, and the check that it belongs to the route's VPC.
 */

export type RouteTarget =
  | { kind: 'local' }
  | { kind: 'internet-gateway'; id: string }
  | { kind: 'nat-gateway'; id: string }
  | { kind: 'peering'; id: string }
  | { kind: 'instance'; id: string }
  | { kind: 'network-interface'; id: string }
  | { kind: 'unmodelled'; id: string; property: string; what?: string };

export type RouteTargetKind = RouteTarget['kind'];

/** The CreateRoute parameters, in the order AWS's reference lists the modelled ones. */
export interface RouteTargetParams {
  gatewayId?: string;
  natGatewayId?: string;
  vpcPeeringConnectionId?: string;
  instanceId?: string;
  networkInterfaceId?: string;
}

export interface RouteTargetInfo {
  /** The CreateRoute parameter that names a target of this kind, and its key in the request. */
  readonly property?: string;
  readonly param?: keyof RouteTargetParams;
  /** "an internet gateway": for sentences. */
  readonly phrase: string;
  /** True when a route to it may be more specific than the local route (AWS allows only interfaces and instances, item 5). */
  readonly insideVpc: boolean;
  /** The resource the route points to, when it exists. */
  find(cloud: Cloud, id: string): Named | undefined;
  /** True when the target exists and passes traffic; otherwise the route is a blackhole. */
  usable(cloud: Cloud, id: string): boolean;
  /** Refuses a target that does not exist or is not of the route's VPC. */
  check(cloud: Cloud, id: string, vpc: Vpc, field: string): void;
}

const label = (r: Named): string => r.logicalId ?? r.id;

export const ROUTE_TARGETS: Readonly<Record<RouteTargetKind, RouteTargetInfo>> = {
  local: {
    phrase: 'the local route',
    insideVpc: true,
    find: () => undefined,
    usable: () => true,
    check: () => undefined,
  },
  'internet-gateway': {
    property: 'GatewayId',
    param: 'gatewayId',
    phrase: 'an internet gateway',
    insideVpc: false,
    find: (cloud, id) => cloud.internetGateways.get(id),
    usable: (cloud, id) => cloud.internetGateways.has(id),
    check(cloud, id, _vpc, field) {
      if (!cloud.internetGateways.has(id)) {
        const hint = /^(nat|pcx|eni|i)-/.test(id) ? ` (${id} is not an internet gateway: use the parameter for its kind)` : '';
        throw new CloudError('InvalidGatewayID.NotFound', `the internet gateway "${id}" does not exist${hint}`, field);
      }
      // Whether it is attached to the route's VPC is checked once everything is in (topology-checks.ts).
    },
  },
  'nat-gateway': {
    property: 'NatGatewayId',
    param: 'natGatewayId',
    phrase: 'a NAT gateway',
    insideVpc: false,
    find: (cloud, id) => cloud.natGateways.get(id),
    usable: (cloud, id) => cloud.natGateways.has(id),
    check(cloud, id, vpc, field) {
      const n = cloud.get(EC2.natGateway, id, field);
      if (cloud.vpcOfSubnet(n.subnetId).id !== vpc.id) {
        throw new CloudError('InvalidParameterValue', `the NAT gateway ${label(n)} is in another VPC; a route can only point to a NAT gateway of its own VPC`, field);
      }
    },
  },
  peering: {
    property: 'VpcPeeringConnectionId',
    param: 'vpcPeeringConnectionId',
    phrase: 'a peering connection',
    insideVpc: false,
    find: (cloud, id) => cloud.peerings.get(id),
    usable: (cloud, id) => cloud.peerings.get(id)?.status === 'active',
    check(cloud, id, vpc, field) {
      const p = cloud.get(EC2.peering, id, field);
      if (p.requesterVpcId !== vpc.id && p.accepterVpcId !== vpc.id) {
        throw new CloudError(
          'InvalidParameterValue',
          `the peering connection ${label(p)} does not connect ${label(vpc)}; a route can only use a peering connection of its own VPC`,
          field,
        );
      }
    },
  },
  instance: {
    property: 'InstanceId',
    param: 'instanceId',
    phrase: 'an instance',
    insideVpc: true,
    find: (cloud, id) => cloud.instances.get(id),
    usable: (cloud, id) => cloud.instances.has(id),
    check(cloud, id, vpc, field) {
      const i = cloud.get(EC2.instance, id, field);
      if (cloud.instanceVpc(i).id !== vpc.id) throw new CloudError('InvalidParameterValue', `the instance ${label(i)} is in another VPC`, field);
    },
  },
  'network-interface': {
    property: 'NetworkInterfaceId',
    param: 'networkInterfaceId',
    phrase: 'a network interface',
    insideVpc: true,
    find: (cloud, id) => cloud.interfaces.get(id),
    usable: (cloud, id) => cloud.interfaces.has(id),
    check(cloud, id, vpc, field) {
      const e = cloud.get(EC2.networkInterface, id, field);
      if (cloud.vpcOfSubnet(e.subnetId).id !== vpc.id) throw new CloudError('InvalidParameterValue', `the network interface ${label(e)} is in another VPC`, field);
    },
  },
  unmodelled: {
    phrase: 'a target the virtual cloud does not model',
    insideVpc: true,
    // A resource of the submission (a transit gateway, a regional NAT gateway) is named by its logical id.
    find: (cloud, id) => cloud.find(id),
    usable: () => true,
    check: () => undefined,
  },
};

/** Route target parameters of AWS that the virtual cloud does not model: the route is kept, and flows stop there. */
export const UNMODELLED_TARGET_PROPERTIES: readonly string[] = [
  'TransitGatewayId',
  'VpcEndpointId',
  'CarrierGatewayId',
  'LocalGatewayId',
  'EgressOnlyInternetGatewayId',
  'CoreNetworkArn',
];

/** "Web (i-0abc…)": the target's logical id and id, or its id. */
export function routeTargetName(cloud: Cloud, t: RouteTarget): string {
  if (t.kind === 'local') return 'local';
  const r = ROUTE_TARGETS[t.kind].find(cloud, t.id);
  return r?.logicalId ? `${r.logicalId} (${t.id})` : t.id;
}

/** True when a route's target no longer exists or is not active (a blackhole). */
export function isBlackhole(cloud: Cloud, t: RouteTarget): boolean {
  return t.kind !== 'local' && !ROUTE_TARGETS[t.kind].usable(cloud, t.id);
}
