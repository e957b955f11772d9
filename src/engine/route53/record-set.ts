import { isIp } from '../address.js';
import type { Cloud } from '../cloud.js';
import { CloudError } from '../errors.js';
import { isRegion } from '../regions.js';
import { named, type Named, type Origin } from '../store.js';
import { zoneFor, type HostedZone } from './hosted-zone.js';
import { CLOUDFRONT_ZONE_ID, ROUTE53 } from './kinds.js';
import { checkDomainName, dotted, fqdn, inZone } from './names.js';

/**
 * Record sets (R53-03 to R53-07, R53-12), as ChangeResourceRecordSets validates them: a TTL
 * and values, or an alias and no TTL; CNAME not at the apex and alone at its name; a routing
 * policy (simple, weighted, failover, latency, multivalue, geolocation) shared by every record
 * of a name and type, with SetIdentifier on all but simple records.
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-route53-recordset.html
 */
export const RECORD_TYPES = ['A', 'AAAA', 'CAA', 'CNAME', 'DS', 'HTTPS', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SPF', 'SRV', 'SSHFP', 'SVCB', 'TLSA', 'TXT'] as const;

export type RoutingPolicy = 'simple' | 'weighted' | 'failover' | 'latency' | 'multivalue' | 'geolocation';

export interface AliasTarget {
  dnsName: string;
  hostedZoneId: string;
  evaluateTargetHealth: boolean;
}

export interface RecordSet extends Named {
  zoneId: string;
  /** Lower case, no trailing dot. */
  name: string;
  type: string;
  ttl?: number;
  values: string[];
  alias?: AliasTarget;
  policy: RoutingPolicy;
  setIdentifier?: string;
  weight?: number;
  failover?: 'PRIMARY' | 'SECONDARY';
  latencyRegion?: string;
  geoLocation?: Record<string, string>;
  healthCheckId?: string;
}

export interface RecordSetSpec {
  hostedZoneId?: string;
  hostedZoneName?: string;
  name?: string;
  type?: string;
  ttl?: number;
  resourceRecords?: string[];
  alias?: { dnsName?: string; hostedZoneId?: string; evaluateTargetHealth?: boolean };
  setIdentifier?: string;
  weight?: number;
  failover?: string;
  region?: string;
  geoLocation?: Record<string, string>;
  multiValueAnswer?: boolean;
  healthCheckId?: string;
}

const invalidInput = (what: string, name: string, type: string, setId: string | undefined, field: string) =>
  new CloudError('InvalidInput', `Invalid request: ${what} in Change with [Action=CREATE, Name=${dotted(name)}, Type=${type}, SetIdentifier=${setId ?? 'null'}]`, field);

function policyOf(spec: RecordSetSpec, name: string, type: string): RoutingPolicy {
  const given: [RoutingPolicy, string][] = [];
  if (spec.weight !== undefined) given.push(['weighted', 'Weight']);
  if (spec.failover !== undefined) given.push(['failover', 'Failover']);
  if (spec.region !== undefined) given.push(['latency', 'Region']);
  if (spec.multiValueAnswer) given.push(['multivalue', 'MultiValueAnswer']);
  if (spec.geoLocation !== undefined) given.push(['geolocation', 'GeoLocation']);
  if (given.length > 1) throw invalidInput(`a record has one routing policy, but ${given.map((g) => g[1]).join(' and ')} are given`, name, type, spec.setIdentifier, given[1][1]);
  const policy = given[0]?.[0] ?? 'simple';
  if (policy !== 'simple' && !spec.setIdentifier) throw invalidInput(`Missing field 'SetIdentifier': a ${policy} record needs SetIdentifier`, name, type, undefined, 'SetIdentifier');
  if (policy === 'simple' && spec.setIdentifier !== undefined) throw invalidInput('SetIdentifier is given without a routing policy (Weight, Failover, Region, MultiValueAnswer or GeoLocation)', name, type, spec.setIdentifier, 'SetIdentifier');
  if (spec.setIdentifier !== undefined && (spec.setIdentifier.length < 1 || spec.setIdentifier.length > 128)) throw invalidInput('SetIdentifier must be 1 to 128 characters', name, type, spec.setIdentifier, 'SetIdentifier');
  return policy;
}

function checkValues(type: string, values: string[], name: string): void {
  values.forEach((v, i) => {
    const field: (string | number)[] = ['ResourceRecords', i];
    if (type === 'A' && !isIp(v.trim())) throw new CloudError('InvalidChangeBatch', `ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address: "${v}") encountered with '${v}'`, field);
    if (type === 'AAAA' && !/^[0-9a-f:.]+$/i.test(v.trim())) throw new CloudError('InvalidChangeBatch', `AAAARRDATAIllegalIPv6Address (Value is not a valid IPv6 address: "${v}")`, field);
    if (type === 'MX' && !/^\d+\s+\S+$/.test(v.trim())) throw new CloudError('InvalidChangeBatch', `MX value "${v}" must be a priority and a host name ("10 mail.example.com")`, field);
  });
  if (type === 'CNAME' && values.length > 1) throw new CloudError('InvalidChangeBatch', `RRSet of type CNAME with DNS name ${dotted(name)} has more than one value; a CNAME names exactly one host`, 'ResourceRecords');
}

/** ChangeResourceRecordSets CREATE of one record set. */
export function createRecordSet(cloud: Cloud, region: string, spec: RecordSetSpec, origin?: Origin): { resource: RecordSet; warnings: { code: string; message: string; field?: string }[] } {
  const warnings: { code: string; message: string; field?: string }[] = [];
  const { zone, assumed } = zoneFor(cloud, region, spec);
  if (assumed) warnings.push({ code: 'HostedZoneAssumed', message: assumed, field: spec.hostedZoneId !== undefined ? 'HostedZoneId' : 'HostedZoneName' });
  if (!spec.name) throw new CloudError('InvalidInput', 'a record set needs Name', 'Name');
  const name = checkDomainName(spec.name, 'Name', 'InvalidInput');
  const type = (spec.type ?? '').toUpperCase();
  if (!(RECORD_TYPES as readonly string[]).includes(type)) throw new CloudError('InvalidInput', `record Type "${spec.type ?? ''}" is not valid; give one of ${RECORD_TYPES.join(', ')}`, 'Type');
  if (zone.name && !inZone(name, zone.name)) {
    throw new CloudError('InvalidChangeBatch', `RRSet with DNS name ${dotted(name)} is not permitted in zone ${dotted(zone.name)}`, 'Name');
  }
  const policy = policyOf(spec, name, type);
  const values = spec.resourceRecords ?? [];
  if (spec.alias !== undefined) {
    if (spec.ttl !== undefined) throw invalidInput('an alias record takes no TTL (it uses its target\'s); remove TTL', name, type, spec.setIdentifier, 'TTL');
    if (values.length) throw invalidInput('an alias record takes no ResourceRecords; remove them or the AliasTarget', name, type, spec.setIdentifier, 'ResourceRecords');
    if (!spec.alias.dnsName) throw new CloudError('InvalidInput', 'AliasTarget needs DNSName', ['AliasTarget', 'DNSName']);
    if (!spec.alias.hostedZoneId) throw new CloudError('InvalidInput', 'AliasTarget needs HostedZoneId, the canonical hosted zone of the target (of its load balancer, distribution or zone)', ['AliasTarget', 'HostedZoneId']);
    if (policy === 'multivalue') throw invalidInput('a multivalue answer record cannot be an alias', name, type, spec.setIdentifier, 'MultiValueAnswer');
    if (spec.alias.hostedZoneId === CLOUDFRONT_ZONE_ID) {
      if (zone.private) throw new CloudError('InvalidChangeBatch', `RRSet with DNS name ${dotted(name)} cannot alias a CloudFront distribution in the private zone ${dotted(zone.name)}; CloudFront aliases belong in a public zone`, ['AliasTarget', 'HostedZoneId']);
      if (spec.alias.evaluateTargetHealth) throw new CloudError('InvalidChangeBatch', `EvaluateTargetHealth cannot be true for an alias to a CloudFront distribution (${dotted(name)}); set it to false`, ['AliasTarget', 'EvaluateTargetHealth']);
    }
  } else {
    if (spec.ttl === undefined || values.length === 0) {
      throw invalidInput('Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found none', name, type, spec.setIdentifier, spec.ttl === undefined ? 'TTL' : 'ResourceRecords');
    }
    if (!Number.isInteger(spec.ttl) || spec.ttl < 0 || spec.ttl > 2147483647) throw new CloudError('InvalidInput', `TTL ${spec.ttl} is out of range: seconds from 0 to 2147483647`, 'TTL');
    checkValues(type, values, name);
  }
  if (type === 'CNAME' && zone.name && name === zone.name) {
    throw new CloudError('InvalidChangeBatch', `RRSet of type CNAME with DNS name ${dotted(name)} is not permitted at apex in zone ${dotted(zone.name)}`, 'Name');
  }
  if (spec.weight !== undefined && (!Number.isInteger(spec.weight) || spec.weight < 0 || spec.weight > 255)) throw new CloudError('InvalidInput', `Weight ${spec.weight} is out of range 0-255`, 'Weight');
  const failover = spec.failover?.toUpperCase();
  if (failover !== undefined && failover !== 'PRIMARY' && failover !== 'SECONDARY') throw new CloudError('InvalidInput', `Failover "${spec.failover}" is not valid; give PRIMARY or SECONDARY`, 'Failover');
  if (spec.region !== undefined && !isRegion(spec.region)) throw new CloudError('InvalidInput', `Region "${spec.region}" of a latency record is not a region`, 'Region');
  checkConflicts(cloud, zone, { name, type, policy, setIdentifier: spec.setIdentifier, failover, region: spec.region });
  const id = cloud.newId('rrset', region, origin, 'record-set');
  const record: RecordSet = {
    ...named(id, region, origin),
    zoneId: zone.zoneId,
    name,
    type,
    ...(spec.ttl !== undefined ? { ttl: spec.ttl } : {}),
    values: values.map((v) => v.trim()),
    ...(spec.alias ? { alias: { dnsName: fqdn(spec.alias.dnsName!), hostedZoneId: spec.alias.hostedZoneId!, evaluateTargetHealth: spec.alias.evaluateTargetHealth ?? false } } : {}),
    policy,
    ...(spec.setIdentifier !== undefined ? { setIdentifier: spec.setIdentifier } : {}),
    ...(spec.weight !== undefined ? { weight: spec.weight } : {}),
    ...(failover ? { failover: failover as 'PRIMARY' | 'SECONDARY' } : {}),
    ...(spec.region ? { latencyRegion: spec.region } : {}),
    ...(spec.geoLocation ? { geoLocation: spec.geoLocation } : {}),
    ...(spec.healthCheckId ? { healthCheckId: spec.healthCheckId } : {}),
  };
  cloud.table(ROUTE53.recordSet).set(id, record);
  return { resource: record, warnings };
}

/** The records of a zone. */
export function recordsOf(cloud: Cloud, zoneId: string): RecordSet[] {
  return [...cloud.table(ROUTE53.recordSet).values()].filter((r) => r.zoneId === zoneId);
}

function checkConflicts(cloud: Cloud, zone: HostedZone, r: { name: string; type: string; policy: RoutingPolicy; setIdentifier?: string; failover?: string; region?: string }): void {
  const same = recordsOf(cloud, zone.zoneId).filter((o) => o.name === r.name);
  const zoneText = dotted(zone.name || r.name);
  for (const o of same) {
    if (o.type !== r.type && (o.type === 'CNAME' || r.type === 'CNAME')) {
      throw new CloudError('InvalidChangeBatch', `RRSet of type ${r.type} with DNS name ${dotted(r.name)} is not permitted because a conflicting RRSet of type ${o.type} with the same DNS name already exists in zone ${zoneText}`, 'Name');
    }
    if (o.type !== r.type) continue;
    if ((o.setIdentifier ?? '') === (r.setIdentifier ?? '')) {
      throw new CloudError('InvalidChangeBatch', `Tried to create resource record set [name='${dotted(r.name)}', type='${r.type}'${r.setIdentifier ? `, set-identifier='${r.setIdentifier}'` : ''}] but it already exists (${o.logicalId ?? o.id})`, r.setIdentifier ? 'SetIdentifier' : 'Name');
    }
    if (o.policy !== r.policy) {
      throw new CloudError('InvalidChangeBatch', `RRSet with DNS name ${dotted(r.name)}, type ${r.type}${r.setIdentifier ? `, SetIdentifier ${r.setIdentifier}` : ''} cannot be created: ${o.logicalId ?? o.id} has the same name and type with ${o.policy} routing, and the records of one name and type share one routing policy`, 'Name');
    }
    if (r.failover && o.failover === r.failover) {
      throw new CloudError('InvalidChangeBatch', `RRSet with DNS name ${dotted(r.name)}, type ${r.type}: a failover name has one PRIMARY and one SECONDARY record, and ${o.logicalId ?? o.id} is already ${r.failover}`, 'Failover');
    }
    if (r.region && o.latencyRegion === r.region) {
      throw new CloudError('InvalidChangeBatch', `RRSet with DNS name ${dotted(r.name)}, type ${r.type}: ${o.logicalId ?? o.id} already answers for ${r.region}; one latency record per region`, 'Region');
    }
  }
}
