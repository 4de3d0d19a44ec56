import type { Rule } from './rule';
import { isRiskUnmitigated, riskHighOn } from '../model/status';

export const riskUnmitigated: Rule = {
  id: 'risk-unmitigated',
  defaultSeverity: 'warning',
  description: 'A risk with `high` likelihood or impact has no `mitigation` and is not `closed`.',
  crossFile: false,
  check({ brief, report }) {
    for (const risk of brief.risks) {
      // The one decision shared with the views (src/core/model/status.ts); a `mitigation` or `status`
      // that failed the schema is reported by `schema` only.
      if (!isRiskUnmitigated(risk, brief)) continue;
      const high = riskHighOn(risk);
      const name = risk.id ? `Risk \`${risk.id.value}\`` : 'This risk';
      report({
        range: risk.itemRange,
        message: `${name} has high ${high.join(' and ')} and no mitigation; expected a \`mitigation:\` (or status \`closed\`)`,
      });
    }
  },
};
