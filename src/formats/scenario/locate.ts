import type { Loc, TNode } from '../cfn/model.js';

/** The line and column of the value at a path of the scenario document (the key itself when the value has no place of its own). */
export function locate(root: TNode, path: readonly (string | number)[]): Loc {
  let node: TNode = root;
  let loc = root.loc;
  for (const step of path) {
    if (node.kind === 'map' && typeof step === 'string') {
      const e = node.entries.find((x) => x.key === step);
      if (!e) return loc;
      node = e.value;
      loc = e.value.kind === 'scalar' && e.value.value === null ? e.keyLoc : e.value.loc;
    } else if (node.kind === 'seq' && typeof step === 'number' && node.items[step]) {
      node = node.items[step];
      loc = node.loc;
    } else return loc;
  }
  return loc;
}
