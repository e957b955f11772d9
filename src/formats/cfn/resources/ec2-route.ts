import { type RouteSpec, unmodelledTargetOf } from '../../../engine/ec2/route-table.js';
import { UNMODELLED_TARGET_PROPERTIES } from '../../../engine/ec2/route-targets.js';
import { S } from '../schema.js';
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

/** AWS::EC2::Route → CreateRoute (IPv4 destinations; an IPv6 or prefix-list route is kept and ignored). */
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
  create({ cloud, warn, localId }, r) {
    const p = r.properties;
    const tableId = str(p, 'RouteTableId') ?? '';
    if (p.DestinationCidrBlock === undefined) {
      warn({
        logicalId: r.logicalId,
        code: p.DestinationIpv6CidrBlock !== undefined ? 'Ipv6NotModelled' : 'PrefixListNotModelled',
        message: 'only IPv4 destination blocks are modelled; this route is kept but ignored',
      });
      return { ref: localId('r', r.logicalId), attributes: {} };
    }
    const unmodelledKey = UNMODELLED_TARGET_PROPERTIES.find((k) => p[k] !== undefined);
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
    cloud.createRoute(spec, originOf(r));
    return { ref: `${tableId}|${String(p.DestinationCidrBlock)}`, attributes: {} };
  },
};
