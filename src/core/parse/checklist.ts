/** Checklist items: GFM task list items in a brief's body (spec §1, "Checklist items"). */
import type { Located, Range } from '../model/range';
import { HANDLE_PATTERN, isCalendarDate } from '../model/schema';

export interface ChecklistItem {
  /** The item's own text, after the checkbox, on its first line. */
  text: string;
  checked: boolean;
  /** 0-based line of the item's checkbox. */
  line: number;
  /** The single character between the brackets (` `, `x` or `X`). */
  checkboxRange: Range;
  /** From the list marker to the end of the item's first line. */
  range: Range;
  owner?: Located<string>;
  due?: Located<string>;
  /** The nearest heading above the item. */
  heading?: { text: string; line: number };
  /** Nesting depth: 0 for a top-level item. */
  depth: number;
  /** Index (in the brief's checklist) of the checklist item this one is nested in, if any. */
  parent?: number;
}

const TASK_MARKER = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\]/;
const OWNER = new RegExp(`(?<=^|[\\s(])(${HANDLE_PATTERN.source.slice(1, -1)})(?=$|[\\s),.;:!?])`, 'u');
const DUE = /(?:due:|📅\s*)(\d{4}-\d{2}-\d{2})/u;

/** Reads the checkbox of a task item whose list marker starts at `lineText[markerChar]`. */
export function readTaskLine(lineText: string, markerChar: number): { checkChar: number; checked: boolean; textStart: number } | undefined {
  const match = TASK_MARKER.exec(lineText.slice(markerChar));
  if (!match) return undefined;
  const closing = markerChar + match[0].length - 1;
  return { checkChar: closing - 1, checked: match[1] !== ' ', textStart: closing + 1 };
}

/** Builds a checklist item from the first line of a task list item. */
export function checklistItemAt(lineText: string, line: number, markerChar: number, depth: number): ChecklistItem | undefined {
  const task = readTaskLine(lineText, markerChar);
  if (!task) return undefined;
  const rawText = lineText.slice(task.textStart);
  const leading = rawText.length - rawText.trimStart().length;
  const text = rawText.trim();
  const textStart = task.textStart + leading;
  const item: ChecklistItem = {
    text,
    checked: task.checked,
    line,
    checkboxRange: { start: { line, character: task.checkChar }, end: { line, character: task.checkChar + 1 } },
    range: { start: { line, character: markerChar }, end: { line, character: textStart + text.length } },
    depth,
  };
  const owner = OWNER.exec(text);
  if (owner) {
    const at = textStart + owner.index;
    item.owner = { value: owner[1], range: { start: { line, character: at }, end: { line, character: at + owner[1].length } } };
  }
  const due = DUE.exec(text);
  if (due && isCalendarDate(due[1])) {
    const at = textStart + due.index + due[0].length - due[1].length;
    item.due = { value: due[1], range: { start: { line, character: at }, end: { line, character: at + due[1].length } } };
  }
  return item;
}
