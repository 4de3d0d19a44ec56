/**
 * A fast path for reading the structure of a brief's body without building a Markdown syntax
 * tree. Most bodies hold ATX headings, paragraphs, bullet and ordered lists of tasks, inline
 * links, wikilinks, inline code, emphasis, block quotes and callouts, tables, fenced code and
 * HTML comments. For those, one pass over the lines finds exactly what remark finds (headings,
 * code and HTML ranges, links to other Markdown files, task list items and their nesting,
 * comments that may be suppressions); parsing with remark costs ten times more and dominates
 * linting a workspace (docs/benchmark.md, "Body readers").
 *
 * The scanner is deliberately conservative: the moment a line holds anything whose Markdown
 * meaning depends on rules it does not implement (escapes, entities in link destinations, HTML
 * other than comments, simple tags and block-level tags, autolink literals next to brackets or
 * backticks, setext headings, thematic breaks, indented code, tabs, link reference definitions,
 * nested brackets around a link, block quotes inside lists, lists or headings inside quotes,
 * emphasis in headings...), it gives up and returns `undefined`, and the caller parses the file
 * with remark as before. So the result is either exactly remark's or absent;
 * test/unit/fastBody.test.ts checks that against remark on real-world and generated Markdown and
 * on CommonMark-style cases.
 */
import { isBriefLink, type BodyStructure, type TaskStructure } from './body';
import type { Heading } from '../model/model';
import type { LineIndex } from '../model/range';

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const BACKTICK = 96;
const TILDE = 126;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const GREATER = 62;
const LESS = 60;
const BACKSLASH = 92;
const CARET = 94;
const PIPE_CODE = 124;

/** A line that is a thematic break (`---`, `* * *`, `___`): never a list item or paragraph. */
const THEMATIC_BREAK = /^([-*_])(?: *\1){2,} *$/;
/** A checkbox a task list item starts with, followed by its text (`[/]`, `[-]`: Obsidian Tasks' states, ./checklist.ts). */
const TASK_CHECK = /^\[[ xX/-]\] +\S/;
/** Characters with which a heading's text is not simply its characters (emphasis, escapes, entities, HTML). */
const HEADING_UNSAFE = /[*_~<>\\&]/;
/** A line of dashes only: a setext underline after a paragraph. */
const DASH_LINE = /^-+[ \t]*$/;
/** An ordered list marker (1-9 digits, `.` or `)`) followed by a blank or the end. */
const ORDERED_START = /^\d{1,9}[.)](?:[ \t]|$)/;
/** Inline HTML the scanner reads: an open tag without attributes (`<br>`, `<br />`) or a closing tag. */
const SIMPLE_TAG = /^(?:<[A-Za-z][A-Za-z0-9-]* *\/?>|<\/[A-Za-z][A-Za-z0-9-]* *>)/;
/** An autolink `<scheme:...>` (never a brief link: it has a scheme). */
const AUTOLINK = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>\x7f]*>/;
/** The start of an HTML block of kind 6 (CommonMark): a block-level tag name, then a blank, `>`, `/>` or the end. */
const BLOCK_TAG = /^<\/?([A-Za-z][A-Za-z0-9]*)(?=[ \t>]|\/>|$)/;
/** CommonMark's block-level tag names (HTML blocks of kind 6). */
const BLOCK_TAG_NAMES = new Set(['address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup', 'dd',
  'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend', 'li', 'link', 'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p',
  'param', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul']);

/** What the inline scanner records, as BodyStructure holds it. */
interface Found {
  excluded: [number, number][];
  links: { url: string; start: number; end: number }[];
  comments: { html: string; start: number }[];
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB) return false;
  }
  return true;
}

/**
 * The structure of the body that starts at `firstLine` (the line after the frontmatter, or 0),
 * or `undefined` when the body holds Markdown this scanner does not handle exactly.
 */
