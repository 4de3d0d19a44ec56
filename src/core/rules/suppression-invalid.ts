import type { Rule } from './rule';
import { SUPPRESSION_INVALID } from './suppress';

/**
 * A suppression comment that does not do what it says: a form that does not exist (or not where
 * it is written), or a rule id no rule has. Never hidden by a suppression itself (./suppress.ts).
 */
export const suppressionInvalid: Rule = {
  id: SUPPRESSION_INVALID,
  defaultSeverity: 'warning',
  description: 'A suppression comment names a rule that does not exist, or is not a suppression form that can be written there.',
  crossFile: false,
  check({ brief, report, ruleIds }) {
    for (const suppression of brief.suppressions ?? []) {
      if (suppression.invalid !== undefined) {
        report({ range: suppression.range, message: suppression.invalid });
        continue;
      }
      for (const rule of suppression.rules) {
        if (ruleIds.has(rule.id)) continue;
        report({ range: rule.range, message: `Unknown rule \`${rule.id}\` in a suppression comment; expected a rule id such as \`owner-missing\` (see the rules list), or no id for every rule` });
      }
    }
  },
};
