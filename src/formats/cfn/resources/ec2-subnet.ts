import { formatIpv6Cidr } from '../../../engine/ipv6-address.js';
import { B, I, S, TAGS } from '../schema.js';
import { bool, cidrText, originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';
import { ipv6HostBits } from './reference-warnings.js';
import { dnsNameOptions } from './shared-schemas.js';

/** AWS::EC2::Subnet → CreateSubnet. */
export const subnet: ResourceType = {
  schema: schema(
    {
      AssignIpv6AddressOnCreation: B,
      AvailabilityZone: S,
      AvailabilityZoneId: S,
      CidrBlock: S,
      EnableDns64: B,
      EnableLniAtDeviceIndex: I,
      Ipv4IpamPoolId: S,
      Ipv4NetmaskLength: I,
      Ipv6CidrBlock: S,
      Ipv6IpamPoolId: S,
      Ipv6Native: B,
      Ipv6NetmaskLength: I,
      MapPublicIpOnLaunch: B,
      OutpostArn: S,
      PrivateDnsNameOptionsOnLaunch: dnsNameOptions,
      Tags: TAGS,
      VpcId: S,
    },
    {
      required: ['VpcId'],
      anyOf: [['CidrBlock', 'Ipv4IpamPoolId', 'Ipv6CidrBlock', 'Ipv6IpamPoolId']],
      exclusive: [
        ['AvailabilityZone', 'AvailabilityZoneId'],
        ['CidrBlock', 'Ipv4IpamPoolId'],
        ['Ipv6CidrBlock', 'Ipv6IpamPoolId'],
      ],
      readOnly: ['NetworkAclAssociationId', 'SubnetId', 'Ipv6CidrBlocks', 'BlockPublicAccessStates'],
    },
  ),
  attributes: [
    'AvailabilityZone',
    'AvailabilityZoneId',
    'BlockPublicAccessStates.InternetGatewayBlockMode',
    'CidrBlock',
    'Ipv6CidrBlocks',
    'NetworkAclAssociationId',
    'OutpostArn',
    'SubnetId',
    'VpcId',
  ],
  create({ cloud, warn }, r) {
    const p = r.properties;
    const hb = ipv6HostBits(r.logicalId, p.Ipv6CidrBlock, ['Ipv6CidrBlock']);
    if (hb) warn(hb);
    const s = cloud.createSubnet(
      {
        vpcId: str(p, 'VpcId') ?? '',
        cidrBlock: p.CidrBlock,
        availabilityZone: str(p, 'AvailabilityZone'),
        availabilityZoneId: p.AvailabilityZoneId === undefined ? undefined : String(p.AvailabilityZoneId),
        ipv4IpamPoolId: p.Ipv4IpamPoolId,
        mapPublicIpOnLaunch: bool(p, 'MapPublicIpOnLaunch'),
        ipv6CidrBlock: p.Ipv6CidrBlock,
        assignIpv6AddressOnCreation: bool(p, 'AssignIpv6AddressOnCreation'),
      },
      originOf(r),
    );
    return {
      ref: s.id,
      attributes: {
        SubnetId: s.id,
        VpcId: s.vpcId,
        AvailabilityZone: s.availabilityZone,
        CidrBlock: cidrText(s.cidr),
        NetworkAclAssociationId: `aclassoc-${s.id.slice(7)}`,
        // Read when resolved: an AWS::EC2::SubnetCidrBlock may add the block after the subnet.
        get Ipv6CidrBlocks() {
          return s.ipv6Cidr ? [formatIpv6Cidr(s.ipv6Cidr)] : [];
        },
      },
    };
  },
};
