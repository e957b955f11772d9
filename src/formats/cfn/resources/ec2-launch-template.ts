import { createLaunchTemplate, type LaunchTemplateDataSpec } from '../../../engine/autoscaling/launch-template.js';
import { B, I, JSON_VALUE, S, list, obj } from '../schema.js';
import { originOf, str, strList } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

const ltInterface = obj({
  AssociateCarrierIpAddress: B,
  AssociatePublicIpAddress: B,
  ConnectionTrackingSpecification: JSON_VALUE,
  DeleteOnTermination: B,
  Description: S,
  DeviceIndex: I,
  EnaQueueCount: I,
  EnaSrdSpecification: JSON_VALUE,
  Groups: list(S),
  InterfaceType: S,
  Ipv4PrefixCount: I,
  Ipv4Prefixes: JSON_VALUE,
  Ipv6AddressCount: I,
  Ipv6Addresses: JSON_VALUE,
  Ipv6PrefixCount: I,
  Ipv6Prefixes: JSON_VALUE,
  NetworkCardIndex: I,
  NetworkInterfaceId: S,
  PrimaryIpv6: B,
  PrivateIpAddress: S,
  PrivateIpAddresses: JSON_VALUE,
  SecondaryPrivateIpAddressCount: I,
  SubnetId: S,
});

const ltData = obj({
  BlockDeviceMappings: JSON_VALUE,
  CapacityReservationSpecification: JSON_VALUE,
  CpuOptions: JSON_VALUE,
  CreditSpecification: JSON_VALUE,
  DisableApiStop: B,
  DisableApiTermination: B,
  EbsOptimized: B,
  ElasticGpuSpecifications: JSON_VALUE,
  ElasticInferenceAccelerators: JSON_VALUE,
  EnclaveOptions: JSON_VALUE,
  HibernationOptions: JSON_VALUE,
  IamInstanceProfile: JSON_VALUE,
  ImageId: S,
  InstanceInitiatedShutdownBehavior: S,
  InstanceMarketOptions: JSON_VALUE,
  InstanceRequirements: JSON_VALUE,
  InstanceType: S,
  KernelId: S,
  KeyName: S,
  LicenseSpecifications: JSON_VALUE,
  MaintenanceOptions: JSON_VALUE,
  MetadataOptions: JSON_VALUE,
  Monitoring: JSON_VALUE,
  NetworkInterfaces: list(ltInterface),
  NetworkPerformanceOptions: JSON_VALUE,
  Operator: JSON_VALUE,
  Placement: JSON_VALUE,
  PrivateDnsNameOptions: JSON_VALUE,
  RamDiskId: S,
  SecurityGroupIds: list(S),
  SecurityGroups: list(S),
  TagSpecifications: JSON_VALUE,
  UserData: S,
});

type Props = Record<string, unknown>;

function dataSpec(d: Props | undefined): LaunchTemplateDataSpec | undefined {
  if (!d) return undefined;
  return {
    imageId: str(d, 'ImageId'),
    instanceType: str(d, 'InstanceType'),
    instanceRequirements: d.InstanceRequirements !== undefined,
    securityGroupIds: strList(d, 'SecurityGroupIds'),
    securityGroups: strList(d, 'SecurityGroups'),
    networkInterfaces: Array.isArray(d.NetworkInterfaces)
      ? d.NetworkInterfaces.map((raw) => {
          const n = (raw ?? {}) as Props;
          return {
            deviceIndex: n.DeviceIndex === undefined ? undefined : Number(n.DeviceIndex),
            groups: strList(n, 'Groups'),
            subnetId: str(n, 'SubnetId'),
            associatePublicIpAddress: n.AssociatePublicIpAddress === undefined ? undefined : n.AssociatePublicIpAddress === true,
            networkInterfaceId: str(n, 'NetworkInterfaceId'),
          };
        })
      : undefined,
    keyName: str(d, 'KeyName'),
    userData: str(d, 'UserData'),
  };
}

/**
 * AWS::EC2::LaunchTemplate → CreateLaunchTemplate. Ref is the template id; attributes
 * DefaultVersionNumber, LatestVersionNumber, LaunchTemplateId (text, as CloudFormation gives them):
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-launchtemplate.html
 */
export const launchTemplate: ResourceType = {
  schema: schema(
    { LaunchTemplateData: ltData, LaunchTemplateName: S, TagSpecifications: JSON_VALUE, VersionDescription: S },
    { required: ['LaunchTemplateData'], readOnly: ['LaunchTemplateId', 'LatestVersionNumber', 'DefaultVersionNumber'] },
  ),
  attributes: ['DefaultVersionNumber', 'LatestVersionNumber', 'LaunchTemplateId'],
  create({ cloud, region }, r) {
    const p = r.properties;
    const lt = createLaunchTemplate(cloud, region, { name: str(p, 'LaunchTemplateName'), data: dataSpec(p.LaunchTemplateData as Props | undefined) }, originOf(r));
    return { ref: lt.id, attributes: { DefaultVersionNumber: String(lt.defaultVersion), LatestVersionNumber: String(lt.latestVersion), LaunchTemplateId: lt.id } };
  },
};
