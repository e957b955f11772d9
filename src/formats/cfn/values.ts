import type { TNode } from './model.js';

/** The value of `Ref: AWS::NoValue`: the property or list item holding it is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
/** A value that could not be computed; the error has already been reported. */
export const BAD: unique symbol = Symbol('unresolved');

export type Marker = typeof NO_VALUE | typeof BAD;

/** A map with no prototype, so that no key of a template can reach Object.prototype. */
export function emptyRecord<T = unknown>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The tree as plain values (intrinsic functions left as the maps they are written as). */
export function toPlain(node: TNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map':
      return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
  }
}

/** Scalars as CloudFormation reads them where a string is expected. */
export function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Short description of a value's shape for error messages: "a list", "a mapping", … */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return v.length > 40 ? `the text "${v.slice(0, 37)}…"` : `the text "${v}"`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `the boolean ${v}`;
  return 'an unusable value';
}

export function describeNode(node: TNode): string {
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'map') return 'a mapping';
  return describeValue(node.value);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
