import type { Cloud } from '../cloud.js';
import { canonicalDnsName, type DnsNamed, resourceByDnsName } from '../dns-targets.js';
import { vpcDnsAttributes } from '../ec2/vpc-dns.js';
import type { HostedZone } from './hosted-zone.js';
import { ROUTE53 } from './kinds.js';
import { fqdn, inZone } from './names.js';
import { recordsOf, type RecordSet } from './record-set.js';

/**
 * The resolver: which record answers a name, asked from the internet or from inside a VPC,
 * and why. Pure: reads the store.
 * - A private zone associated with the asking VPC (with DNS support and DNS hostnames on)
 *   beats public zones; the most specific matching zone wins; a matching private zone without
 *   the record answers NXDOMAIN, with no fallback to the public zone (R53-02).
 * - Among the records of the name and type, the routing policy picks (R53-05, R53-06). This
 *   round every health check is healthy, so a failover name answers with its PRIMARY; a
 *   weighted name with its heaviest record (the first by SetIdentifier on a tie; all weights
 *   0 count as equal), every candidate reported with its share; a latency name with the
 *   record of the asking VPC's region, else the first by region; multivalue with up to 8.
 * - A CNAME is followed (up to 8 steps) within the submission's zones; an alias to another
 *   record of the zone is followed; an alias to a resource is resolved to that resource.
 */
export interface Answer {
  record: RecordSet;
  /** The weighted share, 0 to 1, when the policy is weighted. */
  share?: number;
}

export interface Resolution {
  name: string;
  type: string;
  zone?: { zoneId: string; name: string; private: boolean; logicalId?: string };
  /** The records that answered. */
  answered: Answer[];
  /** Every record of the name and type that could have answered. */
  candidates: Answer[];
  /** The values returned (addresses, names), when records hold them. */
  values: string[];
  /** What an alias (or CNAME chain) ends at, when the submission makes it. */
  target?: DnsNamed;
  /** Where the name ends outside the submission's zones (a CNAME to an external name). */
  external?: string;
  why: string[];
}

export function resolve(cloud: Cloud, name: string, fromVpcId?: string, type = 'A'): Resolution {
  return resolveStep(cloud, fqdn(name), fromVpcId, type.toUpperCase(), 0);
}

function zonesFor(cloud: Cloud, name: string, fromVpcId: string | undefined, why: string[]): HostedZone | undefined {
  const zones = [...cloud.table(ROUTE53.hostedZone).values()].filter((z) => z.name && inZone(name, z.name));
  const bySpecificity = (a: HostedZone, b: HostedZone) => b.name.length - a.name.length || a.zoneId.localeCompare(b.zoneId);
  if (fromVpcId) {
    const attrs = vpcDnsAttributes(cloud, fromVpcId);
    const associated = zones.filter((z) => z.private && z.vpcs.some((v) => v.vpcId === fromVpcId));
    if (associated.length && !(attrs.enableDnsSupport && attrs.enableDnsHostnames)) {
      why.push(`private zone ${associated.map((z) => z.logicalId ?? z.name).join(', ')} is associated with ${fromVpcId} but does not answer there: the VPC has ${!attrs.enableDnsSupport ? 'EnableDnsSupport' : 'EnableDnsHostnames'} off`);
    } else if (associated.length) {
      const z = associated.sort(bySpecificity)[0];
      why.push(`asked from ${fromVpcId}: private zone ${z.logicalId ?? z.name} (${z.name}) is associated with it and beats public zones`);
      return z;
    }
  }
  const others = zones.filter((z) => z.private && !(fromVpcId && z.vpcs.some((v) => v.vpcId === fromVpcId)));
  if (others.length) why.push(`private zone ${others.map((z) => z.logicalId ?? z.name).join(', ')} answers only inside ${others.flatMap((z) => z.vpcs.map((v) => v.vpcId)).join(', ')}`);
  const pub = zones.filter((z) => !z.private).sort(bySpecificity)[0];
  if (pub) why.push(`public zone ${pub.logicalId ?? pub.name} (${pub.name}${pub.assumed ? ', assumed to exist' : ''}) answers ${fromVpcId ? 'the VPC through the internet' : 'the internet'}`);
  return pub;
}

