import { type Cidr, cidrContains, formatCidr } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { requireBlock } from '../params.js';
import { named, type Named, type Origin } from '../store.js';
import type { Ipv6Route } from './ipv6-route.js';
import { EC2 } from './kinds.js';
import type { PrefixListRoute } from './prefix-list.js';
import { regionalNatGateway } from './regional-nat-gateway.js';
import { ROUTE_TARGETS, type RouteTarget, type RouteTargetParams } from './route-targets.js';

/** Route tables, their routes, and their associations with subnets. */

export interface Route {
  destination: Cidr;
  target: RouteTarget;
  logicalId?: string;
  /** Set on the routes a prefix-list route stands for (prefix-list.ts, effectiveRoutes). */
  prefixListId?: string;
}

export interface RouteTable extends Named {
  vpcId: string;
  main: boolean;
  /** IPv4 routes to blocks. */
  routes: Route[];
  /** IPv6 routes the table was given (its local IPv6 routes follow the VPC's blocks: ipv6-route.ts). */
  ipv6Routes?: Ipv6Route[];
  /** Routes to prefix lists (DestinationPrefixListId). */
  prefixListRoutes?: PrefixListRoute[];
}

export interface RouteSpec extends RouteTargetParams {
  routeTableId: string;
  destinationCidrBlock: unknown;
  /** A target of a kind the virtual cloud does not model (TransitGatewayId, …): kept, and flows stop there. */
  unmodelledTarget?: { property: string; id: string };
}

/** CreateRouteTable: a table starts with the local route of each of the VPC's blocks. */
export function createRouteTable(cloud: Cloud, spec: { vpcId: string }, origin?: Origin, main = false): RouteTable {
  const vpc = cloud.vpc(spec.vpcId);
  const id = cloud.newId('rtb', vpc.region, origin, 'rtb');
  const table: RouteTable = {
    ...named(id, vpc.region, origin),
    vpcId: vpc.id,
    main,
    routes: vpc.cidrs.map((c) => ({ destination: c, target: { kind: 'local' } as RouteTarget })),
  };
  cloud.table(EC2.routeTable).set(id, table);
  return table;
}

/**
 * A GatewayId that names no internet gateway but a virtual private gateway (vgw-…) or a
 * resource the virtual cloud does not model is a target of a kind that is not modelled.
 */
function unmodelledGateway(cloud: Cloud, id: string | undefined): boolean {
  if (!id || cloud.internetGateways.has(id)) return false;
  return id.startsWith('vgw-') || cloud.unmodelled.has(id);
}

/** The target of a route request that is of a kind the virtual cloud does not model, if any. */
export function unmodelledTargetOf(cloud: Cloud, spec: RouteSpec): { property: string; id: string } | undefined {
  if (unmodelledGateway(cloud, spec.gatewayId)) return { property: 'GatewayId', id: spec.gatewayId! };
  return spec.unmodelledTarget;
}

/** A NatGatewayId naming a regional NAT gateway of the route's VPC: kept as a target the walk does not follow yet (regional-nat-gateway.ts). */
function regionalNatTarget(cloud: Cloud, natGatewayId: string | undefined, vpcId: string): RouteTarget | undefined {
  const nat = regionalNatGateway(cloud, natGatewayId);
  if (!nat) return undefined;
  if (nat.vpcId !== vpcId) {
    throw new CloudError('InvalidParameterValue', `the NAT gateway ${nat.logicalId ?? nat.id} is in another VPC; a route can only point to a NAT gateway of its own VPC`, 'NatGatewayId');
  }
  return { kind: 'unmodelled', id: nat.id, property: 'NatGatewayId', what: 'a regional NAT gateway' };
}

/** The one target of a CreateRoute request in a table of the VPC, and the parameter that named it; refuses none or several. */
export function routeTargetOf(cloud: Cloud, spec: RouteTargetParams & { unmodelledTarget?: { property: string; id: string } }, vpcId: string): [string, RouteTarget] {
  const params: RouteSpec = { routeTableId: '', destinationCidrBlock: undefined, ...spec, unmodelledTarget: unmodelledTargetOf(cloud, spec as RouteSpec) };
  if (params.unmodelledTarget?.property === 'GatewayId') params.gatewayId = undefined;
  const given: [string, RouteTarget][] = [];
  const regional = regionalNatTarget(cloud, params.natGatewayId, vpcId);
  if (regional) {
    params.natGatewayId = undefined;
    given.push(['NatGatewayId', regional]);
  }
  for (const [kind, info] of Object.entries(ROUTE_TARGETS)) {
    const id = info.param ? params[info.param] : undefined;
    if (id) given.push([info.property!, { kind, id } as RouteTarget]);
  }
  if (params.unmodelledTarget) given.push([params.unmodelledTarget.property, { kind: 'unmodelled', ...params.unmodelledTarget }]);
  if (given.length === 0) {
    throw new CloudError(
      'MissingParameter',
      'a route needs exactly one target: GatewayId (internet gateway), NatGatewayId, VpcPeeringConnectionId, InstanceId or NetworkInterfaceId',
    );
  }
  if (given.length > 1) {
    throw new CloudError(
      'InvalidParameterCombination',
      `a route has exactly one target, but this one names ${given.map(([p]) => p).join(' and ')}`,
      given[1][0],
    );
  }
  return given[0];
}

