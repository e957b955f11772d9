import { CloudError } from '../../../engine/errors.js';
import { createRecordSet, type RecordSetSpec } from '../../../engine/route53/index.js';
import { B, I, list, obj, S, type Shape } from '../schema.js';
import { originOf } from './props.js';
import { type BuildContext, type BuildResource, type ResourceType, schema } from './resource-type.js';

/**
 * AWS::Route53::RecordSet and AWS::Route53::RecordSetGroup → ChangeResourceRecordSets. Ref
 * of a record set is its domain name; of a group, an id CloudFormation makes.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-route53-recordset.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-route53-recordsetgroup.html
 */
const recordProps: Record<string, Shape> = {
  AliasTarget: obj({ DNSName: S, EvaluateTargetHealth: B, HostedZoneId: S }, { required: ['DNSName', 'HostedZoneId'] }),
  CidrRoutingConfig: obj({ CollectionId: S, LocationName: S }),
  Comment: S,
  Failover: S,
  GeoLocation: obj({ ContinentCode: S, CountryCode: S, SubdivisionCode: S }),
  GeoProximityLocation: obj({ AWSRegion: S, BiasValue: I, Coordinates: obj({ Latitude: S, Longitude: S }), LocalZoneGroup: S }),
  HealthCheckId: S,
  HostedZoneId: S,
  HostedZoneName: S,
  MultiValueAnswer: B,
  Name: S,
  Region: S,
  ResourceRecords: list(S),
  SetIdentifier: S,
  TTL: S,
  Type: S,
  Weight: I,
};

const text = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));

function specOf(p: Record<string, unknown>, zone: { HostedZoneId?: unknown; HostedZoneName?: unknown }): RecordSetSpec {
  const alias = p.AliasTarget as Record<string, unknown> | undefined;
  const ttl = p.TTL === undefined ? undefined : Number(p.TTL);
  if (ttl !== undefined && !Number.isInteger(ttl)) throw new CloudError('InvalidInput', `TTL must be a whole number of seconds, not ${JSON.stringify(p.TTL)}`, 'TTL');
  const geo = p.GeoLocation as Record<string, unknown> | undefined;
  return {
    hostedZoneId: text(zone.HostedZoneId),
    hostedZoneName: text(zone.HostedZoneName),
    name: text(p.Name),
    type: text(p.Type),
    ttl,
    resourceRecords: Array.isArray(p.ResourceRecords) ? p.ResourceRecords.map(String) : undefined,
    alias: alias ? { dnsName: text(alias.DNSName), hostedZoneId: text(alias.HostedZoneId), evaluateTargetHealth: alias.EvaluateTargetHealth === true } : undefined,
    setIdentifier: text(p.SetIdentifier),
    weight: p.Weight === undefined ? undefined : Number(p.Weight),
    failover: text(p.Failover),
    region: text(p.Region),
    geoLocation: geo ? Object.fromEntries(Object.entries(geo).map(([k, v]) => [k, String(v)])) : undefined,
    multiValueAnswer: p.MultiValueAnswer === true,
    healthCheckId: text(p.HealthCheckId),
  };
}

function create(ctx: BuildContext, r: BuildResource, p: Record<string, unknown>, zone: Record<string, unknown>, logicalId: string, prefix: (string | number)[]) {
  try {
    const { resource, warnings } = createRecordSet(ctx.cloud, ctx.region, specOf(p, zone), { logicalId });
    for (const w of warnings) ctx.warn({ logicalId: r.logicalId, code: w.code, message: w.message, path: w.field && !prefix.length ? [w.field] : [] });
    return resource;
  } catch (e) {
    if (e instanceof CloudError && prefix.length) {
      const field = e.field === undefined ? prefix : [...prefix, ...(Array.isArray(e.field) ? e.field : [e.field])];
      throw new CloudError(e.code, e.message, field, e.logicalId);
    }
    throw e;
  }
}

export const recordSet: ResourceType = {
  schema: schema(recordProps, { required: ['Name', 'Type'], oneOf: [['HostedZoneId', 'HostedZoneName']] }),
  attributes: [],
  create(ctx, r) {
    const p = r.properties;
    const rec = create(ctx, r, p, p, r.logicalId, []);
    return { ref: rec.name, attributes: {} };
  },
};

const { HostedZoneId: _id, HostedZoneName: _name, Comment: _c, ...inGroup } = recordProps;

export const recordSetGroup: ResourceType = {
  schema: schema(
    { Comment: S, HostedZoneId: S, HostedZoneName: S, RecordSets: list(obj({ ...inGroup, HostedZoneId: S, HostedZoneName: S }, { required: ['Name', 'Type'] })) },
    { oneOf: [['HostedZoneId', 'HostedZoneName']] },
  ),
  attributes: [],
  create(ctx, r) {
    const p = r.properties;
    const sets = Array.isArray(p.RecordSets) ? (p.RecordSets as Record<string, unknown>[]) : [];
    sets.forEach((s, i) => create(ctx, r, s, p, `${r.logicalId}.${i + 1}`, ['RecordSets', i]));
    return { ref: ctx.localId('rrsetgroup', r.logicalId), attributes: {} };
  },
};
