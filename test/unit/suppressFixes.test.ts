/**
 * The quick fixes "Disable `rule` for this line" and "... for this file" (src/core/fixes/suppress.ts,
 * served by src/language/codeActions.ts): each writes the comment in the syntax of where the
 * diagnostic is, and once applied that diagnostic is gone while the others stay; a comment of
 * the same form gets the rule added; CRLF files get CRLF lines; a line inside a YAML block
 * scalar (where a `#` line is text) gets no line fix.
 */
import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-types';
import { applyEdits, disableForFileFix, disableForLineFix } from '../../src/core/fixes';
import { parseBrief } from '../../src/core/parse/parseBrief';
import { lintBrief, type Diagnostic } from '../../src/core/rules/lint';
import { mergeConfig } from '../../src/core/workspace/config';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { codeActionsFor } from '../../src/language/codeActions';
import { toLspDiagnostic } from '../../src/language/diagnostics';

const config = mergeConfig({ today: '2026-03-01', rules: { 'checklist-unowned': 'warning' } });
const URI = 'file:///ws/a.md';

const BRIEF = [
  '---',
  'program: a',
  'title: A',
  'owner: "@maria"',
  'milestones:',
  '  - id: m1',
  '    title: M1',
  '    owner: "@maria"',
  '    due: 2020-01-01',
  '  - id: m2',
  '    title: M2',
  '    owner: "@maria"',
  '    due: 2020-01-01',
  '---',
  '# A',
  '',
  '- [ ] first',
  '  - [ ] nested',
  '- [ ] last',
  '',
].join('\n');

function lint(text: string): Diagnostic[] {
  const workspace = new BriefWorkspace();
  return lintBrief(workspace, workspace.setText(URI, text), { config });
}

const show = (d: Diagnostic) => `${d.rule}@${d.range.start.line}`;

/** Applies a fix and returns the new text and what is still reported, as rule@line (lines of the new text). */
function applied(text: string, fix: ReturnType<typeof disableForLineFix>): { text: string; left: string[] } {
  assert.ok(fix, 'a fix is offered');
  const after = applyEdits(text, fix.edits);
  return { text: after, left: lint(after).map(show) };
}

