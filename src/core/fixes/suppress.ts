/**
 * Quick fixes "Disable RULE for this line" and "Disable RULE for this file": they write a
 * suppression comment (docs/rules/README.md#suppressions) in the syntax of where the diagnostic
 * is: a YAML comment line in the frontmatter, an HTML comment in the body; for the file, an HTML
 * comment at the top of the body. A comment of the same form already there gets the rule added.
 *
 * Before a fix is offered, the edited text is parsed again: the fix must hide that rule on that
 * line and change nothing else the brief says (its YAML data, its headings and checklist). A line
 * inside a YAML block scalar, where a `#` line would be text, gets no fix.
 */
import { parse } from 'yaml';
import type { Brief } from '../model/model';
import type { Diagnostic } from '../rules/lint';
import { LineIndex, type Range } from '../model/range';
import { parseBrief } from '../parse/parseBrief';
import { withoutSuppressed } from '../rules/suppress';
import { applyEdits, type Fix } from './edits';

/** The leading blanks of a line. */
function indentOf(line: string): string {
  return line.slice(0, line.length - line.trimStart().length);
}

/** The line break after `line` (or the file's first, for the last line). */
function eolOf(lines: LineIndex, line: number): string {
  const after = lines.text.slice(lines.lineEndOffset(line), lines.lineStartOffset(line + 1));
  if (after !== '' && line + 1 < lines.lineCount) return after;
  return lines.text.includes('\r\n') ? '\r\n' : '\n';
}

function inFrontmatter(brief: Brief, line: number): boolean {
  const range = brief.frontmatterRange;
  return range !== undefined && line > range.start.line && line < range.end.line;
}

const lineRange = (lines: LineIndex, line: number): Range => ({
  start: { line, character: 0 },
  end: { line, character: lines.lineText(line).length },
});

/**
 * An edit that adds `rule` to the directive on `line` when that line is one comment of `form`
 * (`# brief-disable-next-line a` / `<!-- brief-disable-file a -->`) naming rules; else undefined.
 */
function addToDirective(lines: LineIndex, line: number, form: string, rule: string, html: boolean): Fix | undefined {
  if (line < 0 || line >= lines.lineCount) return undefined;
  const text = lines.lineText(line);
  const trimmed = text.trim();
  const head = html ? `<!-- ${form} ` : `# ${form} `;
  if (!trimmed.startsWith(head) || (html && !trimmed.endsWith('-->'))) return undefined;
  const rules = (html ? trimmed.slice(head.length, -3) : trimmed.slice(head.length)).trim();
  if (rules === '' || rules.includes('#') || rules.includes('-->')) return undefined;
  const at = text.indexOf(head) + head.length + (html ? trimmed.slice(head.length, -3).trimEnd().length : rules.length);
  return {
    edits: [{ range: { start: { line, character: at }, end: { line, character: at } }, newText: `, ${rule}` }],
    guards: [{ range: lineRange(lines, line), text }],
  };
}

/** A new line with `comment` before `line` (at its indentation), guarded by that line's text. */
function insertBefore(lines: LineIndex, line: number, comment: string, indent: string): Fix {
  const text = lines.lineText(line);
  return {
    edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${comment}${eolOf(lines, line)}` }],
    guards: [{ range: lineRange(lines, line), text }],
  };
}

/** What the brief says, for the check that a fix changed nothing but the suppressions. */
function meaning(brief: Brief): string {
  let data: unknown;
  if (brief.frontmatterRange) {
    const lines = new LineIndex(brief.text);
    const yaml = brief.text.slice(lines.lineStartOffset(brief.frontmatterRange.start.line + 1), lines.lineStartOffset(brief.frontmatterRange.end.line));
    try {
      data = parse(yaml);
    } catch {
      data = undefined;
    }
  }
  return JSON.stringify({
    data,
    headings: brief.headings.map((h) => [h.depth, h.text]),
    checklist: brief.checklist.map((item) => [item.text, item.state, item.depth, item.parent]),
    references: brief.bodyReferences.map((reference) => [reference.kind, reference.target, reference.inDependenciesSection]),
    syntaxErrors: brief.syntaxErrors.length,
  });
}

/** The fix, when the edited text hides `rule` at `line` and means what the text meant. */
function checked(brief: Brief, fix: Fix, rule: string, line: number, shift: number): Fix | undefined {
  const after = parseBrief(brief.uri, applyEdits(brief.text, fix.edits));
  if (meaning(after) !== meaning(brief)) return undefined;
  const probe: Diagnostic = { uri: brief.uri, rule, severity: 'warning', message: '', range: { start: { line: line + shift, character: 0 }, end: { line: line + shift, character: 0 } } };
  return withoutSuppressed(after.suppressions ?? [], [probe]).length === 0 ? fix : undefined;
}

/** "Disable `rule` for this line": the diagnostic starts on `line`. */
export function disableForLineFix(brief: Brief, rule: string, line: number): Fix | undefined {
  const lines = new LineIndex(brief.text);
  if (line < 0 || line >= lines.lineCount) return undefined;
  const yaml = inFrontmatter(brief, line);
  const form = 'brief-disable-next-line';
  const existing = addToDirective(lines, line - 1, form, rule, !yaml);
  if (existing) return checked(brief, existing, rule, line, 0);
  const comment = yaml ? `# ${form} ${rule}` : `<!-- ${form} ${rule} -->`;
  return checked(brief, insertBefore(lines, line, comment, indentOf(lines.lineText(line))), rule, line, 1);
}

/** "Disable `rule` for this file": a `brief-disable-file` comment at the top of the body. */
export function disableForFileFix(brief: Brief, rule: string, line: number): Fix | undefined {
  const lines = new LineIndex(brief.text);
  const first = brief.frontmatterRange ? brief.frontmatterRange.end.line + 1 : 0;
  const form = 'brief-disable-file';
  const existing = addToDirective(lines, first, form, rule, true);
  if (existing) return checked(brief, existing, rule, line, 0);
  const comment = `<!-- ${form} ${rule} -->`;
  if (first >= lines.lineCount) {
    // The frontmatter ends the file: the comment goes on a new last line.
    const last = lines.lineCount - 1;
    const end = { line: last, character: lines.lineText(last).length };
    const fix: Fix = { edits: [{ range: { start: end, end }, newText: `${eolOf(lines, last)}${comment}` }], guards: [{ range: lineRange(lines, last), text: lines.lineText(last) }] };
    return checked(brief, fix, rule, line, 0);
  }
  return checked(brief, insertBefore(lines, first, comment, ''), rule, line, first <= line ? 1 : 0);
}
