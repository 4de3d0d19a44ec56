import { declaredPrograms, type Brief } from '../model/model';
import type { Rule } from './rule';

/** `declaredPrograms` per parsed brief: a brief never changes (an edit makes a new one), and cross-file rules run again on every edit of another brief. */
const declaredCache = new WeakMap<Brief, ReadonlySet<string>>();

function declaredOf(brief: Brief): ReadonlySet<string> {
  let declared = declaredCache.get(brief);
  if (!declared) declaredCache.set(brief, (declared = declaredPrograms(brief)));
  return declared;
}

export const dependencyUndeclared: Rule = {
  id: 'dependency-undeclared',
  defaultSeverity: 'warning',
  description: 'The Dependencies section references a program that `depends_on` does not declare.',
  crossFile: true,
  check({ brief, workspace, report }) {
    let declared: ReadonlySet<string> | undefined;
    const self = brief.program?.value;
    for (const reference of brief.bodyReferences) {
      if (!reference.inDependenciesSection) continue;
      const program = reference.kind === 'wikilink' ? reference.program : workspace.briefAtLink(brief.uri, reference.target ?? '')?.program?.value;
      if (!program || program === self || (declared ??= declaredOf(brief)).has(program)) continue;
      const named = reference.milestone ? `\`${program}#${reference.milestone}\`` : `\`${program}\``;
      report({
        range: reference.range,
        message: `The Dependencies section references ${named}, but \`depends_on\` does not declare \`${program}\`; expected \`${program}\` in \`depends_on\``,
        data: { program, milestone: reference.milestone },
      });
    }
  },
};
