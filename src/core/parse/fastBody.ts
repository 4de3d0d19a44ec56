/**
 * A fast path for reading the structure of a brief's body without building a Markdown syntax
 * tree. Briefs' bodies are mostly plain: ATX headings, paragraphs, bullet lists of tasks,
 * wikilinks and inline code. For those, one pass over the lines finds exactly what remark finds
 * (headings, code ranges, task list items and their nesting); parsing with remark costs ten
 * times more and dominates linting a workspace.
 *
 * The scanner is deliberately conservative: the moment a line holds anything whose Markdown
 * meaning depends on rules it does not implement (links `](`, HTML or autolinks `<`, escapes,
 * block quotes, tables, setext headings, thematic breaks, ordered lists, indented code, tabs,
 * definitions, emphasis in headings...), it gives up and returns `undefined`, and the caller
 * parses the file with remark as before. So the result is either exactly remark's or absent;
 * test/unit/fastBody.test.ts checks that against remark on real-world and generated Markdown.
 */
import type { BodyStructure, TaskStructure } from './body';
import type { Heading } from '../model/model';
import type { LineIndex } from '../model/range';

const SPACE = 32;
const HASH = 35;
const BACKTICK = 96;
const TILDE = 126;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** A line that is a thematic break (`---`, `* * *`, `___`): never a list item or paragraph. */
const THEMATIC_BREAK = /^([-*_])(?: *\1){2,} *$/;
/** A checkbox a task list item starts with, followed by its text (`[/]`, `[-]`: Obsidian Tasks' states, ./checklist.ts). */
const TASK_CHECK = /^\[[ xX/-]\] +\S/;
/** Characters with which a heading's text is not simply its characters (emphasis, escapes, entities, HTML). */
const HEADING_UNSAFE = /[*_~<>\\&]/;
/** Paragraph or list item content that could start a block other than a paragraph (or a definition). */
const BLOCK_START = /^(?:[#>~<|=_*+\-\\!:]|`{3}|\d{1,9}[.)]|\[(?!\[))/;

/**
 * The structure of the body that starts at `firstLine` (the line after the frontmatter, or 0),
 * or `undefined` when the body holds Markdown this scanner does not handle exactly.
 */
export function scanBody(lines: LineIndex, firstLine: number): BodyStructure | undefined {
  const text = lines.text;
  const headings: Heading[] = [];
  const excluded: [number, number][] = [];
  const tasks: TaskStructure[] = [];
  /** Content columns of the open list items, outermost first. */
  const items: number[] = [];
  /** For each open list item, the index in `tasks` of the innermost task item among it and those around it (-1: none). */
  const taskOf: number[] = [];
  const closeItems = (open: number) => {
    items.length = open;
    taskOf.length = open;
  };
  let inParagraph = false;
  const lineCount = lines.lineCount;

  for (let line = firstLine; line < lineCount; line++) {
    const start = lines.lineStartOffset(line);
    const end = lines.lineEndOffset(line);
    let at = start;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    if (at === end || /^[ \t]*$/.test(text.slice(at, end))) {
      inParagraph = false;
      continue;
    }
    const indent = at - start;
    let inside = 0;
    while (inside < items.length && indent >= items[inside]) inside++;
    const relative = indent - (inside > 0 ? items[inside - 1] : 0);
    const first = text.charCodeAt(at);

    if (relative >= 4) {
      // Indented code, unless it continues a paragraph.
      if (!inParagraph || !scanInline(text, at, end, excluded)) return undefined;
      continue;
    }

    if (first === HASH) {
      let level = 0;
      while (at + level < end && text.charCodeAt(at + level) === HASH) level++;
      const after = at + level;
      if (level > 6 || (after < end && text.charCodeAt(after) !== SPACE) || indent !== 0) return undefined;
      const content = text.slice(after, end).trim();
      if (content.endsWith('#') || HEADING_UNSAFE.test(content)) return undefined;
      const contentStart = text.indexOf(content, after);
      const spansFrom = excluded.length;
      if (!scanInline(text, contentStart, contentStart + content.length, excluded)) return undefined;
      closeItems(0);
      headings.push({ text: headingText(text, contentStart, contentStart + content.length, excluded.slice(spansFrom)), depth: level, line, range: lines.rangeOf(at, end) });
      inParagraph = false;
      continue;
    }

    if (first === 45 /* - */ || first === 42 /* * */ || first === 43 /* + */) {
      const rest = text.slice(at, end);
      if (THEMATIC_BREAK.test(rest) || text.charCodeAt(at + 1) !== SPACE) return undefined;
      let contentStart = at + 1;
      while (contentStart < end && text.charCodeAt(contentStart) === SPACE) contentStart++;
      const spaces = contentStart - at - 1;
      if (contentStart === end || spaces > 4) return undefined;
      closeItems(inside);
      const depth = inside;
      const enclosingTask = inside > 0 ? taskOf[inside - 1] : -1;
      items.push(indent + 1 + spaces);
      taskOf.push(enclosingTask);
      let inlineFrom = contentStart;
      if (text.charCodeAt(contentStart) === OPEN_BRACKET && text.charCodeAt(contentStart + 1) !== OPEN_BRACKET) {
        if (!TASK_CHECK.test(text.slice(contentStart, Math.min(end, contentStart + 8)))) return undefined;
        taskOf[taskOf.length - 1] = tasks.length;
        tasks.push({ start: at, depth, parent: enclosingTask });
        inlineFrom = contentStart + 3;
      } else if (BLOCK_START.test(text.slice(contentStart, Math.min(end, contentStart + 12)))) {
        return undefined;
      }
      if (!scanInline(text, inlineFrom, end, excluded)) return undefined;
      inParagraph = true;
      continue;
    }

    if (first === BACKTICK || first === TILDE) {
      let run = 0;
      while (at + run < end && text.charCodeAt(at + run) === first) run++;
      if (run >= 3) {
        // A fenced code block: only at the top level, closed by an unindented fence.
        if (indent !== 0 || (first === BACKTICK && text.slice(at + run, end).includes('`'))) return undefined;
        const close = closingFence(lines, line + 1, first, run);
        if (close === undefined) return undefined;
        closeItems(0);
        excluded.push([start, lines.lineEndOffset(close)]);
        line = close;
        inParagraph = false;
        continue;
      }
    }

    // Paragraph text: a new paragraph, or the continuation (possibly lazy) of the open one.
    if (BLOCK_START.test(text.slice(at, Math.min(end, at + 12)))) return undefined;
    if (!inParagraph) closeItems(inside);
    if (!scanInline(text, at, end, excluded)) return undefined;
    inParagraph = true;
  }
  // HTML (and so any comment) makes the scanner give up: a body it reads has no suppression comments.
  return { headings, links: [], excluded, tasks, comments: [] };
}

/**
 * A heading's plain text as remark gives it: its characters, with each code span replaced by its
 * content (one space stripped from each side when both sides have one and it is not all spaces).
 */
function headingText(text: string, from: number, to: number, spans: [number, number][]): string {
  if (spans.length === 0) return text.slice(from, to).trim();
  let result = '';
  let at = from;
  for (const [start, end] of spans) {
    let run = 0;
    while (text.charCodeAt(start + run) === BACKTICK) run++;
    let value = text.slice(start + run, end - run);
    if (value.length >= 2 && value.startsWith(' ') && value.endsWith(' ') && /[^ ]/.test(value)) value = value.slice(1, -1);
    result += text.slice(at, start) + value;
    at = end;
  }
  return (result + text.slice(at, to)).trim();
}

/** The line of the fence that closes a code block opened with `run` × `marker`, if there is one. */
function closingFence(lines: LineIndex, from: number, marker: number, run: number): number | undefined {
  const text = lines.text;
  for (let line = from; line < lines.lineCount; line++) {
    const start = lines.lineStartOffset(line);
    const end = lines.lineEndOffset(line);
    let at = start;
    while (at < end && at - start < 4 && text.charCodeAt(at) === SPACE) at++;
    let length = 0;
    while (at + length < end && text.charCodeAt(at + length) === marker) length++;
    if (length < 3) continue;
    const trailing = text.slice(at + length, end);
    if (!/^[ \t]*$/.test(trailing)) continue;
    if (at !== start) return undefined; // an indented closing fence: leave it to remark
    if (length >= run) return line;
  }
  return undefined;
}

/**
 * Checks the inline content `[from, to)` of one line and records its code spans. False when it
 * holds something whose meaning needs the full inline parser: a link or image (`](`, `![`), HTML
 * or an autolink (`<`), an escape (`\`), a tab, a backtick run with no matching run on the same
 * line, or a code span on a line that also has a literal autolink (`www.`, `://`).
 */
function scanInline(text: string, from: number, to: number, excluded: [number, number][]): boolean {
  let sawCode = false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 60 /* < */ || code === 9 /* tab */ || code === 0) return false;
    if (code === 92 /* \ */) return false;
    if (code === CLOSE_BRACKET && text.charCodeAt(i + 1) === 40 /* ( */) return false;
    if (code === 33 /* ! */ && text.charCodeAt(i + 1) === OPEN_BRACKET) return false;
    if (code !== BACKTICK) continue;
    let run = 1;
    while (i + run < to && text.charCodeAt(i + run) === BACKTICK) run++;
    // Find the next run of exactly `run` backticks on this line.
    let j = i + run;
    let closeEnd = -1;
    while (j < to) {
      if (text.charCodeAt(j) !== BACKTICK) {
        const c = text.charCodeAt(j);
        if (c === 60 || c === 9 || c === 0) return false;
        j++;
        continue;
      }
      let other = 1;
      while (j + other < to && text.charCodeAt(j + other) === BACKTICK) other++;
      if (other === run) {
        closeEnd = j + other;
        break;
      }
      j += other;
    }
    if (closeEnd < 0) return false;
    excluded.push([i, closeEnd]);
    sawCode = true;
    i = closeEnd - 1;
  }
  if (sawCode) {
    const lineText = text.slice(from, to).toLowerCase();
    if (lineText.includes('www.') || lineText.includes('://')) return false;
  }
  return true;
}
