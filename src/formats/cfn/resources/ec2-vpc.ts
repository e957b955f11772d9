import { formatIpv6Cidr } from '../../../engine/ipv6-address.js';
import { B, I, S, TAGS } from '../schema.js';
import { modifyVpcDnsAttributes } from '../../../engine/ec2/vpc-dns.js';
import { bool, cidrText, originOf } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::VPC → CreateVpc. */
export const vpc: ResourceType = {
  schema: schema(
    { CidrBlock: S, EnableDnsHostnames: B, EnableDnsSupport: B, InstanceTenancy: S, Ipv4IpamPoolId: S, Ipv4NetmaskLength: I, Tags: TAGS },
    {
      oneOf: [['CidrBlock', 'Ipv4IpamPoolId']],
      readOnly: ['CidrBlockAssociations', 'DefaultNetworkAcl', 'DefaultSecurityGroup', 'Ipv6CidrBlocks', 'VpcId'],
    },
  ),
  attributes: ['CidrBlock', 'CidrBlockAssociations', 'DefaultNetworkAcl', 'DefaultSecurityGroup', 'Ipv6CidrBlocks', 'VpcId'],
  create({ cloud, region }, r) {
    const p = r.properties;
    const v = cloud.createVpc(region, { cidrBlock: p.CidrBlock, ipv4IpamPoolId: p.Ipv4IpamPoolId }, originOf(r));
    modifyVpcDnsAttributes(cloud, v.id, { enableDnsSupport: bool(p, 'EnableDnsSupport'), enableDnsHostnames: bool(p, 'EnableDnsHostnames') });
    return {
      ref: v.id,
      attributes: {
        VpcId: v.id,
        CidrBlock: cidrText(v.cidrs[0]),
        CidrBlockAssociations: [v.id.replace('vpc-', 'vpc-cidr-assoc-')],
        DefaultNetworkAcl: v.defaultNetworkAclId,
        DefaultSecurityGroup: v.defaultSecurityGroupId,
        // Read when a GetAtt is resolved, so it lists the IPv6 blocks associated by then
        // (templates make the subnets depend on the AWS::EC2::VPCCidrBlock, as AWS needs).
        get Ipv6CidrBlocks() {
          return (v.ipv6Cidrs ?? []).map(formatIpv6Cidr);
        },
      },
    };
  },
};
