import { CloudError } from '../errors.js';
import { CLOUDFRONT_QUOTAS } from './kinds.js';
import { intIn, listOf, oneOf, type Path, quantityItems, record, text } from './values.js';

/**
 * Origins and origin groups of a distribution (CF-02, CF-03, CF-04), with AWS's defaults and
 * ranges. https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-values-specify.html
 * and https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html
 */
export type OriginProtocolPolicy = 'http-only' | 'https-only' | 'match-viewer';

export interface CfOrigin {
  id: string;
  /** As given, lower case, without a trailing dot. */
  domainName: string;
  path: string;
  type: 'custom' | 's3' | 'vpc';
  protocolPolicy?: OriginProtocolPolicy;
  httpPort: number;
  httpsPort: number;
  sslProtocols: string[];
  connectionAttempts: number;
  /** Seconds CloudFront waits for each connection attempt. */
  connectionTimeout: number;
  readTimeout: number;
  keepaliveTimeout: number;
}

export interface CfOriginGroup {
  id: string;
  /** Primary, then secondary. */
  members: [string, string];
  statusCodes: number[];
}

const POLICIES: readonly OriginProtocolPolicy[] = ['http-only', 'https-only', 'match-viewer'];
const SSL_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'] as const;
/** The status codes an origin group may fail over on (CF-03). */
export const FAILOVER_STATUS_CODES: readonly number[] = [400, 403, 404, 416, 500, 502, 503, 504];

/** HTTPPort and HTTPSPort: 80, 443, or 1024-65535 (the distribution values page, "HTTP port"). */
function originPort(v: unknown, fallback: number, field: Path): number {
  const n = intIn(v, 1, 65535, fallback, field);
  if (n !== 80 && n !== 443 && n < 1024) throw new CloudError('InvalidArgument', `${String(field[field.length - 1])} must be 80, 443 or 1024-65535, not ${n}`, field);
  return n;
}

function originPath(v: unknown, field: Path): string {
  if (v === undefined || v === '') return '';
  if (typeof v !== 'string' || !v.startsWith('/') || v.endsWith('/')) {
    throw new CloudError('InvalidArgument', `OriginPath must begin with / and must not end with / (for example /production), not ${JSON.stringify(v)}`, field);
  }
  return v;
}

export function readOrigins(raw: unknown, base: Path): CfOrigin[] {
  const list = listOf(raw, [...base, 'Origins']);
  if (list.length === 0) throw new CloudError('InvalidArgument', 'a distribution needs at least one origin in Origins', [...base, 'Origins']);
  if (list.length > CLOUDFRONT_QUOTAS.originsPerDistribution) {
    throw new CloudError('TooManyOrigins', `a distribution holds at most ${CLOUDFRONT_QUOTAS.originsPerDistribution} origins, not ${list.length}`, [...base, 'Origins']);
  }
  const seen = new Set<string>();
  return list.map((item, i) => {
    const at: Path = [...base, 'Origins', i];
    const o = record(item);
    const id = text(o.Id, [...at, 'Id'], 'Id of the origin');
    if (seen.has(id)) throw new CloudError('InvalidArgument', `origin Id ${id} is used twice; each origin needs its own Id`, [...at, 'Id']);
    seen.add(id);
    const domainName = text(o.DomainName, [...at, 'DomainName'], 'DomainName of the origin').trim().toLowerCase().replace(/\.$/, '');
    const given = ['CustomOriginConfig', 'S3OriginConfig', 'VpcOriginConfig'].filter((k) => o[k] !== undefined);
    if (given.length !== 1) {
      throw new CloudError('InvalidArgument', `origin ${id} needs exactly one of CustomOriginConfig, S3OriginConfig or VpcOriginConfig${given.length ? `, not ${given.join(' and ')}` : ''}`, given.length ? [...at, given[1]] : at);
    }
    const c = record(o.CustomOriginConfig);
    const cat: Path = [...at, 'CustomOriginConfig'];
    const custom = given[0] === 'CustomOriginConfig';
    const protocols = custom ? listOf(c.OriginSSLProtocols, [...cat, 'OriginSSLProtocols']) : [];
    protocols.forEach((p, j) => oneOf(p, SSL_PROTOCOLS, undefined, [...cat, 'OriginSSLProtocols', j]));
    return {
      id,
      domainName,
      path: originPath(o.OriginPath, [...at, 'OriginPath']),
      type: custom ? 'custom' : given[0] === 'S3OriginConfig' ? 's3' : 'vpc',
      ...(custom ? { protocolPolicy: oneOf(c.OriginProtocolPolicy, POLICIES, undefined, [...cat, 'OriginProtocolPolicy']) } : {}),
      httpPort: custom ? originPort(c.HTTPPort, 80, [...cat, 'HTTPPort']) : 80,
      httpsPort: custom ? originPort(c.HTTPSPort, 443, [...cat, 'HTTPSPort']) : 443,
      sslProtocols: protocols.length ? (protocols as string[]) : custom ? ['TLSv1', 'TLSv1.1', 'TLSv1.2'] : [],
      connectionAttempts: intIn(o.ConnectionAttempts, 1, 3, 3, [...at, 'ConnectionAttempts']),
      connectionTimeout: intIn(o.ConnectionTimeout, 1, 10, 10, [...at, 'ConnectionTimeout']),
      readTimeout: custom ? intIn(c.OriginReadTimeout, 1, 60, 30, [...cat, 'OriginReadTimeout'], 'InvalidOriginReadTimeout') : 30,
      keepaliveTimeout: custom ? intIn(c.OriginKeepaliveTimeout, 1, 60, 5, [...cat, 'OriginKeepaliveTimeout'], 'InvalidOriginKeepaliveTimeout') : 5,
    };
  });
}