describe('quick fixes: disable a rule for a line or the file', () => {
  it('the brief reports what the tests below hide', () => {
    assert.deepEqual(lint(BRIEF).map(show), ['milestone-overdue@8', 'milestone-overdue@12', 'checklist-unowned@16', 'checklist-unowned@17', 'checklist-unowned@18']);
  });

  it('for a frontmatter line: a YAML comment line above it, at its indentation', () => {
    const { text, left } = applied(BRIEF, disableForLineFix(parseBrief(URI, BRIEF), 'milestone-overdue', 8));
    assert.equal(text.split('\n')[8], '    # brief-disable-next-line milestone-overdue');
    assert.deepEqual(left, ['milestone-overdue@13', 'checklist-unowned@17', 'checklist-unowned@18', 'checklist-unowned@19']);
  });

  it('for a body line: an HTML comment line above it, at its indentation (a nested item stays nested)', () => {
    const { text, left } = applied(BRIEF, disableForLineFix(parseBrief(URI, BRIEF), 'checklist-unowned', 17));
    assert.equal(text.split('\n')[17], '  <!-- brief-disable-next-line checklist-unowned -->');
    assert.deepEqual(left, ['milestone-overdue@8', 'milestone-overdue@12', 'checklist-unowned@16', 'checklist-unowned@19']);
    const items = parseBrief(URI, text).checklist.map((item) => [item.text, item.depth]);
    assert.deepEqual(items, [['first', 0], ['nested', 1], ['last', 0]]);
  });

  it('a next-line comment already there gets the rule added', () => {
    const text = BRIEF.replace('    due: 2020-01-01\n  - id: m2', '    # brief-disable-next-line owner-missing\n    due: 2020-01-01\n  - id: m2');
    assert.deepEqual(lint(text).map(show).slice(0, 1), ['milestone-overdue@9']);
    const { text: fixed, left } = applied(text, disableForLineFix(parseBrief(URI, text), 'milestone-overdue', 9));
    assert.equal(fixed.split('\n')[8], '    # brief-disable-next-line owner-missing, milestone-overdue');
    assert.deepEqual(left.filter((l) => l.startsWith('milestone')), ['milestone-overdue@13']);
  });

  it('for the file: an HTML comment at the top of the body, which hides the rule in the frontmatter too; a second rule joins it', () => {
    const first = applied(BRIEF, disableForFileFix(parseBrief(URI, BRIEF), 'milestone-overdue', 8));
    assert.equal(first.text.split('\n')[14], '<!-- brief-disable-file milestone-overdue -->');
    assert.deepEqual(first.left, ['checklist-unowned@17', 'checklist-unowned@18', 'checklist-unowned@19']);
    const second = applied(first.text, disableForFileFix(parseBrief(URI, first.text), 'checklist-unowned', 17));
    assert.equal(second.text.split('\n')[14], '<!-- brief-disable-file milestone-overdue, checklist-unowned -->');
    assert.deepEqual(second.left, []);
  });

  it('a brief that ends with its frontmatter gets the file comment on a new last line', () => {
    const text = BRIEF.slice(0, BRIEF.indexOf('---\n# A') + 3);
    const { text: fixed, left } = applied(text, disableForFileFix(parseBrief(URI, text), 'milestone-overdue', 8));
    assert.ok(fixed.endsWith('---\n<!-- brief-disable-file milestone-overdue -->'), JSON.stringify(fixed.slice(-60)));
    assert.deepEqual(left, []);
  });

  it('CRLF: the new line ends with CRLF, and the guard is the line as it is', () => {
    const crlf = BRIEF.replace(/\n/g, '\r\n');
    const fix = disableForLineFix(parseBrief(URI, crlf), 'checklist-unowned', 16)!;
    assert.equal(fix.edits[0].newText, '<!-- brief-disable-next-line checklist-unowned -->\r\n');
    assert.deepEqual(fix.guards, [{ range: { start: { line: 16, character: 0 }, end: { line: 16, character: 11 } }, text: '- [ ] first' }]);
    const { text, left } = applied(crlf, fix);
    assert.ok(!/[^\r]\n/.test(text), 'only CRLF line breaks');
    assert.deepEqual(left, ['milestone-overdue@8', 'milestone-overdue@12', 'checklist-unowned@18', 'checklist-unowned@19']);
  });

  it('no line fix inside a YAML block scalar, where a comment line would be text', () => {
    const text = BRIEF.replace('title: A\n', 'title: A\nsummary: |\n  line one\n  line two\n');
    const brief = parseBrief(URI, text);
    assert.equal(disableForLineFix(brief, 'milestone-overdue', 4), undefined);
    assert.ok(disableForLineFix(brief, 'milestone-overdue', 11), 'a fix for an ordinary line of the same brief');
  });

  it('served as code actions after the rule\'s own fixes, for every rule but suppression-invalid', () => {
    const text = `${BRIEF}<!-- brief-disable-next-line no-such-rule -->\n`;
    const workspace = new BriefWorkspace();
    const brief = workspace.setText(URI, text);
    const diagnostics = lintBrief(workspace, brief, { config });
    const host = { workspace, config, diagnosticsOf: () => diagnostics, freeBriefUri: () => undefined, canCreateFiles: false, relativePath: (uri: string) => uri };
    const overdue = diagnostics.find((d) => d.rule === 'milestone-overdue')!;
    const actions = codeActionsFor(host, brief, [toLspDiagnostic(overdue)]);
    assert.deepEqual(actions.map((a) => a.title), ['Disable `milestone-overdue` for this line', 'Disable `milestone-overdue` for this file']);
    const fixed = applyEdits(text, actions[0].edit!.changes![URI] as TextEdit[]);
    assert.equal(lint(fixed).filter((d) => d.rule === 'milestone-overdue').length, 1, 'one of the two overdue milestones left');
    const invalid = diagnostics.find((d) => d.rule === 'suppression-invalid')!;
    assert.deepEqual(codeActionsFor(host, brief, [toLspDiagnostic(invalid)]), []);
  });
});
