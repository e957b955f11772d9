import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin } from '../store.js';
import { EC2 } from './kinds.js';

/** Internet gateways and their attachment to a VPC. */

export interface InternetGateway extends Named {
  attachedVpcId?: string;
}

export function createInternetGateway(cloud: Cloud, region: string, origin?: Origin): InternetGateway {
  const id = cloud.newId('igw', region, origin, 'igw');
  const g: InternetGateway = named(id, region, origin);
  cloud.table(EC2.internetGateway).set(id, g);
  return g;
}

/** AttachInternetGateway: one gateway per VPC, one VPC per gateway, same region. */
export function attachInternetGateway(cloud: Cloud, spec: { vpcId: string; internetGatewayId: string }): void {
  const vpc = cloud.vpc(spec.vpcId);
  const g = cloud.get(EC2.internetGateway, spec.internetGatewayId);
  if (g.region !== vpc.region) {
    throw new CloudError('InvalidParameterValue', `the internet gateway is in ${g.region} and the VPC in ${vpc.region}`, 'InternetGatewayId');
  }
  if (g.attachedVpcId && g.attachedVpcId !== vpc.id) {
    throw new CloudError(
      'Resource.AlreadyAssociated',
      `internet gateway ${g.logicalId ?? g.id} is already attached to ${g.attachedVpcId}; a gateway attaches to one VPC`,
      'InternetGatewayId',
    );
  }
  const other = attachedGateway(cloud, vpc.id);
  if (other && other.id !== g.id) {
    throw new CloudError(
      'Resource.AlreadyAssociated',
      `${vpc.logicalId ?? vpc.id} already has internet gateway ${other.logicalId ?? other.id} attached; a VPC has at most one`,
      'VpcId',
    );
  }
  g.attachedVpcId = vpc.id;
}

export function detachInternetGateway(cloud: Cloud, id: string): void {
  const g = cloud.internetGateways.get(id);
  if (g) g.attachedVpcId = undefined;
}

export function attachedGateway(cloud: Cloud, vpcId: string): InternetGateway | undefined {
  for (const g of cloud.internetGateways.values()) if (g.attachedVpcId === vpcId) return g;
  return undefined;
}
