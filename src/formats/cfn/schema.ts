import { describeValue, isRecord } from './values.js';
import { didYouMean } from './suggest.js';

/**
 * Property shapes of the modelled resource types, as precise as needed to tell a student
 * "FromPort must be a whole number, not a list". Values (is this CIDR valid?) are the
 * builder's business, not this module's.
 */
export type Shape =
  | { readonly t: 'string' | 'integer' | 'number' | 'boolean' | 'json' }
  | { readonly t: 'list'; readonly of: Shape }
  | { readonly t: 'object'; readonly schema: ObjectSchema };

export interface ObjectSchema {
  readonly props: Readonly<Record<string, Shape>>;
  readonly required?: readonly string[];
  /** Exactly one property of each group. */
  readonly oneOf?: readonly (readonly string[])[];
  /** At least one property of each group. */
  readonly anyOf?: readonly (readonly string[])[];
  /** At most one property of each group. */
  readonly exclusive?: readonly (readonly string[])[];
  /** Attributes AWS sets: named in the schema so a template that sets one gets a clear error. */
  readonly readOnly?: readonly string[];
}

export const S: Shape = { t: 'string' };
export const I: Shape = { t: 'integer' };
export const B: Shape = { t: 'boolean' };
export const JSON_VALUE: Shape = { t: 'json' };
export const list = (of: Shape): Shape => ({ t: 'list', of });
export const obj = (props: Record<string, Shape>, rest: Omit<ObjectSchema, 'props'> = {}): Shape => ({
  t: 'object',
  schema: { props, ...rest },
});
export const TAGS = list(obj({ Key: S, Value: S }, { required: ['Key', 'Value'] }));

export interface ShapeIssue {
  code: 'UnknownProperty' | 'MissingProperty' | 'InvalidPropertyValue' | 'ReadOnlyProperty' | 'ConflictingProperties';
  message: string;
  /** Path below Properties of the offending value (or of the object missing something). */
  path: (string | number)[];
}

const has = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function pathName(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/**
 * Checks resolved properties against a type's schema and returns them normalised (numbers
 * given as text become numbers, "true" becomes true, as CloudFormation converts them).
 * `owner` names the resource type for messages about the top level.
 */
export function checkProperties(
  props: Record<string, unknown>,
  schema: ObjectSchema,
  owner: string,
  issues: ShapeIssue[],
): Record<string, unknown> {
  return checkObject(props, schema, [], owner, issues);
}

function checkObject(
  value: Record<string, unknown>,
  schema: ObjectSchema,
  path: (string | number)[],
  owner: string,
  issues: ShapeIssue[],
): Record<string, unknown> {
  const where = path.length ? pathName(path) : owner;
  const names = Object.keys(schema.props);
  const out: [string, unknown][] = [];
  for (const [key, v] of Object.entries(value)) {
    const shape = schema.props[key];
    if (shape === undefined || !has(schema.props, key)) {
      if (schema.readOnly?.includes(key)) {
        issues.push({
          code: 'ReadOnlyProperty',
          message: `${key} is an attribute AWS sets on ${where}; it cannot be given as a property (read it with Fn::GetAtt)`,
          path: [...path, key],
        });
      } else {
        const hint = didYouMean(key, names);
        issues.push({
          code: 'UnknownProperty',
          message: `unknown property ${key} in ${where}${hint || (names.length <= 12 ? ` (valid: ${names.join(', ')})` : '')}`,
          path: [...path, key],
        });
      }
      continue;
    }
    out.push([key, checkShape(v, shape, [...path, key], owner, issues)]);
  }
  for (const r of schema.required ?? []) {
    if (!has(value, r)) issues.push({ code: 'MissingProperty', message: `${where} needs the property ${r}`, path: [...path] });
  }
  const present = (group: readonly string[]) => group.filter((k) => has(value, k));
  for (const group of schema.oneOf ?? []) {
    const p = present(group);
    if (p.length === 0) {
      issues.push({ code: 'MissingProperty', message: `${where} needs one of ${group.join(', ')}`, path: [...path] });
    } else if (p.length > 1) {
      issues.push({
        code: 'ConflictingProperties',
        message: `${where} gives ${p.join(' and ')}; give only one of ${group.join(', ')}`,
        path: [...path, p[1]],
      });
    }
  }
  for (const group of schema.anyOf ?? []) {
    if (present(group).length === 0) {
      issues.push({ code: 'MissingProperty', message: `${where} needs at least one of ${group.join(', ')}`, path: [...path] });
    }
  }
  for (const group of schema.exclusive ?? []) {
    const p = present(group);
    if (p.length > 1) {
      issues.push({
        code: 'ConflictingProperties',
        message: `${where} gives both ${p.join(' and ')}; they cannot be used together`,
        path: [...path, p[1]],
      });
    }
  }
  return Object.fromEntries(out);
}

function checkShape(v: unknown, shape: Shape, path: (string | number)[], owner: string, issues: ShapeIssue[]): unknown {
  const name = pathName(path);
  const wrong = (expected: string) => {
    issues.push({ code: 'InvalidPropertyValue', message: `${name} must be ${expected}, not ${describeValue(v)}`, path });
    return v;
  };
  switch (shape.t) {
    case 'json':
      return v;
    case 'string':
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      return wrong('text');
    case 'integer':
    case 'number': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
      if (!Number.isFinite(n) || (shape.t === 'integer' && !Number.isInteger(n))) {
        return wrong(shape.t === 'integer' ? 'a whole number' : 'a number');
      }
      return n;
    }
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
      return wrong('true or false');
    case 'list':
      if (!Array.isArray(v)) return wrong('a list');
      return v.map((item, i) => checkShape(item, shape.of, [...path, i], owner, issues));
    case 'object':
      if (!isRecord(v)) return wrong('a mapping');
      return checkObject(v, shape.schema, path, owner, issues);
  }
}
