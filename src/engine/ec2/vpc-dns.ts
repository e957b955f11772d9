import type { Cloud } from '../cloud.js';
import { kind, type Named } from '../store.js';

/**
 * The DNS attributes of a VPC (ModifyVpcAttribute): enableDnsSupport, default true, and
 * enableDnsHostnames, default false for a VPC you create (true only for the default VPC).
 * Private hosted zones answer inside a VPC only when both are true.
 * https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html#vpc-dns-support
 * Kept in a table of their own, keyed by the VPC's id: a VPC with no entry has the defaults.
 */
export interface VpcDnsAttributes extends Named {
  enableDnsSupport: boolean;
  enableDnsHostnames: boolean;
}

export const VPC_DNS = kind<VpcDnsAttributes>({ noun: 'the VPC', notFound: 'InvalidVpcID.NotFound', field: 'VpcId' });

export function vpcDnsAttributes(cloud: Cloud, vpcId: string): { enableDnsSupport: boolean; enableDnsHostnames: boolean } {
  const a = cloud.table(VPC_DNS).get(vpcId);
  return { enableDnsSupport: a?.enableDnsSupport ?? true, enableDnsHostnames: a?.enableDnsHostnames ?? false };
}

/** ModifyVpcAttribute for the two DNS attributes; an attribute not given keeps its value. */
export function modifyVpcDnsAttributes(cloud: Cloud, vpcId: string, spec: { enableDnsSupport?: boolean; enableDnsHostnames?: boolean }): void {
  const vpc = cloud.vpc(vpcId);
  const now = vpcDnsAttributes(cloud, vpcId);
  cloud.table(VPC_DNS).set(vpcId, {
    id: vpc.id,
    logicalId: vpc.logicalId,
    region: vpc.region,
    tags: {},
    enableDnsSupport: spec.enableDnsSupport ?? now.enableDnsSupport,
    enableDnsHostnames: spec.enableDnsHostnames ?? now.enableDnsHostnames,
  });
}
