import { CloudError } from '../errors.js';
import type { Field } from '../store.js';

/** Reading CloudFront request values: whole numbers in a range, one of a set, lists. */

export type Path = (string | number)[];

export function intIn(v: unknown, lo: number, hi: number, fallback: number, field: Path, code = 'InvalidArgument'): number {
  if (v === undefined) return fallback;
  const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < lo || n > hi) {
    throw new CloudError(code, `${String(field[field.length - 1])} must be a whole number from ${lo} to ${hi}, not ${JSON.stringify(v)}`, field);
  }
  return n;
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T | undefined, field: Path, code = 'InvalidArgument'): T {
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'string' || !allowed.includes(v as T)) {
    throw new CloudError(code, `${String(field[field.length - 1])} must be one of ${allowed.join(', ')}, not ${JSON.stringify(v ?? null)}`, field);
  }
  return v as T;
}

export function listOf(v: unknown, field: Field): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new CloudError('InvalidArgument', 'must be a list', field);
  return v;
}

export function text(v: unknown, field: Path, what: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new CloudError('InvalidArgument', `${what} is required`, field);
  return v;
}

export function record(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * A Quantity/Items pair as the CloudFront API writes lists (CloudFormation keeps it for origin
 * groups): the items, after checking that Quantity, when given, counts them.
 */
export function quantityItems(v: unknown, field: Path): unknown[] {
  const o = record(v);
  const items = listOf(o.Items, [...field, 'Items']);
  if (o.Quantity !== undefined && Number(o.Quantity) !== items.length) {
    throw new CloudError('InconsistentQuantities', `Quantity is ${String(o.Quantity)} but Items holds ${items.length}; the two must agree`, [...field, 'Quantity']);
  }
  return items;
}
