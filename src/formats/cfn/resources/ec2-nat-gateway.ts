import { I, S, TAGS, list, obj } from '../schema.js';
import { originOf, str, strList } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/**
 * AWS::EC2::NatGateway → CreateNatGateway: zonal in SubnetId, or with AvailabilityMode
 * regional on VpcId (properties and attributes as the CloudFormation reference lists them,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-natgateway.html).
 */
export const natGateway: ResourceType = {
  schema: schema(
    {
      AllocationId: S,
      AvailabilityMode: S,
      AvailabilityZoneAddresses: list(obj({ AllocationIds: list(S), AvailabilityZone: S, AvailabilityZoneId: S }, { required: ['AllocationIds'] })),
      ConnectivityType: S,
      MaxDrainDurationSeconds: I,
      PrivateIpAddress: S,
      SecondaryAllocationIds: list(S),
      SecondaryPrivateIpAddressCount: I,
      SecondaryPrivateIpAddresses: list(S),
      SubnetId: S,
      Tags: TAGS,
      VpcId: S,
    },
    { readOnly: ['NatGatewayId', 'EniId', 'RouteTableId', 'AutoProvisionZones', 'AutoScalingIps'] },
  ),
  attributes: ['NatGatewayId', 'AutoProvisionZones', 'AutoScalingIps', 'EniId', 'RouteTableId'],
  create({ cloud }, r) {
    const p = r.properties;
    const zoneAddresses = Array.isArray(p.AvailabilityZoneAddresses) ? (p.AvailabilityZoneAddresses as Record<string, unknown>[]) : undefined;
    const n = cloud.createAnyNatGateway(
      {
        availabilityMode: str(p, 'AvailabilityMode'),
        subnetId: str(p, 'SubnetId'),
        vpcId: str(p, 'VpcId'),
        allocationId: str(p, 'AllocationId'),
        connectivityType: str(p, 'ConnectivityType'),
        privateIpAddress: str(p, 'PrivateIpAddress'),
        availabilityZoneAddresses: zoneAddresses?.map((a) => ({ allocationIds: strList(a, 'AllocationIds'), availabilityZone: str(a, 'AvailabilityZone') })),
      },
      originOf(r),
    );
    const regional = !('subnetId' in n);
    return {
      ref: n.id,
      attributes: {
        NatGatewayId: n.id,
        EniId: 'networkInterfaceId' in n ? n.networkInterfaceId : '',
        RouteTableId: '',
        AutoProvisionZones: regional && !zoneAddresses?.length ? 'enabled' : 'disabled',
        AutoScalingIps: regional && !zoneAddresses?.length ? 'enabled' : 'disabled',
      },
    };
  },
};
