import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { ELBV2 } from './kinds.js';

/**
 * ELB-02, once the whole topology is in (a template may create the load balancer before the
 * gateway's attachment): an internet-facing load balancer in a VPC with no internet gateway
 * is refused with InvalidSubnet.
 */
export function checkLoadBalancers(cloud: Cloud): CloudError[] {
  const problems: CloudError[] = [];
  for (const lb of cloud.table(ELBV2.loadBalancer).values()) {
    if (lb.scheme !== 'internet-facing' || cloud.attachedGateway(lb.vpcId)) continue;
    const vpc = cloud.vpcs.get(lb.vpcId);
    problems.push(
      new CloudError(
        'InvalidSubnet',
        `VPC ${vpc?.logicalId ?? lb.vpcId} has no internet gateway: internet-facing load balancer ${lb.logicalId ?? lb.name} needs one attached to its VPC, or use Scheme internal`,
        'Subnets',
        lb.logicalId,
      ),
    );
  }
  return problems;
}
