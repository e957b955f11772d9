import { editDistance } from '../engine/suggest.js';

/** The candidate closest to `input` by edit distance, when it is close enough to suggest. */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const hay = c.toLowerCase();
    // A prefix or a word inside the id ("cidr" → "ip-addresses-and-cidr") is a good guess.
    const score = hay.includes(needle) && needle.length >= 3 ? 0.5 : editDistance(needle, hay);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(needle.length / 3)) ? best : undefined;
}
