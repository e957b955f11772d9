import { reachable, notReachable, onlyFrom, openPorts } from './reachability.js';
import { addressPlan, defaultRoute, leastPrivilege, noPublicIp, resourceCount, spansAzs } from './structure.js';
import { natPerAz, noOverlap, sgReference } from './topology.js';
import { resourceExists } from './declared.js';
import type { CheckKind } from './types.js';

export type { CheckContext, CheckKind, CheckOutcome, Evidence } from './types.js';
export { CheckArgumentError } from './types.js';

/** Every check kind a lab manifest can name. */
export const CHECK_KINDS: ReadonlyMap<string, CheckKind> = new Map(
  [reachable, notReachable, onlyFrom, openPorts, resourceCount, resourceExists, spansAzs, noPublicIp, addressPlan, defaultRoute, leastPrivilege, sgReference, natPerAz, noOverlap].map((k) => [k.kind, k]),
);