/** CreateRoute: exactly one target, one route per destination, nothing more specific than the local route but to an interface. */
export function createRoute(cloud: Cloud, spec: RouteSpec, origin?: Origin): Route {
  const table = cloud.routeTable(spec.routeTableId);
  const destination = requireBlock(spec.destinationCidrBlock, 'DestinationCidrBlock', 'a route', cloud);
  if (spec.unmodelledTarget?.property === 'EgressOnlyInternetGatewayId') {
    throw new CloudError('InvalidParameterValue', `an egress-only internet gateway carries IPv6 traffic only; route an IPv6 block (DestinationIpv6CidrBlock, e.g. ::/0) to it, not ${formatCidr(destination)}`, 'EgressOnlyInternetGatewayId');
  }
  const [field, target] = routeTargetOf(cloud, spec, table.vpcId);
  const vpc = cloud.vpc(table.vpcId);
  for (const r of table.routes) {
    if (r.destination.network === destination.network && r.destination.prefix === destination.prefix) {
      throw new CloudError(
        'RouteAlreadyExists',
        r.target.kind === 'local'
          ? `${formatCidr(destination)} is the VPC's own block: its local route already covers it and cannot be replaced by a route to another target`
          : `${table.logicalId ?? table.id} already has a route to ${formatCidr(destination)}; a table holds one route per destination`,
        'DestinationCidrBlock',
      );
    }
  }
  if (!ROUTE_TARGETS[target.kind].insideVpc) {
    const inside = vpc.cidrs.find((b) => cidrContains(b, destination));
    if (inside) {
      throw new CloudError(
        'InvalidParameterValue',
        `${formatCidr(destination)} lies inside the VPC's block ${formatCidr(inside)}; a route more specific than the local route may only point to a network interface or instance`,
        'DestinationCidrBlock',
      );
    }
  }
  if (target.kind !== 'local') ROUTE_TARGETS[target.kind].check(cloud, target.id, vpc, field);
  const route: Route = { destination, target, logicalId: origin?.logicalId };
  table.routes.push(route);
  return route;
}

/** AssociateRouteTable: a subnet has exactly one table of its own VPC. */
export function associateRouteTable(cloud: Cloud, spec: { subnetId: string; routeTableId: string }): string {
  const subnet = cloud.subnet(spec.subnetId);
  const table = cloud.routeTable(spec.routeTableId);
  if (subnet.vpcId !== table.vpcId) {
    throw new CloudError(
      'InvalidParameterValue',
      `route table ${table.logicalId ?? table.id} and subnet ${subnet.logicalId ?? subnet.id} belong to different VPCs`,
      'RouteTableId',
    );
  }
  const existing = cloud.subnetRouteTable.get(subnet.id);
  if (existing) {
    const other = cloud.routeTables.get(existing);
    throw new CloudError(
      'Resource.AlreadyAssociated',
      `subnet ${subnet.logicalId ?? subnet.id} is already associated with route table ${other?.logicalId ?? existing}; a subnet has exactly one route table`,
      'SubnetId',
    );
  }
  cloud.subnetRouteTable.set(subnet.id, table.id);
  return cloud.ids.make('rtbassoc', `${subnet.id}/${table.id}`);
}

/** The route table a subnet uses: its explicit association, else its VPC's main table. */
export function routeTableOf(cloud: Cloud, subnetId: string): RouteTable {
  const explicit = cloud.subnetRouteTable.get(subnetId);
  if (explicit && cloud.routeTables.has(explicit)) return cloud.routeTables.get(explicit)!;
  const vpc = cloud.vpc(cloud.subnet(subnetId).vpcId);
  return cloud.routeTables.get(vpc.mainRouteTableId)!;
}

/** True when the subnet's route table has a route to an internet gateway that still exists (a public subnet). */
export function routesToInternetGateway(cloud: Cloud, subnetId: string): boolean {
  return cloud.routeTableOf(subnetId).routes.some((r) => r.target.kind === 'internet-gateway' && !cloud.isBlackhole(r.target));
}
