import { BACKUP } from '../backup/kinds.js';
import { CLOUDFRONT } from '../cloudfront/kinds.js';
import { parseIp } from '../address.js';
import { resourceByDnsName } from '../dns-targets.js';
import { EC2 } from '../ec2/kinds.js';
import { ELBV2 } from '../elbv2/kinds.js';
import { RDS } from '../rds/kinds.js';
import { ROUTE53 } from '../route53/kinds.js';
import type { HealthCheck } from '../route53/health-check.js';
import type { Kind, Named, Store } from '../store.js';
import { databaseLine, healthCheckLine, hostedZoneLine, instanceLine, loadBalancerLine, natGatewayLine, type Priced, publicIpv4Line, type Subject } from './lines.js';
import { USAGE_BASED } from './prices.js';

/**
 * The priced kinds: for each kind of resource that costs money, the lines one resource adds
 * (lines.ts) and what it bills by use. The estimator walks this table and knows no service,
 * so a service prices its resources with one entry here. Public addresses are billed once,
 * by the interface that holds them: a load balancer's nodes and a public database have
 * interfaces, so their entries add no address lines of their own.
 */
export interface PricingContext {
  store: Store;
  /** The declared type of an instance (by logical id, else id); AWS's default m1.small when none is given. */
  instanceType(i: Named): string;
}

export interface PricedKind<T extends Named = Named> {
  kind: Kind<T>;
  price(r: T, ctx: PricingContext): Priced[];
  /** What resources of this kind bill by use, which the hourly figures leave out. */
  usage?: string;
}

const nameOf = (r: Named): string => r.logicalId ?? r.id;
export const subject = (r: Named): Subject => ({ resource: nameOf(r), region: r.region });

function entry<T extends Named>(k: PricedKind<T>): PricedKind {
  return k as unknown as PricedKind;
}

export const PRICED_KINDS: readonly PricedKind[] = [
  entry({ kind: EC2.instance, price: (i, ctx) => [instanceLine(subject(i), { type: ctx.instanceType(i) })] }),
  entry({ kind: EC2.natGateway, price: (n) => [natGatewayLine(subject(n))], usage: USAGE_BASED.natData }),
  entry({
    kind: EC2.networkInterface,
    // An interface's public address is billed under the name of what it belongs to.
    price: (e, ctx) => {
      if (e.publicIp === undefined) return [];
      const owner = e.owner.kind === 'none' ? undefined : ctx.store.find(e.owner.id);
      return [publicIpv4Line(subject(owner ?? e))];
    },
  }),
  entry({
    kind: EC2.elasticIp,
    // An elastic IP allocated but not associated is billed too; an associated one is its interface's address.
    price: (eip, ctx) => ([...ctx.store.table(EC2.networkInterface).values()].some((e) => e.publicIp === eip.publicIp) ? [] : [publicIpv4Line(subject(eip))]),
  }),
  entry({ kind: ELBV2.loadBalancer, price: (lb) => loadBalancerLine(subject(lb), { type: lb.type, zones: lb.nodes.length }), usage: USAGE_BASED.loadBalancerCapacity }),
  entry({ kind: RDS.dbInstance, price: (db) => databaseLine(subject(db), { class: db.instanceClass, multiAz: db.multiAz }), usage: USAGE_BASED.databaseStorage }),
  entry({ kind: ROUTE53.hostedZone, price: (z) => [hostedZoneLine(subject(z))] }),
  entry({ kind: ROUTE53.healthCheck, price: (h, ctx) => [healthCheckLine(subject(h), { awsEndpoint: checksAwsEndpoint(h, ctx.store) })] }),
  entry({ kind: CLOUDFRONT.distribution, price: () => [], usage: USAGE_BASED.cloudFront }),
  entry({ kind: BACKUP.vault, price: () => [], usage: USAGE_BASED.backup }),
];

/**
 * A health check of an AWS endpoint (an address or DNS name of the submission's resources, or
 * any *.amazonaws.com name) is billed at the AWS-endpoint price; anything else as non-AWS (PRC-08).
 */
function checksAwsEndpoint(h: HealthCheck, store: Store): boolean {
  if (h.ipAddress !== undefined) {
    let ip: number;
    try {
      ip = parseIp(h.ipAddress);
    } catch {
      return false;
    }
    return [...store.table(EC2.networkInterface).values()].some((e) => e.publicIp === ip) || [...store.table(EC2.elasticIp).values()].some((a) => a.publicIp === ip);
  }
  const name = h.fullyQualifiedDomainName;
  return name !== undefined && (resourceByDnsName(store, name) !== undefined || /\.amazonaws\.com\.?$/i.test(name));
}
