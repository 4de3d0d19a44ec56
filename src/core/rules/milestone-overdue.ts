import type { Rule } from './rule';
import { hasSchemaProblemUnder, isClosedMilestoneStatus } from './helpers';

export const milestoneOverdue: Rule = {
  id: 'milestone-overdue',
  defaultSeverity: 'warning',
  description: 'A milestone\'s `due` date has passed and its status is not `done` or `cancelled`.',
  crossFile: false,
  check({ brief, today, report }) {
    for (const milestone of brief.milestones) {
      const due = milestone.due;
      if (!due || due.value >= today || isClosedMilestoneStatus(milestone.status?.value)) continue;
      // With a status that failed the schema we cannot tell whether it is closed; `schema` reports it.
      if (hasSchemaProblemUnder(brief, ['milestones', milestone.index, 'status'])) continue;
      const name = milestone.id ? `Milestone \`${milestone.id.value}\`` : 'This milestone';
      const status = milestone.status ? `is \`${milestone.status.value}\`` : 'has no status';
      report({
        range: due.range,
        message: `${name} was due ${due.value} and ${status} (today is ${today}); expected status \`done\` or \`cancelled\`, or a new due date`,
      });
    }
  },
};
