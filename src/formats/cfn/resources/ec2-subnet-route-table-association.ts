import { S } from '../schema.js';
import { str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::SubnetRouteTableAssociation → AssociateRouteTable. */
export const subnetRouteTableAssociation: ResourceType = {
  schema: schema({ RouteTableId: S, SubnetId: S }, { required: ['RouteTableId', 'SubnetId'], readOnly: ['Id'] }),
  attributes: ['Id'],
  create({ cloud }, r) {
    const id = cloud.associateRouteTable({ subnetId: str(r.properties, 'SubnetId') ?? '', routeTableId: str(r.properties, 'RouteTableId') ?? '' });
    return { ref: id, attributes: { Id: id } };
  },
};
