/**
 * Bounds the work the Markdown parsers do on one brief's body (issue 9, findings 2 and 3).
 * Everything here is a hand-written scanner over the text, linear in its length, and depends on
 * the text only (never on time or on the stack left), so the same text always gives the same
 * result, on the fast path and on the slow one alike.
 *
 * Two guards, both described in docs/format.md ("Bodies the linter does not read"):
 *
 * - Absurd nesting: a line whose container prefix (indentation, `>`, list markers) is 100 or
 *   more levels deep is read as blank. micromark slows down sharply with thousands of containers
 *   on one line and remark's tree walkers recurse over them; no real document nests so deep.
 *   Blanking keeps the length and the line breaks, so every offset and position still holds.
 * - Inline complexity: micromark's resolution of emphasis (`*`, `_`, `~`), links and images
 *   (`[`, `]`), tables (`|`), HTML and autolinks (`<`) and escapes (`\`) is quadratic in the
 *   number of such markers in one paragraph (a run of lines without a blank line: inline content
 *   never crosses one; an ATX heading line, which interrupts a paragraph, counts on its own). The cost of a body is estimated as the sum over its paragraphs of the
 *   square of their marker count; over the limits below, the body is not read at all, and the
 *   brief says so (rule `body-skipped`). Nothing is half-read: a body is either read exactly as
 *   remark reads it or not read.
 */

/** A line nested this many containers deep (or deeper) is read as blank. */
export const MAX_LINE_NESTING = 100;
/** At most this many emphasis, link, table, HTML or escape markers in one paragraph. */
export const MAX_PARAGRAPH_MARKERS = 4000;
/** At most this sum, over the paragraphs of a body, of the square of their marker counts. */
export const MAX_BODY_COST = 30_000_000;

