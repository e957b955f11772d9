import type { Cloud } from '../../../engine/cloud.js';
import type { ObjectSchema, Shape } from '../schema.js';

/**
 * One CloudFormation resource type the virtual cloud models: its properties as the
 * CloudFormation reference lists them, the attributes Fn::GetAtt can read, and `create`,
 * which reads the resolved properties and calls the one engine operation the type stands
 * for. Every AWS rule lives in that operation; `create` only maps properties to parameters
 * and says what the virtual cloud keeps without modelling.
 */
export interface ResourceType {
  readonly schema: ObjectSchema;
  readonly attributes: readonly string[];
  create(ctx: BuildContext, r: BuildResource): Built;
}

export interface BuildResource {
  logicalId: string;
  type: string;
  modelled: boolean;
  properties: Record<string, unknown>;
  /** The DeletionPolicy attribute, when the template gives one. */
  deletionPolicy?: string;
}

export interface Built {
  ref: string;
  attributes: Record<string, unknown>;
}

export interface BuildWarning {
  logicalId: string;
  code: string;
  message: string;
  path?: (string | number)[];
}

/** What `create` is given: the cloud, the stack's region, a warning sink, and ids for resources the engine does not keep. */
export interface BuildContext {
  readonly cloud: Cloud;
  readonly region: string;
  warn(w: BuildWarning): void;
  /** An id for a resource the engine keeps no record of (an association, a rule): `prefix-logicalid-n`. */
  localId(prefix: string, logicalId: string): string;
}

export const schema = (props: Record<string, Shape>, rest: Omit<ObjectSchema, 'props'> = {}): ObjectSchema => ({ props, ...rest });
