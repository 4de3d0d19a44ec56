/** Small lookups shared by several rules. */
import type { Brief, DependencyEntry, FrontmatterItem, Milestone } from '../model';
import type { BriefWorkspace } from '../workspace';

/**
 * Whether `schema` rejected the value at `path`, anything under it, or something containing it
 * (the whole frontmatter, say): then other rules stay quiet about it.
 */
export function hasSchemaProblemUnder(brief: Brief, path: (string | number)[]): boolean {
  return brief.schemaProblems.some((problem) => {
    const at = problem.data?.path;
    if (at === undefined) return false;
    const shared = Math.min(at.length, path.length);
    for (let i = 0; i < shared; i++) if (at[i] !== path[i]) return false;
    return true;
  });
}

export function isClosedMilestoneStatus(status: string | undefined): boolean {
  return status === 'done' || status === 'cancelled';
}

/** The kinds of frontmatter items, in the order rules go through them, with the noun messages use. */
export const ITEM_KINDS = [['teams', 'Team'], ['milestones', 'Milestone'], ['risks', 'Risk'], ['decisions', 'Decision']] as const;
const KINDS = ITEM_KINDS;

/** "Milestone `cutover`", or "Milestone 3" for an item without an id. */
export function itemLabel(noun: string, item: FrontmatterItem): string {
  return item.id ? `${noun} \`${item.id.value}\`` : `${noun} ${item.index + 1}`;
}

/** Teams, milestones, risks and decisions with a label for messages ("Milestone `cutover`"). */
export function labelledItems(brief: Brief): { item: FrontmatterItem; label: string; path: (string | number)[] }[] {
  const result: LabelledItem[] = [];
  for (const [key, noun] of KINDS) for (const item of brief[key] as FrontmatterItem[]) result.push(new LabelledItem(item, key, noun));
  return result;
}

/** Label and path are only built when a rule asks for them: most items need neither (they are fine). */
class LabelledItem {
  constructor(readonly item: FrontmatterItem, private readonly key: string, private readonly noun: string) {}

  get label(): string {
    return itemLabel(this.noun, this.item);
  }

  get path(): (string | number)[] {
    return [this.key, this.item.index];
  }
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

/** The first milestone of a brief with this id. */
function milestoneWithId(brief: Brief, id: string): Milestone | undefined {
  for (const milestone of brief.milestones) if (milestone.id?.value === id) return milestone;
  return undefined;
}
