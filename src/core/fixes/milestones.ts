/** Quick fix for `dependency-unknown` on `program#milestone` when the program exists: declare the milestone there. */
import { isMap } from 'yaml';
import { FrontmatterText, yamlQuoted, yamlScalar, type Fix } from './edits';
import { appendToSequence } from './sequence';
import { humanize } from './template';

const LATER_KEYS = ['risks', 'decisions'];

/** Adds `- id: <milestone>` with a placeholder title to the brief's `milestones` (its owner is left to `owner-missing`). */
export function addMilestoneFix(text: string, milestone: string): Fix | undefined {
  const fm = FrontmatterText.read(text);
  if (!fm || !isMap(fm.doc.contents)) return undefined;
  const id = yamlScalar(milestone);
  const title = yamlQuoted(humanize(milestone));
  return appendToSequence(fm, fm.doc.contents, 'milestones', {
    flow: `{ id: ${id}, title: ${title} }`,
    block: [`id: ${id}`, `title: ${title}`],
  }, LATER_KEYS);
}