export function scanBody(lines: LineIndex, firstLine: number): BodyStructure | undefined {
  const text = lines.text;
  const headings: Heading[] = [];
  const found: Found = { excluded: [], links: [], comments: [] };
  const excluded = found.excluded;
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
  /** Whether the open paragraph (if any) is in a top-level block quote. */
  let inQuote = false;
  /** The line of the last task item's checkbox: a table delimiter row under it would make its line a table header. */
  let taskLine = -1;
  /** Whether a line of the open paragraph holds a `|`: then it may be a table, which indented lines do not continue. */
  let pipeInParagraph = false;
  /** Whether the body was checked for a footnote call followed by `(` (done at its first footnote definition). */
  let footnoteCallsChecked = false;
  /**
   * Whether a footnote definition may still be open (until a blank line): a line indented by four
   * more would continue it, with blocks of its own (a list item, a task), left to remark.
   */
  let inFootnote = false;
  const lineCount = lines.lineCount;

  /**
   * Opens a list item whose marker spans [at, markerEnd) on a line indented `indent`, inside the
   * first `inside` open items; false when its content is something the scanner does not read.
   */
  const openItem = (at: number, end: number, indent: number, inside: number, markerEnd: number): boolean => {
    let contentStart = markerEnd;
    while (contentStart < end && text.charCodeAt(contentStart) === SPACE) contentStart++;
    const spaces = contentStart - markerEnd;
    if (contentStart === end || spaces > 4) return false;
    closeItems(inside);
    const depth = inside;
    const enclosingTask = inside > 0 ? taskOf[inside - 1] : -1;
    items.push(indent + (markerEnd - at) + spaces);
    taskOf.push(enclosingTask);
    let inlineFrom = contentStart;
    if (text.charCodeAt(contentStart) === OPEN_BRACKET && text.charCodeAt(contentStart + 2) === CLOSE_BRACKET) {
      // Something in the shape of a checkbox: a task, or a case of GFM's the scanner leaves to remark.
      if (!TASK_CHECK.test(text.slice(contentStart, Math.min(end, contentStart + 8)))) return false;
      taskOf[taskOf.length - 1] = tasks.length;
      tasks.push({ start: at, depth, parent: enclosingTask });
      taskLine = lines.positionAt(at).line;
      inlineFrom = contentStart + 3;
    } else if (startsBlock(text, contentStart, end, false)) {
      return false;
    }
    return scanInline(text, inlineFrom, end, found, false);
  };

  for (let line = firstLine; line < lineCount; line++) {
    const start = lines.lineStartOffset(line);
    const end = lines.lineEndOffset(line);
    let at = start;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    if (at === end || isBlank(text, at, end)) {
      inParagraph = false;
      inQuote = false;
      inFootnote = false;
      continue;
    }
    const indent = at - start;
    let inside = 0;
    while (inside < items.length && indent >= items[inside]) inside++;
    const relative = indent - (inside > 0 ? items[inside - 1] : 0);
    const first = text.charCodeAt(at);
    if (!inParagraph) pipeInParagraph = false;
    const tableLike = pipeInParagraph;
    if (holdsPipe(text, at, end)) pipeInParagraph = true;

    if (inParagraph && line === taskLine + 1 && mayBeDelimiterRow(text, at, end)) return undefined;
    if (relative >= 4) {
      // Indented code, unless it continues a paragraph.
      if (!inParagraph || tableLike || inFootnote || !scanInline(text, at, end, found, false)) return undefined;
      continue;
    }

    if (first === GREATER) {
      // A block quote (or a callout, `> [!NOTE]`), at the top level only, holding paragraphs only.
      if (inside > 0) return undefined;
      closeItems(0);
      if (!inQuote) inParagraph = false;
      inQuote = true;
      let content = at + 1;
      if (text.charCodeAt(content) === SPACE) content++;
      let contentAt = content;
      while (contentAt < end && text.charCodeAt(contentAt) === SPACE) contentAt++;
      if (contentAt === end) {
        inParagraph = false;
        continue;
      }
      if (contentAt - content >= 4) {
        if (!inParagraph || tableLike) return undefined;
      } else if (text.charCodeAt(contentAt) === GREATER || startsBlock(text, contentAt, end, inParagraph)) {
        return undefined;
      }
      if (!scanInline(text, contentAt, end, found, false)) return undefined;
      inParagraph = true;
      continue;
    }
    // Only a paragraph's continuation (a lazy line) stays in the quote.
    const wasQuote: boolean = inQuote;
    inQuote = false;

    if (first === LESS) {
      // An HTML block: a comment or a block-level tag, at the top level.
      const last = inside > 0 ? undefined : htmlBlockEnd(lines, line, at);
      if (last === undefined) return undefined;
      closeItems(0);
      const blockEnd = lines.lineEndOffset(last);
      const html = text.slice(at, blockEnd);
      excluded.push([at, blockEnd]);
      if (html.includes('brief-')) found.comments.push({ html, start: at });
      line = last;
      inParagraph = false;
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
      if (!scanInline(text, contentStart, contentStart + content.length, found, true)) return undefined;
      closeItems(0);
      headings.push({ text: headingText(text, contentStart, contentStart + content.length, excluded.slice(spansFrom)), depth: level, line, range: lines.rangeOf(at, end) });
      inParagraph = false;
      continue;
    }

    if (first === 45 /* - */ || first === 42 /* * */ || first === 43 /* + */) {
      const rest = text.slice(at, end);
      if (THEMATIC_BREAK.test(rest) || DASH_LINE.test(rest)) return undefined;
      const next = text.charCodeAt(at + 1);
      if (next === SPACE) {
        if (!openItem(at, end, indent, inside, at + 1)) return undefined;
        inParagraph = true;
        continue;
      }
      if (at + 1 === end || next === TAB) return undefined;
      // `**bold**`, `-x`: paragraph text.
    }

    if (first >= 48 && first <= 57) {
      let digits = 0;
      while (digits < 10 && at + digits < end && text.charCodeAt(at + digits) >= 48 && text.charCodeAt(at + digits) <= 57) digits++;
      const delimiter = text.charCodeAt(at + digits);
      if (digits <= 9 && (delimiter === 46 /* . */ || delimiter === 41 /* ) */)) {
        const after = at + digits + 1;
        if (after === end || text.charCodeAt(after) === TAB) return undefined;
        if (text.charCodeAt(after) === SPACE) {
          // An ordered item interrupts an open paragraph only when it is `1`, unless this line
          // leaves the list item holding the paragraph (which closes it): then any number starts one.
          if (inParagraph && !(digits === 1 && first === 49) && inside === items.length) return undefined;
          if (!openItem(at, end, indent, inside, after)) return undefined;
          inParagraph = true;
          continue;
        }
      }
      // `2026 was`, `1.5 s`: paragraph text.
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

    if (first === OPEN_BRACKET && text.charCodeAt(at + 1) === CARET) {
      // A GFM footnote definition, `[^label]: text`, at the top level and on one line: its text is
      // a paragraph in the definition, read as any paragraph (lazy lines continue it; a blank line
      // ends it, and an indented line after one, which would continue the definition, is left to
      // remark as indented code is).
      const contentAt = footnoteDefinitionContent(text, at, end);
      if (contentAt === undefined || indent !== 0 || (inParagraph && wasQuote)) return undefined;
      // With a definition in the body, `[^x]` is a footnote call, not a link's text: `[^x](...)`
      // reads differently, so such a body is left to remark.
      if (!footnoteCallsChecked && footnoteCallBeforeParen(text, lines.lineStartOffset(firstLine))) return undefined;
      footnoteCallsChecked = true;
      if (startsBlock(text, contentAt, end, false) || holdsPipe(text, contentAt, end)) return undefined;
      closeItems(0);
      pipeInParagraph = false;
      if (!scanInline(text, contentAt, end, found, false)) return undefined;
      inParagraph = true;
      inFootnote = true;
      continue;
    }

    // Paragraph text: a new paragraph, or the continuation (possibly lazy) of the open one.
    if (startsBlock(text, at, end, inParagraph)) return undefined;
    if (!inParagraph) closeItems(inside);
    else inQuote = wasQuote;
    if (!scanInline(text, at, end, found, false)) return undefined;
    inParagraph = true;
  }
  return { headings, links: found.links, excluded, tasks, comments: found.comments };
}

/**
 * Where the text of a footnote definition `[^label]: text` at `at` starts (after the blanks that
 * follow the `:`), for a label of letters, digits, `-` and `_` (GFM allows more, left to remark),
 * with text on the same line; undefined for anything else.
 */
function footnoteDefinitionContent(text: string, at: number, end: number): number | undefined {
  let i = at + 2;
  while (i < end && i - at - 2 < MAX_FOOTNOTE_LABEL && isLabelCharacter(text.charCodeAt(i))) i++;
  if (i === at + 2 || text.charCodeAt(i) !== CLOSE_BRACKET || text.charCodeAt(i + 1) !== 58 /* : */) return undefined;
  i += 2;
  if (i < end && text.charCodeAt(i) !== SPACE) return undefined;
  while (i < end && text.charCodeAt(i) === SPACE) i++;
  return i < end && i - at <= MAX_FOOTNOTE_LABEL + 8 ? i : undefined;
}
const MAX_FOOTNOTE_LABEL = 32;

function isLabelCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45 || code === 95;
}

