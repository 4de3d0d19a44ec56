/** "Did you mean `lint`?": the closest known name to a mistyped command, option or value. */

/**
 * The optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions,
 * each substring edited once): insertions, deletions, substitutions and swaps of two
 * neighbours cost 1. O(a·b) time, for short names only.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
  }
  return rows[a.length][b.length];
}

/** Longer inputs than this are not mistyped names (and are not compared). */
const MAX_LENGTH = 64;

/**
 * The candidate closest to `input` when it is close enough to be a typo: at most 1 edit for
 * names of up to 4 characters (leading dashes not counted), at most 2 for longer ones, and
 * fewer edits than the name is long. Ties go to the first candidate. Case is ignored.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > MAX_LENGTH) return undefined;
  const typed = input.toLowerCase();
  const length = typed.replace(/^-+/, '').length;
  const limit = Math.min(length <= 4 ? 1 : 2, length - 1);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `; did you mean \`x\`?` when a candidate is close, else nothing. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closest(input, candidates);
  return match === undefined ? '' : `; did you mean \`${match}\`?`;
}
