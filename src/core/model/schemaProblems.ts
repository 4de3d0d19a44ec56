/** Which values the schema rejected: the other rules, the views and the schedule stay quiet about them. */
import type { Brief } from './model';

/**
 * Whether `schema` rejected the value at `path`, anything under it, or something containing it
 * (the whole frontmatter, say): then other rules stay quiet about it.
 */
export function hasSchemaProblemUnder(brief: Brief, path: (string | number)[]): boolean {
  if (brief.schemaProblems.length === 0) return false;
  const index = problemPathIndex(brief);
  const key = (length: number) => path.slice(0, length).join('\u0000');
  if (index.prefixes.has(key(path.length))) return true;
  for (let length = 0; length < path.length; length++) if (index.paths.has(key(length))) return true;
  return false;
}

/**
 * The paths of a brief's schema problems (`paths`) and every prefix of them (`prefixes`), joined
 * with NUL; built once per brief, so that asking about every item of a brief is linear (asking
 * every problem about every item was quadratic for thousands of milestones).
 */
function problemPathIndex(brief: Brief): { paths: Set<string>; prefixes: Set<string> } {
  let index = problemPaths.get(brief);
  if (!index) {
    index = { paths: new Set(), prefixes: new Set() };
    for (const problem of brief.schemaProblems) {
      const at = problem.data?.path;
      if (at === undefined) continue;
      index.paths.add(at.join('\u0000'));
      for (let length = 0; length <= at.length; length++) index.prefixes.add(at.slice(0, length).join('\u0000'));
    }
    problemPaths.set(brief, index);
  }
  return index;
}
const problemPaths = new WeakMap<Brief, { paths: Set<string>; prefixes: Set<string> }>();
