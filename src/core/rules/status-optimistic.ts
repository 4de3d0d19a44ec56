import { hasSchemaProblemUnder } from './helpers';
import { dateOfDay } from '../schedule';
import type { Rule } from './rule';
import { days, drivingChainOf, programNode } from './scheduleFacts';

/** The statuses the quick fixes offer instead of `on-track`. */
export const REALISTIC_STATUSES = ['at-risk', 'off-track'] as const;

export const statusOptimistic: Rule = {
  id: 'status-optimistic',
  defaultSeverity: 'warning',
  description: 'The program reports `on-track` while its forecast finish is later than its `target`.',
  crossFile: true,
  check({ brief, workspace, report }) {
    const status = brief.status;
    const target = brief.target;
    if (status?.value !== 'on-track' || !target || hasSchemaProblemUnder(brief, ['status'])) return;
    const own = programNode(workspace, brief);
    if (!own || own.node.planned === undefined || !own.schedule.slip || own.schedule.slip <= 0) return;
    const forecast = dateOfDay(own.schedule.forecast!);
    const chain = drivingChainOf(workspace, own.node.id);
    report({
      range: status.range,
      message: `Program \`${own.node.id}\` reports \`on-track\`, but it is forecast to finish ${forecast}, ${days(own.schedule.slip)} after its target ${target.value} (driven by ${chain.text}); expected \`at-risk\` or \`off-track\``,
      related: chain.related,
      data: { statuses: [...REALISTIC_STATUSES] },
    });
  },
};
