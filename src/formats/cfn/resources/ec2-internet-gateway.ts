import { TAGS } from '../schema.js';
import { originOf } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::InternetGateway → CreateInternetGateway. */
export const internetGateway: ResourceType = {
  schema: schema({ Tags: TAGS }, { readOnly: ['InternetGatewayId'] }),
  attributes: ['InternetGatewayId'],
  create({ cloud, region }, r) {
    const g = cloud.createInternetGateway(region, originOf(r));
    return { ref: g.id, attributes: { InternetGatewayId: g.id } };
  },
};