function pick(records: RecordSet[], fromRegion: string | undefined, why: string[]): Answer[] {
  const policy = records[0].policy;
  const byId = [...records].sort((a, b) => (a.setIdentifier ?? '').localeCompare(b.setIdentifier ?? ''));
  switch (policy) {
    case 'simple':
      why.push('simple routing: the one record answers');
      return [{ record: records[0] }];
    case 'failover': {
      const primary = records.find((r) => r.failover === 'PRIMARY');
      if (primary) {
        why.push(`failover routing: PRIMARY ${primary.setIdentifier} answers while it is healthy (every health check is healthy in the static picture)${primary.healthCheckId || primary.alias?.evaluateTargetHealth ? '' : '; it has no health check and EvaluateTargetHealth is off, so it is always healthy and never fails over'}`);
        return [{ record: primary }];
      }
      why.push('failover routing: no PRIMARY record, so the SECONDARY answers');
      return [{ record: byId[0] }];
    }
    case 'weighted': {
      const shares = new Map(weightedShares(records).map((x) => [x.record, x.share]));
      const share = (r: RecordSet) => shares.get(r)!;
      const best = byId.reduce((a, b) => (share(b) > share(a) ? b : a));
      why.push(`weighted routing: ${byId.map((r) => `${r.setIdentifier} ${Math.round(share(r) * 100)}%`).join(', ')}; the heaviest, ${best.setIdentifier}, stands for the name`);
      return [{ record: best, share: share(best) }];
    }
    case 'latency': {
      const own = fromRegion ? records.find((r) => r.latencyRegion === fromRegion) : undefined;
      const chosen = own ?? [...records].sort((a, b) => (a.latencyRegion ?? '').localeCompare(b.latencyRegion ?? ''))[0];
      why.push(own ? `latency routing: the record for ${fromRegion}, the asking VPC's region, answers` : `latency routing: no latency model; the record for ${chosen.latencyRegion} (first by region) stands for the name`);
      return [{ record: chosen }];
    }
    case 'multivalue':
      why.push('multivalue answer routing: every healthy record answers, up to 8');
      return byId.slice(0, 8).map((record) => ({ record }));
    case 'geolocation': {
      const def = records.find((r) => r.geoLocation && Object.values(r.geoLocation).includes('*'));
      why.push(def ? 'geolocation routing: the default (*) record answers a client of no listed location' : 'geolocation routing: no default (*) record; the first by SetIdentifier stands for the name');
      return [{ record: def ?? byId[0] }];
    }
  }
}

function resolveStep(cloud: Cloud, name: string, fromVpcId: string | undefined, type: string, depth: number): Resolution {
  const why: string[] = [];
  const out: Resolution = { name, type, answered: [], candidates: [], values: [], why };
  const zone = zonesFor(cloud, name, fromVpcId, why);
  if (!zone) {
    const target = resourceByDnsName(cloud, name);
    if (target) {
      why.push(`${name} is the name AWS gives ${target.logicalId ?? target.id}`);
      out.target = target;
    } else {
      why.push(`no zone of the submission holds ${name}`);
      out.external = name;
    }
    return out;
  }
  out.zone = { zoneId: zone.zoneId, name: zone.name, private: zone.private, ...(zone.logicalId ? { logicalId: zone.logicalId } : {}) };
  const all = recordsOf(cloud, zone.zoneId).filter((r) => r.name === name);
  let records = all.filter((r) => r.type === type);
  if (records.length === 0) records = all.filter((r) => r.type === 'CNAME');
  if (records.length === 0) {
    why.push(all.length ? `${zone.name} has ${name} but no ${type} record: the answer is empty (NODATA)` : `${zone.name} has no record ${name}: NXDOMAIN${zone.private ? ' (a private zone does not fall back to the public one)' : ''}`);
    return out;
  }
  const fromRegion = fromVpcId ? cloud.vpcs.get(fromVpcId)?.region : undefined;
  out.candidates = records.map((record) => ({ record }));
  if (records[0].policy === 'weighted') out.candidates = weightedShares(records);
  out.answered = pick(records, fromRegion, why);
  for (const { record } of out.answered) {
    if (record.alias) {
      const inSameZone = record.alias.hostedZoneId === zone.zoneId;
      if (inSameZone && depth < 8) {
        why.push(`${record.logicalId ?? name} is an alias to ${record.alias.dnsName}, a record of the same zone`);
        const next = resolveStep(cloud, fqdn(record.alias.dnsName), fromVpcId, type, depth + 1);
        why.push(...next.why);
        out.values.push(...next.values);
        out.target ??= next.target;
        out.external ??= next.external;
        continue;
      }
      const target = resourceByDnsName(cloud, record.alias.dnsName);
      if (target) {
        why.push(`${record.logicalId ?? name} is an alias to ${target.logicalId ?? target.id} (${canonicalDnsName(record.alias.dnsName)})`);
        out.target ??= target;
      } else {
        why.push(`${record.logicalId ?? name} is an alias to ${record.alias.dnsName}, which the submission does not make`);
        out.external ??= record.alias.dnsName;
      }
      continue;
    }
    if (record.type === 'CNAME' && type !== 'CNAME') {
      const next = fqdn(record.values[0]);
      why.push(`${record.logicalId ?? name} is a CNAME to ${next}`);
      if (depth >= 8) {
        why.push('the CNAME chain is longer than 8 steps; resolution stops');
        continue;
      }
      const rest = resolveStep(cloud, next, fromVpcId, type, depth + 1);
      why.push(...rest.why);
      out.values.push(...rest.values);
      out.target ??= rest.target;
      out.external ??= rest.external;
      continue;
    }
    out.values.push(...record.values);
  }
  return out;
}

/** R53-05: each weighted record's share of the answers, weight / the sum of the weights; all weights 0, equal shares. */
export function weightedShares(records: readonly RecordSet[]): { record: RecordSet; share: number }[] {
  const total = records.reduce((n, r) => n + (r.weight ?? 0), 0);
  return records.map((record) => ({ record, share: total === 0 ? 1 / records.length : (record.weight ?? 0) / total }));
}
