import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { formatIpv6Cidr, type Ipv6Cidr, ipv6Contains, sameIpv6 } from '../ipv6-address.js';
import { requireIpv6Block } from '../ipv6-params.js';
import type { Origin } from '../store.js';
import { EGRESS_ONLY_IGW } from './egress-only-internet-gateway.js';
import { checkPrefixListReference, type PrefixListRoute } from './prefix-list.js';
import { routeTargetOf, type RouteSpec, type RouteTable } from './route-table.js';
import { ROUTE_TARGETS, type RouteTarget, type RouteTargetParams } from './route-targets.js';

/**
 * CreateRoute with an IPv6 destination (DestinationIpv6CidrBlock) or a prefix list
 * (DestinationPrefixListId). Routes to IPv4 and IPv6 destinations are independent of each
 * other; an egress-only internet gateway is a target for IPv6 only.
 */

export type Ipv6RouteTarget = RouteTarget | { kind: 'egress-only-internet-gateway'; id: string };

export interface Ipv6Route {
  destination: Ipv6Cidr;
  target: Ipv6RouteTarget;
  logicalId?: string;
}

export interface Ipv6RouteSpec extends RouteTargetParams {
  routeTableId: string;
  destinationIpv6CidrBlock: unknown;
  egressOnlyInternetGatewayId?: string;
  unmodelledTarget?: { property: string; id: string };
}

/** The IPv6 routes a table applies: a local route per IPv6 block of its VPC, then those it was given. */
export function ipv6RoutesOf(cloud: Cloud, table: RouteTable): Ipv6Route[] {
  const vpc = cloud.vpc(table.vpcId);
  const local: Ipv6Route[] = (vpc.ipv6Cidrs ?? []).map((c) => ({ destination: c, target: { kind: 'local' } }));
  return [...local, ...(table.ipv6Routes ?? [])];
}

export function createIpv6Route(cloud: Cloud, spec: Ipv6RouteSpec, origin?: Origin): Ipv6Route {
  const table = cloud.routeTable(spec.routeTableId);
  const destination = requireIpv6Block(spec.destinationIpv6CidrBlock, 'DestinationIpv6CidrBlock', 'an IPv6 route');
  const vpc = cloud.vpc(table.vpcId);
  let field: string;
  let target: Ipv6RouteTarget;
  if (spec.egressOnlyInternetGatewayId) {
    const others = Object.values(ROUTE_TARGETS).filter((t) => t.param && spec[t.param]);
    if (others.length || spec.unmodelledTarget) {
      throw new CloudError('InvalidParameterCombination', `a route has exactly one target, but this one names EgressOnlyInternetGatewayId and ${others[0]?.property ?? spec.unmodelledTarget!.property}`, 'EgressOnlyInternetGatewayId');
    }
    field = 'EgressOnlyInternetGatewayId';
    const g = cloud.get(EGRESS_ONLY_IGW, spec.egressOnlyInternetGatewayId, field);
    if (g.vpcId !== vpc.id) {
      throw new CloudError('InvalidParameterValue', `the egress-only internet gateway ${g.logicalId ?? g.id} belongs to another VPC; a route can only use one of its own VPC`, field);
    }
    target = { kind: 'egress-only-internet-gateway', id: g.id };
  } else {
    [field, target] = routeTargetOf(cloud, spec, vpc.id);
    if (target.kind !== 'local' && target.kind !== 'unmodelled') ROUTE_TARGETS[target.kind].check(cloud, target.id, vpc, field);
  }
  for (const r of ipv6RoutesOf(cloud, table)) {
    if (sameIpv6(r.destination, destination)) {
      throw new CloudError(
        'RouteAlreadyExists',
        r.target.kind === 'local'
          ? `${formatIpv6Cidr(destination)} is the VPC's own IPv6 block: its local route already covers it`
          : `${table.logicalId ?? table.id} already has a route to ${formatIpv6Cidr(destination)}; a table holds one route per destination`,
        'DestinationIpv6CidrBlock',
      );
    }
  }
  const insideVpc = target.kind === 'egress-only-internet-gateway' ? false : ROUTE_TARGETS[target.kind].insideVpc;
  const inside = insideVpc ? undefined : (vpc.ipv6Cidrs ?? []).find((b) => ipv6Contains(b, destination));
  if (inside) {
    throw new CloudError(
      'InvalidParameterValue',
      `${formatIpv6Cidr(destination)} lies inside the VPC's IPv6 block ${formatIpv6Cidr(inside)}; a route more specific than the local route may only point to a network interface or instance`,
      'DestinationIpv6CidrBlock',
    );
  }
  const route: Ipv6Route = { destination, target, logicalId: origin?.logicalId };
  (table.ipv6Routes ??= []).push(route);
  return route;
}

