/**
 * Changing a milestone's `due` or `start` from the Timeline (a bar's end dragged): the milestone
 * is found again in the file's CURRENT text (same place in the list, same id), its line must
 * still hold the date the timeline showed, and the new date must keep the milestone's `start`
 * on or before its `due`. Anything else writes nothing. The plan replaces exactly the ten
 * characters of the date (quotes, comments and the rest of the line stay as written).
 */
import type { Brief } from '../model/model';
import type { Range } from '../model/range';
import { isCalendarDate } from '../model/schema';

export interface DateEditRequest {
  /** The milestone's place in the brief's `milestones` list, and its id when it has one. */
  index: number;
  milestone?: string;
  field: 'due' | 'start';
  /** The date the timeline showed, and the one wanted. */
  from: string;
  to: string;
}

export type DateEditPlan =
  | { kind: 'write'; range: Range; text: string }
  | { kind: 'unchanged' }
  /** The file no longer holds what the timeline showed. */
  | { kind: 'stale'; reason: string }
  /** The new date is not allowed (a due before the start, no real date). */
  | { kind: 'refused'; reason: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Plans the edit on `current`, the brief parsed from the document's text now. */
export function planDateEdit(current: Brief, request: DateEditRequest): DateEditPlan {
  const { field, from, to } = request;
  if (!DATE.test(to) || !isCalendarDate(to)) return { kind: 'refused', reason: `${to} is not a calendar date` };
  const milestone = current.milestones[request.index];
  const name = request.milestone === undefined ? `milestone ${request.index + 1}` : `milestone \`${request.milestone}\``;
  if (!milestone || milestone.id?.value !== request.milestone) return { kind: 'stale', reason: `the file no longer has ${name} where the timeline showed it` };
  const value = field === 'due' ? milestone.due : milestone.start;
  if (!value) return { kind: 'stale', reason: `${name} has no \`${field}\` any more` };
  if (value.value !== from) return { kind: 'stale', reason: `the \`${field}\` of ${name} is now ${value.value}, not ${from}` };
  const lines = current.text.split('\n');
  const written = lines[value.range.start.line]?.slice(value.range.start.character, value.range.end.character) ?? '';
  const at = written.indexOf(from);
  // A date written over several lines, or in some other form (a YAML tag): not ours to rewrite.
  if (value.range.start.line !== value.range.end.line || at < 0) return { kind: 'stale', reason: `the \`${field}\` of ${name} is not written as a plain date` };
  if (from === to) return { kind: 'unchanged' };
  const start = field === 'start' ? to : milestone.start?.value;
  const due = field === 'due' ? to : milestone.due?.value;
  if (start !== undefined && due !== undefined && due < start) {
    return { kind: 'refused', reason: field === 'due' ? `a due date ${due} before the start ${start} of ${name}` : `a start ${start} after the due date ${due} of ${name}` };
  }
  const character = value.range.start.character + at;
  return { kind: 'write', range: { start: { line: value.range.start.line, character }, end: { line: value.range.start.line, character: character + from.length } }, text: to };
}
