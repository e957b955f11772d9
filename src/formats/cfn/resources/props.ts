import { formatIp } from '../../../engine/address.js';
import { CloudError } from '../../../engine/errors.js';
import type { Origin } from '../../../engine/store.js';
import type { BuildResource } from './resource-type.js';

/** Reading resolved properties: single values, booleans, lists of ids, tags. */

type Props = Record<string, unknown>;

export function str(p: Props, key: string): string | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new CloudError('InvalidParameterValue', `${key} must be a single value, not ${Array.isArray(v) ? 'a list' : 'a map'}`, key);
}

export function bool(p: Props, key: string): boolean | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (v === true || v === 'true' || v === 'True') return true;
  if (v === false || v === 'false' || v === 'False') return false;
  throw new CloudError('InvalidParameterValue', `${key} must be true or false, not ${JSON.stringify(v)}`, key);
}

export function strList(p: Props, key: string): string[] | undefined {
  const v = p[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new CloudError('InvalidParameterValue', `${key} must be a list`, key);
  return v.map((x, i) => {
    if (typeof x !== 'string') throw new CloudError('InvalidParameterValue', `${key} item ${i + 1} must be an id string`, [key, i]);
    return x;
  });
}

function tags(p: Props): Record<string, string> {
  const out: Record<string, string> = {};
  const v = p.Tags;
  if (Array.isArray(v)) {
    for (const t of v) {
      if (t && typeof t === 'object' && 'Key' in t) out[String((t as Props).Key)] = String((t as Props).Value ?? '');
    }
  }
  return out;
}

/** The origin of the engine resource a template resource creates: its logical id and tags. */
export function originOf(r: BuildResource): Origin {
  return { logicalId: r.logicalId, tags: tags(r.properties) };
}

export function cidrText(c: { network: number; prefix: number }): string {
  return `${formatIp(c.network)}/${c.prefix}`;
}

export function privateDnsName(region: string, ip: number): string {
  const host = `ip-${formatIp(ip).replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

export function publicDnsName(region: string, ip: number): string {
  const host = `ec2-${formatIp(ip).replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${host}.compute-1.amazonaws.com` : `${host}.${region}.compute.amazonaws.com`;
}

/** CloudFormation's attribute values for an unmodelled resource: any attribute reads as a placeholder. */
export function placeholderAttributes(logicalId: string): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get: (_t, key) => (typeof key === 'string' ? `${logicalId}.${key}` : undefined),
      has: () => true,
      getOwnPropertyDescriptor: (_t, key) => (typeof key === 'string' ? { value: `${logicalId}.${key}`, enumerable: true, configurable: true, writable: false } : undefined),
    },
  );
}
