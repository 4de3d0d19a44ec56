/** The handles a workspace already uses, for owner pickers and completion. */
import type { BriefsConfig } from '../workspace/config';
import type { BriefWorkspace } from '../workspace/workspace';

/** Every handle used as an owner, stakeholder or checklist owner, plus the configured people; most used first. */
export function knownHandles(workspace: BriefWorkspace, config?: BriefsConfig): string[] {
  const counts = new Map<string, number>();
  const add = (handle: string | undefined, weight = 1) => {
    if (handle) counts.set(handle, (counts.get(handle) ?? 0) + weight);
  };
  for (const brief of workspace.briefs()) {
    add(brief.owner?.value);
    for (const item of [...brief.teams, ...brief.milestones, ...brief.risks, ...brief.decisions]) add(item.owner?.value);
    for (const stakeholder of brief.stakeholders) add(stakeholder.who?.value);
    for (const item of brief.checklist) add(item.owner?.value);
  }
  for (const person of config?.people ?? []) add(person, 0);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([handle]) => handle);
}
