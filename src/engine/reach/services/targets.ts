import type { Cloud } from '../../cloud.js';
import { CLOUDFRONT } from '../../cloudfront/kinds.js';
import { ELBV2 } from '../../elbv2/kinds.js';
import { EC2 } from '../../ec2/kinds.js';
import { RDS } from '../../rds/kinds.js';
import type { Named } from '../../store.js';
import type { ResolvedEndpoint } from '../endpoints.js';
import type { ServiceEnd } from './ends.js';

/** Where a flow goes next: a service, or a network interface (an instance by its public name or address). */
export type NextEnd = ServiceEnd | ResolvedEndpoint;

/**
 * The end a resource found by DNS name stands for: a load balancer, a distribution, a
 * database, or an instance or interface (by its public address, as its public DNS name
 * resolves from the internet).
 */
export function endOfResource(cloud: Cloud, r: Named): NextEnd | undefined {
  const name = r.logicalId ?? r.id;
  const lb = cloud.table(ELBV2.loadBalancer).get(r.id);
  if (lb === r) return { kind: 'load-balancer', lb, name };
  const dist = cloud.table(CLOUDFRONT.distribution).get(r.id);
  if (dist === r) return { kind: 'distribution', distribution: dist, name };
  const db = cloud.table(RDS.dbInstance).get(r.id);
  if (db === r) return { kind: 'database', db, name };
  const inst = cloud.instances.get(r.id);
  if (inst === r) {
    const eni = cloud.interfaces.get(inst.networkInterfaceIds[0]);
    return eni ? { kind: 'interface', eni, name, only: 'public' } : undefined;
  }
  const eni = cloud.table(EC2.networkInterface).get(r.id);
  if (eni === r) return { kind: 'interface', eni, name, only: 'public' };
  return undefined;
}
