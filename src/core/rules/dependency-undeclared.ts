import { declaredPrograms } from '../model';
import type { Rule } from './rule';

export const dependencyUndeclared: Rule = {
  id: 'dependency-undeclared',
  defaultSeverity: 'warning',
  description: 'The Dependencies section references a program that `depends_on` does not declare.',
  crossFile: true,
  check({ brief, workspace, report }) {
    const declared = declaredPrograms(brief);
    const self = brief.program?.value;
    for (const reference of brief.bodyReferences) {
      if (!reference.inDependenciesSection) continue;
      const program = reference.kind === 'wikilink' ? reference.program : workspace.briefAtLink(brief.uri, reference.target ?? '')?.program?.value;
      if (!program || program === self || declared.has(program)) continue;
      const named = reference.milestone ? `\`${program}#${reference.milestone}\`` : `\`${program}\``;
      report({
        range: reference.range,
        message: `The Dependencies section references ${named}, but \`depends_on\` does not declare \`${program}\`; expected \`${program}\` in \`depends_on\``,
        data: { program, milestone: reference.milestone },
      });
    }
  },
};
