import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { CloudWarning } from '../finish-steps.js';
import { ELBV2 } from './kinds.js';

/**
 * ELB-02, once the whole topology is in (a template may create the load balancer before the
 * gateway's attachment): an internet-facing load balancer in a VPC with no internet gateway
 * is refused with InvalidSubnet. ELB-03: one whose subnets have no route to that gateway
 * deploys (AWS documents no refusal) but no client on the internet can connect through the
 * nodes there: a warning naming the subnets.
 */
export function checkLoadBalancers(cloud: Cloud): CloudError[] {
  const problems: CloudError[] = [];
  for (const lb of cloud.table(ELBV2.loadBalancer).values()) {
    if (lb.scheme !== 'internet-facing') continue;
    const gateway = cloud.attachedGateway(lb.vpcId);
    if (gateway) {
      const privateSubnets = lb.nodes.map((n) => n.subnetId).filter((id) => !routesToGateway(cloud, id, gateway.id));
      if (privateSubnets.length > 0) {
        const names = privateSubnets.map((id) => cloud.subnets.get(id)?.logicalId ?? id);
        problems.push(
          new CloudWarning(
            'InternetFacingInPrivateSubnet',
            `internet-facing load balancer ${lb.logicalId ?? lb.name} has ${names.length === 1 ? 'a node in subnet' : 'nodes in subnets'} ${names.join(', ')} with no route 0.0.0.0/0 to the internet gateway; clients on the internet cannot connect there (use public subnets, each with a route to the internet gateway)`,
            'Subnets',
            lb.logicalId,
          ),
        );
      }
      continue;
    }
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

/** True when the subnet's route table sends 0.0.0.0/0 to the gateway. */
function routesToGateway(cloud: Cloud, subnetId: string, gatewayId: string): boolean {
  return cloud.routeTableOf(subnetId).routes.some((r) => r.destination.prefix === 0 && r.target.kind === 'internet-gateway' && r.target.id === gatewayId);
}
