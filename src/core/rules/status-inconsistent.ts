import type { Rule } from './rule';
import { hasSchemaProblemUnder, resolveMilestone } from './helpers';
import { isClosedMilestoneStatus } from '../model/status';
import type { Brief, Milestone } from '../model/model';

/** A status that failed the schema is reported by `schema` only; this rule does not reason about it. */
const badStatus = (brief: Brief, milestone: Milestone) => hasSchemaProblemUnder(brief, ['milestones', milestone.index, 'status']);

export const statusInconsistent: Rule = {
  id: 'status-inconsistent',
  defaultSeverity: 'warning',
  description: 'A milestone is `done` while one it depends on is not; or the program is `done` with milestones not done.',
  crossFile: true,
  check({ brief, workspace, report }) {
    for (const milestone of brief.milestones) {
      const status = milestone.status;
      if (status?.value !== 'done') continue;
      for (const entry of milestone.dependsOn) {
        const upstream = resolveMilestone(workspace, brief, entry);
        if (!upstream || isClosedMilestoneStatus(upstream.milestone.status?.value) || badStatus(upstream.brief, upstream.milestone)) continue;
        const upstreamStatus = upstream.milestone.status?.value;
        report({
          range: status.range,
          message: `${milestone.id ? `Milestone \`${milestone.id.value}\`` : 'This milestone'} is \`done\`, but \`${entry.written}\`, which it depends on, ${upstreamStatus ? `is \`${upstreamStatus}\`` : 'has no status'}; expected \`${entry.written}\` to be \`done\` or \`cancelled\` first`,
          related: [{ uri: upstream.brief.uri, range: upstream.milestone.status?.range ?? upstream.milestone.itemRange, message: `\`${entry.written}\` is defined here` }],
        });
      }
    }
    if (brief.status?.value === 'done') {
      const open = brief.milestones.filter((m) => !isClosedMilestoneStatus(m.status?.value) && !badStatus(brief, m));
      if (open.length > 0) {
        const names = open.map((m) => (m.id ? `\`${m.id.value}\`` : `#${m.index + 1}`)).join(', ');
        report({
          range: brief.status.range,
          message: `Program is \`done\`, but milestone${open.length > 1 ? 's' : ''} ${names} ${open.length > 1 ? 'are' : 'is'} not; expected every milestone \`done\` or \`cancelled\``,
          related: open.map((m) => ({ uri: brief.uri, range: m.status?.range ?? m.itemRange, message: `Milestone ${m.id ? `\`${m.id.value}\`` : ''} is ${m.status ? `\`${m.status.value}\`` : 'without status'}` })),
        });
      }
    }
  },
};
