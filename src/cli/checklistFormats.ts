/** `brief checklist`: the task list items of every brief, as text or JSON. */
import { type Brief, isChecklistItemOverdue } from '../core';
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
  checked: boolean;
  owner: string | null;
  due: string | null;
  /** Not checked and `due` before today. */
  overdue: boolean;
  /** 0 for a top-level item. */
  depth: number;
}

export interface ChecklistJson {
  version: 1;
  /** Counts over every item, whether or not `--open` left some out of `items`. */
  total: number;
  done: number;
  items: ChecklistJsonItem[];
}

export interface ChecklistOptions {
  briefs: readonly Brief[];
  fileOf(uri: string): string;
  /** Unchecked items only. */
  open: boolean;
  today: string;
}

export function checklistJson(options: ChecklistOptions): ChecklistJson {
  let total = 0;
  let done = 0;
  const items: ChecklistJsonItem[] = [];
  for (const brief of options.briefs) {
    for (const item of brief.checklist) {
      total++;
      if (item.checked) done++;
      if (options.open && item.checked) continue;
      items.push({
        program: brief.program?.value ?? null,
        file: options.fileOf(brief.uri),
        line: item.line,
        heading: item.heading?.text ?? null,
        text: item.text,
        checked: item.checked,
        owner: item.owner?.value ?? null,
        due: item.due?.value ?? null,
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
    const briefDone = brief.checklist.filter((item) => item.checked).length;
    total += brief.checklist.length;
    done += briefDone;
    if (options.open && briefDone === brief.checklist.length) continue;
    const name = brief.program?.value ?? file;
    const title = brief.title?.value ? ` — ${brief.title.value}` : '';
    out.push(`${printable(name)}${printable(title)}  ${briefDone}/${brief.checklist.length}  (${printable(file)})`);
    for (const [heading, items] of groups) {
      const groupDone = items.filter((item) => item.checked).length;
      const shown = options.open ? items.filter((item) => !item.checked) : items;
      if (shown.length === 0) continue;
      out.push(`  ${heading ? printable(heading) : '(no heading)'}  ${groupDone}/${items.length}`);
      for (const item of shown) {
        const overdue = isChecklistItemOverdue(item, options.today) ? '  (overdue)' : '';
        out.push(`    ${'  '.repeat(item.depth)}[${item.checked ? 'x' : ' '}] ${printable(item.text)}${overdue}  ${printable(file)}:${item.line + 1}`);
      }
    }
    out.push('');
  }
  if (total === 0) return 'No checklist items found.\n';
  out.push(`${done}/${total} done${options.open ? `, ${total - done} open` : ''}`);
  return neutraliseCommands(`${out.join('\n')}\n`);
}
