/**
 * Ticking a checklist item from outside the editor (the tree view). The item is found again in
 * the file's current text by who it is (heading path, text, occurrence: `planChecklistToggle`),
 * then its line must still hold the item the user saw, with the checkbox the user saw. Anything
 * else (the item is gone or ambiguous, its text changed, someone ticked it meanwhile) writes
 * nothing.
 *
 * A tick writes the box and nothing else of the line (docs/extension.md, "Checklist"): `[ ]` and
 * `[/]` become `[x]`, `[x]` becomes `[ ]`; a cancelled `[-]` item is not ticked. Only with
 * `doneDate` (the setting `programBriefs.checklist.addDoneDate`) does ticking also add
 * ` ✅ DATE` at the end of the item's text (before a trailing ` ^block-id`), unless it has a done
 * date already, and unticking remove the item's `✅ DATE`, as Obsidian Tasks does.
 */
import { checklistMarkers, checklistItemAt, type ChecklistItem } from '../parse/checklist';
import { isChecklistItemDone, isChecklistItemOpen } from '../model/status';
import { checklistItemKeys, type ChecklistItemKey } from '../views/checklistTree';
import type { Brief } from '../model/model';
import { LineIndex, plainRange, range, type Range } from '../model/range';

/** What the tree showed: enough of a `ChecklistItem` to recognise it again. */
export type ShownChecklistItem = Pick<ChecklistItem, 'text' | 'state' | 'line' | 'checkboxRange' | 'range'>;

/** A replacement of `range` (on one line) by `text`. */
export interface LineEdit {
  range: Range;
  text: string;
}

export interface CheckboxOptions {
  /** When set (YYYY-MM-DD): ticking adds `✅ doneDate`, unticking removes the item's `✅` date. */
  doneDate?: string;
}

export type CheckboxPlan =
  /**
   * Replace the single character at `range` with `text` (`x` or a space), and with `doneDate`
   * set, make `dateEdit` too (after the checkbox on the same line: adding or removing `✅ DATE`).
   */
  | { kind: 'write'; range: Range; text: 'x' | ' '; dateEdit?: LineEdit }
  /** The line holds the item, already in the wanted state. */
  | { kind: 'unchanged' }
  /** The line no longer holds the item as shown: write nothing, refresh, tell the user why. */
  | { kind: 'stale'; reason: string };

/**
 * Plans setting `shown` to `checked`, given the current text of line `shown.line` (undefined when
 * the document no longer has that line).
 */
export function planCheckboxToggle(lineText: string | undefined, shown: ShownChecklistItem, checked: boolean, options: CheckboxOptions = {}): CheckboxPlan {
  const where = `line ${shown.line + 1}`;
  if (lineText === undefined) return { kind: 'stale', reason: `the file no longer has ${where}` };
  const current = itemOnLine(lineText, shown.line, shown.range.start.character);
  if (!current) return { kind: 'stale', reason: `${where} is no longer a checklist item` };
  if (current.text !== shown.text) return { kind: 'stale', reason: `${where} now reads “${current.text}”` };
  if (current.checkboxRange.start.character !== shown.checkboxRange.start.character) {
    return { kind: 'stale', reason: `the checkbox on ${where} moved` };
  }
  /** The item is already as wanted: done when ticked, open (or in progress) when unticked. */
  const wanted = checked ? isChecklistItemDone(current) : isChecklistItemOpen(current);
  if (current.state !== shown.state) {
    return wanted ? { kind: 'unchanged' } : { kind: 'stale', reason: `the item on ${where} was ${STATE_CHANGES[current.state]} meanwhile` };
  }
  if (current.state === 'cancelled') return { kind: 'stale', reason: `the item on ${where} is cancelled (\`[-]\`): change its box in the file to reopen it` };
  if (wanted) return { kind: 'unchanged' };
  const dateEdit = options.doneDate === undefined ? undefined : doneDateEdit(current, checked, options.doneDate);
  return { kind: 'write', range: plainRange(current.checkboxRange), text: checked ? 'x' : ' ', ...(dateEdit && { dateEdit }) };
}

const STATE_CHANGES: Readonly<Record<ChecklistItem['state'], string>> = { 'open': 'unticked', 'in-progress': 'marked in progress', 'done': 'ticked', 'cancelled': 'cancelled' };

