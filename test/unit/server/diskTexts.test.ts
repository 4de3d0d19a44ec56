/**
 * The language server keeps no text of a brief the editor does not have open (src/server/diskTexts.ts,
 * docs/language-server.md "Memory"): what such a brief answers when a feature reads its text (the
 * disk's, checked by a hash), and what happens when the file changed on disk before the watcher
 * said so. First the class itself, then over LSP: `programBriefs/file`, the Checklist's items, and
 * a quick fix that edits another brief, none of them open.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import * as os from 'node:os';
import { compactModel, isCompactRange, parseBrief } from '../../../src/core';
import { generateWorkspace } from '../../../bench/generate';
import { applyEdits } from '../../../src/core/fixes';
import type { FolderFileRead } from '../../../src/host/workspaceFiles';
import { DiskTexts } from '../../../src/server/diskTexts';
import { assertLetsGoOfTexts } from '../heldText';
import { CHECKLIST, FILE, type ChecklistResult, type FileResult } from '../../../src/server/protocol';
import { useLspClients } from './lspClient';
import { tempFolder, uriOf } from './workspaces';

const TEXT = '---\nprogram: alpha\ntitle: Alpha, the program with a long title\nowner: "@maria"\nmilestones:\n  - id: design-approved\n    title: Design approved by every team\n    due: 2026-05-01\n---\n\n# Alpha\n\n## Checklist\n\n- [ ] Write the rollout plan for every region @maria\n- [x] Book the review\n';

describe('DiskTexts: a brief kept without its text', () => {
  function withDisk(initial: FolderFileRead) {
    let disk = initial;
    let reads = 0;
    const stale: string[] = [];
    const texts = new DiskTexts(() => {
      reads++;
      return disk;
    });
    texts.onStale = (uri) => stale.push(uri);
    return { texts, stale, reads: () => reads, write: (next: FolderFileRead) => (disk = next) };
  }

  it('reads the same text back from disk, once, and holds nothing of it in its own fields', () => {
    const { texts, stale, reads } = withDisk({ kind: 'text', text: TEXT });
    const parsed = parseBrief('file:///w/a.md', TEXT);
    const kept = texts.keep(parsed);
    assert.deepEqual(Object.keys(kept), Object.keys(parsed).filter((key) => key !== 'text'));
    assert.equal(kept.text, TEXT);
    assert.equal(kept.text, TEXT);
    assert.equal(reads(), 1, 'the text read is kept for the next feature that asks');
    assert.deepEqual(stale, []);
    // Every field but the text reads as the parsed brief's (its located values packed: the same JSON).
    const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    assert.deepEqual(json({ ...kept, text: TEXT }), json(parsed));
    assert.equal(kept.checklist[0].text, parsed.checklist[0].text);
    assert.deepEqual(kept.milestones[0].id?.range.start, parsed.milestones[0].id?.range.start);
    assert.deepEqual(kept.milestones[0].id?.range.end, parsed.milestones[0].id?.range.end);
    assert.equal(kept.checklist[0].owner?.value, '@maria');
    assert.deepEqual(json(kept.checklist[0].owner), { value: '@maria', range: json(parsed.checklist[0].owner!.range) });
  });

  it('tells a text from another by its hash, BOM or not; a plain brief by its text', () => {
    const { texts } = withDisk({ kind: 'text', text: TEXT });
    const parsed = parseBrief('file:///w/a.md', `\uFEFF${TEXT}`);
    const kept = texts.keep(parsed);
    assert.equal(DiskTexts.sameText(kept, TEXT), true);
    assert.equal(DiskTexts.sameText(kept, `\uFEFF${TEXT}`), true);
    assert.equal(DiskTexts.sameText(kept, `${TEXT} `), false);
    assert.equal(DiskTexts.sameText(parsed, TEXT), true);
    assert.equal(DiskTexts.sameText(parsed, `${TEXT} `), false);
    assert.equal(DiskTexts.isKept(kept), true);
    assert.equal(DiskTexts.isKept(parsed), false);
  });

  it('a file changed or gone since it was parsed: what the disk holds now, and the index is told', () => {
    const { texts, stale, write } = withDisk({ kind: 'text', text: TEXT });
    const kept = texts.keep(parseBrief('file:///w/a.md', TEXT));
    write({ kind: 'text', text: TEXT.replace('alpha', 'beta') });
    assert.equal(kept.text, TEXT.replace('alpha', 'beta'));
    assert.deepEqual(stale, ['file:///w/a.md']);
    const other = texts.keep(parseBrief('file:///w/b.md', TEXT));
    write({ kind: 'gone' });
    assert.equal(other.text, '');
    assert.deepEqual(stale, ['file:///w/a.md', 'file:///w/b.md']);
  });
});

describe('DiskTexts: a kept brief lets go of its file', () => {
  it('holds no slice of the text: 40 briefs of 250 KB each keep their models (about 20 KB each), not their texts, though a model without the text field alone keeps them all', () => {
    const texts = new DiskTexts(() => ({ kind: 'excluded' }));
    assertLetsGoOfTexts((brief) => texts.keep(brief));
  });
});

describe('compactModel: what a kept brief is made of', () => {
  /** Every .md file under a folder. */
  function markdownUnder(folder: string): string[] {
    return fs.readdirSync(folder, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .map((entry) => path.join(entry.parentPath, entry.name));
  }

  it('a parsed model is a tree (no object held twice), which the walk relies on: fixtures, examples, generated workspaces', () => {
    const generated = fs.mkdtempSync(path.join(os.tmpdir(), 'compact-model-'));
    try {
      generateWorkspace({ count: 100, seed: 7, outDir: path.join(generated, 'synthetic') });
      generateWorkspace({ count: 100, seed: 7, outDir: path.join(generated, 'realistic'), content: 'realistic' });
      const root = path.resolve(__dirname, '..', '..', '..');
      const files = [...markdownUnder(path.join(root, 'test', 'fixtures')), ...markdownUnder(path.join(root, 'examples')), ...markdownUnder(generated)];
      assert.ok(files.length > 300, `${files.length} files`);
      for (const file of files) {
        const brief = parseBrief(`file://${file}`, fs.readFileSync(file, 'utf8'));
        const seen = new Set<object>();
        const visit = (value: unknown, where: string): void => {
          if (value === null || typeof value !== 'object' || isCompactRange(value) || Object.isFrozen(value)) return;
          assert.ok(!seen.has(value), `${file}: ${where} is held twice`);
          seen.add(value);
          for (const [key, field] of Object.entries(value)) visit(field, `${where}.${key}`);
        };
        visit(brief, 'brief');
        // And the compacted copy reads the same.
        const { text: _text, ...rest } = brief;
        const json = JSON.stringify(rest);
        assert.equal(JSON.stringify(compactModel(rest)), json, file);
      }
    } finally {
      fs.rmSync(generated, { recursive: true, force: true });
    }
  });
});