export interface GuardedBody {
  /** The text with absurdly nested lines blanked (the same text when there are none). */
  text: string;
  /** 0-based line of the first blanked line, if any. */
  firstBlankedLine?: number;
  /** Why the body cannot be read, if it cannot. */
  skipped?: { line: number; reason: string };
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

function isLineTerminator(code: number): boolean {
  return code === LF || code === CR || code === 0x2028 || code === 0x2029;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * How many container tokens the line starting at `start` opens, counting at most `limit`: each
 * blank, each `>` (with its optional blank), each bullet `*`, `+`, `-` with its blank, and each
 * ordered marker (1-9 digits, `.` or `)`) with its blank. Each blank after a marker counts on its
 * own, so this is the largest count any reading of the prefix gives.
 */
export function nestingPrefixDepth(text: string, start: number, limit = MAX_LINE_NESTING): number {
  let depth = 0;
  let at = start;
  while (depth < limit && at < text.length) {
    const code = text.charCodeAt(at);
    if (isBlank(code) || code === 62 /* > */) {
      at++;
    } else if (code === 42 /* * */ || code === 43 /* + */ || code === 45 /* - */) {
      if (!isBlank(text.charCodeAt(at + 1))) break;
      at += 2;
    } else if (isDigit(code)) {
      let digits = 0;
      while (digits < 10 && isDigit(text.charCodeAt(at + digits))) digits++;
      const marker = text.charCodeAt(at + digits);
      if (digits > 9 || (marker !== 46 /* . */ && marker !== 41 /* ) */) || !isBlank(text.charCodeAt(at + digits + 1))) break;
      at += digits + 2;
    } else {
      break;
    }
    depth++;
  }
  return depth;
}

const MARKERS = 'emphasis, link, table or HTML markers (`*`, `_`, `~`, `[`, `]`, `|`, `<`, `\\`)';

/** Whether the line [start, end) is an ATX heading: up to 3 spaces, 1 to 6 `#`, then a blank or the end. */
function isAtxHeading(text: string, start: number, end: number): boolean {
  let at = start;
  while (at < end && at - start < 3 && text.charCodeAt(at) === SPACE) at++;
  let level = 0;
  while (at + level < end && text.charCodeAt(at + level) === 35 /* # */) level++;
  return level >= 1 && level <= 6 && (at + level === end || isBlank(text.charCodeAt(at + level)));
}

/** The marker characters whose count makes micromark's inline resolution quadratic. */
function isMarker(code: number): boolean {
  return code === 42 /* * */ || code === 95 /* _ */ || code === 126 /* ~ */ || code === 91 /* [ */ || code === 93 /* ] */
    || code === 124 /* | */ || code === 60 /* < */ || code === 92 /* \ */;
}

/**
 * The body from offset `bodyStart` (0-based line `bodyLine`), guarded: absurdly nested lines
 * blanked, and whether the rest is too complex to read. Lines are split as the `^`/`$` of a
 * multi-line regular expression split them (`\n`, `\r`, U+2028, U+2029), which is at least as
 * fine as Markdown's split, so a blanked stretch never swallows a line break.
 */
export function guardBody(text: string, bodyStart: number, bodyLine: number): GuardedBody {
  let firstBlankedLine: number | undefined;
  let pieces: string[] | undefined;
  let copiedTo = 0;
  let cost = 0;
  let paragraphMarkers = 0;
  let paragraphLine = bodyLine;
  let inParagraph = false;
  let skipped: GuardedBody['skipped'];
  // `line` counts Markdown lines (`\n`, `\r\n`, `\r`), as LineIndex does.
  let line = bodyLine;
  let at = bodyStart;
  while (at <= text.length) {
    const start = at;
    let end = start;
    while (end < text.length && !isLineTerminator(text.charCodeAt(end))) end++;
    const nested = nestingPrefixDepth(text, start) >= MAX_LINE_NESTING;
    if (nested) {
      firstBlankedLine ??= line;
      (pieces ??= []).push(text.slice(copiedTo, start), ' '.repeat(end - start));
      copiedTo = end;
    }
    let blank = true;
    let markers = 0;
    if (!nested) {
      for (let i = start; i < end; i++) {
        const code = text.charCodeAt(i);
        if (!isBlank(code)) blank = false;
        if (isMarker(code)) markers++;
      }
    }
    if (blank || isAtxHeading(text, start, end)) {
      // A blank line ends a paragraph; an ATX heading interrupts one and is inline content of its own.
      cost += paragraphMarkers * paragraphMarkers + markers * markers;
      paragraphMarkers = 0;
      inParagraph = false;
      if (markers > MAX_PARAGRAPH_MARKERS && !skipped) skipped = { line, reason: `the heading at line ${line + 1} has more than ${MAX_PARAGRAPH_MARKERS.toLocaleString('en-US')} ${MARKERS}` };
    } else {
      if (!inParagraph) paragraphLine = line;
      inParagraph = true;
      paragraphMarkers += markers;
      if (paragraphMarkers > MAX_PARAGRAPH_MARKERS && !skipped) {
        skipped = { line: paragraphLine, reason: `the paragraph at line ${paragraphLine + 1} has more than ${MAX_PARAGRAPH_MARKERS.toLocaleString('en-US')} ${MARKERS}` };
      }
    }
    if (!skipped && cost > MAX_BODY_COST) {
      skipped = { line: bodyLine, reason: 'it holds too many emphasis, link, table or HTML markers to read within the limit' };
    }
    if (end >= text.length) break;
    const code = text.charCodeAt(end);
    at = end + (code === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
    if (code === LF || code === CR) line++;
  }
  cost += paragraphMarkers * paragraphMarkers;
  if (!skipped && cost > MAX_BODY_COST) {
    skipped = { line: bodyLine, reason: 'it holds too many emphasis, link, table or HTML markers to read within the limit' };
  }
  const guarded = pieces ? pieces.join('') + text.slice(copiedTo) : text;
  return { text: guarded, firstBlankedLine, skipped };
}
