import type { Located } from '../model/range';
import type { Rule } from './rule';
import type { FrontmatterItem } from '../model/model';
import { itemLabel, ITEM_KINDS } from './helpers';

export const ownerUnknown: Rule = {
  id: 'owner-unknown',
  defaultSeverity: 'warning',
  description: 'An owner handle (of the program, an item or a checklist item) is not in the configured people list (only when one is configured).',
  crossFile: false,
  check({ brief, config, report }) {
    const people = config.people;
    if (!people) return;
    const { known, shown } = peopleIndex(people);
    // Labels are only built for the owners reported: most owners are known.
    // `known` holds lower-case handles: one already there is lower case, so it needs no lower-casing.
    const isUnknown = (owner: Located<string> | undefined): owner is Located<string> =>
      owner !== undefined && !known.has(owner.value) && !known.has(owner.value.toLowerCase());
    const reportOwner = (owner: Located<string>, label: string) => report({
      range: owner.range,
      message: `Owner \`${owner.value}\` of ${label} is not in the configured people list; expected one of ${shown}`,
      data: { owner: owner.value },
    });
    if (isUnknown(brief.owner)) reportOwner(brief.owner, `program ${brief.program ? `\`${brief.program.value}\`` : 'of this brief'}`);
    for (const [key, noun] of ITEM_KINDS) {
      for (const item of brief[key] as FrontmatterItem[]) {
        if (!isUnknown(item.owner)) continue;
        const label = itemLabel(noun, item);
        reportOwner(item.owner, label.charAt(0).toLowerCase() + label.slice(1));
      }
    }
    // A checklist item's `@handle` is its owner too (spec §1), and a typo there hides the item from its owner.
    for (const item of brief.checklist) {
      if (isUnknown(item.owner)) reportOwner(item.owner, `checklist item "${item.text.length > 50 ? `${item.text.slice(0, 47)}...` : item.text}"`);
    }
  },
};

/** The lower-cased handles of a people list, and how messages show it; computed once per list. */
const peopleIndexes = new WeakMap<readonly string[], { length: number; known: Set<string>; shown: string }>();

function peopleIndex(people: readonly string[]): { known: Set<string>; shown: string } {
  let index = peopleIndexes.get(people);
  if (!index || index.length !== people.length) {
    index = {
      length: people.length,
      known: new Set(people.map((handle) => handle.toLowerCase())),
      shown: people.length > 8 ? `${people.slice(0, 8).join(', ')}, …` : people.join(', '),
    };
    peopleIndexes.set(people, index);
  }
  return index;
}
