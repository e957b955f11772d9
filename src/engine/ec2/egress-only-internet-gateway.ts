import type { Cloud } from '../cloud.js';
import { kind, named, type Named, type Origin } from '../store.js';

/**
 * Egress-only internet gateways: IPv6 only, outbound connections and their replies, in one
 * VPC (CreateEgressOnlyInternetGateway takes the VPC; there is no separate attachment).
 * https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html
 */
export interface EgressOnlyInternetGateway extends Named {
  vpcId: string;
}

export const EGRESS_ONLY_IGW = kind<EgressOnlyInternetGateway>({
  noun: 'the egress-only internet gateway',
  notFound: 'InvalidGatewayID.NotFound',
  field: 'EgressOnlyInternetGatewayId',
});

export function createEgressOnlyInternetGateway(cloud: Cloud, spec: { vpcId: string }, origin?: Origin): EgressOnlyInternetGateway {
  const vpc = cloud.vpc(spec.vpcId);
  const id = cloud.newId('eigw', vpc.region, origin, 'eigw');
  const g: EgressOnlyInternetGateway = { ...named(id, vpc.region, origin), vpcId: vpc.id };
  cloud.table(EGRESS_ONLY_IGW).set(id, g);
  return g;
}
