import type { Located } from '../model/range';
import type { RelatedLocation, Rule } from './rule';

/**
 * At most this many related locations per diagnostic: with thousands of items sharing an id, listing
 * every other one on each was quadratic in output (the message still gives the count).
 */
export const MAX_RELATED = 10;

function firstRelated<T>(items: readonly T[], except: T, max: number, toRelated: (item: T) => RelatedLocation | undefined): RelatedLocation[] {
  const related: RelatedLocation[] = [];
  for (const item of items) {
    if (related.length >= max) break;
    if (item === except) continue;
    const location = toRelated(item);
    if (location) related.push(location);
  }
  return related;
}

/** Whether two items share an id: most briefs have none, and need no more work. */
function hasDuplicateId(items: readonly { id?: Located<string> }[]): boolean {
  if (items.length < 2) return false;
  const seen = new Set<string>();
  for (const item of items) {
    if (!item.id) continue;
    if (seen.has(item.id.value)) return true;
    seen.add(item.id.value);
  }
  return false;
}

export const idDuplicate: Rule = {
  id: 'id-duplicate',
  defaultSeverity: 'error',
  description: 'Two briefs share a `program` id, or two teams, milestones, risks or decisions of one brief share an id.',
  crossFile: true,
  check({ brief, workspace, report }) {
    const program = brief.program;
    if (program) {
      const others = workspace.briefsOf(program.value).filter((other) => other !== brief);
      if (others.length > 0) {
        report({
          range: program.range,
          message: `Program id \`${program.value}\` is also used by ${others.length} other brief${others.length > 1 ? 's' : ''}; expected an id unique in the workspace`,
          related: firstRelated(others, brief, MAX_RELATED, (other) => (other.program ? { uri: other.uri, range: other.program.range, message: `\`${program.value}\` is also defined here` } : undefined)),
        });
      }
    }
    const kinds: [string, { id?: Located<string> }[]][] = [
      ['team', brief.teams], ['milestone', brief.milestones], ['risk', brief.risks], ['decision', brief.decisions],
    ];
    for (const [kind, items] of kinds) {
      if (!hasDuplicateId(items)) continue;
      const byId = new Map<string, Located<string>[]>();
      for (const item of items) {
        if (!item.id) continue;
        const list = byId.get(item.id.value) ?? [];
        list.push(item.id);
        byId.set(item.id.value, list);
      }
      for (const [id, places] of byId) {
        if (places.length < 2) continue;
        for (const place of places) {
          report({
            range: place.range,
            message: `${places.length === 2 ? 'Two' : places.length} ${kind}s of this brief have the id \`${id}\`; expected ${kind} ids unique in the brief`,
            related: firstRelated(places, place, MAX_RELATED, (other) => ({ uri: brief.uri, range: other.range, message: `\`${id}\` is also used here` })),
          });
        }
      }
    }
  },
};
