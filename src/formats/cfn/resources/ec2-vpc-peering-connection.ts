import { S, TAGS } from '../schema.js';
import { originOf, str } from './props.js';
import { type ResourceType, schema } from './resource-type.js';

/** AWS::EC2::VPCPeeringConnection → CreateVpcPeeringConnection, accepted at once (one account). */
export const vpcPeeringConnection: ResourceType = {
  schema: schema(
    { PeerOwnerId: S, PeerRegion: S, PeerRoleArn: S, PeerVpcId: S, Tags: TAGS, VpcId: S },
    { required: ['VpcId', 'PeerVpcId'], readOnly: ['Id'] },
  ),
  attributes: ['Id'],
  create({ cloud, warn }, r) {
    const p = r.properties;
    if (p.PeerOwnerId !== undefined) {
      warn({ logicalId: r.logicalId, code: 'CrossAccountPeering', message: 'the peer account is treated as this one and the connection as accepted', path: ['PeerOwnerId'] });
    }
    const pcx = cloud.createPeering({ vpcId: str(p, 'VpcId') ?? '', peerVpcId: str(p, 'PeerVpcId') ?? '', peerRegion: str(p, 'PeerRegion') }, originOf(r));
    return { ref: pcx.id, attributes: { Id: pcx.id } };
  },
};