/**
 * Whether the text from `from` holds `[^` then a label-like run and `](`: with a footnote
 * definition in the body, that is a footnote call and text, without one a link. One pass.
 */
function footnoteCallBeforeParen(text: string, from: number): boolean {
  for (let i = text.indexOf('[^', from); i >= 0; i = text.indexOf('[^', i)) {
    let j = i + 2;
    for (; j < text.length; j++) {
      const code = text.charCodeAt(j);
      if (code === CLOSE_BRACKET || code === OPEN_BRACKET || code === SPACE || code === TAB || code === 10 || code === 13) break;
    }
    if (text.charCodeAt(j) === CLOSE_BRACKET && text.charCodeAt(j + 1) === 40 /* ( */) return true;
    i = j;
  }
  return false;
}

/** Whether the line [at, end) could be a GFM table's delimiter row (`| --- | :-: |`): only `|`, `-`, `:` and blanks, with a `-`. */
function mayBeDelimiterRow(text: string, at: number, end: number): boolean {
  let dash = false;
  for (let i = at; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 45) dash = true;
    else if (code !== PIPE_CODE && code !== 58 && code !== SPACE && code !== TAB) return false;
  }
  return dash;
}

/**
 * Whether paragraph text at `at` could instead start another block (or a link reference
 * definition, which only starts a paragraph): then the scanner gives up.
 */
