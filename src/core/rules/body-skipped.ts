import type { Rule } from './rule';

/** The body of a brief, or some of its lines, was not read (./bodyGuard.ts); the frontmatter always is. */
export const bodySkipped: Rule = {
  id: 'body-skipped',
  defaultSeverity: 'info',
  description: 'The body (or a line of it) is too deeply nested or too complex to read within the limits; the frontmatter was checked.',
  crossFile: false,
  check({ brief, report }) {
    if (brief.bodySkipped) report({ range: brief.bodySkipped.range, message: brief.bodySkipped.message });
  },
};
