import { type RouteSpec, unmodelledTargetOf } from '../../../engine/ec2/route-table.js';
import { UNMODELLED_TARGET_PROPERTIES } from '../../../engine/ec2/route-targets.js';
import { prefixListKnown } from '../../../engine/ec2/prefix-list.js';
import { S } from '../schema.js';
import { ipv6HostBits, prefixListNotKnown } from './reference-warnings.js';
import { originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** Every target property of AWS::EC2::Route, modelled or not. */
const ROUTE_TARGETS = [
  'CarrierGatewayId',
  'CoreNetworkArn',
  'EgressOnlyInternetGatewayId',
  'GatewayId',
  'InstanceId',
  'LocalGatewayId',
  'NatGatewayId',
  'NetworkInterfaceId',
  'TransitGatewayId',
  'VpcEndpointId',
  'VpcPeeringConnectionId',
];

/** AWS::EC2::Route → CreateRoute: to an IPv4 block, an IPv6 block (kept in the model, not traced yet) or a prefix list. */
export const route: ResourceType = {
  schema: schema(
    {
      DestinationCidrBlock: S,
      DestinationIpv6CidrBlock: S,
      DestinationPrefixListId: S,
      RouteTableId: S,
      ...Object.fromEntries(ROUTE_TARGETS.map((t) => [t, S])),
    },
    {
      required: ['RouteTableId'],
      oneOf: [['DestinationCidrBlock', 'DestinationIpv6CidrBlock', 'DestinationPrefixListId'], ROUTE_TARGETS],
      readOnly: ['CidrBlock'],
    },
  ),
  attributes: ['CidrBlock'],
  create({ cloud, warn }, r) {
    const p = r.properties;
    const tableId = str(p, 'RouteTableId') ?? '';
    const v6 = p.DestinationIpv6CidrBlock !== undefined;
    // An egress-only internet gateway is a modelled target of IPv6 routes.
    const unmodelledKey = UNMODELLED_TARGET_PROPERTIES.find((k) => p[k] !== undefined && !(v6 && k === 'EgressOnlyInternetGatewayId'));
    const spec: RouteSpec = {
      routeTableId: tableId,
      destinationCidrBlock: p.DestinationCidrBlock,
      gatewayId: str(p, 'GatewayId'),
      natGatewayId: str(p, 'NatGatewayId'),
      vpcPeeringConnectionId: str(p, 'VpcPeeringConnectionId'),
      instanceId: str(p, 'InstanceId'),
      networkInterfaceId: str(p, 'NetworkInterfaceId'),
      unmodelledTarget: unmodelledKey ? { property: unmodelledKey, id: String(p[unmodelledKey]) } : undefined,
    };
    const unmodelled = unmodelledTargetOf(cloud, spec);
    if (unmodelled) {
      warn({ logicalId: r.logicalId, code: 'RouteTargetNotModelled', message: `the target ${unmodelled.property} is not modelled; flows that take this route stop there`, path: [unmodelled.property] });
    }
    if (v6) {
      const hb = ipv6HostBits(r.logicalId, p.DestinationIpv6CidrBlock, ['DestinationIpv6CidrBlock']);
      if (hb) warn(hb);
      cloud.createIpv6Route({ ...spec, destinationIpv6CidrBlock: p.DestinationIpv6CidrBlock, egressOnlyInternetGatewayId: str(p, 'EgressOnlyInternetGatewayId') }, originOf(r));
      return { ref: `${tableId}|${String(p.DestinationIpv6CidrBlock)}`, attributes: {} };
    }
    if (p.DestinationPrefixListId !== undefined) {
      const listId = str(p, 'DestinationPrefixListId') ?? '';
      cloud.createPrefixListRoute({ ...spec, destinationPrefixListId: listId }, originOf(r));
      if (!prefixListKnown(cloud, listId)) warn(prefixListNotKnown(r.logicalId, listId, ['DestinationPrefixListId']));
      return { ref: `${tableId}|${listId}`, attributes: {} };
    }
    cloud.createRoute(spec, originOf(r));
    return { ref: `${tableId}|${String(p.DestinationCidrBlock)}`, attributes: {} };
  },
};