describe('language server: briefs kept without their text', function () {
  this.timeout(120_000);
  const start = useLspClients();

  it('programBriefs/file and the Checklist\'s items give the file\'s text, CRLF and all, though the server keeps none of it', async () => {
    const crlf = TEXT.replace(/\n/g, '\r\n');
    const dir = tempFolder({ 'a.md': crlf, 'b.md': `\uFEFF${TEXT.replace('alpha', 'beta')}` });
    const client = await start({ folders: [dir] });
    const a = uriOf(dir, 'a.md');
    const b = uriOf(dir, 'b.md');
    await client.waitFor(() => client.diagnostics.has(a) && client.diagnostics.has(b), 'both linted');
    assert.equal((await client.request<FileResult>(FILE, { uri: a })).text, crlf);
    assert.equal((await client.request<FileResult>(FILE, { uri: b })).text, TEXT.replace('alpha', 'beta'), 'as parsed: without its BOM');
    const roots = await client.request<ChecklistResult>(CHECKLIST, { filter: {} });
    const program = roots.nodes.find((node) => node.kind === 'program' && node.uri === a)!;
    const items = await client.request<ChecklistResult>(CHECKLIST, { filter: {}, parent: program });
    assert.equal(items.text, crlf);
    assert.deepEqual(items.nodes.map((node) => node.kind === 'item' && node.item.text), ['Write the rollout plan for every region @maria', 'Book the review']);
  });

  it('a file changed on disk before any watcher event: the feature reads what the disk holds, and the brief is read again and linted', async () => {
    const dir = tempFolder({ 'a.md': TEXT });
    const client = await start({ folders: [dir] });
    const a = uriOf(dir, 'a.md');
    await client.waitFor(() => client.diagnostics.has(a), 'a.md linted');
    const before = client.publishes.filter((p) => p.uri === a).length;
    // Changed behind the server's back (no didChangeWatchedFiles): another program id.
    const changed = TEXT.replace('program: alpha', 'program: alpha-renamed');
    fs.writeFileSync(path.join(dir, 'a.md'), changed);
    const file = await client.request<FileResult>(FILE, { uri: a });
    assert.equal(file.text, changed);
    assert.equal(file.brief?.program, 'alpha', 'this answer is the model as it was');
    await client.waitFor(() => client.publishes.filter((p) => p.uri === a).length > before, 'a.md linted again');
    const again = await client.request<FileResult>(FILE, { uri: a });
    assert.equal(again.brief?.program, 'alpha-renamed');
    assert.equal(again.text, changed);
  });

  it('a quick fix that edits a brief that is not open is made from that file\'s text on disk', async () => {
    const target = TEXT;
    const dependent = '---\nprogram: gamma\ntitle: Gamma\nowner: "@maria"\ndepends_on:\n  - ref: alpha#launch\n---\n\n# Gamma\n';
    const dir = tempFolder({ 'alpha.md': target, 'gamma.md': dependent });
    const client = await start({ folders: [dir] });
    const gamma = uriOf(dir, 'gamma.md');
    const alpha = uriOf(dir, 'alpha.md');
    const unknown = await client.waitFor(() => client.diagnostics.get(gamma)?.filter((d) => d.code === 'dependency-unknown'), 'dependency-unknown');
    assert.equal(unknown.length, 1);
    const offered = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: gamma }, range: unknown[0].range, context: { diagnostics: unknown as Diagnostic[] } });
    const add = offered.find((action) => action.title === 'Add milestone `launch` to `alpha`');
    assert.ok(add, `offered: ${offered.map((action) => action.title).join(', ')}`);
    const edited = applyEdits(target, add.edit!.changes![alpha] as TextEdit[]);
    assert.match(edited, /milestones:\n {2}- id: design-approved\n[\s\S]*- id: launch\b/);
  });
});

