import { CloudError } from './errors.js';
import { IdMaker } from './ids.js';

/**
 * The store of the virtual cloud: one map per kind of resource, a lookup that refuses an
 * unknown id with AWS's NotFound code for that kind, and ids drawn from a seed. A service
 * declares its kinds (see ec2/kinds.ts) and the store makes their maps on first use, so a new
 * service adds kinds without touching this file.
 */

/** Where a property sits in a request: `CidrBlock`, or a path such as `['SecurityGroupIngress', 0, 'FromPort']`. */
export type Field = string | (string | number)[];

export interface Named {
  readonly id: string;
  readonly logicalId?: string;
  readonly region: string;
  tags: Record<string, string>;
}

/** What a front door knows of a resource it asks for: its logical id in a template, its tags. */
export interface Origin {
  logicalId?: string;
  tags?: Record<string, string>;
}

/** A kind of resource: how AWS names it in a NotFound error and which parameter carries its id. */
export interface Kind<T> {
  /** "the VPC", "the subnet": how a message names one. */
  readonly noun: string;
  /** AWS's error code for an id that does not exist (InvalidVpcID.NotFound). */
  readonly notFound: string;
  /** The request parameter that usually carries the id (VpcId). */
  readonly field: string;
  /** Only to carry the resource type. */
  readonly _type?: T;
}

/**
 * Something a request did that AWS does without refusing, but a student should hear about
 * (a block canonicalised, a repeated rule ignored, the default VPC used). `field` names the
 * parameter, so a front door can point at its line; the door attaches the resource.
 */
export interface CloudWarning {
  readonly code: string;
  readonly message: string;
  readonly field?: Field;
}

export function kind<T>(k: Omit<Kind<T>, '_type'>): Kind<T> {
  return k;
}

export class Store {
  private readonly tables = new Map<Kind<unknown>, Map<string, unknown>>();
  /** Ids of the store: same seed and same names, same ids. */
  readonly ids: IdMaker;
  /** Resources created without a logical id (through the API) are named by creation order. */
  private anonymous = 0;

  /** Warnings of every request so far, in order; a front door reads the ones each request added. */
  readonly warnings: CloudWarning[] = [];

  constructor(readonly seed = 'cloudlab') {
    this.ids = new IdMaker(seed);
  }

  /** The map of one kind, made on first use. */
  table<T>(k: Kind<T>): Map<string, T> {
    let t = this.tables.get(k as Kind<unknown>);
    if (!t) this.tables.set(k as Kind<unknown>, (t = new Map()));
    return t as Map<string, T>;
  }

  /** The resource with that id, or AWS's NotFound error for its kind. */
  get<T>(k: Kind<T>, id: string, field: Field = k.field): T {
    const r = this.table(k).get(id);
    if (r === undefined) throw new CloudError(k.notFound, `${k.noun} "${id}" does not exist`, field);
    return r;
  }

  /** Every kind with its table, in the order first used (sim/copy-cloud.ts copies a store through it). */
  kinds(): [Kind<unknown>, Map<string, unknown>][] {
    return [...this.tables];
  }

  /** The resource with that id, whatever its kind (for naming it in sentences). */
  find(id: string): Named | undefined {
    for (const t of this.tables.values()) {
      const r = t.get(id);
      if (r !== undefined) return r as Named;
    }
    return undefined;
  }

  /** A fresh id: from the region and logical id when there is one, else from the creation order. */
  newId(prefix: string, region: string, origin: Origin | undefined, kindName: string): string {
    const name = origin?.logicalId ? `${region}/${origin.logicalId}` : `${region}/${kindName}/${this.anonymous++}`;
    return this.ids.make(prefix, name);
  }

  /**
   * A copy that can take more resources without changing this store (probe.ts adds probe
   * instances to it). Every map is copied; the resources in them are shared, so the copy may
   * add resources but must not change the ones it holds.
   */
  extendable(): this {
    const copy = new (this.constructor as new (seed: string) => this)(this.seed);
    for (const [k, t] of this.tables) {
      const into = copy.table(k);
      for (const [id, r] of t) into.set(id, r);
    }
    // The other maps of a subclass (associations, address pools).
    for (const [key, value] of Object.entries(this)) {
      const into = (copy as unknown as Record<string, unknown>)[key];
      if (key === 'tables' || !(value instanceof Map) || !(into instanceof Map) || into.size > 0) continue;
      for (const [a, b] of value) into.set(a, b);
    }
    copy.anonymous = this.anonymous;
    return copy;
  }

  /** Records a warning of the request under way. */
  warn(w: CloudWarning): void {
    this.warnings.push(w);
  }

  /** The next number of the creation order, for resources named by it. */
  nextAnonymous(): number {
    return this.anonymous++;
  }
}

/** The common fields of a new resource. */
export function named(id: string, region: string, origin?: Origin): Named {
  return { id, logicalId: origin?.logicalId, region, tags: { ...(origin?.tags ?? {}) } };
}
