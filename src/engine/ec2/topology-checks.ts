import { formatCidr, formatIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { unattachedGatewayRoutes } from './ipv6-route.js';

/**
 * The checks that need the whole topology, run once everything is created (a template may
 * create a route before the gateway's attachment). Pure: reads the store, changes nothing.
 * - a route to an internet gateway that is not attached to the table's VPC;
 * - an elastic IP associated in a VPC with no internet gateway (Gateway.NotAttached);
 * - a rule naming a group of another VPC that is not peered in the same region.
 */
export function checkTopology(cloud: Cloud): CloudError[] {
  const problems: CloudError[] = [];
  for (const t of cloud.routeTables.values()) {
    for (const r of t.routes) {
      if (r.target.kind !== 'internet-gateway') continue;
      const g = cloud.internetGateways.get(r.target.id);
      if (g && g.attachedVpcId !== t.vpcId) {
        problems.push(
          new CloudError(
            'InvalidParameterValue',
            `route ${formatCidr(r.destination)} in ${t.logicalId ?? t.id} points to internet gateway ${g.logicalId ?? g.id}, which is ${g.attachedVpcId ? 'attached to another VPC' : 'not attached to any VPC'}; attach it to ${t.vpcId}`,
            'GatewayId',
            r.logicalId,
          ),
        );
      }
    }
  }
  problems.push(...unattachedGatewayRoutes(cloud));
  for (const eip of cloud.elasticIps.values()) {
    const eni = eip.networkInterfaceId ? cloud.interfaces.get(eip.networkInterfaceId) : undefined;
    // A NAT gateway's address is not an association: a private subnet's NAT gateway is allowed.
    if (!eni || eni.owner.kind === 'nat-gateway') continue;
    const vpc = cloud.vpcOfSubnet(eni.subnetId);
    if (!cloud.attachedGateway(vpc.id)) {
      problems.push(
        new CloudError(
          'Gateway.NotAttached',
          `elastic IP ${formatIp(eip.publicIp)} is associated in ${vpc.logicalId ?? vpc.id}, which has no internet gateway attached; AWS refuses the association`,
          'AllocationId',
          eip.logicalId,
        ),
      );
    }
  }
  for (const g of cloud.securityGroups.values()) {
    for (const rule of [...g.ingress, ...g.egress]) {
      if (!rule.groupId || rule.groupId === g.id) continue;
      const o = cloud.securityGroups.get(rule.groupId);
      if (!o || o.vpcId === g.vpcId || cloud.peered(g.vpcId, o.vpcId, true)) continue;
      problems.push(
        new CloudError(
          'InvalidGroup.NotFound',
          `${g.logicalId ?? g.id} refers to ${o.logicalId ?? o.id}, a group of another VPC; a rule can name a group of its own VPC or of a peered VPC in the same region`,
          cloud.ruleFields.get(rule),
          g.logicalId,
        ),
      );
    }
  }
  return problems;
}
