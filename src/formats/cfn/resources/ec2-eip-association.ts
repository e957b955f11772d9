import { S } from '../schema.js';
import { str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::EIPAssociation → AssociateAddress (by allocation id, or by the address in `EIP`). */
export const eipAssociation: ResourceType = {
  schema: schema({ AllocationId: S, EIP: S, InstanceId: S, NetworkInterfaceId: S, PrivateIpAddress: S }, { readOnly: ['Id'] }),
  attributes: ['Id'],
  create({ cloud, localId }, r) {
    const p = r.properties;
    cloud.associateElasticIp({
      allocationId: str(p, 'AllocationId'),
      publicIp: str(p, 'EIP') ?? str(p, 'PublicIp'),
      instanceId: str(p, 'InstanceId'),
      networkInterfaceId: str(p, 'NetworkInterfaceId'),
    });
    return { ref: localId('eipassoc', r.logicalId), attributes: {} };
  },
};
