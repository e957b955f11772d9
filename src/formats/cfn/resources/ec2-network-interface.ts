import { formatIp } from '../../../engine/address.js';
import { B, I, S, TAGS, list, obj } from '../schema.js';
import { bool, originOf, str, strList } from './props.js';
import { type ResourceType, schema } from './resource-type.js';
import { enaSrd, ipv6Address, privateIpSpec } from './shared-schemas.js';

/** AWS::EC2::NetworkInterface → CreateNetworkInterface. */
export const networkInterface: ResourceType = {
  schema: schema(
    {
      ConnectionTrackingSpecification: obj({ TcpEstablishedTimeout: I, UdpStreamTimeout: I, UdpTimeout: I }),
      Description: S,
      EnablePrimaryIpv6: B,
      GroupSet: list(S),
      InterfaceType: S,
      Ipv4PrefixCount: I,
      Ipv4Prefixes: list(obj({ Ipv4Prefix: S }, { required: ['Ipv4Prefix'] })),
      Ipv6AddressCount: I,
      Ipv6Addresses: list(ipv6Address),
      Ipv6PrefixCount: I,
      Ipv6Prefixes: list(obj({ Ipv6Prefix: S }, { required: ['Ipv6Prefix'] })),
      PrivateIpAddress: S,
      PrivateIpAddresses: list(privateIpSpec),
      SecondaryPrivateIpAddressCount: I,
      SourceDestCheck: B,
      SubnetId: S,
      Tags: TAGS,
    },
    {
      required: ['SubnetId'],
      exclusive: [['Ipv6AddressCount', 'Ipv6Addresses']],
      readOnly: ['Id', 'SecondaryPrivateIpAddresses', 'PrimaryPrivateIpAddress', 'PrimaryIpv6Address', 'VpcId'],
    },
  ),
  attributes: ['Id', 'PrimaryIpv6Address', 'PrimaryPrivateIpAddress', 'SecondaryPrivateIpAddresses', 'VpcId'],
  create({ cloud }, r) {
    const p = r.properties;
    const e = cloud.createNetworkInterface(
      { subnetId: str(p, 'SubnetId') ?? '', groupSet: strList(p, 'GroupSet'), privateIpAddress: str(p, 'PrivateIpAddress'), sourceDestCheck: bool(p, 'SourceDestCheck') },
      originOf(r),
    );
    return {
      ref: e.id,
      attributes: { Id: e.id, PrimaryPrivateIpAddress: formatIp(e.privateIp), SecondaryPrivateIpAddresses: [], VpcId: cloud.vpcOfSubnet(e.subnetId).id },
    };
  },
};

/** AWS::EC2::NetworkInterfaceAttachment → AttachNetworkInterface. */
export const networkInterfaceAttachment: ResourceType = {
  schema: schema(
    { DeleteOnTermination: B, DeviceIndex: S, EnaSrdSpecification: enaSrd, InstanceId: S, NetworkInterfaceId: S },
    { required: ['DeviceIndex', 'InstanceId', 'NetworkInterfaceId'], readOnly: ['AttachmentId'] },
  ),
  attributes: ['AttachmentId'],
  create({ cloud, localId }, r) {
    const p = r.properties;
    cloud.attachNetworkInterface({ instanceId: str(p, 'InstanceId') ?? '', networkInterfaceId: str(p, 'NetworkInterfaceId') ?? '', deviceIndex: Number(p.DeviceIndex ?? 1) });
    const id = localId('eni-attach', r.logicalId);
    return { ref: id, attributes: { AttachmentId: id } };
  },
};
