/**
 * The answers to `programBriefs/owners` and `programBriefs/due` (src/server/protocol.ts), the
 * People and Due views' requests: the core's `brief owners` and `brief due` computations
 * (src/core/report/owners.ts, src/core/report/due.ts) over the server's workspace, so the views
 * and the CLI list the same things in the same order. Items carry their uri and 0-based line.
 */
import { type BriefWorkspace, DEFAULT_DUE_WITHIN, displayStatus, dueItems, HANDLE_PATTERN, isChecklistItemOverdue, isMilestoneOverdue, milestoneFacts, type OwnedItem, type OwnerEntry, ownersOf, programFacts } from '../core';
import type { DueParams, DueResult, OwnedWireItem, OwnersParams, OwnersResult, OwnersWireEntry } from './protocol';
import type { ViewModelSource } from './viewRequests';

/** A uri as the user reads it (relative to its folder): how files sort, as in the CLI. */
export type FileOf = (uri: string) => string;

const validHandle = (value: unknown): string | undefined => (typeof value === 'string' && HANDLE_PATTERN.test(value.trim()) ? value.trim() : undefined);

export function ownersResult(source: ViewModelSource, params: OwnersParams | undefined, fileOf: FileOf): OwnersResult {
  const briefs = source.workspace.briefs();
  const me = validHandle(params?.me);
  const entries: OwnersWireEntry[] = ownersOf(briefs, { fileOf }).map((entry) => withDisplay(entry, source.workspace, source.today));
  if (me === undefined) return { owners: entries, briefs: briefs.length, today: source.today };
  // Compared ignoring case, as the Checklist view's "mine" filter does (`@Maria` is `@maria`).
  const isMe = (entry: OwnersWireEntry) => entry.owner.toLowerCase() === me.toLowerCase();
  const mine = entries.filter(isMe).map((entry): OwnersWireEntry => ({ ...entry, me: true }));
  const owners = [
    ...(mine.length > 0 ? mine : [{ owner: me, me: true as const, programs: [], teams: [], milestones: [], risks: [], decisions: [], checklist: [] }]),
    ...entries.filter((entry) => !isMe(entry)),
  ];
  return { owners, briefs: briefs.length, today: source.today };
}

export function dueResult(source: ViewModelSource, params: DueParams | undefined, fileOf: FileOf): DueResult {
  const briefs = source.workspace.briefs();
  const asked = params?.within;
  const within = typeof asked === 'number' && Number.isInteger(asked) && asked >= 0 ? asked : DEFAULT_DUE_WITHIN;
  const owner = validHandle(params?.owner);
  const items = dueItems(briefs, { today: source.today, within, ...(owner !== undefined && { owner }), fileOf });
  return { items, within, briefs: briefs.length, today: source.today };
}

/** What the views show for each item, from the core's status decisions on the item's brief as it is now. */
function withDisplay(entry: OwnerEntry, workspace: BriefWorkspace, today: string): OwnersWireEntry {
  const at = (item: OwnedItem) => workspace.get(item.uri);
  const programs = entry.programs.map((item): OwnedWireItem => {
    const brief = at(item);
    return brief ? { ...item, display: displayStatus(programFacts(brief), today) } : item;
  });
  const milestones = entry.milestones.map((item): OwnedWireItem => {
    const brief = at(item);
    const milestone = brief?.milestones.find((m) => m.itemRange.start.line === item.line);
    if (!brief || !milestone) return item;
    return { ...item, display: displayStatus(milestoneFacts(brief, milestone), today), ...(isMilestoneOverdue(milestone, brief, today) && { overdue: true as const }) };
  });
  const checklist = entry.checklist.map((item): OwnedWireItem => {
    const checklistItem = at(item)?.checklist.find((c) => c.line === item.line);
    return checklistItem && isChecklistItemOverdue(checklistItem, today) ? { ...item, overdue: true } : item;
  });
  return { ...entry, programs, milestones, checklist };
}
