import type { Cloud } from '../cloud.js';

/** Deletes a NAT gateway, internet gateway, peering connection or instance (failures, the shell); routes to it become blackholes. */
export function deleteResource(cloud: Cloud, id: string): boolean {
  if (cloud.natGateways.has(id)) {
    const n = cloud.natGateways.get(id)!;
    cloud.interfaces.delete(n.networkInterfaceId);
    if (n.allocationId) {
      const e = cloud.elasticIps.get(n.allocationId);
      if (e) e.networkInterfaceId = undefined;
    }
    return cloud.natGateways.delete(id);
  }
  if (cloud.internetGateways.has(id)) return cloud.internetGateways.delete(id);
  if (cloud.peerings.has(id)) return cloud.peerings.delete(id);
  if (cloud.instances.has(id)) {
    const inst = cloud.instances.get(id)!;
    for (const e of inst.networkInterfaceIds) {
      const eni = cloud.interfaces.get(e);
      if (eni?.elasticIpId) {
        const eip = cloud.elasticIps.get(eni.elasticIpId);
        if (eip) eip.networkInterfaceId = undefined;
      }
      cloud.interfaces.delete(e);
    }
    return cloud.instances.delete(id);
  }
  return false;
}
