import type { Rule } from './rule';

export const checklistUnowned: Rule = {
  id: 'checklist-unowned',
  defaultSeverity: 'off',
  description: 'A checklist item has no `@owner`.',
  crossFile: false,
  check({ brief, report }) {
    for (const item of brief.checklist) {
      if (item.owner) continue;
      report({ range: item.range, message: `Checklist item "${item.text.length > 50 ? `${item.text.slice(0, 47)}...` : item.text}" has no owner; expected an \`@handle\` in its text` });
    }
  },
};
