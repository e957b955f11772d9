import { formatArn, hexFor } from '../arns.js';
import { CloudError } from '../errors.js';
import { named, type Named, type Origin, type Store } from '../store.js';
import { type CacheBehavior, readBehavior, readBehaviors } from './behaviors.js';
import { CLOUDFRONT, CLOUDFRONT_HOSTED_ZONE_ID, CLOUDFRONT_QUOTAS } from './kinds.js';
import { resourceAtName } from './origin-target.js';
import { type CfOrigin, type CfOriginGroup, readOriginGroups, readOrigins } from './origins.js';
import type { Note } from '../notes.js';
import { readViewerCertificate, readWebAcl, type ViewerCertificate, type WebAclLink } from './viewer-certificate.js';
import { listOf, oneOf, type Path, record } from './values.js';

/**
 * A CloudFront distribution (CreateDistribution): its origins and origin groups, cache
 * behaviors, alternate domain names with the certificate that covers them, the web ACL in
 * front. CloudFront is global; the distribution keeps the region of the stack that made it.
 * Every rule of the request is checked here; what the submission does not make (an origin
 * outside it, a certificate it does not request) comes back as a note, not an error.
 * https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateDistribution.html
 */
export type PriceClass = 'PriceClass_100' | 'PriceClass_200' | 'PriceClass_All';

export interface Distribution extends Named {
  readonly arn: string;
  /** `dxxxxxxxxxxxxx.cloudfront.net`, what viewers and Route 53 aliases point at. */
  readonly dnsName: string;
  readonly hostedZoneId: string;
  enabled: boolean;
  aliases: string[];
  origins: CfOrigin[];
  originGroups: CfOriginGroup[];
  defaultBehavior: CacheBehavior;
  behaviors: CacheBehavior[];
  viewerCertificate: ViewerCertificate;
  webAcl?: WebAclLink;
  priceClass: PriceClass;
  httpVersion: string;
  ipv6Enabled: boolean;
}

/** The DistributionConfig, as CloudFormation and the API name its fields. */
export type DistributionConfig = Record<string, unknown>;

const BASE: Path = ['DistributionConfig'];
const ALIAS = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

function readAliases(store: Store, raw: unknown): string[] {
  const list = listOf(raw, [...BASE, 'Aliases']).map(String);
  if (list.length > CLOUDFRONT_QUOTAS.aliasesPerDistribution) {
    throw new CloudError('TooManyDistributionCNAMEs', `a distribution holds at most ${CLOUDFRONT_QUOTAS.aliasesPerDistribution} alternate domain names, not ${list.length}`, [...BASE, 'Aliases']);
  }
  const taken = new Map<string, Distribution>();
  for (const d of store.table(CLOUDFRONT.distribution).values()) for (const a of d.aliases) taken.set(a, d);
  list.forEach((a, i) => {
    const field = [...BASE, 'Aliases', i];
    if (a !== a.toLowerCase()) throw new CloudError('InvalidArgument', `the alternate domain name ${a} must be written in lower case (${a.toLowerCase()})`, field);
    if (!ALIAS.test(a)) throw new CloudError('InvalidArgument', `"${a}" is not a domain name (for example www.example.com or *.example.com)`, field);
    const other = taken.get(a);
    if (other) throw new CloudError('CNAMEAlreadyExists', `One or more of the CNAMEs you provided are already associated with a different resource: ${a} is an alias of ${other.logicalId ?? other.id}`, field);
  });
  if (new Set(list).size !== list.length) throw new CloudError('InvalidArgument', 'Aliases lists a name twice', [...BASE, 'Aliases']);
  return list;
}

/** The origins' DNS names that no resource of the submission answers at (an origin outside it). */
function originNotes(store: Store, origins: readonly CfOrigin[], notes: Note[]): void {
  origins.forEach((o, i) => {
    if (o.type !== 'custom' || resourceAtName(store, o.domainName)) return;
    notes.push({ code: 'OriginOutsideSubmission', message: `origin ${o.id}: ${o.domainName} is not a resource of this submission; it is taken as a server outside it`, field: [...BASE, 'Origins', i, 'DomainName'] });
  });
}

export function createDistribution(store: Store, region: string, config: DistributionConfig, origin?: Origin): { distribution: Distribution; notes: Note[] } {
  const c = record(config);
  const notes: Note[] = [];
  if (c.Enabled === undefined) throw new CloudError('InvalidArgument', 'DistributionConfig needs Enabled (true or false)', BASE);
  if (c.DefaultCacheBehavior === undefined) throw new CloudError('InvalidArgument', 'DistributionConfig needs DefaultCacheBehavior', BASE);
  const aliases = readAliases(store, c.Aliases);
  const origins = readOrigins(c.Origins, BASE);
  const originGroups = readOriginGroups(c.OriginGroups, origins, BASE);
  const defaultBehavior = readBehavior(c.DefaultCacheBehavior, [...BASE, 'DefaultCacheBehavior'], origins, originGroups, true);
  const behaviors = readBehaviors(c.CacheBehaviors, BASE, origins, originGroups);
  const viewerCertificate = readViewerCertificate(store, c.ViewerCertificate, aliases, BASE, notes);
  const webAcl = readWebAcl(store, c.WebACLId, BASE, notes);
  const priceClass = oneOf(c.PriceClass, ['PriceClass_100', 'PriceClass_200', 'PriceClass_All'] as const, 'PriceClass_All', [...BASE, 'PriceClass']);
  const httpVersion = oneOf(c.HttpVersion, ['http1.1', 'http2', 'http3', 'http2and3'], 'http1.1', [...BASE, 'HttpVersion']);
  originNotes(store, origins, notes);
  const id = `E${hexFor(store, 'cf', region, origin, 'distribution', 13).toUpperCase()}`;
  const dnsName = `d${hexFor(store, 'cfd', region, origin, 'distribution', 13)}.cloudfront.net`;
  const distribution: Distribution = {
    ...named(id, region, origin),
    arn: formatArn('cloudfront', '', `distribution/${id}`),
    dnsName,
    hostedZoneId: CLOUDFRONT_HOSTED_ZONE_ID,
    enabled: c.Enabled === true || c.Enabled === 'true',
    aliases,
    origins,
    originGroups,
    defaultBehavior,
    behaviors,
    viewerCertificate,
    ...(webAcl ? { webAcl } : {}),
    priceClass,
    httpVersion,
    ipv6Enabled: c.IPV6Enabled === true || c.IPV6Enabled === 'true',
  };
  store.table(CLOUDFRONT.distribution).set(id, distribution);
  return { distribution, notes };
}

/** CF-04: how long CloudFront tries an origin that does not answer before it gives up (attempts × timeout), in seconds. */
export function connectionGiveUpSeconds(o: CfOrigin): number {
  return o.connectionAttempts * o.connectionTimeout;
}

/** The resource of the submission an origin's DomainName names (a load balancer, an instance, …), or undefined. */
export function originTarget(store: Store, o: CfOrigin): Named | undefined {
  return o.type === 'custom' || o.type === 'vpc' ? resourceAtName(store, o.domainName) : undefined;
}