export function readOriginGroups(raw: unknown, origins: readonly CfOrigin[], base: Path): CfOriginGroup[] {
  if (raw === undefined) return [];
  const at: Path = [...base, 'OriginGroups'];
  const items = quantityItems(raw, at);
  if (items.length > CLOUDFRONT_QUOTAS.originGroupsPerDistribution) {
    throw new CloudError('TooManyOriginGroupsPerDistribution', `a distribution holds at most ${CLOUDFRONT_QUOTAS.originGroupsPerDistribution} origin groups, not ${items.length}`, at);
  }
  const originIds = new Set(origins.map((o) => o.id));
  const seen = new Set<string>();
  return items.map((item, i) => {
    const gat: Path = [...at, 'Items', i];
    const g = record(item);
    const id = text(g.Id, [...gat, 'Id'], 'Id of the origin group');
    if (originIds.has(id) || seen.has(id)) throw new CloudError('InvalidArgument', `origin group Id ${id} is already used by an origin or another group; Ids must be unique in the distribution`, [...gat, 'Id']);
    seen.add(id);
    const mat: Path = [...gat, 'Members'];
    const members = quantityItems(g.Members, mat);
    if (members.length !== 2) throw new CloudError('InvalidArgument', `origin group ${id} has ${members.length} member${members.length === 1 ? '' : 's'}; an origin group has exactly two, the primary then the secondary`, [...mat, 'Items']);
    const ids = members.map((m, j) => {
      const originId = text(record(m).OriginId, [...mat, 'Items', j, 'OriginId'], 'OriginId of the member');
      if (!originIds.has(originId)) {
        throw new CloudError('NoSuchOrigin', `origin group ${id} names the origin ${originId}, which is not one of this distribution's origins (${[...originIds].join(', ')})`, [...mat, 'Items', j, 'OriginId']);
      }
      return originId;
    });
    if (ids[0] === ids[1]) throw new CloudError('InvalidArgument', `origin group ${id} names ${ids[0]} twice; the secondary must be another origin`, [...mat, 'Items', 1, 'OriginId']);
    const sat: Path = [...gat, 'FailoverCriteria', 'StatusCodes'];
    const codes = quantityItems(record(g.FailoverCriteria).StatusCodes, sat);
    if (codes.length === 0) throw new CloudError('InvalidArgument', `origin group ${id} needs FailoverCriteria.StatusCodes: the codes that make CloudFront try the secondary (${FAILOVER_STATUS_CODES.join(', ')})`, sat);
    const statusCodes = codes.map((c, j) => {
      const n = Number(c);
      if (!FAILOVER_STATUS_CODES.includes(n)) {
        throw new CloudError('InvalidArgument', `origin group ${id} cannot fail over on status ${JSON.stringify(c)}; the allowed codes are ${FAILOVER_STATUS_CODES.join(', ')}`, [...sat, 'Items', j]);
      }
      return n;
    });
    return { id, members: [ids[0], ids[1]], statusCodes };
  });
}
