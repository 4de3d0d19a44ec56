/** What a suppression comment says (read by parse/suppressions.ts, applied by rules/lint.ts; docs/rules/README.md#suppressions). */
import type { Range } from './range';

export type SuppressionKind = 'next-line' | 'line' | 'disable' | 'enable' | 'file';

export interface SuppressionRule {
  id: string;
  /** Where the id is written in the comment. */
  range: Range;
}

export interface Suppression {
  kind: SuppressionKind;
  /** The rules named; empty for every rule. */
  rules: SuppressionRule[];
  /** The line of the comment (for `next-line`, the line it applies to is the next one). */
  line: number;
  /** The whole comment. */
  range: Range;
  /** Where it is written: a YAML comment in the frontmatter, an HTML comment in the body. */
  syntax: 'yaml' | 'html';
  /** Set when the comment is a directive that cannot be used (an unknown form, a form not for this syntax): why. */
  invalid?: string;
}
