import type { Rule } from './rule';
import { countsTowardsChecklistTotal } from '../model/status';

export const checklistUnowned: Rule = {
  id: 'checklist-unowned',
  defaultSeverity: 'off',
  description: 'A checklist item (not cancelled) has no `@owner`.',
  crossFile: false,
  check({ brief, report }) {
    for (const item of brief.checklist) {
      // A cancelled item (`[-]`) is nobody's work: it needs no owner.
      if (item.owner || !countsTowardsChecklistTotal(item)) continue;
      report({ range: item.range, message: `Checklist item "${item.text.length > 50 ? `${item.text.slice(0, 47)}...` : item.text}" has no owner; expected an \`@handle\` in its text` });
    }
  },
};
