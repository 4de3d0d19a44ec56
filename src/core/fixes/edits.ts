/**
 * Text edits for quick fixes, computed from a brief's text alone (no editor, no file system).
 * Every fix carries guards: the exact text it expects at the places it touches. A host applies
 * a fix only when every guard still holds, so a fix computed for an older text never lands in
 * the wrong place.
 */
import { Document, parseDocument, Scalar, type YAMLSeq } from 'yaml';
import { LineIndex, type Range } from '../model/range';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** Text that must still be at `range` for the fix to apply. */
export interface Guard {
  range: Range;
  text: string;
}

export interface Fix {
  edits: TextEdit[];
  guards: Guard[];
}

/** Whether every guard of a fix still holds in `text`. */
export function guardsHold(text: string, guards: readonly Guard[]): boolean {
  const lines = new LineIndex(text);
  return guards.every((guard) => text.slice(lines.offsetAt(guard.range.start), lines.offsetAt(guard.range.end)) === guard.text);
}

/** Applies edits (non-overlapping) to a text; for tests and for hosts without an editor. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

/** Applies a fix when its guards hold; undefined otherwise. */
export function applyFix(text: string, fix: Fix): string | undefined {
  return guardsHold(text, fix.guards) ? applyEdits(text, fix.edits) : undefined;
}

/** The frontmatter of a text, parsed, with helpers to turn its offsets into edits on the whole text. */
export class FrontmatterText {
  readonly lines: LineIndex;
  readonly eol: string;

  private constructor(
    readonly text: string,
    /** Offset of the first character after the opening `---` line. */
    readonly contentStart: number,
    /** Offset of the closing `---` line. */
    readonly contentEnd: number,
    readonly doc: Document.Parsed,
  ) {
    this.lines = new LineIndex(text);
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  /** Undefined when the text has no closed frontmatter, or its YAML has errors (then no fix is safe). */
  static read(text: string): FrontmatterText | undefined {
    const opening = /^---[ \t]*\r?\n/.exec(text);
    if (!opening) return undefined;
    const closing = /^---[ \t]*$/m;
    const rest = text.slice(opening[0].length);
    const match = closing.exec(rest);
    if (!match) return undefined;
    const contentStart = opening[0].length;
    const contentEnd = contentStart + match.index;
    const doc = parseDocument(text.slice(contentStart, contentEnd), { uniqueKeys: true, strict: true });
    if (doc.errors.length > 0) return undefined;
    return new FrontmatterText(text, contentStart, contentEnd, doc);
  }

  /** Absolute offset of an offset inside the frontmatter's YAML. */
  abs(yamlOffset: number): number {
    return this.contentStart + yamlOffset;
  }

  /** Start offset of the line after the one holding `offset`. */
  nextLineStart(offset: number): number {
    const line = this.lines.positionAt(offset).line;
    return line + 1 < this.lines.lineCount ? this.lines.lineStartOffset(line + 1) : this.text.length;
  }

  /** Offset of the last non-blank character before `offset` (for "after the end of this node"). */
  lastContentBefore(offset: number): number {
    let at = offset;
    while (at > 0 && /\s/.test(this.text[at - 1])) at--;
    return Math.max(0, at - 1);
  }

  /** Column of the first non-blank character of the line holding `offset`. */
  indentAt(offset: number): number {
    const line = this.lines.lineText(this.lines.positionAt(offset).line);
    return line.length - line.trimStart().length;
  }

  /** An insertion at the start of the line holding `offset`, guarded by that line and the one before. */
  insertAtLineStart(offset: number, newText: string): Fix {
    const line = this.lines.positionAt(offset).line;
    const at = { line, character: 0 };
    const guards = [this.lineGuard(line)];
    if (line > 0) guards.push(this.lineGuard(line - 1));
    return { edits: [{ range: { start: at, end: at }, newText }], guards };
  }

  /** An insertion at `offset`, guarded by the whole line it lands on. */
  insertAt(offset: number, newText: string): Fix {
    const position = this.lines.positionAt(offset);
    return { edits: [{ range: { start: position, end: position }, newText }], guards: [this.lineGuard(position.line)] };
  }

  /** Replaces `[start, end)`, guarded by the text it replaces (and its line, for empty ranges). */
  replace(start: number, end: number, newText: string): Fix {
    const range = this.lines.rangeOf(start, end);
    const guards = [{ range, text: this.text.slice(start, end) }];
    if (start === end) guards.push(this.lineGuard(range.start.line));
    return { edits: [{ range, newText }], guards };
  }

  /** A whole line with its line break, so a line that merely starts the same does not pass. */
  private lineGuard(line: number): Guard {
    const start = this.lines.lineStartOffset(line);
    const end = line + 1 < this.lines.lineCount ? this.lines.lineStartOffset(line + 1) : this.text.length;
    return { range: this.lines.rangeOf(start, end), text: this.text.slice(start, end) };
  }
}

/**
 * Words YAML 1.1 reads as booleans; YAML 1.2 (what briefs are parsed with) reads them as strings,
 * but other tools reading the same file may not, so they are quoted too.
 */
const YAML11_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off']);

/**
 * Characters a plain scalar should not carry even where YAML would allow it: controls, line and
 * paragraph separators, format characters, lone surrogates. Each is written escaped in double quotes.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/u;

/**
 * One string as a YAML flow scalar, written by the `yaml` library's own stringifier in a flow
 * context, so it is right after `key: `, as a block list item, and inside `[...]` or `{...}`.
 * The library writes it plain only when it reads back as the same string (never `2026`, `0x1f`,
 * `1e3`, `true`, `null`, `~`, `.inf`, `- x`, `a: b` or `#x` plain); `quote` forces double quotes.
 */
export function yamlScalar(value: string, quote = false): string {
  const node = new Scalar(value);
  if (quote || YAML11_WORDS.has(value.toLowerCase()) || INVISIBLE.test(value) || /[\r\n\t]/.test(value)) node.type = Scalar.QUOTE_DOUBLE;
  const doc = new Document([node]);
  (doc.contents as YAMLSeq).flow = true;
  // `[ value ]` on one line: no folding, no multi-line double-quoted strings.
  const text = doc.toString({ lineWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER }).trimEnd();
  if (!text.startsWith('[ ') || !text.endsWith(' ]') || /[\r\n]/.test(text)) return JSON.stringify(value);
  return text.slice(2, -2);
}

/** A string always written double-quoted (titles, summaries, handles), by the `yaml` library. */
export function yamlQuoted(value: string): string {
  return yamlScalar(value, true);
}
