import { formatIp } from '../../../engine/address.js';
import type { InstanceInterfaceSpec } from '../../../engine/ec2/instance.js';
import { CloudError } from '../../../engine/errors.js';
import { B, I, JSON_VALUE, S, TAGS, list, obj } from '../schema.js';
import { bool, originOf, privateDnsName, publicDnsName, str, strList } from './props.js';
import { type ResourceType, schema } from './resource-type.js';
import { dnsNameOptions, enaSrd, ipv6Address, privateIpSpec } from './shared-schemas.js';

const instanceNetworkInterface = obj(
  {
    AssociateCarrierIpAddress: B,
    AssociatePublicIpAddress: B,
    DeleteOnTermination: B,
    Description: S,
    DeviceIndex: S,
    EnaSrdSpecification: enaSrd,
    GroupSet: list(S),
    Ipv6AddressCount: I,
    Ipv6Addresses: list(ipv6Address),
    NetworkInterfaceId: S,
    PrivateIpAddress: S,
    PrivateIpAddresses: list(privateIpSpec),
    SecondaryPrivateIpAddressCount: I,
    SubnetId: S,
  },
  { required: ['DeviceIndex'], exclusive: [['NetworkInterfaceId', 'AssociatePublicIpAddress']] },
);

type Props = Record<string, unknown>;

function interfaceSpecs(p: Props): InstanceInterfaceSpec[] | undefined {
  if (p.NetworkInterfaces === undefined) return undefined;
  if (!Array.isArray(p.NetworkInterfaces)) throw new CloudError('InvalidParameterValue', 'NetworkInterfaces must be a list', 'NetworkInterfaces');
  return p.NetworkInterfaces.map((raw, i) => {
    const n = (raw ?? {}) as Props;
    return {
      deviceIndex: n.DeviceIndex as number | string | undefined,
      subnetId: n.SubnetId === undefined ? undefined : String(n.SubnetId),
      groupSet: Array.isArray(n.GroupSet) ? n.GroupSet.map(String) : undefined,
      privateIpAddress: n.PrivateIpAddress === undefined ? undefined : String(n.PrivateIpAddress),
      associatePublicIpAddress: n.AssociatePublicIpAddress === undefined ? undefined : n.AssociatePublicIpAddress === true || n.AssociatePublicIpAddress === 'true',
      networkInterfaceId: n.NetworkInterfaceId === undefined ? undefined : String(n.NetworkInterfaceId),
      fieldBase: ['NetworkInterfaces', i],
    };
  });
}

/** AWS::EC2::Instance → RunInstances. */
export const instance: ResourceType = {
  schema: schema(
    {
      AdditionalInfo: S,
      Affinity: S,
      AvailabilityZone: S,
      BlockDeviceMappings: list(
        obj(
          {
            DeviceName: S,
            Ebs: obj({ DeleteOnTermination: B, Encrypted: B, Iops: I, KmsKeyId: S, SnapshotId: S, VolumeSize: I, VolumeType: S }),
            NoDevice: JSON_VALUE,
            VirtualName: S,
          },
          { required: ['DeviceName'] },
        ),
      ),
      CpuOptions: obj({ CoreCount: I, ThreadsPerCore: I }),
      CreditSpecification: obj({ CPUCredits: S }),
      DisableApiTermination: B,
      EbsOptimized: B,
      ElasticGpuSpecifications: list(obj({ Type: S }, { required: ['Type'] })),
      ElasticInferenceAccelerators: list(obj({ Count: I, Type: S }, { required: ['Type'] })),
      EnclaveOptions: obj({ Enabled: B }),
      HibernationOptions: obj({ Configured: B }),
      HostId: S,
      HostResourceGroupArn: S,
      IamInstanceProfile: S,
      ImageId: S,
      InstanceInitiatedShutdownBehavior: S,
      InstanceType: S,
      Ipv6AddressCount: I,
      Ipv6Addresses: list(ipv6Address),
      KernelId: S,
      KeyName: S,
      LaunchTemplate: obj({ LaunchTemplateId: S, LaunchTemplateName: S, Version: S }, { required: ['Version'] }),
      LicenseSpecifications: list(obj({ LicenseConfigurationArn: S }, { required: ['LicenseConfigurationArn'] })),
      MetadataOptions: obj({ HttpEndpoint: S, HttpProtocolIpv6: S, HttpPutResponseHopLimit: I, HttpTokens: S, InstanceMetadataTags: S }),
      Monitoring: B,
      NetworkInterfaces: list(instanceNetworkInterface),
      PlacementGroupName: S,
      PrivateDnsNameOptions: dnsNameOptions,
      PrivateIpAddress: S,
      PropagateTagsToVolumeOnCreation: B,
      RamdiskId: S,
      SecurityGroupIds: list(S),
      SecurityGroups: list(S),
      SourceDestCheck: B,
      SsmAssociations: list(
        obj(
          { AssociationParameters: list(obj({ Key: S, Value: list(S) }, { required: ['Key', 'Value'] })), DocumentName: S },
          { required: ['DocumentName'] },
        ),
      ),
      SubnetId: S,
      Tags: TAGS,
      Tenancy: S,
      UserData: S,
      Volumes: list(obj({ Device: S, VolumeId: S }, { required: ['Device', 'VolumeId'] })),
    },
    {
      exclusive: [['SubnetId', 'NetworkInterfaces']],
      readOnly: ['InstanceId', 'PrivateIp', 'PublicDnsName', 'PublicIp', 'PrivateDnsName', 'VpcId', 'State'],
    },
  ),
  attributes: ['AvailabilityZone', 'InstanceId', 'PrivateDnsName', 'PrivateIp', 'PublicDnsName', 'PublicIp', 'State.Code', 'State.Name', 'VpcId'],
  create({ cloud, region }, r) {
    const p = r.properties;
    const nis = interfaceSpecs(p);
    const inst = cloud.createInstance(
      region,
      {
        subnetId: str(p, 'SubnetId'),
        securityGroupIds: strList(p, 'SecurityGroupIds'),
        securityGroupNames: strList(p, 'SecurityGroups'),
        privateIpAddress: str(p, 'PrivateIpAddress'),
        availabilityZone: str(p, 'AvailabilityZone'),
        sourceDestCheck: bool(p, 'SourceDestCheck'),
        networkInterfaces: nis,
      },
      originOf(r),
    );
    const eni = cloud.interfaces.get(inst.networkInterfaceIds[0])!;
    // A public address given later by an EIPAssociation is read from the interface at GetAtt time.
    return {
      ref: inst.id,
      attributes: {
        InstanceId: inst.id,
        AvailabilityZone: inst.availabilityZone,
        PrivateIp: formatIp(eni.privateIp),
        PrivateDnsName: privateDnsName(region, eni.privateIp),
        get PublicIp() {
          return eni.publicIp === undefined ? '' : formatIp(eni.publicIp);
        },
        get PublicDnsName() {
          return eni.publicIp === undefined ? '' : publicDnsName(region, eni.publicIp);
        },
        VpcId: cloud.vpcOfSubnet(inst.subnetId).id,
      },
    };
  },
};
