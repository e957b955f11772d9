import { B, I, S } from '../schema.js';
import { bool, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::VPCCidrBlock → AssociateVpcCidrBlock: a secondary IPv4 block, or an IPv6 block (kept in the model, not traced yet). */
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
  create({ cloud, localId }, r) {
    const p = r.properties;
    const vpcId = str(p, 'VpcId') ?? '';
    const ipv6 = p.CidrBlock === undefined && p.Ipv4IpamPoolId === undefined;
    const attributes: Record<string, unknown> = {};
    if (ipv6) {
      const b = cloud.associateVpcIpv6Block({
        vpcId,
        amazonProvidedIpv6CidrBlock: bool(p, 'AmazonProvidedIpv6CidrBlock'),
        ipv6CidrBlock: p.Ipv6CidrBlock,
        ipv6Pool: p.Ipv6Pool,
        ipv6IpamPoolId: p.Ipv6IpamPoolId,
      });
      attributes.IpSource = b.amazonProvided ? 'amazon' : 'byoip';
      attributes.Ipv6AddressAttribute = 'public';
    } else {
      cloud.associateVpcCidrBlock({ vpcId, cidrBlock: p.CidrBlock });
      attributes.IpSource = 'none';
    }
    const id = localId('vpc-cidr-assoc', r.logicalId);
    return { ref: id, attributes: { Id: id, VpcId: vpcId, ...attributes } };
  },
};
