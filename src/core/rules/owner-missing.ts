import type { Rule } from './rule';
import { hasSchemaProblemUnder, labelledItems } from './helpers';

export const ownerMissing: Rule = {
  id: 'owner-missing',
  defaultSeverity: 'warning',
  description: 'The program, a team, a milestone, a risk or a decision has no `owner` (an error for the program itself).',
  crossFile: false,
  check({ brief, report }) {
    if (!brief.owner && !hasSchemaProblemUnder(brief, ['owner'])) {
      report({
        range: brief.programKeyRange ?? brief.firstLineRange,
        message: `Program ${brief.program ? `\`${brief.program.value}\`` : 'of this brief'} has no owner; expected an \`owner: "@handle"\``,
        defaultSeverity: 'error',
        data: { path: ['owner'] },
      });
    }
    for (const labelled of labelledItems(brief)) {
      // Label and path are built only for items without an owner (see labelledItems).
      const item = labelled.item;
      if (item.owner) continue;
      const path = labelled.path;
      if (hasSchemaProblemUnder(brief, [...path, 'owner'])) continue;
      report({ range: item.itemRange, message: `${labelled.label} has no owner; expected an \`owner: "@handle"\``, data: { path: [...path, 'owner'] } });
    }
  },
};
