import type { Rule } from './rule';

export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description: 'A known frontmatter key has the wrong type or value, or a required key is missing.',
  crossFile: false,
  check({ brief, report }) {
    for (const problem of brief.schemaProblems) report({ range: problem.range, message: problem.message, data: problem.data });
  },
};
