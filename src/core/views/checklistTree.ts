/**
 * The Checklist view's content, level by level: programs, then the headings of one brief, then
 * the items under one heading, each with the items nested in it below it (as in the Markdown).
 * A brief whose items all sit under one heading (its "Checklist") shows them right under the
 * program: that heading is not a level of its own. Each level is computed on its own, so a host
 * builds only what is expanded. Pure data: the extension turns these nodes into tree items.
 *
 * Counts (`done/total`) cover the items that pass the *mine* and *due* filters, cancelled ones
 * (`[-]`) left out; the *open only* filter hides done and cancelled items but leaves done ones in
 * the counts, so a group still shows real progress. Open, done and counted are decided in
 * ../model/status.ts.
 */
import { checklistMarkers, type ChecklistItem, type ChecklistPriority, type ChecklistState } from '../parse/checklist';
import type { Brief, Heading } from '../model/model';
import { countsTowardsChecklistTotal, isChecklistItemDone, isChecklistItemDueWithin, isChecklistItemOpen, isChecklistItemOverdue } from '../model/status';
import { compareText } from '../model/text';

export { addDays } from '../model/status';

export interface ChecklistFilter {
  /** Hide done and cancelled items. */
  openOnly?: boolean;
  /** Only items owned by this handle (compared case-insensitively). */
  mine?: string;
  /** Only open items with a due date no later than today + N days (overdue ones included); done and cancelled items are left out. */
  dueWithinDays?: number;
}

export interface ChecklistViewOptions {
  filter: ChecklistFilter;
  /** YYYY-MM-DD. */
  today: string;
}

export interface Progress {
  done: number;
  total: number;
  /** Open items due before today. */
  overdue: number;
}

export interface ChecklistProgramGroup {
  kind: 'program';
  /** Stable, unique id for the tree. */
  id: string;
  uri: string;
  /** The program id, or the file name for a brief without one. */
  label: string;
  title?: string;
  progress: Progress;
  /** Items shown under this group with the current filter. */
  shown: number;
}

export interface ChecklistHeadingGroup {
  kind: 'heading';
  id: string;
  uri: string;
  /** Undefined for items above the first heading. */
  heading?: { text: string; line: number };
  label: string;
  progress: Progress;
  shown: number;
}

/**
 * Who an item is, independently of its line number: the texts of the headings it sits under
 * (outermost first), its own text, and which of the items with that same heading path and text
 * it is (`occurrence`, 0-based, in document order, out of `count`). Ticking from the tree finds
 * the item again by this key in the document's current text (`planChecklistToggle`).
 */
export interface ChecklistItemKey {
  headingPath: string[];
  text: string;
  occurrence: number;
  count: number;
}

export interface ChecklistEntry {
  kind: 'item';
  /** Built from the item's key, not its line: an edit above the item does not change it. */
  id: string;
  uri: string;
  item: ChecklistItem;
  key: ChecklistItemKey;
  /** The text of the file the entry was built from (the same string the brief holds, not a copy). */
  source: string;
  /** The item's text without its date and priority markers and a trailing `@owner` (shown separately). */
  label: string;
  overdue: boolean;
  /** The item's index in the brief's checklist. */
  index: number;
  /** How many items nested in this one are shown under it (with the current filter). */
  children: number;
  /** The filter hides the item itself: it is shown because items nested in it are. */
  context: boolean;
}

export type ChecklistNode = ChecklistProgramGroup | ChecklistHeadingGroup | ChecklistEntry;

export const NO_HEADING_LABEL = '(above the first heading)';

/** Whether an item counts towards its group's progress under the filter (mine, due). */
export function itemCounts(item: ChecklistItem, options: ChecklistViewOptions): boolean {
  const { mine, dueWithinDays } = options.filter;
  if (mine !== undefined && item.owner?.value.toLowerCase() !== mine.toLowerCase()) return false;
  if (dueWithinDays !== undefined && !isChecklistItemDueWithin(item, options.today, dueWithinDays)) return false;
  return true;
}

/** Whether an item is shown under the filter. */
export function itemShown(item: ChecklistItem, options: ChecklistViewOptions): boolean {
  if (options.filter.openOnly && !isChecklistItemOpen(item)) return false;
  return itemCounts(item, options);
}

