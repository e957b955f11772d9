import { cidrOverlaps, formatCidr } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin } from '../store.js';
import { EC2 } from './kinds.js';

/** VPC peering connections (accepted at once: one account). */

export interface PeeringConnection extends Named {
  requesterVpcId: string;
  accepterVpcId: string;
  accepterRegion: string;
  status: 'active' | 'failed';
  statusMessage?: string;
}

/** CreateVpcPeeringConnection: two different VPCs whose blocks do not overlap, not already peered. */
export function createPeering(cloud: Cloud, spec: { vpcId: string; peerVpcId: string; peerRegion?: string }, origin?: Origin): PeeringConnection {
  const a = cloud.vpc(spec.vpcId);
  const b = cloud.vpcs.get(spec.peerVpcId);
  if (!b) {
    throw new CloudError('InvalidVpcID.NotFound', `the peer VPC "${spec.peerVpcId}" does not exist${spec.peerRegion ? ` in ${spec.peerRegion}` : ''}`, 'PeerVpcId');
  }
  if (spec.peerRegion && spec.peerRegion !== b.region) {
    throw new CloudError('InvalidParameterValue', `PeerRegion is ${spec.peerRegion} but the peer VPC is in ${b.region}`, 'PeerRegion');
  }
  if (!spec.peerRegion && b.region !== a.region) {
    throw new CloudError('InvalidParameterValue', `the peer VPC is in ${b.region}: give PeerRegion: ${b.region}`, 'PeerRegion');
  }
  if (a.id === b.id) {
    throw new CloudError('InvalidParameterValue', 'a VPC cannot be peered with itself', 'PeerVpcId');
  }
  for (const ca of a.cidrs) {
    for (const cb of b.cidrs) {
      if (cidrOverlaps(ca, cb)) {
        throw new CloudError(
          'InvalidParameterValue',
          `${a.logicalId ?? a.id} (${formatCidr(ca)}) and ${b.logicalId ?? b.id} (${formatCidr(cb)}) overlap; VPCs with overlapping blocks cannot be peered`,
          'PeerVpcId',
        );
      }
    }
  }
  for (const p of cloud.peerings.values()) {
    if ((p.requesterVpcId === a.id && p.accepterVpcId === b.id) || (p.requesterVpcId === b.id && p.accepterVpcId === a.id)) {
      throw new CloudError('VpcPeeringConnectionAlreadyExists', `${a.logicalId ?? a.id} and ${b.logicalId ?? b.id} are already peered by ${p.logicalId ?? p.id}`, 'PeerVpcId');
    }
  }
  const id = cloud.newId('pcx', a.region, origin, 'pcx');
  const p: PeeringConnection = {
    ...named(id, a.region, origin),
    requesterVpcId: a.id,
    accepterVpcId: b.id,
    accepterRegion: b.region,
    status: 'active',
  };
  cloud.table(EC2.peering).set(id, p);
  return p;
}

/** True when an active peering connects the two VPCs (same region only, when asked). */
export function peered(cloud: Cloud, a: string, b: string, sameRegionOnly = false): boolean {
  for (const p of cloud.peerings.values()) {
    if (p.status !== 'active') continue;
    if ((p.requesterVpcId === a && p.accepterVpcId === b) || (p.requesterVpcId === b && p.accepterVpcId === a)) {
      if (!sameRegionOnly || cloud.vpc(a).region === cloud.vpc(b).region) return true;
    }
  }
  return false;
}