function startsBlock(text: string, at: number, end: number, inParagraph: boolean): boolean {
  const code = text.charCodeAt(at);
  switch (code) {
    case HASH: {
      let level = 0;
      while (at + level < end && text.charCodeAt(at + level) === HASH) level++;
      const after = text.charCodeAt(at + level);
      return level <= 6 && (at + level >= end || after === SPACE || after === TAB);
    }
    case GREATER: case LESS: case BACKSLASH: case TAB: case 61 /* = */:
      return true;
    case BACKTICK: case TILDE:
      return at + 2 < end && text.charCodeAt(at + 1) === code && text.charCodeAt(at + 2) === code;
    case 45 /* - */: case 42 /* * */: case 43 /* + */: case 95 /* _ */: {
      const next = text.charCodeAt(at + 1);
      if (code !== 95 && (at + 1 >= end || next === SPACE || next === TAB)) return true;
      const rest = text.slice(at, end);
      return THEMATIC_BREAK.test(rest) || (code === 45 && DASH_LINE.test(rest));
    }
    case OPEN_BRACKET:
      // A link reference definition cannot interrupt a paragraph; a GFM footnote definition (`[^1]:`) can.
      if (text.charCodeAt(at + 1) === 94 /* ^ */) return mayBeDefinition(text, at, end);
      return !inParagraph && text.charCodeAt(at + 1) !== OPEN_BRACKET && mayBeDefinition(text, at, end);
  }
  if (code >= 48 && code <= 57) return ORDERED_START.test(text.slice(at, Math.min(end, at + 12)));
  return false;
}

/**
 * Whether a paragraph starting with `[` at `at` may be a link reference (or footnote)
 * definition: its label closes on this line followed by `:`, or does not close on this line.
 */
function mayBeDefinition(text: string, at: number, end: number): boolean {
  for (let i = at + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN_BRACKET) return false; // a label cannot hold an unescaped `[`
    if (code === CLOSE_BRACKET) return text.charCodeAt(i + 1) === 58 /* : */;
  }
  return true;
}

