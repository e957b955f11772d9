import { kind, named, type Named, type Origin, type Store } from './store.js';

/** A resource of a real type that the virtual cloud keeps but does not model (it plays no part in questions). */
export interface UnmodelledResource extends Named {
  type: string;
}

export const UNMODELLED = kind<UnmodelledResource>({ noun: 'the resource', notFound: 'InvalidID.NotFound', field: 'Id' });

export function createUnmodelled(store: Store, region: string, type: string, origin?: Origin): UnmodelledResource {
  const prefix = type.split('::').pop()!.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12) || 'res';
  const id = store.newId(prefix, region, origin, type);
  const r: UnmodelledResource = { ...named(id, region, origin), type };
  store.table(UNMODELLED).set(id, r);
  return r;
}