/** Open (or in progress) and due before today. */
export function isItemOverdue(item: ChecklistItem, today: string): boolean {
  return isChecklistItemOverdue(item, today);
}

/** The top level: one group per brief that has an item to show, by program id. */
export function checklistPrograms(briefs: readonly Brief[], options: ChecklistViewOptions): ChecklistProgramGroup[] {
  const groups: ChecklistProgramGroup[] = [];
  for (const brief of briefs) {
    if (brief.checklist.length === 0) continue;
    const tally = tallyItems(brief.checklist, options);
    if (tally.shown === 0) continue;
    groups.push({
      kind: 'program',
      id: `checklist:${brief.uri}`,
      uri: brief.uri,
      label: programLabel(brief),
      title: brief.title?.value,
      progress: tally.progress,
      shown: tally.shown,
    });
  }
  return groups.sort((a, b) => compareText(a.label, b.label) || compareText(a.uri, b.uri));
}

/** The headings of one brief that have an item to show, in document order. */
export function checklistHeadings(brief: Brief, options: ChecklistViewOptions): ChecklistHeadingGroup[] {
  const groups = new Map<number, { heading?: { text: string; line: number }; items: ChecklistItem[] }>();
  for (const item of brief.checklist) {
    const key = item.heading?.line ?? -1;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { heading: item.heading, items: [] }));
    group.items.push(item);
  }
  const result: ChecklistHeadingGroup[] = [];
  // Headings can repeat ("Checklist" twice): the id counts occurrences, not lines, so it survives
  // edits above the heading and the tree keeps its expansion state.
  const seen = new Map<string, number>();
  for (const [line, group] of [...groups].sort((a, b) => a[0] - b[0])) {
    const text = group.heading?.text ?? '';
    const occurrence = (seen.get(text) ?? 0) + 1;
    seen.set(text, occurrence);
    const tally = tallyItems(group.items, options);
    if (tally.shown === 0) continue;
    result.push({
      kind: 'heading',
      id: `checklist:${brief.uri}#${line < 0 ? '' : `${text}:${occurrence}`}`,
      uri: brief.uri,
      heading: group.heading,
      label: group.heading ? group.heading.text || '(untitled heading)' : NO_HEADING_LABEL,
      progress: tally.progress,
      shown: tally.shown,
    });
  }
  return result;
}

/** Every item under one heading of a brief that the filter shows, nested ones too, flat (`headingLine` undefined: above the first heading). */
export function checklistEntries(brief: Brief, headingLine: number | undefined, options: ChecklistViewOptions): ChecklistEntry[] {
  const keys = checklistItemKeys(brief);
  const parents = treeParents(brief);
  const { children } = visibility(brief, parents, options);
  const entries: ChecklistEntry[] = [];
  brief.checklist.forEach((item, i) => {
    if (item.heading?.line !== headingLine || !itemShown(item, options)) return;
    entries.push(entryOf(brief, i, keys[i], options, children[i], false));
  });
  return entries;
}

/**
 * What a program shows under it: its headings, or, when every item of the brief sits under one
 * heading (or none), that group's items directly (the heading would be a level that says nothing).
 */
export function checklistProgramChildren(brief: Brief, options: ChecklistViewOptions): (ChecklistHeadingGroup | ChecklistEntry)[] {
  const first = brief.checklist[0];
  if (first && brief.checklist.every((item) => item.heading?.line === first.heading?.line)) {
    return checklistTopEntries(brief, first.heading?.line, options);
  }
  return checklistHeadings(brief, options);
}

/**
 * The parent of each item in the tree: the item it is nested in, when that one is under the same
 * heading (a heading inside a list item starts a group of its own).
 */
function treeParents(brief: Pick<Brief, 'checklist'>): (number | undefined)[] {
  return brief.checklist.map((item) => {
    const parent = item.parent === undefined ? undefined : brief.checklist[item.parent];
    return parent && parent.heading?.line === item.heading?.line ? item.parent : undefined;
  });
}

