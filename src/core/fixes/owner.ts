/** Quick fix for `owner-missing`: give the program, team, milestone, risk or decision an owner. */
import { FrontmatterText, yamlScalar, type Fix } from './edits';
import { mapAt, setKey, type YamlPath } from './mapEdits';

/**
 * @param path the diagnostic's `data.path`: `['owner']` for the program, `['milestones', 2, 'owner']` for an item
 * @param handle e.g. `@maria`
 */
export function setOwnerFix(text: string, path: YamlPath, handle: string): Fix | undefined {
  if (path.length === 0 || path[path.length - 1] !== 'owner') return undefined;
  const fm = FrontmatterText.read(text);
  if (!fm) return undefined;
  const parent = mapAt(fm, path.slice(0, -1));
  if (!parent) return undefined;
  // Where a TPM would look for it: right after the title (or the id, or the program key).
  return setKey(fm, parent, 'owner', yamlScalar(handle), ['title', 'id', 'program']);
}
