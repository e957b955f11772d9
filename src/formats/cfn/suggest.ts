import { nearest } from '../../engine/suggest.js';

/** "Did you mean …?" for misspelt names: the nearest candidate by edit distance. */

export { editDistance, nearest } from '../../engine/suggest.js';

/** "; did you mean X?" or "" when nothing is close (or the name is already exact). */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const n = nearest(name, candidates);
  return n === undefined || n === name ? '' : `; did you mean ${n}?`;
}
