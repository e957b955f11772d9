import { formatIp } from '../../../engine/address.js';
import { S, TAGS } from '../schema.js';
import { originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::EIP → AllocateAddress, and AssociateAddress when InstanceId is given. */
export const eip: ResourceType = {
  schema: schema(
    { Address: S, Domain: S, InstanceId: S, IpamPoolId: S, NetworkBorderGroup: S, PublicIpv4Pool: S, Tags: TAGS, TransferAddress: S },
    { readOnly: ['PublicIp', 'AllocationId'] },
  ),
  attributes: ['AllocationId', 'PublicIp'],
  create({ cloud, region }, r) {
    const p = r.properties;
    const e = cloud.allocateElasticIp(region, originOf(r), { domain: str(p, 'Domain') });
    const instanceId = str(p, 'InstanceId');
    if (instanceId) cloud.associateElasticIp({ allocationId: e.id, instanceId });
    // CloudFormation's Ref of an EIP is its address; the allocation id is an attribute.
    return { ref: formatIp(e.publicIp), attributes: { AllocationId: e.id, PublicIp: formatIp(e.publicIp) } };
  },
};
