import type { Milestone } from '../model/model';
import type { Rule } from './rule';
import { resolveMilestone, hasSchemaProblemUnder } from './helpers';
import { isScheduleConflict, milestoneFacts } from '../model/status';

export const scheduleConflict: Rule = {
  id: 'schedule-conflict',
  defaultSeverity: 'warning',
  description: 'A milestone is due before a milestone it depends on, or after the program\'s `target`, or starts after its own `due`.',
  crossFile: true,
  check({ brief, workspace, report }) {
    for (const milestone of brief.milestones) {
      const due = milestone.due;
      if (!due) continue;
      const start = milestone.start;
      if (start && start.value > due.value && !hasSchemaProblemUnder(brief, ['milestones', milestone.index, 'start']) && !hasSchemaProblemUnder(brief, ['milestones', milestone.index, 'due'])) {
        report({
          range: start.range,
          message: `${nameOf(milestone)} starts ${start.value}, after its own due date ${due.value}; expected a start on or before ${due.value}`,
          related: [{ uri: brief.uri, range: due.range, message: `Its due date is ${due.value}` }],
        });
      }
      for (const entry of milestone.dependsOn) {
        const upstream = resolveMilestone(workspace, brief, entry);
        const upstreamDue = upstream?.milestone.due;
        // The same decision the diagram draws its conflict edges with (src/core/model/status.ts).
        if (!upstream || !upstreamDue || !isScheduleConflict(milestoneFacts(brief, milestone), milestoneFacts(upstream.brief, upstream.milestone))) continue;
        report({
          range: entry.range,
          message: `${nameOf(milestone)} is due ${due.value}, before \`${entry.written}\`, which it depends on, is due ${upstreamDue.value}; expected a due date on or after ${upstreamDue.value}`,
          related: [{ uri: upstream.brief.uri, range: upstreamDue.range, message: `\`${entry.written}\` is due ${upstreamDue.value}` }],
        });
      }
      const target = brief.target;
      if (target && due.value > target.value) {
        report({
          range: due.range,
          message: `${nameOf(milestone)} is due ${due.value}, after the program's target ${target.value}; expected a due date on or before ${target.value}`,
          related: [{ uri: brief.uri, range: target.range, message: `The program's target is ${target.value}` }],
        });
      }
    }
  },
};

/** How messages name a milestone (built only when reporting). */
function nameOf(milestone: Milestone): string {
  return milestone.id ? `Milestone \`${milestone.id.value}\`` : 'This milestone';
}
