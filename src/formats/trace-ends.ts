import { isRegion } from '../engine/regions.js';
import type { LoadedSubmission } from './load-submission.js';

/**
 * Trace ends in layered submissions. A logical id that two stacks of one region use is
 * written with its stack, `app/Web` (or `us-east-1/app/Web`); a logical id used once stays
 * as it is. This turns such a name into the resource's physical id, which the engine's
 * end resolution knows; every other text is returned unchanged.
 */
export function resolveStackEnd(loaded: Pick<LoadedSubmission, 'resources'>, text: string): { end: string } | { error: string } {
  const t = text.trim();
  const parts = t.split('/');
  const layered = loaded.resources.filter((d) => d.stack !== undefined && d.ref !== undefined);
  if (layered.length === 0 || parts.length > 3 || /^\d/.test(t)) return { end: text };
  const pick = (region: string | undefined, stack: string | undefined, id: string): { end: string } | { error: string } | undefined => {
    const found = layered.filter((d) => d.logicalId === id && (!region || d.region === region) && (!stack || d.stack === stack));
    if (found.length === 1) return { end: found[0].ref! };
    if (found.length > 1) {
      const names = found.map((d) => `${[...new Set(found.map((x) => x.region))].length > 1 ? `${d.region}/` : ''}${d.stack}/${d.logicalId}`);
      return { error: `"${t}" names resources of several stacks; write one of ${names.join(', ')}` };
    }
    return undefined;
  };
  if (parts.length === 3 && isRegion(parts[0])) return pick(parts[0], parts[1], parts[2]) ?? { end: text };
  if (parts.length === 2 && !isRegion(parts[0])) return pick(undefined, parts[0], parts[1]) ?? { end: text };
  if (parts.length === 2) {
    const r = pick(parts[0], undefined, parts[1]);
    return r && 'error' in r ? r : { end: text };
  }
  if (parts.length === 1) {
    const r = pick(undefined, undefined, parts[0]);
    // A name used in one stack only is also the engine's own logical id.
    return r && 'error' in r ? r : { end: text };
  }
  return { end: text };
}
