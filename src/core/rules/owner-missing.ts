import type { Rule } from './rule';
import type { FrontmatterItem } from '../model/model';
import { hasSchemaProblemUnder, itemLabel, ITEM_KINDS } from './helpers';

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
    // Teams, milestones, risks and decisions, in the order of `ITEM_KINDS`; labels only for items without an owner.
    for (const [key, noun] of ITEM_KINDS) {
      for (const item of brief[key] as FrontmatterItem[]) {
        if (item.owner) continue;
        const path = [key, item.index];
        if (hasSchemaProblemUnder(brief, [...path, 'owner'])) continue;
        report({ range: item.itemRange, message: `${itemLabel(noun, item)} has no owner; expected an \`owner: "@handle"\``, data: { path: [...path, 'owner'] } });
      }
    }
  },
};
