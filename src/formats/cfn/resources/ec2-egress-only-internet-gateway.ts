import { S } from '../schema.js';
import { originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::EgressOnlyInternetGateway → CreateEgressOnlyInternetGateway (IPv6 outbound only; kept in the model, not traced yet). */
export const egressOnlyInternetGateway: ResourceType = {
  schema: schema({ VpcId: S }, { required: ['VpcId'], readOnly: ['Id'] }),
  attributes: ['Id'],
  create({ cloud }, r) {
    const g = cloud.createEgressOnlyInternetGateway({ vpcId: str(r.properties, 'VpcId') ?? '' }, originOf(r));
    return { ref: g.id, attributes: { Id: g.id } };
  },
};
