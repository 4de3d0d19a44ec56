/**
 * Issue 9 in the trusted real editor: links, FIFOs and restricted settings (safetyCases.ts, also
 * run in Restricted Mode by test/vscode/restricted/), and workspace text that looks like Markdown
 * reaching hovers and notifications as text. The DOM side (no link, no image, no request) is
 * test/vscode/ui/safety.check.mjs.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, rangeOf, reindex, root, waitFor } from './helpers';
import { safetySuite } from './safetyCases';

safetySuite('trusted');

suite('Workspace text is never Markdown (API level)', () => {
  const folder = ['![pwn](https:', 'evil.example', 'x.png)'];
  const made: string[] = [];

  suiteTeardown(async () => {
    await closeAllEditors();
    for (const entry of made.reverse()) await fs.rm(path.join(root().fsPath, entry), { recursive: true, force: true });
    await reindex();
  });

  test('a hover quotes a folder named like an image as text', async () => {
    const api = await extensionApi();
    made.push(folder[0], 'hover-source.md');
    const dir = path.join(root().fsPath, ...folder);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'target.md'), '---\nprogram: hover-target\ntitle: "[T](command:workbench.action.terminal.new) ![t](https://evil.example/t.png) <img src=x>"\nowner: "@maria"\nstatus: on-track\n---\n');
    await fs.writeFile(path.join(root().fsPath, 'hover-source.md'), '---\nprogram: hover-source\ntitle: Source\nowner: "@maria"\ndepends_on:\n  - hover-target\n---\n');
    // "Refresh" re-reads the workspace in the language server (which answers hovers).
    await vscode.commands.executeCommand('programBriefs.refresh');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root().fsPath, 'hover-source.md')));
    await waitFor(() => api.model.briefs().some((brief) => brief.program === 'hover-target'), 'the target brief to be indexed');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, rangeOf(document, '- hover-target').end.translate(0, -2));
    const markdown = hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : '')).join('\n');
    assert.match(markdown, /` hover-target `/);
    // Outside our code span, every Markdown-significant character from the workspace is escaped.
    const unescaped = markdown.replace('` hover-target `', '').match(/(?<!\\)[![\]()<>]/g);
    assert.equal(unescaped, null, `unescaped ${unescaped?.join('')} in ${markdown}`);
    assert.match(markdown, /\\!\\\[pwn\\\]\\\(https/);
    for (const content of hovers.flatMap((hover) => hover.contents)) {
      if (content instanceof vscode.MarkdownString) {
        assert.equal(content.isTrusted, false);
        assert.equal(content.supportHtml, false);
      }
    }
  });
});