/** A trailing Obsidian block id (` ^id`): a done date goes before it, as Obsidian Tasks puts it. */
const BLOCK_ID = /[ \t]\^[A-Za-z0-9-]+$/;

/** Adding ` ✅ date` when ticking (unless the item has a `✅` date), or removing the item's `✅ DATE` when unticking. */
function doneDateEdit(item: ChecklistItem, checked: boolean, doneDate: string): LineEdit | undefined {
  const line = item.line;
  const textStart = item.range.end.character - item.text.length;
  const at = (character: number) => ({ line, character });
  const markers = checklistMarkers(item.text).filter((marker) => marker.kind === 'doneOn');
  if (checked) {
    if (markers.length > 0) return undefined;
    const block = BLOCK_ID.exec(item.text);
    const insert = textStart + (block ? block.index : item.text.length);
    return { range: { start: at(insert), end: at(insert) }, text: `${item.text === '' ? '' : ' '}✅ ${doneDate}` };
  }
  const marker = item.doneOn && markers.find((m) => textStart + m.end === item.doneOn!.range.end.character);
  if (!marker) return undefined;
  // The marker and the blanks before it (or, at the start of the text, after it).
  let from = marker.start;
  let to = marker.end;
  while (from > 0 && (item.text[from - 1] === ' ' || item.text[from - 1] === '\t')) from--;
  if (from === 0) while (to < item.text.length && (item.text[to] === ' ' || item.text[to] === '\t')) to++;
  return { range: { start: at(textStart + from), end: at(textStart + to) }, text: '' };
}

/**
 * The item starting at `start` of a line: after its list marker, or (for `-` alone on the line
 * above, then `  [ ] box`, see checkboxOnNextLine in ./body) at its checkbox, read the same way by
 * giving checklistItemAt a `- ` in the indentation (same length, so every column holds).
 */
function itemOnLine(lineText: string, line: number, start: number): ChecklistItem | undefined {
  if (lineText[start] === '[' && start >= 2 && lineText.slice(0, start).trim() === '') {
    const item = checklistItemAt(`${lineText.slice(0, start - 2)}- ${lineText.slice(start)}`, line, start - 2, 0);
    if (item) item.range = range(item.range.start.line, start, item.range.end.line, item.range.end.character);
    return item;
  }
  return checklistItemAt(lineText, line, start, 0);
}

/** What the tree showed of an item: the item, its key, and the text it was read from. */
export interface ShownChecklistEntry {
  item: ShownChecklistItem;
  key: ChecklistItemKey;
  /** The file's text when the tree showed the item: where its line went is checked against it. */
  source?: string;
}

/** The current state of the file: its text as the core read it (`parseBrief`). */
export type CurrentChecklist = Pick<Brief, 'text' | 'headings' | 'checklist'>;

export type ChecklistTogglePlan =
  | { kind: 'write'; range: Range; text: 'x' | ' '; dateEdit?: LineEdit; /** The whole line before and after the write. */ before: string; after: string }
  | { kind: 'unchanged' }
  | { kind: 'stale'; reason: string };

/**
 * Plans setting the item the tree showed to `checked`, in the file's CURRENT text: the item is
 * found again by its key (heading path, text, occurrence among the items with that text under
 * those headings), never by its old line number, and the plan is a single character on that
 * item's line or nothing. Two checks keep the key from naming another line: the number of items
 * with that text under those headings is unchanged (else the occurrence is ambiguous), and the
 * item's line is where the shown line went, in the part of the file above or below all the
 * edits made since the view showed it (`mapUnchangedLine`). Otherwise the plan is stale.
 */
