import { I, S } from '../schema.js';
import { str } from './props.js';
import { ipv6HostBits } from './reference-warnings.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::SubnetCidrBlock → AssociateSubnetCidrBlock: a subnet's IPv6 /64 (kept in the model, not traced yet). */
export const subnetCidrBlock: ResourceType = {
  schema: schema({ Ipv6CidrBlock: S, Ipv6IpamPoolId: S, Ipv6NetmaskLength: I, SubnetId: S }, { required: ['SubnetId'], readOnly: ['Id', 'IpSource', 'Ipv6AddressAttribute'] }),
  attributes: ['Id', 'IpSource', 'Ipv6AddressAttribute'],
  create({ cloud, warn, localId }, r) {
    const p = r.properties;
    const hb = ipv6HostBits(r.logicalId, p.Ipv6CidrBlock, ['Ipv6CidrBlock']);
    if (hb) warn(hb);
    cloud.associateSubnetIpv6Block({ subnetId: str(p, 'SubnetId') ?? '', ipv6CidrBlock: p.Ipv6CidrBlock, ipv6IpamPoolId: p.Ipv6IpamPoolId });
    const id = localId('subnet-cidr-assoc', r.logicalId);
    return { ref: id, attributes: { Id: id, IpSource: 'amazon', Ipv6AddressAttribute: 'public' } };
  },
};
