import type { Token } from 'markdown-it';

/**
 * markdown-it gives a flat token stream with _open/_close pairs; the renderer wants a tree,
 * so containers (lists, quotes, tables) can render their children at a narrower width.
 */
export interface BlockNode {
  /** "paragraph", "bullet_list", "list_item", "inline", "fence", … (without _open). */
  readonly type: string;
  /** The opening token, or the token itself for leaves. */
  readonly token: Token;
  readonly children: BlockNode[];
}

export function buildTree(tokens: readonly Token[]): BlockNode[] {
  const root: BlockNode[] = [];
  const stack: BlockNode[][] = [root];
  for (const t of tokens) {
    const siblings = stack[stack.length - 1];
    if (t.nesting === 1) {
      const node: BlockNode = { type: t.type.replace(/_open$/, ''), token: t, children: [] };
      siblings.push(node);
      stack.push(node.children);
    } else if (t.nesting === -1) {
      if (stack.length > 1) stack.pop();
    } else {
      siblings.push({ type: t.type, token: t, children: [] });
    }
  }
  return root;
}
