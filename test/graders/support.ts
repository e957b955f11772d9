import { CHECK_KINDS, type CheckContext } from '../../graders/index.js';
import type { Cloud } from '../../src/engine/cloud.js';
import { Walker } from '../../src/engine/reach/walker.js';
import { basic } from '../support/net.js';

/** Runs one check kind on a cloud, as the grader does. */
export function runKind(cloud: Cloud, kind: string, args: Record<string, unknown>, extra: Partial<CheckContext> = {}) {
  return CHECK_KINDS.get(kind)!.run({ cloud, walker: new Walker(cloud), resources: [], ...extra }, args);
}

/** The basic network with its instances and subnets tagged by role. */
export function tagged() {
  const b = basic();
  b.cloud.instances.get(b.web)!.tags.Role = 'web';
  b.cloud.instances.get(b.app)!.tags.Role = 'app';
  b.cloud.subnets.get(b.pub)!.tags.Role = 'public';
  b.cloud.subnets.get(b.priv)!.tags.Role = 'app';
  return b;
}
