/**
 * The Checklist view's content, level by level: programs, then the headings of one brief, then
 * the items under one heading. Each level is computed on its own, so a host builds only what is
 * expanded. Pure data: the extension turns these nodes into tree items.
 *
 * Counts (`done/total`) cover the items that pass the *mine* and *due* filters; the *open only*
 * filter hides done items but leaves them in the counts, so a group still shows real progress.
 */
import type { ChecklistItem } from './checklist';
import type { Brief, Heading } from './model';
import { isChecklistItemDueWithin, isChecklistItemOverdue } from './status';

export { addDays } from './status';

export interface ChecklistFilter {
  /** Hide done items. */
  openOnly?: boolean;
  /** Only items owned by this handle (compared case-insensitively). */
  mine?: string;
  /** Only open items with a due date no later than today + N days (overdue ones included); ticked items are left out. */
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
  /** The item's text without its `due:` token and a trailing `@owner` (shown separately). */
  label: string;
  overdue: boolean;
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
  if (options.filter.openOnly && item.checked) return false;
  return itemCounts(item, options);
}

/** Unchecked and due before today. */
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

/** The items under one heading of a brief (`headingLine` undefined: above the first heading). */
export function checklistEntries(brief: Brief, headingLine: number | undefined, options: ChecklistViewOptions): ChecklistEntry[] {
  const keys = checklistItemKeys(brief);
  const entries: ChecklistEntry[] = [];
  brief.checklist.forEach((item, i) => {
    if (item.heading?.line !== headingLine || !itemShown(item, options)) return;
    const key = keys[i];
    entries.push({
      kind: 'item',
      id: `checklist:${brief.uri}|${JSON.stringify([key.headingPath, key.text, key.occurrence])}`,
      uri: brief.uri,
      item,
      key,
      source: brief.text,
      label: itemLabel(item.text),
      overdue: isItemOverdue(item, options.today),
    });
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
    const group = JSON.stringify([headingPath, item.text]);
    partial.push({ headingPath, text: item.text, group });
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return partial.map(({ headingPath, text, group }) => {
    const occurrence = seen.get(group) ?? 0;
    seen.set(group, occurrence + 1);
    return { headingPath, text, occurrence, count: counts.get(group)! };
  });
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

// The blanks before each token are trimmed by hand: a leading `\s*`/`\s+` in the patterns made
// them backtrack quadratically on long runs of blanks (test/unit/regexSafety.test.ts).
const DUE_TOKEN = /(?:due:|📅\s*)\d{4}-\d{2}-\d{2}/gu;
const TRAILING_OWNER = /@[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)?$/;

/** "Load test plan @li due:2026-03-01" → "Load test plan": owner and due are shown beside it. */
export function itemLabel(text: string): string {
  let withoutDue = '';
  let last = 0;
  DUE_TOKEN.lastIndex = 0;
  for (let match = DUE_TOKEN.exec(text); match; match = DUE_TOKEN.exec(text)) {
    withoutDue += text.slice(last, match.index).trimEnd();
    last = match.index + match[0].length;
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
  for (const item of items) {
    if (!itemCounts(item, options)) continue;
    total++;
    if (item.checked) done++;
    else if (isItemOverdue(item, options.today)) overdue++;
  }
  return { progress: { done, total, overdue }, shown: options.filter.openOnly ? total - done : total };
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

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
