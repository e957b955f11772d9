import { intrinsicName } from './intrinsics.js';
import type { Loc, TemplateResource, TNode } from './model.js';

/**
 * Where a property path (below Properties) was written: the key of a mapping entry, the item
 * of a list, or the nearest enclosing node the path can be followed to. Inside Fn::If the
 * branch that holds the path is followed.
 */
export function locate(resource: TemplateResource, path: readonly (string | number)[] = []): Loc {
  if (path.length === 0 || !resource.properties) return resource.loc;
  let node: TNode = resource.properties;
  let loc: Loc = resource.properties.loc;
  for (const seg of path) {
    const next = step(node, seg);
    if (!next) return loc;
    node = next.node;
    loc = next.loc;
  }
  return loc;
}

function step(node: TNode, seg: string | number): { node: TNode; loc: Loc } | undefined {
  if (intrinsicName(node) === 'Fn::If' && node.kind === 'map') {
    const arg = node.entries[0].value;
    if (arg.kind === 'seq' && arg.items.length === 3) return step(arg.items[1], seg) ?? step(arg.items[2], seg);
    return undefined;
  }
  if (typeof seg === 'number') {
    if (node.kind !== 'seq' || seg < 0 || seg >= node.items.length) return undefined;
    return { node: node.items[seg], loc: node.items[seg].loc };
  }
  if (node.kind !== 'map') return undefined;
  const e = node.entries.find((x) => x.key === seg);
  return e && { node: e.value, loc: e.keyLoc };
}