/** CreateRoute with DestinationPrefixListId: one route per list in a table, to a target of the table's VPC. */
export function createPrefixListRoute(cloud: Cloud, spec: RouteSpec & { destinationPrefixListId: string }, origin?: Origin): PrefixListRoute {
  const table = cloud.routeTable(spec.routeTableId);
  checkPrefixListReference(cloud, spec.destinationPrefixListId, 'DestinationPrefixListId');
  const [field, target] = routeTargetOf(cloud, spec, table.vpcId);
  const vpc = cloud.vpc(table.vpcId);
  if ((table.prefixListRoutes ?? []).some((r) => r.prefixListId === spec.destinationPrefixListId)) {
    throw new CloudError('RouteAlreadyExists', `${table.logicalId ?? table.id} already has a route to the prefix list ${spec.destinationPrefixListId}`, 'DestinationPrefixListId');
  }
  if (target.kind === 'unmodelled' && target.property === 'EgressOnlyInternetGatewayId' && cloud.prefixLists.get(spec.destinationPrefixListId)?.addressFamily === 'IPv4') {
    throw new CloudError('InvalidParameterValue', `an egress-only internet gateway carries IPv6 traffic only, and ${spec.destinationPrefixListId} is an IPv4 prefix list`, field);
  }
  if (target.kind !== 'local' && target.kind !== 'unmodelled') ROUTE_TARGETS[target.kind].check(cloud, target.id, vpc, field);
  const route: PrefixListRoute = { prefixListId: spec.destinationPrefixListId, target, logicalId: origin?.logicalId };
  (table.prefixListRoutes ??= []).push(route);
  return route;
}

/**
 * Routes to an IPv6 block or a prefix list that point to an internet gateway not attached to
 * the table's VPC (checked once everything is in, as for IPv4 routes: topology-checks.ts).
 */
export function unattachedGatewayRoutes(cloud: Cloud): CloudError[] {
  const problems: CloudError[] = [];
  for (const t of cloud.routeTables.values()) {
    const routes = [
      ...(t.ipv6Routes ?? []).map((r) => ({ what: formatIpv6Cidr(r.destination), target: r.target, logicalId: r.logicalId })),
      ...(t.prefixListRoutes ?? []).map((r) => ({ what: `to prefix list ${r.prefixListId}`, target: r.target as Ipv6RouteTarget, logicalId: r.logicalId })),
    ];
    for (const r of routes) {
      if (r.target.kind !== 'internet-gateway') continue;
      const g = cloud.internetGateways.get(r.target.id);
      if (g && g.attachedVpcId !== t.vpcId) {
        problems.push(
          new CloudError(
            'InvalidParameterValue',
            `route ${r.what} in ${t.logicalId ?? t.id} points to internet gateway ${g.logicalId ?? g.id}, which is ${g.attachedVpcId ? 'attached to another VPC' : 'not attached to any VPC'}; attach it to ${t.vpcId}`,
            'GatewayId',
            r.logicalId,
          ),
        );
      }
    }
  }
  return problems;
}
