/** Quick fix for `schema` errors on enum values: replace the value with an allowed one. */
import { LineIndex, type Range } from '../model/range';
import { yamlScalar, type Fix } from './edits';

/** Replaces the value at `range` (as the diagnostic points at it) with `value`. */
export function replaceValueFix(text: string, range: Range, value: string): Fix | undefined {
  const lines = new LineIndex(text);
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  if (end <= start) return undefined;
  const current = text.slice(start, end);
  // A value spanning lines is not an enum value gone wrong; leave it to the user.
  if (/[\r\n]/.test(current)) return undefined;
  return { edits: [{ range, newText: yamlScalar(value) }], guards: [{ range, text: current }] };
}
