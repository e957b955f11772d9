import { Cloud } from '../cloud.js';

/**
 * A deep copy of a loaded cloud, so that failures are played by deleting resources from the
 * copy (the engine's own deleteResource, with its blackhole semantics) while the loaded
 * submission stays as it was. Every resource is plain data, so structuredClone copies it.
 */
export function copyCloud(original: Cloud): Cloud {
  const copy = new Cloud(original.seed);
  for (const [kind, table] of original.kinds()) {
    const target = copy.table(kind);
    for (const [id, value] of table) target.set(id, structuredClone(value));
  }
  for (const [k, v] of original.subnetRouteTable) copy.subnetRouteTable.set(k, v);
  for (const [k, v] of original.subnetNetworkAcl) copy.subnetNetworkAcl.set(k, v);
  for (const [k, v] of original.publicPool) copy.publicPool.set(k, v);
  for (const [k, v] of original.nextPrivate) copy.nextPrivate.set(k, v);
  return copy;
}

/** The cloud as it is with these resources out of service: a copy with each of them deleted. */
export function withoutResources(original: Cloud, down: Iterable<string>): Cloud {
  const copy = copyCloud(original);
  for (const id of down) copy.deleteResource(id);
  return copy;
}
