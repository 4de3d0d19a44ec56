import type { Rule } from './rule';
import { isBriefFileName } from '../parse/parseBrief';

export const frontmatterMissing: Rule = {
  id: 'frontmatter-missing',
  defaultSeverity: 'error',
  description: 'A `*.brief.md` file has no frontmatter, or an empty one.',
  crossFile: false,
  check({ brief, report }) {
    if (!isBriefFileName(brief.uri) || brief.syntaxErrors.length > 0) return;
    if (!brief.frontmatterRange) {
      report({ range: brief.firstLineRange, message: 'This brief has no frontmatter; expected a `---` block at the top with at least `program:`, `title:` and `owner:`' });
    } else if (brief.frontmatterEmpty) {
      report({ range: brief.firstLineRange, message: 'The frontmatter is empty; expected at least `program:`, `title:` and `owner:`' });
    }
  },
};
