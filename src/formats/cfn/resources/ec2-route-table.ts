import { S, TAGS } from '../schema.js';
import { originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::RouteTable → CreateRouteTable. */
export const routeTable: ResourceType = {
  schema: schema({ Tags: TAGS, VpcId: S }, { required: ['VpcId'], readOnly: ['RouteTableId'] }),
  attributes: ['RouteTableId'],
  create({ cloud }, r) {
    const t = cloud.createRouteTable({ vpcId: str(r.properties, 'VpcId') ?? '' }, originOf(r));
    return { ref: t.id, attributes: { RouteTableId: t.id } };
  },
};
