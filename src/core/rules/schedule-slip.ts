import { dateOfDay } from '../schedule';
import type { Rule } from './rule';
import { days, drivingChainOf, milestoneSlip, programNode } from './scheduleFacts';

/**
 * A date pushed from further upstream (docs/schedule.md): what `schedule-conflict` cannot see,
 * because it compares a milestone with what it depends on directly.
 */
export const scheduleSlip: Rule = {
  id: 'schedule-slip',
  defaultSeverity: 'warning',
  description: 'A milestone, or the program\'s finish, is forecast later than its date because of what it waits for further upstream.',
  crossFile: true,
  check({ brief, workspace, report }) {
    const own = programNode(workspace, brief);
    if (!own) return;
    const program = own.node.program;
    for (const milestone of brief.milestones) {
      const slipping = milestoneSlip(workspace, program, milestone);
      if (!slipping) continue;
      const { id, facts, entry } = slipping;
      const chain = drivingChainOf(workspace, id);
      const forecast = dateOfDay(facts.forecast!);
      report({
        range: entry.range,
        message: `Milestone \`${milestone.id!.value}\` is forecast ${forecast}, ${days(facts.slip!)} after its due date ${milestone.due!.value}, driven by ${chain.text}; expected a due date on or after ${forecast}, or \`${chain.origin.id}\` pulled in`,
        related: chain.related,
      });
    }
    const target = brief.target;
    const finish = own.schedule;
    if (!target || own.node.planned === undefined || !finish.slip || finish.slip <= 0) return;
    // A milestone due after the target is `schedule-conflict`'s report.
    if (brief.milestones.some((m) => m.due !== undefined && m.due.value > target.value)) return;
    const chain = drivingChainOf(workspace, program);
    const forecast = dateOfDay(finish.forecast!);
    report({
      range: target.range,
      message: `Program \`${program}\` is forecast to finish ${forecast}, ${days(finish.slip)} after its target ${target.value}, driven by ${chain.text}; expected a target on or after ${forecast}, or \`${chain.origin.id}\` pulled in`,
      related: chain.related,
    });
  },
};
