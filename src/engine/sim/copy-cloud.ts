import { RDS } from '../rds/kinds.js';
import type { Cloud } from '../cloud.js';

/**
 * A deep copy of a loaded cloud, so that failures are played by deleting resources from the
 * copy (the engine's own deleteResource, with its blackhole semantics) while the loaded
 * submission stays as it was. The store's extendable copy shares the resources; deleting one
 * also changes others (an elastic IP forgets its interface), so each resource is copied too.
 * Every resource is plain data, so structuredClone copies it.
 */
export function copyCloud(original: Cloud): Cloud {
  const copy = original.extendable();
  for (const [, table] of copy.kinds()) for (const [id, value] of table) table.set(id, clone(value, new Map()));
  return copy;
}

/**
 * structuredClone's copy of plain data (arrays, plain objects, maps, sets; an object met twice
 * in one value is copied once), done in place: structuredClone serializes, and copying the
 * cloud for each state of the network is most of a long scenario's cost. Anything else goes
 * to structuredClone itself.
 */
function clone(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype || Object.keys(value).length !== value.length) return structuredClone(value);
    const out: unknown[] = new Array(value.length);
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) out[i] = clone(value[i], seen);
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    for (const key of Object.keys(value)) out[key] = clone((value as Record<string, unknown>)[key], seen);
    return out;
  }
  if (value instanceof Map && proto === Map.prototype) {
    const out = new Map<unknown, unknown>();
    seen.set(value, out);
    for (const [k, v] of value) out.set(clone(k, seen), clone(v, seen));
    return out;
  }
  if (value instanceof Set && proto === Set.prototype) {
    const out = new Set<unknown>();
    seen.set(value, out);
    for (const v of value) out.add(clone(v, seen));
    return out;
  }
  const out = structuredClone(value);
  seen.set(value, out);
  return out;
}

/**
 * The cloud as it is with these resources out of service: the engine's deleteResource on a
 * copy that shares the loaded cloud's resources (its maps are its own, so deleting an entry
 * leaves the loaded cloud as it was). The one resource a deletion changes in place, an
 * elastic IP that forgets its interface (ec2/removal.ts), is copied first, so a state costs
 * its maps, not a deep copy of every resource.
 */
export function withoutResources(original: Cloud, down: Iterable<string>): Cloud {
  const copy = original.extendable();
  for (const [id, eip] of copy.elasticIps) copy.elasticIps.set(id, { ...eip });
  // A database's interface has no resource of its own to delete: it goes alone; a database
  // itself is out of the copy only when it does not exist yet (a restore not made).
  for (const id of down) if (!copy.deleteResource(id) && !copy.interfaces.delete(id)) copy.table(RDS.dbInstance).delete(id);
  return copy;
}
