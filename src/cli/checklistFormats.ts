/** `brief checklist`: the task list items of every brief, as text or JSON. */
import { type Brief, type ChecklistItem, type ChecklistPriority, type ChecklistState, checklistProgress, isChecklistItemDone, isChecklistItemOpen, isChecklistItemOverdue } from '../core';
import { neutraliseCommands, printable } from './safeText';

export const CHECKLIST_FORMATS = ['text', 'json'] as const;
export type ChecklistFormat = (typeof CHECKLIST_FORMATS)[number];

export interface ChecklistJsonItem {
  program: string | null;
  file: string;
  /** 0-based, as every line in the CLI's JSON. */
  line: number;
  heading: string | null;
  text: string;
  /** `open` `[ ]`, `in-progress` `[/]`, `done` `[x]`, `cancelled` `[-]`. */
  state: ChecklistState;
  /** Done (`[x]`): the state, as before states were read. */
  checked: boolean;
  owner: string | null;
  /** `due:DATE` or `📅 DATE`. */
  due: string | null;
  /** `⏳ DATE`. */
  scheduled: string | null;
  /** `🛫 DATE`. */
  start: string | null;
  /** `✅ DATE`. */
  doneOn: string | null;
  /** `❌ DATE`. */
  cancelledOn: string | null;
  priority: ChecklistPriority | null;
  /** Open (or in progress) and `due` before today. */
  overdue: boolean;
  /** 0 for a top-level item. */
  depth: number;
}

export interface ChecklistJson {
  version: 1;
  /** Counts over every item but cancelled ones, whether or not `--open` left some out of `items`. */
  total: number;
  done: number;
  items: ChecklistJsonItem[];
}

export interface ChecklistOptions {
  briefs: readonly Brief[];
  fileOf(uri: string): string;
  /** Open (and in-progress) items only. */
  open: boolean;
  today: string;
}

export function checklistJson(options: ChecklistOptions): ChecklistJson {
  let total = 0;
  let done = 0;
  const items: ChecklistJsonItem[] = [];
  for (const brief of options.briefs) {
    const progress = checklistProgress(brief.checklist);
    total += progress.total;
    done += progress.done;
    for (const item of brief.checklist) {
      if (options.open && !isChecklistItemOpen(item)) continue;
      items.push({
        program: brief.program?.value ?? null,
        file: options.fileOf(brief.uri),
        line: item.line,
        heading: item.heading?.text ?? null,
        text: item.text,
        state: item.state,
        checked: isChecklistItemDone(item),
        owner: item.owner?.value ?? null,
        due: item.due?.value ?? null,
        scheduled: item.scheduled?.value ?? null,
        start: item.start?.value ?? null,
        doneOn: item.doneOn?.value ?? null,
        cancelledOn: item.cancelledOn?.value ?? null,
        priority: item.priority ?? null,
        overdue: isChecklistItemOverdue(item, options.today),
        depth: item.depth,
      });
    }
  }
  return { version: 1, total, done, items };
}

/**
 * Grouped by program, then by heading, each with done/total; items show their checkbox and
 * `file:line` (1-based, for terminals and editors). With `--open`, counts still cover every
 * item and groups with nothing open are left out.
 */
export function checklistText(options: ChecklistOptions): string {
  const out: string[] = [];
  let total = 0;
  let done = 0;
  for (const brief of options.briefs) {
    if (brief.checklist.length === 0) continue;
    const file = options.fileOf(brief.uri);
    const groups = new Map<string, typeof brief.checklist>();
    for (const item of brief.checklist) {
      const key = item.heading?.text ?? '';
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
    const briefProgress = checklistProgress(brief.checklist);
    total += briefProgress.total;
    done += briefProgress.done;
    if (options.open && !brief.checklist.some(isChecklistItemOpen)) continue;
    const name = brief.program?.value ?? file;
    const title = brief.title?.value ? ` — ${brief.title.value}` : '';
    out.push(`${printable(name)}${printable(title)}  ${briefProgress.done}/${briefProgress.total}  (${printable(file)})`);
    for (const [heading, items] of groups) {
      const groupProgress = checklistProgress(items);
      const shown = options.open ? items.filter(isChecklistItemOpen) : items;
      if (shown.length === 0) continue;
      out.push(`  ${heading ? printable(heading) : '(no heading)'}  ${groupProgress.done}/${groupProgress.total}`);
      for (const item of shown) {
        const notes = itemNotes(item, options.today);
        out.push(`    ${'  '.repeat(item.depth)}[${BOXES[item.state]}] ${printable(item.text)}${notes.length > 0 ? `  (${notes.join(', ')})` : ''}  ${printable(file)}:${item.line + 1}`);
      }
    }
    out.push('');
  }
  if (total === 0) return 'No checklist items found.\n';
  out.push(`${done}/${total} done${options.open ? `, ${total - done} open` : ''}`);
  return neutraliseCommands(`${out.join('\n')}\n`);
}

/** The box as the CLI prints it (`[X]` as `[x]`). */
const BOXES: Readonly<Record<ChecklistState, string>> = { 'open': ' ', 'in-progress': '/', 'done': 'x', 'cancelled': '-' };

/** "in progress", "high priority", "overdue": what the text says of an item beyond its box and text. */
function itemNotes(item: ChecklistItem, today: string): string[] {
  const notes: string[] = [];
  if (item.state === 'in-progress') notes.push('in progress');
  if (item.state === 'cancelled') notes.push('cancelled');
  if (item.priority) notes.push(`${item.priority} priority`);
  if (isChecklistItemOverdue(item, today)) notes.push('overdue');
  return notes;
}