export function planChecklistToggle(current: CurrentChecklist, shown: ShownChecklistEntry, checked: boolean, options: CheckboxOptions = {}): ChecklistTogglePlan {
  const { key } = shown;
  const keys = checklistItemKeys(current);
  const candidates: ChecklistItem[] = [];
  current.checklist.forEach((item, i) => {
    if (keys[i].text === key.text && samePath(keys[i].headingPath, key.headingPath)) candidates.push(item);
  });
  const under = key.headingPath.length > 0 ? ` under “${key.headingPath[key.headingPath.length - 1]}”` : ' above the first heading';
  if (candidates.length === 0) return { kind: 'stale', reason: `no item reads “${key.text}”${under} any more` };
  if (candidates.length !== key.count) {
    return { kind: 'stale', reason: `the number of items reading “${key.text}”${under} changed (${key.count} → ${candidates.length})` };
  }
  const found = candidates[key.occurrence];
  if (!found) return { kind: 'stale', reason: `the item reading “${key.text}”${under} is gone` };
  // The key alone could name another line: the same text under the same headings after headings
  // were deleted and added, or a twin after same-text items moved. So the line the key names must
  // also be where the shown line went: in the part of the file above or below every edit made
  // since the view showed it. (Without the shown text, only a unique key is trusted.)
  if (shown.source !== undefined ? mapUnchangedLine(shown.source, current.text, shown.item.line) !== found.line : key.count > 1) {
    return { kind: 'stale', reason: `the file was edited around “${key.text}”${under} since the view showed it` };
  }
  const lineText = lineAt(current.text, found.line);
  const dy = found.line - shown.item.line;
  const moved = { ...shown.item, line: found.line, range: shiftRange(shown.item.range, dy), checkboxRange: shiftRange(shown.item.checkboxRange, dy) };
  const plan = planCheckboxToggle(lineText, moved, checked, options);
  if (plan.kind === 'unchanged' || plan.kind === 'stale') return plan;
  if (lineText === undefined) return { kind: 'stale', reason: 'internal: the item\'s line is gone' };
  const at = plan.range.start.character;
  if (plan.range.start.line !== found.line || plan.range.end.line !== found.line || plan.range.end.character !== at + 1) {
    return { kind: 'stale', reason: 'internal: the planned write is not the item\'s checkbox' };
  }
  const date = plan.dateEdit;
  if (date && (date.range.start.line !== found.line || date.range.end.line !== found.line || date.range.start.character <= at || date.range.end.character > lineText.length)) {
    return { kind: 'stale', reason: 'internal: the planned done date is not on the item\'s line' };
  }
  let after = lineText;
  if (date) after = after.slice(0, date.range.start.character) + date.text + after.slice(date.range.end.character);
  after = after.slice(0, at) + plan.text + after.slice(at + 1);
  return { ...plan, before: lineText, after };
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, i) => text === b[i]);
}

function shiftRange(range: Range, dy: number): Range {
  return { start: { line: range.start.line + dy, character: range.start.character }, end: { line: range.end.line + dy, character: range.end.character } };
}

/** Line breaks as LineIndex (and VS Code) count them. */
const LINE_BREAK = /\r\n|\r|\n/;

function lineAt(text: string, line: number): string | undefined {
  const lines = new LineIndex(text);
  return line >= 0 && line < lines.lineCount ? lines.lineText(line) : undefined;
}

/**
 * Where line `line` of `before` is in `after`, when every difference between the two texts is
 * on that line or on one side of it: the lines above it are identical (it stays where it was),
 * or the lines below it are (it moved with them). Undefined when the texts differ both above
 * and below it.
 */
export function mapUnchangedLine(before: string, after: string, line: number): number | undefined {
  const a = before.split(LINE_BREAK);
  const b = after.split(LINE_BREAK);
  if (line < 0 || line >= a.length) return undefined;
  let above = line < b.length;
  for (let i = 0; above && i < line; i++) above = a[i] === b[i];
  if (above && a[line] === b[line]) return line;
  const shift = b.length - a.length;
  let below = line + shift >= 0;
  for (let i = line + 1; below && i < a.length; i++) below = a[i] === b[i + shift];
  // Lines inserted right above it leave the lines above identical too: then it moved down.
  if (below) return line + shift;
  return above ? line : undefined;
}

/** One change of a text, as editors report it: offsets into the text before the change. */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * Where the character at `offset` is after `changes` (all relative to the text before them, as
 * in one VS Code change event); undefined if they replaced it. Text inserted exactly at the
 * offset goes before the character.
 */
export function offsetAfterChanges(offset: number, changes: readonly TextChange[]): number | undefined {
  let delta = 0;
  for (const change of changes) {
    const end = change.rangeOffset + change.rangeLength;
    if (change.rangeLength === 0 ? change.rangeOffset <= offset : end <= offset) delta += change.text.length - change.rangeLength;
    else if (change.rangeOffset <= offset && offset < end) return undefined;
  }
  return offset + delta;
}
