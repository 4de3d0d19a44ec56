import type { Rule } from './rule';
import { hasSchemaProblemUnder } from './helpers';

export const riskUnmitigated: Rule = {
  id: 'risk-unmitigated',
  defaultSeverity: 'warning',
  description: 'A risk with `high` likelihood or impact has no `mitigation` and is not `closed`.',
  crossFile: false,
  check({ brief, report }) {
    for (const risk of brief.risks) {
      const high = [risk.likelihood?.value === 'high' && 'likelihood', risk.impact?.value === 'high' && 'impact'].filter(Boolean);
      if (high.length === 0 || risk.mitigation || risk.status?.value === 'closed') continue;
      // A `mitigation` or `status` that failed the schema is reported by `schema` only.
      if (hasSchemaProblemUnder(brief, ['risks', risk.index, 'mitigation']) || hasSchemaProblemUnder(brief, ['risks', risk.index, 'status'])) continue;
      const name = risk.id ? `Risk \`${risk.id.value}\`` : 'This risk';
      report({
        range: risk.itemRange,
        message: `${name} has high ${high.join(' and ')} and no mitigation; expected a \`mitigation:\` (or status \`closed\`)`,
      });
    }
  },
};
