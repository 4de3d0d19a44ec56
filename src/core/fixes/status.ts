/** Quick fix for `status-optimistic`: say what the forecast says (`at-risk`, `off-track`). */
import type { Range } from '../model/range';
import type { Fix } from './edits';
import { replaceValueFix } from './replaceValue';

/** Sets the `status` value the diagnostic points at to `status` (written by the YAML stringifier). */
export function setStatusFix(text: string, range: Range, status: string): Fix | undefined {
  return replaceValueFix(text, range, status);
}
