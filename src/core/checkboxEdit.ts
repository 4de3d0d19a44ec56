/**
 * Ticking a checklist item from outside the editor (the tree view): before anything is written,
 * the line must still hold the item the user saw, with the checkbox the user saw. Anything else
 * (the item moved, its text changed, someone ticked it meanwhile) writes nothing.
 */
import { checklistItemAt, type ChecklistItem } from './checklist';
import type { Range } from './range';

/** What the tree showed: enough of a `ChecklistItem` to recognise it again. */
export type ShownChecklistItem = Pick<ChecklistItem, 'text' | 'checked' | 'line' | 'checkboxRange' | 'range'>;

export type CheckboxPlan =
  /** Replace the single character at `range` with `text` (`x` or a space). */
  | { kind: 'write'; range: Range; text: 'x' | ' ' }
  /** The line holds the item, already in the wanted state. */
  | { kind: 'unchanged' }
  /** The line no longer holds the item as shown: write nothing, refresh, tell the user why. */
  | { kind: 'stale'; reason: string };

/**
 * Plans setting `shown` to `checked`, given the current text of line `shown.line` (undefined when
 * the document no longer has that line).
 */
export function planCheckboxToggle(lineText: string | undefined, shown: ShownChecklistItem, checked: boolean): CheckboxPlan {
  const where = `line ${shown.line + 1}`;
  if (lineText === undefined) return { kind: 'stale', reason: `the file no longer has ${where}` };
  const current = checklistItemAt(lineText, shown.line, shown.range.start.character, 0);
  if (!current) return { kind: 'stale', reason: `${where} is no longer a checklist item` };
  if (current.text !== shown.text) return { kind: 'stale', reason: `${where} now reads “${current.text}”` };
  if (current.checkboxRange.start.character !== shown.checkboxRange.start.character) {
    return { kind: 'stale', reason: `the checkbox on ${where} moved` };
  }
  if (current.checked !== shown.checked) {
    return current.checked === checked
      ? { kind: 'unchanged' }
      : { kind: 'stale', reason: `the item on ${where} was ${current.checked ? 'ticked' : 'unticked'} meanwhile` };
  }
  if (current.checked === checked) return { kind: 'unchanged' };
  return { kind: 'write', range: current.checkboxRange, text: checked ? 'x' : ' ' };
}
