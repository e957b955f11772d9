/**
 * A line of describe's text wrapped at `width` under its own indentation: the first line
 * after `prefix`, the rest after `cont`, cut at a space where one fits (else mid-word).
 */
export function wrapUnder(prefix: string, text: string, cont: string, width: number): string[] {
  const out: string[] = [];
  let rest = text;
  let first = true;
  while (rest.length) {
    const p = first ? prefix : cont;
    const room = width - p.length;
    let cut = rest.length <= room ? rest.length : rest.lastIndexOf(' ', room);
    if (cut <= 0) cut = Math.min(rest.length, room);
    out.push(`${p}${rest.slice(0, cut)}`.trimEnd());
    rest = rest.slice(cut).trimStart();
    first = false;
  }
  return out;
}

/** A tree node for describe's text: its line and its children. */
export type TreeNode = [string, TreeNode[]];

/** Lines of a tree under `prefix`, each node wrapped under its own indentation. */
export function treeLines(nodes: TreeNode[], prefix: string, width: number, out: string[] = []): string[] {
  nodes.forEach(([text, kids], i) => {
    const last = i === nodes.length - 1;
    const head = `${prefix}${last ? '└─ ' : '├─ '}`;
    const cont = `${prefix}${last ? '   ' : '│  '}`;
    out.push(...wrapUnder(head, text, `${cont}${kids.length ? '│  ' : '   '}`, width));
    treeLines(kids, cont, width, out);
  });
  return out;
}
