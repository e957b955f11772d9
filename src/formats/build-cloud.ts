import type { Cloud } from '../engine/cloud.js';
import { MODELLED_TYPES, type BuildContext, type BuildResource, type Built, type BuildWarning } from './cfn/resources/index.js';
import { originOf, placeholderAttributes } from './cfn/resources/props.js';

export type { BuildResource, Built, BuildWarning } from './cfn/resources/index.js';

/**
 * The builder: hands each resolved CloudFormation resource to its type's module
 * (cfn/resources/), which calls the engine operation that applies AWS's validation. Errors
 * come back as CloudError naming the parameter, which the loader turns into a diagnostic at
 * that property's line and column. A real type the virtual cloud does not model is kept as
 * an unmodelled resource whose attributes read as placeholders.
 */
export function makeBuilder(cloud: Cloud, region: string, warn: (w: BuildWarning) => void): (r: BuildResource) => Built {
  let counter = 0;
  const ctx: BuildContext = {
    cloud,
    region,
    warn,
    localId: (prefix, logicalId) => `${prefix}-${logicalId.toLowerCase()}-${(counter++).toString(16)}`,
  };
  return (r) => {
    const type = Object.prototype.hasOwnProperty.call(MODELLED_TYPES, r.type) ? MODELLED_TYPES[r.type] : undefined;
    if (type) return type.create(ctx, r);
    const u = cloud.createUnmodelled(region, r.type, originOf(r));
    return { ref: u.id, attributes: placeholderAttributes(r.logicalId) };
  };
}
