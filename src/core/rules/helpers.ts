/** Small lookups shared by several rules. */
import type { Brief, DependencyEntry, FrontmatterItem, Milestone } from '../model';
import type { BriefWorkspace } from '../workspace';

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

/** The kinds of frontmatter items, in the order rules go through them, with the noun messages use. */
export const ITEM_KINDS = [['teams', 'Team'], ['milestones', 'Milestone'], ['risks', 'Risk'], ['decisions', 'Decision']] as const;

/** "Milestone `cutover`", or "Milestone 3" for an item without an id. */
export function itemLabel(noun: string, item: FrontmatterItem): string {
  return item.id ? `${noun} \`${item.id.value}\`` : `${noun} ${item.index + 1}`;
}

/** The milestone a `depends_on` entry names, if it names one that exists (same brief first for bare ids). */
export function resolveMilestone(workspace: BriefWorkspace, brief: Brief, entry: DependencyEntry): { brief: Brief; milestone: Milestone } | undefined {
  if (entry.milestone === undefined) return undefined;
  if (entry.program === brief.program?.value || entry.program === '') {
    const local = milestoneWithId(brief, entry.milestone);
    if (local) return { brief, milestone: local };
  }
  // As `workspace.milestone(program, milestone)`, without its intermediate allocations.
  const target = workspace.program(entry.program);
  const found = target && milestoneWithId(target, entry.milestone);
  return found ? { brief: target, milestone: found } : undefined;
}

/** The first milestone of a brief with this id (from an index built once per brief). */
export function milestoneWithId(brief: Brief, id: string): Milestone | undefined {
  let index = milestoneIndexes.get(brief);
  if (!index) {
    index = new Map();
    for (const milestone of brief.milestones) if (milestone.id && !index.has(milestone.id.value)) index.set(milestone.id.value, milestone);
    milestoneIndexes.set(brief, index);
  }
  return index.get(id);
}
const milestoneIndexes = new WeakMap<Brief, Map<string, Milestone>>();
