import { I, S, TAGS, list } from '../schema.js';
import { originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::NatGateway → CreateNatGateway. */
export const natGateway: ResourceType = {
  schema: schema(
    {
      AllocationId: S,
      ConnectivityType: S,
      MaxDrainDurationSeconds: I,
      PrivateIpAddress: S,
      SecondaryAllocationIds: list(S),
      SecondaryPrivateIpAddressCount: I,
      SecondaryPrivateIpAddresses: list(S),
      SubnetId: S,
      Tags: TAGS,
    },
    { required: ['SubnetId'], readOnly: ['NatGatewayId'] },
  ),
  attributes: ['NatGatewayId'],
  create({ cloud }, r) {
    const p = r.properties;
    const n = cloud.createNatGateway(
      { subnetId: str(p, 'SubnetId') ?? '', allocationId: str(p, 'AllocationId'), connectivityType: str(p, 'ConnectivityType'), privateIpAddress: str(p, 'PrivateIpAddress') },
      originOf(r),
    );
    return { ref: n.id, attributes: { NatGatewayId: n.id } };
  },
};