/**
 * The last line of the HTML block that starts at `at` on `line`, for the two kinds the scanner
 * reads: a comment (`<!--` up to the line holding `-->`) and a block-level tag (up to the line
 * before a blank line). Undefined for any other HTML, or a comment never closed.
 */
function htmlBlockEnd(lines: LineIndex, line: number, at: number): number | undefined {
  const text = lines.text;
  let last = line;
  if (text.startsWith('<!--', at)) {
    if (text.charCodeAt(at + 4) === GREATER || text.startsWith('->', at + 4)) return undefined;
    const close = text.indexOf('-->', at + 4);
    if (close < 0) return undefined;
    while (lines.lineEndOffset(last) < close + 3) last++;
  } else {
    const tag = BLOCK_TAG.exec(text.slice(at, Math.min(lines.lineEndOffset(line), at + 40)));
    if (!tag || !BLOCK_TAG_NAMES.has(tag[1].toLowerCase())) return undefined;
    while (last + 1 < lines.lineCount && !isBlank(text, lines.lineStartOffset(last + 1), lines.lineEndOffset(last + 1))) last++;
  }
  const html = text.slice(at, lines.lineEndOffset(last));
  return html.includes('\0') ? undefined : last;
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

/** Whether an inline construct [from, to) holds a `|`: in a GFM table row that would split it, so the scanner gives up. */
function holdsPipe(text: string, from: number, to: number): boolean {
  const at = text.indexOf('|', from);
  return at >= 0 && at < to;
}

/**
 * A link's resource `(destination "title")` starting at the `(` at `open`, on one line: the
 * destination and the offset after the `)`. Undefined when it is not one, or is one the scanner
 * does not read exactly (a `<destination>`, an escape or an entity, a title in parentheses,
 * anything running onto the next line).
 */
function linkResource(text: string, open: number, to: number): { url: string; end: number } | undefined {
  let at = open + 1;
  while (at < to && text.charCodeAt(at) === SPACE) at++;
  if (at >= to || text.charCodeAt(at) === LESS) return undefined;
  const urlStart = at;
  let depth = 0;
  for (; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code <= SPACE || code === 127) break;
    if (code === BACKSLASH || code === 38 /* & */ || code === LESS) return undefined;
    if (code === 40 /* ( */) {
      if (++depth > 8) return undefined;
    } else if (code === 41 /* ) */) {
      if (depth === 0) break;
      depth--;
    }
  }
  if (at >= to || depth !== 0) return undefined;
  const url = text.slice(urlStart, at);
  if (text.charCodeAt(at) !== 41) {
    if (text.charCodeAt(at) !== SPACE) return undefined;
    while (at < to && text.charCodeAt(at) === SPACE) at++;
    if (at >= to) return undefined;
    const quote = text.charCodeAt(at);
    if (quote !== 41) {
      if (quote !== 34 /* " */ && quote !== 39 /* ' */) return undefined;
      const close = text.indexOf(String.fromCharCode(quote), at + 1);
      if (close < 0 || close >= to || text.slice(at + 1, close).includes('\\')) return undefined;
      at = close + 1;
      while (at < to && text.charCodeAt(at) === SPACE) at++;
      if (at >= to || text.charCodeAt(at) !== 41) return undefined;
    }
  }
  return { url, end: at + 1 };
}

/**
 * Whether an autolink literal (GFM: `www.`, `http://`) at `at` is harmless: the run of
 * non-blank characters around it holds nothing it could swallow or be swallowed by (brackets,
 * parentheses, backticks, `<`). Such a literal becomes a link with a scheme, never a brief link.
 */
function literalIsHarmless(text: string, at: number, from: number, to: number): boolean {
  let start = at;
  while (start > from && text.charCodeAt(start - 1) !== SPACE) start--;
  for (let i = start; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === SPACE) break;
    if (code === BACKTICK || code === OPEN_BRACKET || code === CLOSE_BRACKET || code === 40 || code === 41 || code === LESS) return false;
  }
  return true;
}