/** Per item: shown by the filter itself, or as the context of a shown item nested in it. */
function visibility(brief: Pick<Brief, 'checklist'>, parents: readonly (number | undefined)[], options: ChecklistViewOptions): { shown: boolean[]; visible: boolean[]; children: number[] } {
  const shown = brief.checklist.map((item) => itemShown(item, options));
  const visible = [...shown];
  const children = brief.checklist.map(() => 0);
  // Nested items come after their parent: from the end, each visible item makes its parent visible.
  for (let i = brief.checklist.length - 1; i >= 0; i--) {
    const parent = parents[i];
    if (!visible[i] || parent === undefined) continue;
    visible[parent] = true;
    children[parent]++;
  }
  return { shown, visible, children };
}

function entryOf(brief: Brief, index: number, key: ChecklistItemKey, options: ChecklistViewOptions, children: number, context: boolean): ChecklistEntry {
  const item = brief.checklist[index];
  return {
    kind: 'item',
    id: `checklist:${brief.uri}|${JSON.stringify([key.headingPath, key.text, key.occurrence])}`,
    uri: brief.uri,
    item,
    key,
    source: brief.text,
    label: itemLabel(item.text),
    overdue: isItemOverdue(item, options.today),
    index,
    children,
    context,
  };
}

/** The items at the top of one heading group (`headingLine` undefined: above the first heading), each with its nested items below it. */
export function checklistTopEntries(brief: Brief, headingLine: number | undefined, options: ChecklistViewOptions): ChecklistEntry[] {
  return nestedEntries(brief, options, (item, parent) => parent === undefined && item.heading?.line === headingLine);
}

/** The items nested directly in the item at `index` of the brief's checklist. */
export function checklistChildEntries(brief: Brief, index: number, options: ChecklistViewOptions): ChecklistEntry[] {
  return nestedEntries(brief, options, (_, parent) => parent === index);
}

/** The entry of the item with this tree id in the brief's current checklist, if it is still there. */
export function checklistEntryById(brief: Brief, id: string, options: ChecklistViewOptions): ChecklistEntry | undefined {
  const keys = checklistItemKeys(brief);
  const parents = treeParents(brief);
  const { shown, visible, children } = visibility(brief, parents, options);
  for (let i = 0; i < keys.length; i++) {
    const entry = entryOf(brief, i, keys[i], options, children[i], !shown[i]);
    if (entry.id === id) return visible[i] ? entry : undefined;
  }
  return undefined;
}

function nestedEntries(brief: Brief, options: ChecklistViewOptions, wanted: (item: ChecklistItem, parent: number | undefined) => boolean): ChecklistEntry[] {
  const keys = checklistItemKeys(brief);
  const parents = treeParents(brief);
  const { shown, visible, children } = visibility(brief, parents, options);
  const entries: ChecklistEntry[] = [];
  brief.checklist.forEach((item, i) => {
    if (visible[i] && wanted(item, parents[i])) entries.push(entryOf(brief, i, keys[i], options, children[i], !shown[i]));
  });
  return entries;
}

/**
 * The key of each of a brief's checklist items (same order as `brief.checklist`), in one pass
 * over headings and items (both in document order).
 */
