import type { CheckKind, CheckOutcome } from './types.js';
import { CheckArgumentError } from './types.js';

/**
 * Checks on the resources as the student declared them: a resource of a type exists with
 * the given properties (any CloudFormation property, compared after intrinsic functions are
 * resolved; a map in `properties` matches a subset, a list matches when it holds every item).
 */
function matches(actual: unknown, wanted: unknown): boolean {
  if (wanted === null || typeof wanted !== 'object') {
    if (typeof wanted === 'boolean') return actual === wanted || String(actual).toLowerCase() === String(wanted);
    return actual === wanted || (actual !== undefined && actual !== null && String(actual) === String(wanted));
  }
  if (Array.isArray(wanted)) return Array.isArray(actual) && wanted.every((w) => actual.some((a) => matches(a, w)));
  if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
  return Object.entries(wanted).every(([k, v]) => matches((actual as Record<string, unknown>)[k], v));
}

function roleOf(properties: Record<string, unknown>): string | undefined {
  const tags = properties.Tags;
  if (!Array.isArray(tags)) return undefined;
  const t = tags.find((x) => x && typeof x === 'object' && String((x as { Key?: unknown }).Key).toLowerCase() === 'role');
  return t ? String((t as { Value?: unknown }).Value).toLowerCase() : undefined;
}

export const resourceExists: CheckKind = {
  kind: 'resource-exists',
  description: 'a resource of the type (with the role, if given) has the given properties',
  args: { type: 'AWS::EC2::VPC, …', 'role?': 'Role tag value', 'properties?': 'a map of properties to match', 'min?': 'how many must match (1)' },
  run(ctx, args): CheckOutcome {
    if (typeof args.type !== 'string' || !/^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(args.type)) {
      throw new CheckArgumentError('resource-exists needs a type such as AWS::EC2::VPC');
    }
    const role = args.role === undefined ? undefined : String(args.role).toLowerCase();
    const wanted = (args.properties ?? {}) as Record<string, unknown>;
    if (typeof wanted !== 'object' || Array.isArray(wanted)) throw new CheckArgumentError('properties is a map');
    const min = Number(args.min ?? 1);
    const ofType = ctx.resources.filter((r) => r.type === args.type && (role === undefined || roleOf(r.properties) === role));
    const good = ofType.filter((r) => matches(r.properties, wanted));
    const what = `${args.type}${role ? ` with Role: ${role}` : ''}`;
    const props = Object.keys(wanted).length ? ` with ${Object.entries(wanted).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}` : '';
    if (good.length >= min) return { passed: true, detail: `${good.map((r) => r.logicalId).join(', ')}: ${what}${props}`, evidence: { resources: good.map((r) => r.logicalId) } };
    if (ofType.length === 0) return { passed: false, detail: `there is no ${what}` };
    return { passed: false, detail: `${ofType.length} ${what} found, but ${good.length === 0 ? 'none' : `only ${good.length}`} ${props ? `has${props.replace(/^ with/, '')}` : 'matches'}${min > 1 ? ` (${min} needed)` : ''}`, evidence: { resources: ofType.map((r) => r.logicalId) } };
  },
};
