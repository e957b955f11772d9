import { B, I, S, list, obj, type Shape } from '../schema.js';

/** Property shapes that several EC2 resource types share. */

export const ipv6Address = obj({ Ipv6Address: S }, { required: ['Ipv6Address'] });
export const privateIpSpec = obj({ Primary: B, PrivateIpAddress: S }, { required: ['PrivateIpAddress', 'Primary'] });
export const enaSrd = obj({ EnaSrdEnabled: B, EnaSrdUdpSpecification: obj({ EnaSrdUdpEnabled: B }) });
export const dnsNameOptions = obj({ EnableResourceNameDnsAAAARecord: B, EnableResourceNameDnsARecord: B, HostnameType: S });

export const INGRESS_SOURCES = ['CidrIp', 'CidrIpv6', 'SourcePrefixListId', 'SourceSecurityGroupId', 'SourceSecurityGroupName'];
export const EGRESS_DESTINATIONS = ['CidrIp', 'CidrIpv6', 'DestinationPrefixListId', 'DestinationSecurityGroupId'];

export const ingressRuleProps: Record<string, Shape> = {
  CidrIp: S,
  CidrIpv6: S,
  Description: S,
  FromPort: I,
  IpProtocol: S,
  SourcePrefixListId: S,
  SourceSecurityGroupId: S,
  SourceSecurityGroupName: S,
  SourceSecurityGroupOwnerId: S,
  ToPort: I,
};

export const egressRuleProps: Record<string, Shape> = {
  CidrIp: S,
  CidrIpv6: S,
  Description: S,
  DestinationPrefixListId: S,
  DestinationSecurityGroupId: S,
  FromPort: I,
  IpProtocol: S,
  ToPort: I,
};

export const ingressRule = obj(ingressRuleProps, { required: ['IpProtocol'], oneOf: [INGRESS_SOURCES] });
export const egressRule = obj(egressRuleProps, { required: ['IpProtocol'], oneOf: [EGRESS_DESTINATIONS] });
export { list };
