/** Quick fix for `dependency-undeclared`: declare the program in the top-level `depends_on`. */
import { isMap } from 'yaml';
import { FrontmatterText, yamlScalar, type Fix } from './edits';
import { appendToSequence } from './sequence';

/** Keys a new `depends_on` goes before, in the order of the format's example. */
const LATER_KEYS = ['milestones', 'risks', 'decisions'];

export function addDependencyFix(text: string, program: string): Fix | undefined {
  const fm = FrontmatterText.read(text);
  if (!fm || !isMap(fm.doc.contents)) return undefined;
  const value = yamlScalar(program);
  return appendToSequence(fm, fm.doc.contents, 'depends_on', { flow: value, block: [value] }, LATER_KEYS);
}