/**
 * Checks the inline content `[from, to)` of one line and records its code spans, links to
 * Markdown files, inline HTML (comments, simple tags) and autolinks. False when it holds
 * something whose meaning needs the full inline parser: an escape (`\`), a tab, other HTML, a
 * backtick run with no matching run on the same line, a link whose text or resource does not sit
 * on this line or whose brackets nest around it, a `](` with no `[` before it on the line, an
 * autolink literal next to brackets or backticks, a construct holding a `|` (a table would split
 * it). In a heading (`heading`), links, images and HTML make it give up too.
 */
function scanInline(text: string, from: number, to: number, found: Found, heading: boolean): boolean {
  /** Offsets of the open `[` (and of the `[` of `![`) of this line, innermost last. */
  const openers: number[] = [];
  /** For each opener, 0 for a link's `[`, 1 for an image's `![`, 2 for a footnote-like `[^`. */
  const kinds: number[] = [];
  const excluded = found.excluded;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === TAB || code === 0 || code === BACKSLASH) return false;
    if (code === LESS) {
      if (heading) return false;
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        if (close < 0 || close + 3 > to) return false;
        const inner = text.slice(i + 4, close);
        if (inner.startsWith('>') || inner.startsWith('->') || inner.endsWith('-') || inner.includes('--')) return false;
        const html = text.slice(i, close + 3);
        if (holdsPipe(html, 0, html.length)) return false;
        excluded.push([i, close + 3]);
        if (html.includes('brief-')) found.comments.push({ html, start: i });
        i = close + 2;
        continue;
      }
      const rest = text.slice(i, Math.min(to, i + 200));
      const tag = SIMPLE_TAG.exec(rest);
      if (tag) {
        if (tag[0].includes('|')) return false;
        excluded.push([i, i + tag[0].length]);
        if (tag[0].includes('brief-')) found.comments.push({ html: tag[0], start: i });
        i += tag[0].length - 1;
        continue;
      }
      const autolink = AUTOLINK.exec(rest);
      if (!autolink || autolink[0].includes('|')) return false;
      i += autolink[0].length - 1;
      continue;
    }
    if (code === 58 /* : */ && text.startsWith('//', i + 1) && !literalIsHarmless(text, i, from, to)) return false;
    if ((code === 119 || code === 87) /* w W */ && text.slice(i, i + 4).toLowerCase() === 'www.' && !literalIsHarmless(text, i, from, to)) return false;
    if (code === 33 /* ! */ && text.charCodeAt(i + 1) === OPEN_BRACKET) {
      if (heading) return false;
      openers.push(i + 1);
      kinds.push(1);
      i++;
      continue;
    }
    if (code === OPEN_BRACKET) {
      if (!heading) {
        openers.push(i);
        kinds.push(text.charCodeAt(i + 1) === 94 /* ^ */ ? 2 : 0);
      }
      continue;
    }
    if (code === CLOSE_BRACKET) {
      const linkFollows = text.charCodeAt(i + 1) === 40 /* ( */;
      if (openers.length === 0) {
        // A `](` may close a `[` of an earlier line: leave that to remark.
        if (linkFollows) return false;
        continue;
      }
      const open = openers.pop()!;
      const kind = kinds.pop()!;
      // Without definitions (a body with one is left to remark) `[text]` alone is text.
      if (!linkFollows) continue;
      const resource = linkResource(text, i + 1, to);
      if (!resource || openers.length > 0 || kind === 2 || holdsPipe(text, open, resource.end)) return false;
      if (kind === 0 && isBriefLink(resource.url)) found.links.push({ url: resource.url, start: open, end: resource.end });
      i = resource.end - 1;
      continue;
    }
    if (code !== BACKTICK) continue;
    let run = 1;
    while (i + run < to && text.charCodeAt(i + run) === BACKTICK) run++;
    // Find the next run of exactly `run` backticks on this line.
    let j = i + run;
    let closeEnd = -1;
    while (j < to) {
      if (text.charCodeAt(j) !== BACKTICK) {
        const c = text.charCodeAt(j);
        if (c === LESS || c === TAB || c === 0) return false;
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
    if (closeEnd < 0 || holdsPipe(text, i, closeEnd)) return false;
    excluded.push([i, closeEnd]);
    i = closeEnd - 1;
  }
  return true;
}
