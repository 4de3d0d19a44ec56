/**
 * Which diagnostics a brief's suppression comments hide (docs/rules/README.md#suppressions).
 * A diagnostic is hidden by where it starts:
 *
 * - `brief-disable-file`: anywhere in the file;
 * - `brief-disable-line`: on the comment's line; `brief-disable-next-line`: on the line after
 *   the comment ends;
 * - `brief-disable` … `brief-enable`: on the lines after the first comment and before the
 *   second (to the end of the file without one). `brief-enable` with no rule ends every range;
 *   with rules, it ends theirs, also inside a range of every rule.
 *
 * A comment that names no rule hides every rule's diagnostics. Comments that are mistakes
 * (`suppression-invalid`) hide nothing, and `suppression-invalid` itself is never hidden: it
 * is how the user learns that a suppression does not do what they meant.
 */
import type { Suppression } from '../model/suppression';
import type { Diagnostic } from './lint';

export const SUPPRESSION_INVALID = 'suppression-invalid';

type RuleSet = 'all' | Set<string>;

function add(map: Map<number, RuleSet>, line: number, rules: string[]): void {
  const existing = map.get(line);
  if (existing === 'all') return;
  if (rules.length === 0) map.set(line, 'all');
  else if (existing) for (const rule of rules) existing.add(rule);
  else map.set(line, new Set(rules));
}

function holds(set: RuleSet | undefined, rule: string): boolean {
  return set === 'all' || (set !== undefined && set.has(rule));
}

/**
 * `diagnostics` (sorted by position, as lintBrief sorts them) without those the suppressions
 * hide. Linear in both: the ranges are walked once, in step with the diagnostics.
 */
export function withoutSuppressed(suppressions: readonly Suppression[], diagnostics: Diagnostic[]): Diagnostic[] {
  const valid = suppressions.filter((s) => s.invalid === undefined);
  if (valid.length === 0 || diagnostics.length === 0) return diagnostics;
  const file = new Set<string>();
  let wholeFile = false;
  const byLine = new Map<number, RuleSet>();
  const ranges: Suppression[] = [];
  for (const suppression of valid) {
    const rules = suppression.rules.map((rule) => rule.id);
    if (suppression.kind === 'file') {
      if (rules.length === 0) wholeFile = true;
      for (const rule of rules) file.add(rule);
    } else if (suppression.kind === 'line') add(byLine, suppression.line, rules);
    else if (suppression.kind === 'next-line') add(byLine, suppression.range.end.line + 1, rules);
    else ranges.push(suppression);
  }
  // The state of the ranges, moved forward as the diagnostics' lines go up.
  let allDisabled = false;
  const disabled = new Set<string>();
  /** While every rule is disabled: the rules enabled again since. */
  const enabled = new Set<string>();
  let next = 0;
  const kept: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const line = diagnostic.range.start.line;
    for (; next < ranges.length && ranges[next].range.end.line < line; next++) {
      const { kind, rules } = ranges[next];
      const ids = rules.map((rule) => rule.id);
      if (kind === 'disable') {
        if (ids.length === 0) {
          allDisabled = true;
          enabled.clear();
        } else for (const id of ids) {
          disabled.add(id);
          enabled.delete(id);
        }
      } else if (ids.length === 0) {
        allDisabled = false;
        disabled.clear();
        enabled.clear();
      } else for (const id of ids) {
        disabled.delete(id);
        enabled.add(id);
      }
    }
    const rule = diagnostic.rule;
    if (rule === SUPPRESSION_INVALID) {
      kept.push(diagnostic);
      continue;
    }
    const inRange = disabled.has(rule) || (allDisabled && !enabled.has(rule));
    if (wholeFile || file.has(rule) || inRange || holds(byLine.get(line), rule)) continue;
    kept.push(diagnostic);
  }
  return kept;
}
