import type { Rule } from './rule';

export const frontmatterSyntax: Rule = {
  id: 'frontmatter-syntax',
  defaultSeverity: 'error',
  description: 'The frontmatter is not valid YAML.',
  crossFile: false,
  check({ brief, report }) {
    for (const problem of brief.syntaxErrors) report({ range: problem.range, message: problem.message });
  },
};
