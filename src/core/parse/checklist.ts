/**
 * Checklist items: task list items in a brief's body (spec §1, "Checklist items"), with the
 * states, dates and priorities of the Obsidian Tasks emoji format (v2 spec §5; docs/format.md,
 * "Checklist items").
 */
import { intern } from '../model/intern';
import { type Located, located, range, type Range } from '../model/range';
import { HANDLE_PATTERN, isCalendarDate } from '../model/schema';

/**
 * `[ ]` open, `[/]` in progress (still open), `[x]`/`[X]` done, `[-]` cancelled (neither open
 * nor counted in done/total). Which of these count as open or towards a total is decided in
 * ../model/status.ts (`isChecklistItemOpen`, `countsTowardsChecklistTotal`), nowhere else.
 */
export type ChecklistState = 'open' | 'in-progress' | 'done' | 'cancelled';

/** Obsidian Tasks' priorities, from 🔺 (highest) to ⏬ (lowest). */
export type ChecklistPriority = 'highest' | 'high' | 'medium' | 'low' | 'lowest';

export interface ChecklistItem {
  /** The item's own text, after the checkbox, on its first line (markers included). */
  text: string;
  state: ChecklistState;
  /** 0-based line of the item's checkbox. */
  line: number;
  /** The single character between the brackets (` `, `x`, `X`, `/` or `-`). */
  checkboxRange: Range;
  /** From the list marker to the end of the item's first line. */
  range: Range;
  owner?: Located<string>;
  /** `due:YYYY-MM-DD` or `📅 YYYY-MM-DD`; the range covers the date. */
  due?: Located<string>;
  /** `⏳ YYYY-MM-DD`. */
  scheduled?: Located<string>;
  /** `🛫 YYYY-MM-DD`. */
  start?: Located<string>;
  /** `✅ YYYY-MM-DD`. */
  doneOn?: Located<string>;
  /** `❌ YYYY-MM-DD`. */
  cancelledOn?: Located<string>;
  /** 🔺 ⏫ 🔼 🔽 ⏬. */
  priority?: ChecklistPriority;
  /** The nearest heading above the item. */
  heading?: { text: string; line: number };
  /** Nesting depth: 0 for a top-level item. */
  depth: number;
  /** Index (in the brief's checklist) of the checklist item this one is nested in, if any. */
  parent?: number;
}

/** The characters of a checkbox and the state each one means. Any other character: not a task. */
export const CHECKBOX_STATES: Readonly<Record<string, ChecklistState>> = { ' ': 'open', 'x': 'done', 'X': 'done', '/': 'in-progress', '-': 'cancelled' };

const TASK_MARKER = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX/-])\]/;
const OWNER = new RegExp(`(?<=^|[\\s(])(${HANDLE_PATTERN.source.slice(1, -1)})(?=$|[\\s),.;:!?])`, 'u');

export type ChecklistDateKind = 'due' | 'scheduled' | 'start' | 'doneOn' | 'cancelledOn';

const DATE_EMOJI: Readonly<Record<string, ChecklistDateKind>> = { '📅': 'due', '⏳': 'scheduled', '🛫': 'start', '✅': 'doneOn', '❌': 'cancelledOn' };
export const PRIORITY_EMOJI: Readonly<Record<string, ChecklistPriority>> = { '🔺': 'highest', '⏫': 'high', '🔼': 'medium', '🔽': 'low', '⏬': 'lowest' };

/**
 * A date marker: `due:DATE` (ours, no blank), or one of Obsidian Tasks' date emoji, optionally
 * followed by the emoji variation selector U+FE0F, then blanks, then the date. Linear: each
 * alternative starts with a fixed character and the blanks cannot be followed by another blank.
 */
const DATE_MARKER = /(?:due:|(📅|⏳|🛫|✅|❌)\uFE0F?\s*)(\d{4}-\d{2}-\d{2})/gu;
const PRIORITY_MARKER = /(🔺|⏫|🔼|🔽|⏬)\uFE0F?/gu;

/** One marker in an item's text: where it is (offsets into the text), what it is, and its date. */
export interface ChecklistMarker {
  kind: ChecklistDateKind | 'priority';
  start: number;
  end: number;
  /** The date as written (for dates; may not be a calendar date), or the priority. */
  value: string;
}

/** Every date and priority marker of an item's text, in text order. */
export function checklistMarkers(text: string): ChecklistMarker[] {
  const markers: ChecklistMarker[] = [];
  DATE_MARKER.lastIndex = 0;
  for (let match = DATE_MARKER.exec(text); match; match = DATE_MARKER.exec(text)) {
    markers.push({ kind: match[1] === undefined ? 'due' : DATE_EMOJI[match[1]], start: match.index, end: match.index + match[0].length, value: match[2] });
  }
  PRIORITY_MARKER.lastIndex = 0;
  for (let match = PRIORITY_MARKER.exec(text); match; match = PRIORITY_MARKER.exec(text)) {
    markers.push({ kind: 'priority', start: match.index, end: match.index + match[0].length, value: PRIORITY_EMOJI[match[1]] });
  }
  return markers.sort((a, b) => a.start - b.start);
}

/** Reads the checkbox of a task item whose list marker starts at `lineText[markerChar]`. */
export function readTaskLine(lineText: string, markerChar: number): { checkChar: number; state: ChecklistState; textStart: number } | undefined {
  const match = TASK_MARKER.exec(lineText.slice(markerChar));
  if (!match) return undefined;
  const closing = markerChar + match[0].length - 1;
  return { checkChar: closing - 1, state: CHECKBOX_STATES[match[1]], textStart: closing + 1 };
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
    state: task.state,
    line,
    checkboxRange: range(line, task.checkChar, line, task.checkChar + 1),
    range: range(line, markerChar, line, textStart + text.length),
    depth,
  };
  const owner = OWNER.exec(text);
  if (owner) {
    const at = textStart + owner.index;
    item.owner = located(intern(owner[1]), range(line, at, line, at + owner[1].length));
  }
  // The first marker of each kind is the item's (a later one is left in the text as written).
  const seen = new Set<ChecklistMarker['kind']>();
  for (const marker of checklistMarkers(text)) {
    if (seen.has(marker.kind)) continue;
    seen.add(marker.kind);
    if (marker.kind === 'priority') {
      item.priority = marker.value as ChecklistPriority;
    } else if (isCalendarDate(marker.value)) {
      const at = textStart + marker.end - marker.value.length;
      item[marker.kind] = located(intern(marker.value), range(line, at, line, at + marker.value.length));
    }
  }
  return item;
}

/**
 * Whether a paragraph's source that opens a list item starts with an Obsidian-only checkbox
 * (`[/]` or `[-]`) read as GFM reads `[ ]`: followed by a blank (or line break) and then by some
 * text of the paragraph. Remark leaves such items as plain list items (./body.ts asks here).
 */
export function startsWithObsidianCheckbox(paragraph: string): boolean {
  return (paragraph.startsWith('[/]') || paragraph.startsWith('[-]')) && /^[ \t\r\n]/.test(paragraph.slice(3)) && paragraph.slice(3).trim() !== '';
}
