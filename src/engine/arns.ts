import type { Origin, Store } from './store.js';

/**
 * Amazon Resource Names: the account the virtual cloud plays (the same one CloudFormation's
 * AWS::AccountId gives), reading an ARN into its parts, and deterministic names for resources
 * whose ids AWS forms as UUIDs or upper-case strings (certificates, web ACLs, backup plans).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export const ACCOUNT_ID = '123456789012';

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the account: `certificate/…`, `backup-vault:Name`, `global/webacl/Name/Id`. */
  resource: string;
}

/** The parts of an ARN, or undefined when the text is not one (arn:partition:service:region:account:resource). */
export function parseArn(text: string): Arn | undefined {
  const m = /^arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|\*)?:(.+)$/.exec(text);
  if (!m) return undefined;
  return { partition: m[1], service: m[2], region: m[3], account: m[4] ?? '', resource: m[5] };
}

export function formatArn(service: string, region: string, resource: string, account = ACCOUNT_ID): string {
  return `arn:aws:${service}:${region}:${account}:${resource}`;
}

/** The name ids are drawn from: the region and logical id when there is one, else the creation order. */
function idName(store: Store, region: string, origin: Origin | undefined, kindName: string): string {
  return origin?.logicalId ? `${region}/${origin.logicalId}` : `${region}/${kindName}/${store.nextAnonymous()}`;
}

/** Deterministic hex digits for a resource (32 for a UUID), unique in the store. */
export function hexFor(store: Store, prefix: string, region: string, origin: Origin | undefined, kindName: string, length: number): string {
  return store.ids.make(prefix, idName(store, region, origin, kindName), length).slice(prefix.length + 1);
}

/** A UUID (8-4-4-4-12 hex digits) drawn from the seed and the resource's name. */
export function uuidFor(store: Store, prefix: string, region: string, origin: Origin | undefined, kindName: string): string {
  const h = hexFor(store, prefix, region, origin, kindName, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
