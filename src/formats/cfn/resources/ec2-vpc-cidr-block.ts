import { B, I, S } from '../schema.js';
import { str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::VPCCidrBlock → AssociateVpcCidrBlock (IPv4 only; an IPv6 block is kept and ignored). */
export const vpcCidrBlock: ResourceType = {
  schema: schema(
    {
      AmazonProvidedIpv6CidrBlock: B,
      CidrBlock: S,
      Ipv4IpamPoolId: S,
      Ipv4NetmaskLength: I,
      Ipv6CidrBlock: S,
      Ipv6CidrBlockNetworkBorderGroup: S,
      Ipv6IpamPoolId: S,
      Ipv6NetmaskLength: I,
      Ipv6Pool: S,
      VpcId: S,
    },
    { required: ['VpcId'], readOnly: ['Id', 'IpSource', 'Ipv6AddressAttribute'] },
  ),
  attributes: ['Id', 'IpSource', 'Ipv6AddressAttribute'],
  create({ cloud, warn, localId }, r) {
    const p = r.properties;
    if (p.CidrBlock === undefined) {
      warn({ logicalId: r.logicalId, code: 'Ipv6NotModelled', message: 'only IPv4 secondary blocks are modelled; this one is kept but ignored' });
    } else {
      cloud.associateVpcCidrBlock({ vpcId: str(p, 'VpcId') ?? '', cidrBlock: p.CidrBlock });
    }
    const id = localId('vpc-cidr-assoc', r.logicalId);
    return { ref: id, attributes: { Id: id, VpcId: str(p, 'VpcId') } };
  },
};
