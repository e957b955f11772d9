import { createLaunchConfiguration } from '../../../engine/autoscaling/launch-template.js';
import { B, JSON_VALUE, S, list } from '../schema.js';
import { bool, originOf, str, strList } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::AutoScaling::LaunchConfiguration → CreateLaunchConfiguration. Ref is its name. */
export const launchConfiguration: ResourceType = {
  schema: schema(
    {
      AssociatePublicIpAddress: B,
      BlockDeviceMappings: JSON_VALUE,
      ClassicLinkVPCId: S,
      ClassicLinkVPCSecurityGroups: list(S),
      EbsOptimized: B,
      IamInstanceProfile: S,
      ImageId: S,
      InstanceId: S,
      InstanceMonitoring: B,
      InstanceType: S,
      KernelId: S,
      KeyName: S,
      LaunchConfigurationName: S,
      MetadataOptions: JSON_VALUE,
      PlacementTenancy: S,
      RamDiskId: S,
      SecurityGroups: list(S),
      SpotPrice: S,
      UserData: S,
    },
    { required: ['ImageId', 'InstanceType'] },
  ),
  attributes: [],
  create({ cloud, region }, r) {
    const p = r.properties;
    const lc = createLaunchConfiguration(
      cloud,
      region,
      {
        name: str(p, 'LaunchConfigurationName'),
        imageId: str(p, 'ImageId'),
        instanceType: str(p, 'InstanceType'),
        securityGroups: strList(p, 'SecurityGroups'),
        associatePublicIpAddress: bool(p, 'AssociatePublicIpAddress'),
        keyName: str(p, 'KeyName'),
        userData: str(p, 'UserData'),
      },
      originOf(r),
    );
    return { ref: lc.name, attributes: {} };
  },
};
