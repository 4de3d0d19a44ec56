/** Turns the text of one file into a `Brief`: the one entry point of parsing (the fast readers first; remark and `yaml` where they cannot read the text). */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { collectFromTree, finishBody, type BodyStructure } from './body';
import { scanBody } from './fastBody';
import { readFrontmatter } from './frontmatter';
import type { Brief } from '../model/model';
import { LineIndex, range } from '../model/range';
import { BOM, withoutBom } from '../model/text';
import { guardBody, MAX_LINE_NESTING, type GuardedBody } from './bodyGuard';
import { frontmatterSuppressions, htmlSuppression } from './suppressions';
import type { Suppression } from '../model/suppression';

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export { withoutBom };

export function isBriefFileName(uri: string): boolean {
  return /\.brief\.md$/i.test(uri.split(/[?#]/)[0]);
}

function isLineTerminator(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

function isLineStart(text: string, at: number): boolean {
  return at === 0 || isLineTerminator(text.charCodeAt(at - 1));
}

/** Skips spaces and tabs from `at`. */
function skipBlanks(text: string, at: number): number {
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
  return at;
}

/**
 * Whether a file's text looks like it could be a brief, before any parsing: for cheap
 * pre-filtering. True for a `*.brief.md` name, or when a line `---` (optionally after a BOM and
 * followed by blanks) is followed, on a later line, by a line starting `program:`. A linear scan
 * (it was a regular expression that backtracked quadratically on many `---` lines).
 */
export function mayBeBrief(uri: string, text: string): boolean {
  if (isBriefFileName(uri)) return true;
  // The first fence line: `---` at a line start (a BOM may precede it), blanks, then `\r?\n`.
  let bodyFrom = -1;
  for (let at = 0; at < text.length && bodyFrom < 0;) {
    let i = text.charCodeAt(at) === 0xfeff ? at + 1 : at;
    if (text.startsWith('---', i)) {
      i = skipBlanks(text, i + 3);
      if (text.charCodeAt(i) === 13) i++;
      if (text.charCodeAt(i) === 10) bodyFrom = i + 1;
    }
    // On to the next line start.
    while (at < text.length && !isLineTerminator(text.charCodeAt(at))) at++;
    at++;
  }
  if (bodyFrom < 0) return false;
  for (let at = text.indexOf('program', bodyFrom); at >= 0; at = text.indexOf('program', at + 1)) {
    if (isLineStart(text, at) && text.charCodeAt(skipBlanks(text, at + 7)) === 58 /* : */) return true;
  }
  return false;
}

/** The YAML frontmatter block as remark-frontmatter finds it: lines 1..`closingLine`, ending at `end`. */
interface FrontmatterBlock {
  closingLine: number;
  /** Offset of the end of the closing fence (before its line break). */
  end: number;
}

/** Whether a line is a frontmatter fence: `---`, then only blanks. */
function isFence(lines: LineIndex, line: number): boolean {
  const start = lines.lineStartOffset(line);
  const text = lines.text;
  return text.startsWith('---', start) && skipBlanks(text, start + 3) === lines.lineEndOffset(line);
}

/**
 * Finds the frontmatter without a Markdown parser, by the rules of micromark-extension-frontmatter:
 * line 1 is `---` (then blanks), and a later line is `---` (then blanks); nothing else counts.
 */
function findFrontmatter(lines: LineIndex): FrontmatterBlock | undefined {
  if (!isFence(lines, 0) || lines.lineCount < 2) return undefined;
  for (let line = 1; line < lines.lineCount; line++) {
    if (isFence(lines, line)) return { closingLine: line, end: lines.lineEndOffset(line) };
  }
  return undefined;
}

/**
 * remark, on text the body guard (./bodyGuard.ts) has made safe: absurdly nested lines blanked,
 * same length. micromark drops a byte order mark at the start of its input; the core already
 * dropped the one the editor hides, so one still there is a character of the text, and is given
 * to micromark as another character of the same kind (neither blank nor punctuation), so that
 * remark's offsets stay the core's.
 */
function parseMarkdown(text: string): Root {
  const input = text.startsWith(BOM) ? `\uE000${text.slice(1)}` : text;
  return markdown.parse(input) as Root;
}

export interface ParseOptions {
  /**
   * Read the frontmatter and the body with the fast readers when they can (default true). False
   * reads every file with `yaml` and remark, as the fast readers' tests do to compare the two.
   */
  fast?: boolean;
  /** Told which reader read the body of a brief (the benchmark counts them; docs/benchmark.md). */
  onBodyRead?: (reader: 'fast' | 'remark' | 'skipped') => void;
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
  // The body is guarded the same way on both paths, before either parser sees it.
  const found = findFrontmatter(lines);
  const bodyLine = found ? found.closingLine + 1 : 0;
  const guardText = () => guardBody(text, found ? lines.lineStartOffset(bodyLine) : 0, bodyLine);
  let guard = fast ? undefined : guardText();
  // Remark runs only when needed: on the slow path, or when the fast scanner gives up on the body.
  // On the slow path remark finds the frontmatter itself (a cross-check of findFrontmatter); a
  // body that is not read is not given to it.
  let parsed = guard && parseGuarded(guard, found, lines);
  let block: FrontmatterBlock | undefined;
  if (parsed) {
    const yamlNode = parsed.root.children[0]?.type === 'yaml' ? parsed.root.children[0] : undefined;
    if (yamlNode?.position) block = { closingLine: yamlNode.position.end.line - 1, end: yamlNode.position.end.offset ?? 0 };
  } else {
    block = found;
  }
  let bodyStart = 0;
  const suppressions: Suppression[] = [];
  if (block) {
    const closingLine = block.closingLine;
    const contentStart = lines.lineStartOffset(1);
    const contentEnd = Math.max(contentStart, lines.lineStartOffset(closingLine));
    const openingFence = lines.lineRange(0);
    bodyStart = block.end;
    brief.frontmatterRange = lines.rangeOf(0, bodyStart);
    const yaml = text.slice(contentStart, contentEnd);
    const reading = readFrontmatter(yaml, contentStart, lines, openingFence, fast);
    if (reading.syntaxErrors.length === 0) suppressions.push(...frontmatterSuppressions(yaml, contentStart, lines));
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
  } else if (isFence(lines, 0) && mayBeBrief(uri, text)) {
    brief.isBrief = true;
    brief.syntaxErrors = [{ message: 'The frontmatter that starts on line 1 is never closed; expected a line `---` after it', range: lines.lineRange(0) }];
  }
  if (!brief.isBrief) return brief;
  if (suppressions.length > 0) brief.suppressions = suppressions;
  guard ??= guardText();
  // Both scanners read the guarded text, so the fast and the slow path agree on it too; it has
  // the same length and line breaks as the text, so every offset and position holds.
  const guardedLines = guard.text === text ? lines : new LineIndex(guard.text);
  let structure: BodyStructure | undefined;
  if (!guard.skipped) {
    structure = parsed ? undefined : scanBody(guardedLines, block ? block.closingLine + 1 : 0);
    if (structure) {
      options.onBodyRead?.('fast');
    } else {
      parsed ??= parseGuarded(guard, block, lines);
      if (parsed.bodyRead) structure = collectFromTree(parsed.root, guardedLines);
      options.onBodyRead?.(structure ? 'remark' : 'skipped');
    }
  } else {
    options.onBodyRead?.('skipped');
  }
  if (!structure) {
    const skip = guard.skipped ?? { line: bodyLine, reason: 'it nests too deeply for the Markdown parser' };
    brief.bodySkipped = {
      message: `The body was not read: ${skip.reason}; the frontmatter was checked`,
      range: lines.lineRange(Math.min(skip.line, lines.lineCount - 1)),
    };
    return brief;
  }
  if (guard.firstBlankedLine !== undefined) {
    brief.bodySkipped = {
      message: `Line ${guard.firstBlankedLine + 1} was not read, nor any other line nested ${MAX_LINE_NESTING} or more containers deep: no real document nests so deep; the rest of the body was read`,
      range: lines.lineRange(guard.firstBlankedLine),
    };
  }
  Object.assign(brief, finishBody(structure, guardedLines, bodyStart));
  for (const comment of structure.comments) {
    const suppression = htmlSuppression(comment.html, comment.start, lines);
    if (suppression) suppressions.push(suppression);
  }
  if (suppressions.length > 0) brief.suppressions = suppressions;
  return brief;
}

/**
 * remark on the guarded text; on a body the guard says not to read, on the frontmatter only.
 * Should remark still overflow the stack on the body (its tree walkers recurse), the frontmatter
 * is read alone, and the result says the body was not read.
 */
function parseGuarded(guard: GuardedBody, block: FrontmatterBlock | undefined, lines: LineIndex): { root: Root; bodyRead: boolean } {
  const frontmatterOnly = () => ({ root: parseMarkdown(block ? lines.text.slice(0, block.end) : ''), bodyRead: false });
  if (guard.skipped) return frontmatterOnly();
  try {
    return { root: parseMarkdown(guard.text), bodyRead: true };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return frontmatterOnly();
  }
}
