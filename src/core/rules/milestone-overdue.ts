import type { Rule } from './rule';
import { isMilestoneOverdue } from '../model/status';

export const milestoneOverdue: Rule = {
  id: 'milestone-overdue',
  defaultSeverity: 'warning',
  description: 'A milestone\'s `due` date has passed and its status is not `done` or `cancelled`.',
  crossFile: false,
  check({ brief, today, report }) {
    for (const milestone of brief.milestones) {
      const due = milestone.due;
      // The one decision shared with the views (src/core/model/status.ts): a `status` or `due` that
      // failed the schema is reported by `schema` only.
      if (!due || !isMilestoneOverdue(milestone, brief, today)) continue;
      const name = milestone.id ? `Milestone \`${milestone.id.value}\`` : 'This milestone';
      const status = milestone.status ? `is \`${milestone.status.value}\`` : 'has no status';
      report({
        range: due.range,
        message: `${name} was due ${due.value} and ${status} (today is ${today}); expected status \`done\` or \`cancelled\`, or a new due date`,
      });
    }
  },
};
