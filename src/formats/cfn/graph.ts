/**
 * Dependency order of a template's resources: cycles (each reported once, as a path) and a
 * deterministic creation order in which ties are broken by the order of the template.
 */

export type Edges = ReadonlyMap<string, ReadonlySet<string>>;

/** Strongly connected components that are cycles (two or more members, or a self-reference). */
export function findCycles(ids: readonly string[], edges: Edges): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;

  // Iterative Tarjan, so a long chain of references cannot overflow the call stack.
  for (const start of ids) {
    if (index.has(start)) continue;
    const work: { id: string; next: string[]; i: number }[] = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: [...(edges.get(id) ?? [])].filter((n) => edges.has(n)), i: 0 });
    };
    open(start);
    while (work.length) {
      const top = work[work.length - 1];
      if (top.i < top.next.length) {
        const n = top.next[top.i++];
        if (!index.has(n)) open(n);
        else if (onStack.has(n)) low.set(top.id, Math.min(low.get(top.id)!, index.get(n)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.id)!));
      }
      if (low.get(top.id) === index.get(top.id)) {
        const comp: string[] = [];
        let m: string;
        do {
          m = stack.pop()!;
          onStack.delete(m);
          comp.push(m);
        } while (m !== top.id);
        if (comp.length > 1 || edges.get(top.id)?.has(top.id)) components.push(comp);
      }
    }
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return components
    .map((comp) => cyclePath(comp.sort((a, b) => order.get(a)! - order.get(b)!), edges, order))
    .sort((a, b) => order.get(a[0])! - order.get(b[0])!);
}

/** One concrete cycle through a component, starting and ending at its first member. */
function cyclePath(members: string[], edges: Edges, order: Map<string, number>): string[] {
  const inside = new Set(members);
  const start = members[0];
  const previous = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length) {
    const id = queue.shift()!;
    const next = [...(edges.get(id) ?? [])].filter((n) => inside.has(n)).sort((a, b) => order.get(a)! - order.get(b)!);
    for (const n of next) {
      if (n === start) {
        const path = [start];
        for (let c: string | undefined = id; c !== undefined && c !== start; c = previous.get(c)) path.splice(1, 0, c);
        return [...path, start];
      }
      if (!seen.has(n)) {
        seen.add(n);
        previous.set(n, id);
        queue.push(n);
      }
    }
  }
  return [...members, start];
}

/**
 * Every id once, each after the ids it depends on (edges inside a cycle are ignored), the
 * earliest in template order first whenever several are ready.
 */
export function creationOrder(ids: readonly string[], edges: Edges, cycles: readonly string[][]): string[] {
  const component = new Map<string, number>();
  cycles.forEach((c, i) => c.forEach((id) => component.set(id, i)));
  const deps = new Map<string, Set<string>>();
  for (const id of ids) {
    const own = new Set<string>();
    for (const d of edges.get(id) ?? []) {
      if (d === id || !edges.has(d)) continue;
      if (component.has(id) && component.get(id) === component.get(d)) continue;
      own.add(d);
    }
    deps.set(id, own);
  }
  const done = new Set<string>();
  const out: string[] = [];
  while (out.length < ids.length) {
    const next = ids.find((id) => !done.has(id) && [...deps.get(id)!].every((d) => done.has(d)));
    if (next === undefined) break; // cannot happen once cycle edges are ignored
    done.add(next);
    out.push(next);
  }
  return out;
}
