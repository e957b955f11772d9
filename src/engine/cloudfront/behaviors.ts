import { CloudError } from '../errors.js';
import { CLOUDFRONT_QUOTAS } from './kinds.js';
import type { CfOrigin, CfOriginGroup } from './origins.js';
import { intIn, listOf, oneOf, type Path, record, text } from './values.js';

/**
 * Cache behaviors (CF-01, CF-03, CF-05): which origin a path goes to, the methods it allows,
 * what the viewer must speak, how long objects stay cached.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-values-specify.html
 */
export type ViewerProtocolPolicy = 'allow-all' | 'https-only' | 'redirect-to-https';

export interface CacheBehavior {
  /** Undefined for the default behavior (`*`). */
  pathPattern?: string;
  targetOriginId: string;
  /** Whether the target is an origin group (failover) rather than one origin. */
  targetIsGroup: boolean;
  viewerProtocolPolicy: ViewerProtocolPolicy;
  allowedMethods: string[];
  cachedMethods: string[];
  cachePolicyId?: string;
  /** The legacy TTLs, when the behavior forwards values instead of naming a cache policy. */
  ttl?: { min: number; default: number; max: number };
}

const VIEWER_POLICIES: readonly ViewerProtocolPolicy[] = ['allow-all', 'https-only', 'redirect-to-https'];
/** The only method sets CloudFront accepts, as AllowedMethods and CachedMethods. */
const ALLOWED_SETS = [['GET', 'HEAD'], ['GET', 'HEAD', 'OPTIONS'], ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']];
const CACHED_SETS = [['GET', 'HEAD'], ['GET', 'HEAD', 'OPTIONS']];
/** The methods an origin group fails over (CF-03). */
const FAILOVER_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** CF-05: legacy defaults, Minimum 0 s, Default one day, Maximum one year. */
export const DEFAULT_TTL = { min: 0, default: 86_400, max: 31_536_000 } as const;

function methodSet(v: unknown, sets: string[][], fallback: string[], field: Path): string[] {
  if (v === undefined) return fallback;
  const list = listOf(v, field).map((m) => String(m).toUpperCase());
  const key = [...new Set(list)].sort().join(',');
  const match = sets.find((s) => [...s].sort().join(',') === key);
  if (!match) {
    throw new CloudError('InvalidArgument', `${String(field[field.length - 1])} [${list.join(', ')}] is not a set CloudFront accepts; use one of ${sets.map((s) => `[${s.join(', ')}]`).join(', ')}`, field);
  }
  return match;
}

export function readBehavior(raw: unknown, at: Path, origins: readonly CfOrigin[], groups: readonly CfOriginGroup[], isDefault: boolean): CacheBehavior {
  const b = record(raw);
  const pathPattern = isDefault ? undefined : text(b.PathPattern, [...at, 'PathPattern'], 'PathPattern of the cache behavior');
  const targetOriginId = text(b.TargetOriginId, [...at, 'TargetOriginId'], 'TargetOriginId');
  const isGroup = groups.some((g) => g.id === targetOriginId);
  if (!isGroup && !origins.some((o) => o.id === targetOriginId)) {
    const known = [...origins.map((o) => o.id), ...groups.map((g) => g.id)];
    throw new CloudError('NoSuchOrigin', `TargetOriginId ${targetOriginId} names no origin or origin group of this distribution (${known.join(', ')})`, [...at, 'TargetOriginId']);
  }
  const viewerProtocolPolicy = oneOf(b.ViewerProtocolPolicy, VIEWER_POLICIES, undefined, [...at, 'ViewerProtocolPolicy']);
  const allowedMethods = methodSet(b.AllowedMethods, ALLOWED_SETS, ['GET', 'HEAD'], [...at, 'AllowedMethods']);
  const cachedMethods = methodSet(b.CachedMethods, CACHED_SETS, ['GET', 'HEAD'], [...at, 'CachedMethods']);
  if (cachedMethods.some((m) => !allowedMethods.includes(m))) {
    throw new CloudError('InvalidArgument', `CachedMethods [${cachedMethods.join(', ')}] must be among AllowedMethods [${allowedMethods.join(', ')}]`, [...at, 'CachedMethods']);
  }
  if (isGroup && allowedMethods.some((m) => !FAILOVER_METHODS.has(m))) {
    throw new CloudError(
      'InvalidArgument',
      `The parameter AllowedMethods cannot include POST, PUT, PATCH, or DELETE for a cached behavior associated with an origin group (${targetOriginId}): origin groups fail over only GET, HEAD and OPTIONS`,
      [...at, 'AllowedMethods'],
    );
  }
  const cachePolicyId = typeof b.CachePolicyId === 'string' && b.CachePolicyId !== '' ? b.CachePolicyId : undefined;
  if (cachePolicyId === undefined && b.ForwardedValues === undefined) {
    throw new CloudError('InvalidArgument', 'a cache behavior needs CachePolicyId (a cache policy) or the legacy ForwardedValues', at);
  }
  let ttl: CacheBehavior['ttl'];
  if (cachePolicyId === undefined) {
    const min = intIn(b.MinTTL, 0, Number.MAX_SAFE_INTEGER, DEFAULT_TTL.min, [...at, 'MinTTL']);
    const def = intIn(b.DefaultTTL, 0, Number.MAX_SAFE_INTEGER, Math.max(DEFAULT_TTL.default, min), [...at, 'DefaultTTL']);
    const max = intIn(b.MaxTTL, 0, Number.MAX_SAFE_INTEGER, Math.max(DEFAULT_TTL.max, def), [...at, 'MaxTTL']);
    if (!(min <= def && def <= max)) {
      throw new CloudError('InvalidTTLOrder', `the TTLs must satisfy MinTTL ≤ DefaultTTL ≤ MaxTTL; here ${min} ≤ ${def} ≤ ${max} does not hold`, [...at, min > def ? 'MinTTL' : 'MaxTTL']);
    }
    ttl = { min, default: def, max };
  }
  return { ...(pathPattern !== undefined ? { pathPattern } : {}), targetOriginId, targetIsGroup: isGroup, viewerProtocolPolicy, allowedMethods, cachedMethods, ...(cachePolicyId ? { cachePolicyId } : {}), ...(ttl ? { ttl } : {}) };
}

export function readBehaviors(raw: unknown, base: Path, origins: readonly CfOrigin[], groups: readonly CfOriginGroup[]): CacheBehavior[] {
  const list = listOf(raw, [...base, 'CacheBehaviors']);
  if (list.length > CLOUDFRONT_QUOTAS.cacheBehaviorsPerDistribution) {
    throw new CloudError('TooManyCacheBehaviors', `a distribution holds at most ${CLOUDFRONT_QUOTAS.cacheBehaviorsPerDistribution} cache behaviors, not ${list.length}`, [...base, 'CacheBehaviors']);
  }
  const seen = new Set<string>();
  return list.map((b, i) => {
    const behavior = readBehavior(b, [...base, 'CacheBehaviors', i], origins, groups, false);
    if (seen.has(behavior.pathPattern!)) throw new CloudError('InvalidArgument', `two cache behaviors have the path pattern ${behavior.pathPattern}; each needs its own`, [...base, 'CacheBehaviors', i, 'PathPattern']);
    seen.add(behavior.pathPattern!);
    return behavior;
  });
}
