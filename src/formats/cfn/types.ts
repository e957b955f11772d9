import { MODELLED_TYPES, type ResourceType } from './resources/index.js';
import { nearest } from './suggest.js';
import { UNMODELLED_TYPES } from './unmodelled-types.js';

export { MODELLED_TYPES } from './resources/index.js';

/** What the loader needs of a modelled type: its property schema and its attributes. */
export type ModelledType = Pick<ResourceType, 'schema' | 'attributes'>;
export { UNMODELLED_TYPES } from './unmodelled-types.js';

export type TypeClass =
  | { kind: 'modelled'; type: ModelledType }
  | { kind: 'unmodelled' }
  | { kind: 'unrecognized'; suggestion?: string };

const CUSTOM = /^Custom::[A-Za-z0-9_@-]{1,60}$/;

let allNames: string[] | undefined;

/** Every real type name cloudlab knows, modelled or not. */
export function knownTypeNames(): readonly string[] {
  allNames ??= [...Object.keys(MODELLED_TYPES), ...UNMODELLED_TYPES];
  return allNames;
}

export function modelledType(name: string): ModelledType | undefined {
  return Object.prototype.hasOwnProperty.call(MODELLED_TYPES, name) ? MODELLED_TYPES[name] : undefined;
}

/**
 * Sorts a Type value into modelled (the virtual cloud builds it), unmodelled (real, kept,
 * plays no part in checks: includes Custom:: resources) and unrecognized (no such type).
 */
export function classifyType(name: string): TypeClass {
  const m = modelledType(name);
  if (m) return { kind: 'modelled', type: m };
  if (UNMODELLED_TYPES.has(name) || CUSTOM.test(name)) return { kind: 'unmodelled' };
  return { kind: 'unrecognized', suggestion: nearest(name, knownTypeNames()) };
}
