import type { Kind, Named, Store } from './store.js';

/**
 * Resources that answer at a DNS name AWS gives them (a load balancer, a CloudFront
 * distribution, a database endpoint). Each service declares such kinds here, so that a Route 53
 * alias or a CloudFront origin can find what a name points at without knowing every service.
 */
export interface DnsNamed extends Named {
  /** The name AWS gives the resource, lower case, without a trailing dot. */
  readonly dnsName: string;
}

const dnsKinds: Kind<DnsNamed>[] = [];

/** Declares a kind whose resources answer at their `dnsName`; returns the kind unchanged. */
export function dnsTargetKind<T extends DnsNamed>(k: Kind<T>): Kind<T> {
  dnsKinds.push(k as unknown as Kind<DnsNamed>);
  return k;
}

/** A DNS name as AWS compares them: case-insensitive, the trailing dot and `dualstack.` ignored. */
export function canonicalDnsName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '').replace(/^dualstack\./, '');
}

/** The resource that answers at a DNS name, whatever its service, or undefined. */
export function resourceByDnsName(store: Store, name: string): DnsNamed | undefined {
  const wanted = canonicalDnsName(name);
  for (const k of dnsKinds) {
    for (const r of store.table(k).values()) if (canonicalDnsName(r.dnsName) === wanted) return r;
  }
  return undefined;
}
