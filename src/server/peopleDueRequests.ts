/**
 * The answers to `programBriefs/owners`, `programBriefs/ownersSummary`, `programBriefs/owned` and
 * `programBriefs/due` (src/server/protocol.ts), the People and Due views' requests: the core's
 * `brief owners` and `brief due` computations (src/core/report/owners.ts, src/core/report/due.ts)
 * over the server's workspace, so the views and the CLI list the same things in the same order.
 * Items carry their uri and 0-based line.
 */
import { type Brief, type BriefOwnerCounts, type BriefWorkspace, DEFAULT_DUE_WITHIN, displayStatus, dueItems, HANDLE_PATTERN, isChecklistItemOverdue, isMilestoneOverdue, milestoneFacts, type OwnedItem, type OwnerEntry, ownerCounts, ownersOf, programFacts } from '../core';
import type { DueParams, DueResult, OwnedParams, OwnedResult, OwnedWireItem, OwnersParams, OwnersResult, OwnersSummaryEntry, OwnersSummaryParams, OwnersSummaryResult, OwnersWireEntry } from './protocol';
import type { ViewModelSource } from './viewRequests';

/** A uri as the user reads it (relative to its folder): how files sort, as in the CLI. */
export type FileOf = (uri: string) => string;

const validHandle = (value: unknown): string | undefined => (typeof value === 'string' && HANDLE_PATTERN.test(value.trim()) ? value.trim() : undefined);

export function ownersResult(source: ViewModelSource, params: OwnersParams | undefined, fileOf: FileOf): OwnersResult {
  const briefs = source.workspace.briefs();
  const entries: OwnersWireEntry[] = ownersOf(briefs, { fileOf }).map((entry) => withDisplay(entry, source.workspace, source.today));
  const empty = (owner: string): OwnersWireEntry => ({ owner, programs: [], teams: [], milestones: [], risks: [], decisions: [], checklist: [] });
  return { owners: meFirst(entries, validHandle(params?.me), empty), briefs: briefs.length, today: source.today };
}

/**
 * The entries with the client's own handle's first and marked `me` (compared ignoring case, as
 * the Checklist view's "mine" filter does: `@Maria` is `@maria`), listed even when it owns nothing.
 */
function meFirst<E extends { owner: string; me?: true }>(entries: E[], me: string | undefined, empty: (owner: string) => E): E[] {
  if (me === undefined) return entries;
  const isMe = (entry: E) => entry.owner.toLowerCase() === me.toLowerCase();
  const mine = entries.filter(isMe).map((entry): E => ({ ...entry, me: true }));
  return [...(mine.length > 0 ? mine : [{ ...empty(me), me: true as const }]), ...entries.filter((entry) => !isMe(entry))];
}

/**
 * The People view's top level: what `programBriefs/owners` lists, counted per handle and kind.
 * The cache keeps each brief's share and the last answer's counts (per list of briefs), so an
 * edit recounts one brief and an unchanged workspace nothing.
 */
export class OwnerCountsCache {
  readonly perBrief = new WeakMap<Brief, BriefOwnerCounts>();
  /** The workspace's `briefs()` (a new list after each change) and their counts. */
  last: { briefs: readonly Brief[]; counts: ReturnType<typeof ownerCounts> } | undefined;
}

export function ownersSummaryResult(source: ViewModelSource, params: OwnersSummaryParams | undefined, cache: OwnerCountsCache): OwnersSummaryResult {
  const briefs = source.workspace.briefs();
  if (cache.last?.briefs !== briefs) cache.last = { briefs, counts: ownerCounts(briefs, cache.perBrief) };
  const empty = (owner: string): OwnersSummaryEntry => {
    const zero = () => ({ open: 0, closed: 0 });
    return { owner, programs: zero(), teams: zero(), milestones: zero(), risks: zero(), decisions: zero(), checklist: zero() };
  };
  return { owners: meFirst<OwnersSummaryEntry>(cache.last.counts, validHandle(params?.me), empty), briefs: briefs.length, today: source.today };
}

/** One handle's entry of `programBriefs/owners` (exactly that handle; none when it owns nothing). */
export function ownedResult(source: ViewModelSource, params: OwnedParams | undefined, fileOf: FileOf): OwnedResult {
  const owner = validHandle(params?.owner);
  const entry = owner === undefined ? undefined : ownersOf(source.workspace.briefs(), { owner, fileOf })[0];
  return { ...(entry && { entry: withDisplay(entry, source.workspace, source.today) }), today: source.today };
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
