/** Turns the text of one file into a `Brief`: the only place that runs the Markdown and YAML parsers. */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { collectFromTree, finishBody } from './body';
import { scanBody } from './fastBody';
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

/** The YAML frontmatter block as remark-frontmatter finds it: lines 1..`closingLine`, ending at `end`. */
interface FrontmatterBlock {
  closingLine: number;
  /** Offset of the end of the closing fence (before its line break). */
  end: number;
}

/**
 * Finds the frontmatter without a Markdown parser, by the rules of micromark-extension-frontmatter:
 * line 1 is `---` (then blanks), and a later line is `---` (then blanks); nothing else counts.
 */
function findFrontmatter(lines: LineIndex): FrontmatterBlock | undefined {
  const fence = /^---[ \t]*$/;
  if (!fence.test(lines.lineText(0)) || lines.lineCount < 2) return undefined;
  for (let line = 1; line < lines.lineCount; line++) {
    if (lines.text.charCodeAt(lines.lineStartOffset(line)) === 45 /* - */ && fence.test(lines.lineText(line))) {
      return { closingLine: line, end: lines.lineEndOffset(line) };
    }
  }
  return undefined;
}

/** A line whose container prefix (indentation, `>`, list markers) nests deeper than any real document. */
const ABSURDLY_NESTED_LINE = /^(?:[ \t]|>[ \t]?|[*+-][ \t]+|\d{1,9}[.)][ \t]+){100,}.*/gm;

/**
 * remark, guarded against hostile nesting. micromark slows down sharply with thousands of
 * containers nested on one line, so such lines are blanked for the parser (same length: offsets
 * still hold); and its tree walkers recurse, so if the body still overflows the stack, the
 * frontmatter is read and the body is not.
 */
function parseMarkdown(text: string, lines: LineIndex): Root {
  try {
    return markdown.parse(text.replace(ABSURDLY_NESTED_LINE, (line) => ' '.repeat(line.length))) as Root;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const block = findFrontmatter(lines);
    return markdown.parse(block ? text.slice(0, block.end) : '') as Root;
  }
}

export interface ParseOptions {
  /**
   * Read the frontmatter and the body with the fast readers when they can (default true). False
   * reads every file with `yaml` and remark, as the fast readers' tests do to compare the two.
   */
  fast?: boolean;
}

export function parseBrief(uri: string, rawText: string, options: ParseOptions = {}): Brief {
  const fast = options.fast ?? true;
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
  // Remark runs only when needed: on the slow path, or when the fast scanner gives up on the body.
  let tree = fast ? undefined : parseMarkdown(text, lines);
  let block: FrontmatterBlock | undefined;
  if (tree) {
    const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
    if (yamlNode?.position) block = { closingLine: yamlNode.position.end.line - 1, end: yamlNode.position.end.offset ?? 0 };
  } else {
    block = findFrontmatter(lines);
  }
  let bodyStart = 0;
  if (block) {
    const closingLine = block.closingLine;
    const contentStart = lines.lineStartOffset(1);
    const contentEnd = Math.max(contentStart, lines.lineStartOffset(closingLine));
    const openingFence = lines.lineRange(0);
    bodyStart = block.end;
    brief.frontmatterRange = lines.rangeOf(0, bodyStart);
    const reading = readFrontmatter(text.slice(contentStart, contentEnd), contentStart, lines, openingFence, fast);
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
  // The fast scanner reads even absurdly nested lines as CommonMark does, in linear time; only
  // remark needs them blanked (parseMarkdown), so on such input the two may differ.
  const structure = (tree ? undefined : scanBody(lines, block ? block.closingLine + 1 : 0))
    ?? collectFromTree((tree ??= parseMarkdown(text, lines)), lines);
  Object.assign(brief, finishBody(structure, lines, bodyStart));
  return brief;
}
