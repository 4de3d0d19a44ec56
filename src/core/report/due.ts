/**
 * What is due (v2 spec section 3.3): everything open that is due on or before today + N days:
 * milestones not `done`/`cancelled` with a `due`, and open checklist items (in progress `[/]`
 * included, cancelled `[-]` not) with a due date (`due:` or `📅`). Overdue first, then by date, then file. The decisions are ../model/status.ts's.
 */
import type { Brief } from '../model/model';
import { addDays, isChecklistItemDueWithin, isChecklistItemOverdue, isClosed, isOverdue, milestoneFacts } from '../model/status';
import { compareText } from '../model/text';
import { fileOfOnce } from './fileOfOnce';

export interface DueItem {
  kind: 'milestone' | 'checklist';
  /** `program#milestone`, for a milestone. */
  id?: string;
  /** A milestone's title (else its id), a checklist item's text. */
  text: string;
  /** The milestone's `owner`, the checklist item's `@handle`; undefined when it has none. */
  owner?: string;
  due: string;
  overdue: boolean;
  program?: string;
  uri: string;
  /** 0-based. */
  line: number;
}

export interface DueOptions {
  today: string;
  /** Days after today (default 14). */
  within?: number;
  /** Only what this handle owns. */
  owner?: string;
  /** How a uri sorts (the file as shown); default the uri. */
  fileOf?(uri: string): string;
}

export const DEFAULT_DUE_WITHIN = 14;

export function dueItems(briefs: readonly Brief[], options: DueOptions): DueItem[] {
  const within = options.within ?? DEFAULT_DUE_WITHIN;
  const last = addDays(options.today, within);
  const items: DueItem[] = [];
  for (const brief of briefs) {
    const program = brief.program?.value;
    for (const milestone of brief.milestones) {
      const facts = milestoneFacts(brief, milestone);
      if (facts.due === undefined || facts.dueRejected || isClosed(facts) || facts.due > last) continue;
      items.push({
        kind: 'milestone',
        ...(milestone.id && program !== undefined && { id: `${program}#${milestone.id.value}` }),
        text: milestone.title?.value ?? milestone.id?.value ?? '',
        ...(milestone.owner && { owner: milestone.owner.value }),
        due: facts.due,
        overdue: isOverdue(facts, options.today),
        ...(program !== undefined && { program }),
        uri: brief.uri,
        line: (milestone.id ?? milestone.due)?.range.start.line ?? milestone.itemRange.start.line,
      });
    }
    for (const item of brief.checklist) {
      if (!isChecklistItemDueWithin(item, options.today, within)) continue;
      items.push({
        kind: 'checklist', text: item.text, ...(item.owner && { owner: item.owner.value }), due: item.due!.value,
        overdue: isChecklistItemOverdue(item, options.today), ...(program !== undefined && { program }), uri: brief.uri, line: item.line,
      });
    }
  }
  const fileOf = fileOfOnce(options.fileOf);
  return items
    .filter((item) => options.owner === undefined || item.owner === options.owner)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || compareText(a.due, b.due) || compareText(fileOf(a.uri), fileOf(b.uri)) || a.line - b.line);
}
