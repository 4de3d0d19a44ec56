/**
 * The pure completion (src/language/completion.ts) that the language server serves and the VS
 * Code extension converts: keys from the schema as snippets, enum values, references, handles.
 */
import * as assert from 'node:assert/strict';
import { BriefWorkspace } from '../../src/core/workspace/workspace';
import { completionsAt } from '../../src/language/completion';

const TEXT = [
  '---',
  'program: alpha',
  'title: Alpha',
  'owner: "@maria"',
  'milestones:',
  '  - id: m1',
  '    title: M1',
  '    sta',
  '---',
  '',
].join('\n');

function context(retriggerCommand?: string) {
  const workspace = new BriefWorkspace();
  workspace.setText('file:///a.md', TEXT);
  workspace.setText('file:///b.md', '---\nprogram: beta\ntitle: Beta\nowner: "@li"\nmilestones:\n  - id: ga\n    title: GA\n---\n');
  return { workspace, handles: () => ['@maria', '@li'], brief: workspace.get('file:///a.md'), lines: TEXT.split('\n'), ...(retriggerCommand && { retriggerCommand }) };
}

describe('language: completion (pure, LSP-shaped)', () => {
  it('a half-typed key inside a milestone: the schema\'s key, as a snippet replacing what was typed', () => {
    const items = completionsAt(context(), { line: 7, character: 7 })!;
    const status = items.find((i) => i.label === 'status')!;
    assert.ok(status, items.map((i) => i.label).join());
    assert.equal(status.insertTextFormat, 2);
    assert.deepEqual(status.textEdit, { range: { start: { line: 7, character: 4 }, end: { line: 7, character: 7 } }, newText: 'status: $0' });
    assert.equal(status.detail, 'not-started | in-progress | at-risk | blocked | done | cancelled');
    assert.equal(status.command, undefined, 'no client command unless the host names one');
    assert.ok(!items.some((i) => i.label === 'title'), 'keys already in the mapping are left out');
  });

  it('the host\'s retrigger command is attached to enum keys', () => {
    const status = completionsAt(context('editor.action.triggerSuggest'), { line: 7, character: 7 })!.find((i) => i.label === 'status')!;
    assert.deepEqual(status.command, { title: 'Suggest values', command: 'editor.action.triggerSuggest' });
  });

  it('top-level keys: a list key inserts its first item', () => {
    const ctx = context();
    const lines = [...ctx.lines];
    lines.splice(4, 0, 'ri');
    const items = completionsAt({ ...ctx, lines }, { line: 4, character: 2 })!;
    assert.equal(items.find((i) => i.label === 'risks')?.textEdit?.newText, 'risks:\n  - $0');
  });

  it('references and handles', () => {
    const ctx = context();
    const lines = [...ctx.lines];
    lines.splice(4, 0, 'depends_on:', '  - be', 'status: ');
    const refs = completionsAt({ ...ctx, lines }, { line: 5, character: 6 })!.map((i) => i.label);
    assert.ok(refs.includes('beta') && refs.includes('beta#ga') && !refs.includes('alpha'), refs.join());
    const values = completionsAt({ ...ctx, lines }, { line: 6, character: 8 })!.map((i) => i.label);
    assert.ok(values.includes('on-track') && values.includes('proposed'), values.join());
    // After `owner: "` the quote is open: handles go in as typed, inside it.
    const quoted = completionsAt(ctx, { line: 3, character: 8 })!;
    assert.deepEqual(quoted.map((i) => i.textEdit?.newText), ['@maria', '@li']);
    // After `owner: ` with no quote: each handle is written quoted (`@` cannot start a plain YAML value).
    const bare = completionsAt({ ...ctx, lines: ctx.lines.map((l, i) => (i === 3 ? 'owner: ' : l)) }, { line: 3, character: 7 })!;
    assert.deepEqual(bare.map((i) => i.textEdit?.newText), ['"@maria"', '"@li"']);
  });
});
