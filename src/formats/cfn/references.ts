import { intrinsicName } from './intrinsics.js';
import type { TNode } from './model.js';
import { parseSub } from './sub.js';

/**
 * Names a value refers to through Ref, Fn::GetAtt and Fn::Sub. Branches of Fn::If not taken
 * are skipped (a reference there is not a dependency, as in AWS); when the condition's value
 * is unknown both branches count.
 */
export function collectReferences(node: TNode, condition: (name: string) => boolean | undefined, out: Set<string>): void {
  if (node.kind === 'seq') {
    for (const item of node.items) collectReferences(item, condition, out);
    return;
  }
  if (node.kind !== 'map') return;
  const fn = intrinsicName(node);
  const arg = fn !== undefined && node.entries.length === 1 ? node.entries[0].value : undefined;
  if (fn === undefined || arg === undefined) {
    for (const e of node.entries) collectReferences(e.value, condition, out);
    return;
  }
  const str = (n: TNode | undefined) => (n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : undefined);
  switch (fn) {
    case 'Ref': {
      const name = str(arg);
      if (name && !name.startsWith('AWS::')) out.add(name);
      return;
    }
    case 'Fn::GetAtt': {
      const s = str(arg);
      if (s !== undefined) out.add(s.split('.')[0]);
      else if (arg.kind === 'seq') {
        const id = str(arg.items[0]);
        if (id) out.add(id);
        for (const item of arg.items.slice(1)) collectReferences(item, condition, out);
      }
      return;
    }
    case 'Fn::Sub': {
      const text = arg.kind === 'seq' ? str(arg.items[0]) : str(arg);
      const vars = arg.kind === 'seq' && arg.items[1]?.kind === 'map' ? arg.items[1] : undefined;
      const local = new Set(vars?.entries.map((e) => e.key) ?? []);
      if (text !== undefined) {
        for (const part of parseSub(text)) {
          if (!('name' in part) || local.has(part.name) || part.name.startsWith('AWS::')) continue;
          out.add(part.name.split('.')[0]);
        }
      }
      if (vars) collectReferences(vars, condition, out);
      return;
    }
    case 'Fn::If': {
      if (arg.kind === 'seq' && arg.items.length === 3) {
        const name = str(arg.items[0]);
        const c = name === undefined ? undefined : condition(name);
        if (c !== false) collectReferences(arg.items[1], condition, out);
        if (c !== true) collectReferences(arg.items[2], condition, out);
      } else collectReferences(arg, condition, out);
      return;
    }
    default:
      collectReferences(arg, condition, out);
  }
}
