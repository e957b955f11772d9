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
  for (const [, table] of copy.kinds()) for (const [id, value] of table) table.set(id, structuredClone(value));
  return copy;
}

/** The cloud as it is with these resources out of service: a copy with each of them deleted. */
export function withoutResources(original: Cloud, down: Iterable<string>): Cloud {
  const copy = copyCloud(original);
  // A database's interface has no resource of its own to delete: it goes alone.
  for (const id of down) if (!copy.deleteResource(id)) copy.interfaces.delete(id);
  return copy;
}
