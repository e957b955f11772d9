import { reachable, notReachable, openPorts } from './reachability.js';
import { onlyFrom } from './only-from.js';
import { everyClient } from './every-client.js';
import { addressPlan, defaultRoute, noPublicIp, resourceCount, spansAzs } from './structure.js';
import { leastPrivilege } from './privilege.js';
import { placement, sizing } from './placement.js';
import { forbidden } from './forbidden.js';
import { unchanged } from './unchanged.js';
import { valuesBound } from './values.js';
import { costUnder } from './cost.js';
import { natPerAz, noOverlap, sgReference } from './topology.js';
import { resourceExists } from './declared.js';
import { DRILL_KINDS } from './drills.js';
import type { CheckKind } from './types.js';

export type { CheckContext, CheckKind, CheckOutcome, DeclaredResource, DrillMeasures, DrillRequest, DrillRun, Evidence } from './types.js';
export { CheckArgumentError } from './types.js';

/** Every check kind a lab manifest can name. */
export const CHECK_KINDS: ReadonlyMap<string, CheckKind> = new Map(
  [
    reachable, everyClient, notReachable, onlyFrom, openPorts, resourceCount, resourceExists, spansAzs, noPublicIp, placement, sizing, addressPlan,
    defaultRoute, leastPrivilege, sgReference, natPerAz, noOverlap, forbidden, unchanged, valuesBound, costUnder,
    ...DRILL_KINDS,
  ].map((k) => [k.kind, k]),
);
