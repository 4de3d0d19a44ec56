/** Turns the text of one file into a `Brief`: the only place that runs the Markdown and YAML parsers. */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readBody } from './body';
import { readFrontmatter } from './frontmatter';
import type { Brief } from './model';
import { LineIndex, range } from './range';

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

const BOM = '\uFEFF';

/** Editors hide a byte order mark; the core sees text the way the editor does. */
export function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

export function isBriefFileName(uri: string): boolean {
  return /\.brief\.md$/i.test(uri.split(/[?#]/)[0]);
}

/** Whether a file's text looks like it could be a brief, before any parsing: for cheap pre-filtering. */
export function mayBeBrief(uri: string, text: string): boolean {
  return isBriefFileName(uri) || /^\uFEFF?---[ \t]*\r?\n[\s\S]*?^program[ \t]*:/m.test(text);
}

export function parseBrief(uri: string, rawText: string): Brief {
  const text = withoutBom(rawText);
  const lines = new LineIndex(text);
  const brief: Brief = {
    uri,
    text,
    isBrief: isBriefFileName(uri),
    frontmatterEmpty: false,
    syntaxErrors: [],
    schemaProblems: [],
    teams: [],
    stakeholders: [],
    dependsOn: [],
    milestones: [],
    risks: [],
    decisions: [],
    headings: [],
    bodyReferences: [],
    checklist: [],
    firstLineRange: range(0, 0, 0, lines.lineText(0).length),
  };
  const tree = markdown.parse(text) as Root;
  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  let bodyStart = 0;
  if (yamlNode?.position) {
    const openingLine = yamlNode.position.start.line - 1;
    const closingLine = yamlNode.position.end.line - 1;
    const contentStart = lines.lineStartOffset(openingLine + 1);
    const contentEnd = Math.max(contentStart, lines.lineStartOffset(closingLine));
    const openingFence = lines.lineRange(openingLine);
    bodyStart = yamlNode.position.end.offset ?? 0;
    brief.frontmatterRange = lines.rangeOf(yamlNode.position.start.offset ?? 0, bodyStart);
    const reading = readFrontmatter(text.slice(contentStart, contentEnd), contentStart, lines, openingFence);
    brief.syntaxErrors = reading.syntaxErrors;
    brief.schemaProblems = reading.schemaProblems;
    brief.frontmatterEmpty = reading.empty;
    if (reading.fields) {
      const { hasProgramKey, ...fields } = reading.fields;
      Object.assign(brief, fields);
      brief.isBrief ||= hasProgramKey;
    } else if (reading.syntaxErrors.length > 0) {
      // The YAML did not parse, so we cannot ask it; a `program:` line is the best evidence left.
      brief.isBrief ||= /^program[ \t]*:/m.test(text.slice(contentStart, contentEnd));
    }
  } else if (/^---[ \t]*$/.test(lines.lineText(0)) && mayBeBrief(uri, text)) {
    brief.isBrief = true;
    brief.syntaxErrors = [{ message: 'The frontmatter that starts on line 1 is never closed; expected a line `---` after it', range: lines.lineRange(0) }];
  }
  if (!brief.isBrief) return brief;
  Object.assign(brief, readBody(tree, lines, bodyStart));
  return brief;
}
