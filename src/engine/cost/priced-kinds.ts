import { BACKUP } from '../backup/kinds.js';
import { CLOUDFRONT } from '../cloudfront/kinds.js';
import { EC2 } from '../ec2/kinds.js';
import type { Kind, Named, Store } from '../store.js';
import { instanceLine, natGatewayLine, type Priced, publicIpv4Line, type Subject } from './lines.js';
import { USAGE_BASED } from './prices.js';

/**
 * The priced kinds: for each kind of resource that costs money, the lines one resource adds
 * (lines.ts) and what it bills by use. The estimator walks this table and knows no service,
 * so a service prices its resources with one entry here, for example
 *   { kind: ELBV2.loadBalancer, price: (lb) => loadBalancerLine(subject(lb), { type: lb.type, zones: lb.zones.length, internetFacing: lb.scheme === 'internet-facing' }) }
 *   { kind: RDS.instance, price: (db) => databaseLine(subject(db), { class: db.instanceClass, multiAz: db.multiAz, publiclyAccessible: db.publiclyAccessible }) }
 *   { kind: ROUTE53.hostedZone, price: (z) => [hostedZoneLine(subject(z))] }
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
  entry({ kind: CLOUDFRONT.distribution, price: () => [], usage: USAGE_BASED.cloudFront }),
  entry({ kind: BACKUP.vault, price: () => [], usage: USAGE_BASED.backup }),
];
