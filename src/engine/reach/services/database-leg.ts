import type { DbInstance } from '../../rds/db-instance.js';
import type { ResolvedEndpoint } from '../endpoints.js';
import { beforeReply, type Chain, type LegContext, legChain, serviceHop, serviceStop, stopped, vpcLeg } from './legs.js';

/**
 * A database as a trace end (RDS-02, RDS-06, RDS-07): a plain VPC leg to the DB instance's
 * interface on its port. The endpoint resolves to the private address inside the VPC and, only
 * when PubliclyAccessible is true, to a public one from outside.
 */
export function databaseLeg(ctx: LegContext, db: DbInstance, from: ResolvedEndpoint, port: number, name: string): Chain {
  const leg = `${from.name} → ${name}`;
  const dbHop = { component: 'database' as const, id: db.identifier, logicalId: db.logicalId };
  if (ctx.protocol !== 'tcp') return stopped([], serviceStop(leg, { ...dbHop, detail: `${ctx.protocol} is not served` }, { code: 'NotATcpService', service: name, protocol: ctx.protocol }), 0);
  if (port !== db.port) return stopped([], serviceStop(leg, { ...dbHop, detail: `${db.engine} listens on port ${db.port}` }, { code: 'DatabaseNotListening', database: name, port, databasePort: db.port }), 0);
  const eni = db.networkInterfaceId ? ctx.cloud.interfaces.get(db.networkInterfaceId) : undefined;
  if (!eni) {
    return stopped([], serviceStop(leg, { ...dbHop, detail: 'no network interface' }, { code: 'TargetNotTraced', targetGroup: name, target: name, why: 'the DB instance has no network interface in a VPC of the submission' }), 0);
  }
  if (from.kind === 'internet' && eni.publicIp === undefined) {
    return stopped([], serviceStop(leg, { ...dbHop, detail: 'not publicly accessible' }, { code: 'DatabaseNotPublic', database: name }), 0);
  }
  const inVpc = from.kind === 'interface' && ctx.cloud.vpcOfSubnet(from.eni.subnetId).id === ctx.cloud.vpcOfSubnet(eni.subnetId).id;
  const only = inVpc || eni.publicIp === undefined ? 'private' : 'public';
  const a = vpcLeg(ctx, from, { kind: 'interface', eni, name, only }, port, leg);
  const chain = legChain(a);
  if (!a.reachable) return chain;
  const standby = db.multiAz && db.standby ? `; its Multi-AZ standby in ${db.standby.availabilityZone} takes over the same endpoint on failover` : '';
  const replica = db.replicaOf ? `; a read replica of ${db.replicaOf.identifier}${db.replicaOf.crossRegion ? ` in ${db.replicaOf.region}` : ''}` : '';
  chain.hops = beforeReply(chain.hops, serviceHop(leg, { ...dbHop, action: 'deliver', detail: `${db.engine} at ${db.dnsName}:${db.port}${standby}${replica}` }));
  return chain;
}
