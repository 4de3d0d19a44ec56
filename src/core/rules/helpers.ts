/** Small lookups shared by several rules. */
import type { Brief, DependencyEntry, FrontmatterItem, Milestone } from '../model/model';
import type { BriefWorkspace } from '../workspace/workspace';

export { hasSchemaProblemUnder } from '../model/schemaProblems';

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

/** Briefs with at most this many milestones are searched: no index is kept for them. */
const SEARCHED_MILESTONES = 16;

/** The first milestone of a brief with this id (searched, or from an index built once per brief with many). */
export function milestoneWithId(brief: Brief, id: string): Milestone | undefined {
  // A short list is searched (as fast, and no Map per brief kept by the WeakMap below).
  if (brief.milestones.length <= SEARCHED_MILESTONES) return brief.milestones.find((milestone) => milestone.id?.value === id);
  let index = milestoneIndexes.get(brief);
  if (!index) {
    index = new Map();
    for (const milestone of brief.milestones) if (milestone.id && !index.has(milestone.id.value)) index.set(milestone.id.value, milestone);
    milestoneIndexes.set(brief, index);
  }
  return index.get(id);
}
const milestoneIndexes = new WeakMap<Brief, Map<string, Milestone>>();
