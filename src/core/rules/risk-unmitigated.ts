import type { Rule } from './rule';

export const riskUnmitigated: Rule = {
  id: 'risk-unmitigated',
  defaultSeverity: 'warning',
  description: 'A risk with `high` likelihood or impact has no `mitigation` and is not `closed`.',
  crossFile: false,
  check({ brief, report }) {
    for (const risk of brief.risks) {
      const high = [risk.likelihood?.value === 'high' && 'likelihood', risk.impact?.value === 'high' && 'impact'].filter(Boolean);
      if (high.length === 0 || risk.mitigation || risk.status?.value === 'closed') continue;
      const name = risk.id ? `Risk \`${risk.id.value}\`` : 'This risk';
      report({
        range: risk.itemRange,
        message: `${name} has high ${high.join(' and ')} and no mitigation; expected a \`mitigation:\` (or status \`closed\`)`,
      });
    }
  },
};