export function checklistItemKeys(brief: Pick<Brief, 'headings' | 'checklist'>): ChecklistItemKey[] {
  const stack: Heading[] = [];
  let next = 0;
  const partial: { headingPath: string[]; text: string; group: string }[] = [];
  const counts = new Map<string, number>();
  for (const item of brief.checklist) {
    while (next < brief.headings.length && brief.headings[next].line < item.line) {
      const heading = brief.headings[next++];
      while (stack.length > 0 && stack[stack.length - 1].depth >= heading.depth) stack.pop();
      stack.push(heading);
    }
    const headingPath = stack.map((h) => h.text);
    const text = identityText(item.text);
    const group = JSON.stringify([headingPath, text]);
    partial.push({ headingPath, text, group });
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return partial.map(({ headingPath, text, group }) => {
    const occurrence = seen.get(group) ?? 0;
    seen.set(group, occurrence + 1);
    return { headingPath, text, occurrence, count: counts.get(group)! };
  });
}

/**
 * An item's text as its key holds it: without its done and cancelled dates (`✅`/`❌ DATE`), so
 * that ticking it with `programBriefs.checklist.addDoneDate` leaves it the same item in the tree.
 */
function identityText(text: string): string {
  let result = '';
  let last = 0;
  for (const marker of checklistMarkers(text)) {
    if (marker.kind !== 'doneOn' && marker.kind !== 'cancelledOn') continue;
    result += text.slice(last, marker.start).trimEnd();
    last = marker.end;
  }
  return last === 0 ? text : (result + text.slice(last)).trim();
}

/** "3/5 · 60%", and "· 1 overdue" when some are. */
export function progressLabel(progress: Progress): string {
  const percent = progress.total === 0 ? 0 : Math.round((100 * progress.done) / progress.total);
  return `${progress.done}/${progress.total} · ${percent}%${progress.overdue > 0 ? ` · ${progress.overdue} overdue` : ''}`;
}

/** Active filters in words, for the view's description; empty when none is on. */
export function describeFilter(filter: ChecklistFilter): string {
  const parts: string[] = [];
  if (filter.openOnly) parts.push('open');
  if (filter.mine !== undefined) parts.push(`mine (${filter.mine})`);
  if (filter.dueWithinDays !== undefined) parts.push(filter.dueWithinDays === 0 ? 'due today or overdue' : `due within ${filter.dueWithinDays} d`);
  return parts.join(' · ');
}

const TRAILING_OWNER = /@[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)?$/;

/**
 * "Load test plan @li due:2026-03-01 ⏫" → "Load test plan": the owner, the dates and the
 * priority are shown beside it. The blanks before each marker are trimmed by hand: a leading
 * `\s*`/`\s+` in a pattern made it backtrack quadratically on long runs of blanks
 * (test/unit/regexSafety.test.ts).
 */
export function itemLabel(text: string): string {
  let withoutDue = '';
  let last = 0;
  for (const marker of checklistMarkers(text)) {
    withoutDue += text.slice(last, marker.start).trimEnd();
    last = marker.end;
  }
  withoutDue += text.slice(last);
  let label = withoutDue;
  const owner = TRAILING_OWNER.exec(withoutDue);
  if (owner) {
    const before = withoutDue.slice(0, owner.index);
    if (before.trimEnd().length < before.length) label = before;
  }
  label = label.trim();
  return label || text;
}

export function programLabel(brief: Brief): string {
  return brief.program?.value ?? fileName(brief.uri);
}

function tallyItems(items: readonly ChecklistItem[], options: ChecklistViewOptions): { progress: Progress; shown: number } {
  let done = 0;
  let total = 0;
  let overdue = 0;
  let shown = 0;
  for (const item of items) {
    if (!itemCounts(item, options)) continue;
    if (itemShown(item, options)) shown++;
    if (!countsTowardsChecklistTotal(item)) continue;
    total++;
    if (isChecklistItemDone(item)) done++;
    else if (isItemOverdue(item, options.today)) overdue++;
  }
  return { progress: { done, total, overdue }, shown };
}

const STATE_WORDS: Readonly<Record<ChecklistState, string | undefined>> = { 'open': undefined, 'in-progress': 'in progress', 'done': undefined, 'cancelled': 'cancelled' };
const PRIORITY_WORDS: Readonly<Record<ChecklistPriority, string>> = { highest: 'highest priority', high: 'high priority', medium: 'medium priority', low: 'low priority', lowest: 'lowest priority' };

/**
 * What the Checklist view shows beside an item's label, in words: "@li · in progress · high
 * priority · due 2026-03-01 · overdue". Open and done need no word (the checkbox says it).
 */
export function itemDescription(item: ChecklistItem, overdue: boolean, show: { state?: boolean } = {}): string {
  return [
    item.owner?.value,
    // "cancelled 2026-02-15" below says it when the date is written.
    show.state !== false && !(item.state === 'cancelled' && item.cancelledOn) && STATE_WORDS[item.state],
    item.priority && PRIORITY_WORDS[item.priority],
    item.due && `due ${item.due.value}`,
    item.scheduled && `scheduled ${item.scheduled.value}`,
    item.start && `start ${item.start.value}`,
    item.doneOn && `done ${item.doneOn.value}`,
    item.cancelledOn && `cancelled ${item.cancelledOn.value}`,
    overdue && 'overdue',
  ].filter(Boolean).join(' · ');
}

function fileName(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

