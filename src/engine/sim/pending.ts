import { AUTOSCALING } from '../autoscaling/kinds.js';
import type { Cloud } from '../cloud.js';
import { canonicalDnsName } from '../dns-targets.js';
import { RDS } from '../rds/kinds.js';
import { ROUTE53 } from '../route53/kinds.js';
import type { Kind, Named } from '../store.js';

/**
 * Resources the virtual cloud models but the simulation does not play yet: they have no
 * participant, so a scenario that fails them, scales them or sends traffic to them is refused
 * with "not modelled yet: needs <service> in the simulation", never ignored. A service that
 * gets its participant leaves this list.
 */
const PENDING: readonly { kind: Kind<unknown>; service: string; noun: string }[] = [
  { kind: ROUTE53.hostedZone, service: 'Route 53', noun: 'a hosted zone' },
  { kind: ROUTE53.healthCheck, service: 'Route 53', noun: 'a Route 53 health check' },
];

export interface PendingResource {
  service: string;
  noun: string;
  resource: Named;
}

/** The modelled resource of a service without a participant that a name means (logical id, id, name, ARN or DNS name). */
export function pendingResource(cloud: Cloud, text: string): PendingResource | undefined {
  const name = text.trim();
  const bare = name.includes('/') && !name.startsWith('arn:') ? name.slice(name.lastIndexOf('/') + 1) : name;
  for (const p of PENDING) {
    for (const r of cloud.table(p.kind).values() as IterableIterator<Named & { name?: string; arn?: string; dnsName?: string; identifier?: string }>) {
      const dns = r.dnsName ?? (p.kind === ROUTE53.recordSet ? r.name : undefined);
      if (r.logicalId === bare || r.id === name || r.name === bare || r.identifier === bare || r.arn === name || (dns && canonicalDnsName(dns) === canonicalDnsName(name))) {
        return { service: p.service, noun: p.noun, resource: r };
      }
    }
  }
  return undefined;
}

/** The names of the auto scaling groups of the submission, for messages. */
export function groupNames(cloud: Cloud): string[] {
  const groups = [...cloud.table(AUTOSCALING.group).values()];
  const base = (g: (typeof groups)[number]): string => g.logicalId ?? g.name;
  return groups.map((g) => (groups.filter((o) => base(o) === base(g)).length > 1 ? `${g.region}/${base(g)}` : base(g)));
}

/** The databases of the submission (logical ids, else identifiers), for messages. */
export function databaseNames(cloud: Cloud): string[] {
  return [...cloud.table(RDS.dbInstance).values()].map((d) => d.logicalId ?? d.identifier);
}
