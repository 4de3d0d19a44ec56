/** Quick fix for `team-undeclared`: add the team to `teams`. */
import { isMap } from 'yaml';
import { FrontmatterText, yamlQuoted, yamlScalar, type Fix } from './edits';
import { appendToSequence } from './sequence';

const LATER_KEYS = ['stakeholders', 'depends_on', 'milestones', 'risks', 'decisions'];

/**
 * @param owner the new team's owner; empty writes `owner: ""`, which `owner-missing` then flags
 *   (with its own quick fix), so the gap stays visible.
 */
export function addTeamFix(text: string, team: string, owner = ''): Fix | undefined {
  const fm = FrontmatterText.read(text);
  if (!fm || !isMap(fm.doc.contents)) return undefined;
  const id = yamlScalar(team);
  const ownerValue = yamlQuoted(owner);
  return appendToSequence(fm, fm.doc.contents, 'teams', {
    flow: `{ id: ${id}, owner: ${ownerValue} }`,
    block: [`id: ${id}`, `owner: ${ownerValue}`],
  }, LATER_KEYS);
}
