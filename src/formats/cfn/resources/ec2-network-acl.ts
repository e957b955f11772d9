import { B, I, S, TAGS, obj } from '../schema.js';
import { bool, originOf, str } from './props.js';
import { ipv6HostBits } from './reference-warnings.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::NetworkAcl → CreateNetworkAcl. */
export const networkAcl: ResourceType = {
  schema: schema({ Tags: TAGS, VpcId: S }, { required: ['VpcId'], readOnly: ['Id'] }),
  attributes: ['Id'],
  create({ cloud }, r) {
    const a = cloud.createNetworkAcl({ vpcId: str(r.properties, 'VpcId') ?? '' }, originOf(r));
    return { ref: a.id, attributes: { Id: a.id } };
  },
};

/** AWS::EC2::NetworkAclEntry → CreateNetworkAclEntry (IPv4, or IPv6: kept in the model, not traced yet). */
export const networkAclEntry: ResourceType = {
  schema: schema(
    {
      CidrBlock: S,
      Egress: B,
      Icmp: obj({ Code: I, Type: I }),
      Ipv6CidrBlock: S,
      NetworkAclId: S,
      PortRange: obj({ From: I, To: I }),
      Protocol: I,
      RuleAction: S,
      RuleNumber: I,
    },
    { required: ['NetworkAclId', 'RuleAction', 'RuleNumber', 'Protocol'], oneOf: [['CidrBlock', 'Ipv6CidrBlock']], readOnly: ['Id'] },
  ),
  attributes: ['Id'],
  create({ cloud, localId, warn }, r) {
    const p = r.properties;
    const hb = ipv6HostBits(r.logicalId, p.Ipv6CidrBlock, ['Ipv6CidrBlock']);
    if (hb) warn(hb);
    cloud.addNetworkAclEntry(
      {
        networkAclId: str(p, 'NetworkAclId') ?? '',
        ruleNumber: p.RuleNumber,
        protocol: p.Protocol,
        ruleAction: p.RuleAction,
        egress: bool(p, 'Egress'),
        cidrBlock: p.CidrBlock,
        ipv6CidrBlock: p.Ipv6CidrBlock,
        portRange: p.PortRange as { From?: unknown; To?: unknown } | undefined,
        icmp: p.Icmp as { Code?: unknown; Type?: unknown } | undefined,
      },
      originOf(r),
    );
    const id = localId('acle', r.logicalId);
    return { ref: id, attributes: { Id: id } };
  },
};

/** AWS::EC2::SubnetNetworkAclAssociation → ReplaceNetworkAclAssociation. */
export const subnetNetworkAclAssociation: ResourceType = {
  schema: schema({ NetworkAclId: S, SubnetId: S }, { required: ['NetworkAclId', 'SubnetId'], readOnly: ['AssociationId'] }),
  attributes: ['AssociationId'],
  create({ cloud }, r) {
    const id = cloud.associateNetworkAcl({ subnetId: str(r.properties, 'SubnetId') ?? '', networkAclId: str(r.properties, 'NetworkAclId') ?? '' });
    return { ref: id, attributes: { AssociationId: id } };
  },
};
