import type { Rule } from './rule';
import { labelledItems } from './helpers';

export const ownerUnknown: Rule = {
  id: 'owner-unknown',
  defaultSeverity: 'warning',
  description: 'An owner handle (of the program, an item or a checklist item) is not in the configured people list (only when one is configured).',
  crossFile: false,
  check({ brief, config, report }) {
    const people = config.people;
    if (!people) return;
    const known = new Set(people.map((handle) => handle.toLowerCase()));
    const shown = people.length > 8 ? `${people.slice(0, 8).join(', ')}, …` : people.join(', ');
    const owners = [
      { owner: brief.owner, label: `program ${brief.program ? `\`${brief.program.value}\`` : 'of this brief'}` },
      ...labelledItems(brief).map(({ item, label }) => ({ owner: item.owner, label: label.charAt(0).toLowerCase() + label.slice(1) })),
      // A checklist item's `@handle` is its owner too (spec §1), and a typo there hides the item from its owner.
      ...brief.checklist.map((item) => ({ owner: item.owner, label: `checklist item "${item.text.length > 50 ? `${item.text.slice(0, 47)}...` : item.text}"` })),
    ];
    for (const { owner, label } of owners) {
      if (!owner || known.has(owner.value.toLowerCase())) continue;
      report({
        range: owner.range,
        message: `Owner \`${owner.value}\` of ${label} is not in the configured people list; expected one of ${shown}`,
        data: { owner: owner.value },
      });
    }
  },
};
