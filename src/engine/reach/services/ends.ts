import type { Cloud } from '../../cloud.js';
import { AUTOSCALING } from '../../autoscaling/kinds.js';
import type { AutoScalingGroup } from '../../autoscaling/group.js';
import { CLOUDFRONT } from '../../cloudfront/kinds.js';
import type { Distribution } from '../../cloudfront/distribution.js';
import { canonicalDnsName } from '../../dns-targets.js';
import { ELBV2 } from '../../elbv2/kinds.js';
import type { LoadBalancer } from '../../elbv2/load-balancer.js';
import { RDS } from '../../rds/kinds.js';
import type { DbInstance } from '../../rds/db-instance.js';
import { ROUTE53 } from '../../route53/kinds.js';
import { fqdn, inZone } from '../../route53/names.js';
import type { NetworkInterface } from '../../model.js';
import type { Named } from '../../store.js';
import { EndpointError } from '../endpoints.js';

/**
 * Trace ends above the VPC: a load balancer, an auto scaling group (each of its instances), a
 * database, a CloudFront distribution, or a DNS name one of the submission's hosted zones
 * serves. Each is named by logical id (optionally region/LogicalId), by its id or ARN, by the
 * name AWS gives it, or by its DNS name.
 */
export type ServiceEnd =
  | { kind: 'load-balancer'; lb: LoadBalancer; name: string }
  | { kind: 'group'; group: AutoScalingGroup; name: string; members: { name: string; eni: NetworkInterface }[] }
  | { kind: 'database'; db: DbInstance; name: string }
  | { kind: 'distribution'; distribution: Distribution; name: string }
  | { kind: 'dns'; dnsName: string; name: string };

function matches<T extends Named>(r: T, logical: string, region: string | undefined, extra: (string | undefined)[]): boolean {
  if (region && r.region !== region) return false;
  const lower = logical.toLowerCase();
  return r.logicalId === logical || r.id === logical || extra.some((e) => e !== undefined && (e === logical || canonicalDnsName(e) === canonicalDnsName(lower)));
}

function one<T extends Named>(found: T[], text: string, logical: string): T | undefined {
  if (found.length > 1) {
    throw new EndpointError(`"${text}" names resources in several regions (${[...new Set(found.map((m) => m.region))].join(', ')}); write region/${logical}`);
  }
  return found[0];
}

/** The instances of a group, by their primary interfaces, in the group's order. */
export function groupMembers(cloud: Cloud, group: AutoScalingGroup): { name: string; eni: NetworkInterface }[] {
  const out: { name: string; eni: NetworkInterface }[] = [];
  for (const id of group.instanceIds) {
    const inst = cloud.instances.get(id);
    const eni = inst ? cloud.interfaces.get(inst.networkInterfaceIds[0]) : undefined;
    if (inst && eni) out.push({ name: inst.logicalId ?? inst.id, eni });
  }
  return out;
}

/** The service end a text names, or undefined when it names none (the VPC ends then apply). */
export function resolveServiceEnd(cloud: Cloud, text: string): ServiceEnd | undefined {
  const t = text.trim();
  const slash = t.indexOf('/');
  const [region, logical] = slash > 0 && !t.startsWith('arn:') && /^[a-z]{2}(-[a-z]+)+-\d$/.test(t.slice(0, slash)) ? [t.slice(0, slash), t.slice(slash + 1)] : [undefined, t];

  const lb = one([...cloud.table(ELBV2.loadBalancer).values()].filter((r) => matches(r, logical, region, [r.arn, r.name, r.dnsName])), t, logical);
  if (lb) return { kind: 'load-balancer', lb, name: t };
  const group = one([...cloud.table(AUTOSCALING.group).values()].filter((r) => matches(r, logical, region, [r.name, r.arn])), t, logical);
  if (group) return { kind: 'group', group, name: t, members: groupMembers(cloud, group) };
  const db = one([...cloud.table(RDS.dbInstance).values()].filter((r) => matches(r, logical, region, [r.identifier, r.arn, r.dnsName])), t, logical);
  if (db) return { kind: 'database', db, name: t };
  const dist = one([...cloud.table(CLOUDFRONT.distribution).values()].filter((r) => matches(r, logical, region, [r.arn, r.dnsName])), t, logical);
  if (dist) return { kind: 'distribution', distribution: dist, name: t };
  // A DNS name: one that a hosted zone of the submission holds.
  if (/^[a-z0-9_*-]+(\.[a-z0-9_-]+)+\.?$/i.test(t) && !/^[\d.]+$/.test(t)) {
    const name = fqdn(t.toLowerCase());
    const zones = [...cloud.table(ROUTE53.hostedZone).values()].filter((z) => z.name && inZone(name, z.name));
    if (zones.length) return { kind: 'dns', dnsName: name, name: t };
  }
  return undefined;
}

/** Names a student can use for service ends, for suggestions. */
export function serviceEndNames(cloud: Cloud): string[] {
  const out: string[] = [];
  for (const k of [ELBV2.loadBalancer, AUTOSCALING.group, RDS.dbInstance, CLOUDFRONT.distribution] as const) {
    for (const r of cloud.table(k as typeof ELBV2.loadBalancer).values()) if (r.logicalId) out.push(r.logicalId);
  }
  return out;
}
