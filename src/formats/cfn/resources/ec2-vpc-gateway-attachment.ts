import { S } from '../schema.js';
import { str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::VPCGatewayAttachment → AttachInternetGateway (a virtual private gateway's attachment is kept and plays no part). */
export const vpcGatewayAttachment: ResourceType = {
  schema: schema(
    { InternetGatewayId: S, VpcId: S, VpnGatewayId: S },
    { required: ['VpcId'], oneOf: [['InternetGatewayId', 'VpnGatewayId']], readOnly: ['AttachmentType'] },
  ),
  attributes: ['AttachmentType'],
  create({ cloud, warn }, r) {
    const p = r.properties;
    if (p.InternetGatewayId === undefined) {
      warn({ logicalId: r.logicalId, code: 'VpnGatewayNotModelled', message: 'virtual private gateways are not modelled; the attachment is kept but plays no part' });
    } else {
      cloud.attachInternetGateway({ vpcId: str(p, 'VpcId') ?? '', internetGatewayId: str(p, 'InternetGatewayId') ?? '' });
    }
    return { ref: `IGW|${str(p, 'VpcId')}`, attributes: {} };
  },
};
