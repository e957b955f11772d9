/** Names a person probably meant: edit distance and the nearest candidate, for "did you mean" messages. */

/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two
 * neighbouring characters as one edit (optimal string alignment), so "Defualt" is one
 * edit from "Default".
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length][b.length];
}

/**
 * The candidate closest to `name`, if it is close enough to be a plausible typo: within a
 * third of the name's length (at least 2 edits). Case is ignored when measuring, so `vpcid`
 * finds `VpcId`; on a tie the candidate that also matches in case wins, then the first.
 */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d > limit) continue;
    const score = d * 2 + (editDistance(name, c) > d ? 1 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}
