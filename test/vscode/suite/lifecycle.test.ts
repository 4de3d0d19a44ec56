/** Keeping diagnostics current: edits across files, deletions, new briefs, and files too large or binary to read. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { newBriefSnippet, resolveSnippet } from '../../../src/core/fixes/newBrief';
import { folderChoices } from '../../../src/extension/commands';
import {
  at, briefDiagnostics, closeAllEditors, closeEditorsOf, extensionApi, fileUri, open, replaceInDocument, root, ruleOf, Snapshot,
  reindex, serverFile, summarize, waitFor, workspaceFromDisk,
} from './helpers';
import { BRIEFS, type BriefsResult } from '../../../src/server/protocol';

suite('Live updates', () => {
  const snapshot = new Snapshot();

  suiteSetup(async () => {
    await extensionApi();
  });

  teardown(async () => {
    await closeAllEditors();
    await snapshot.restore();
  });

  test('editing one brief updates a cross-file diagnostic in another, while typing (unsaved)', async () => {
    await snapshot.keep('programs/billing.md');
    const billing = await open('programs/billing.md');
    const payments = await open('programs/payments.md');
    await vscode.window.showTextDocument(billing);
    const unknown = () => briefDiagnostics(payments.uri).filter((d) => ruleOf(d) === 'dependency-unknown');
    assert.deepEqual(unknown(), []);
    await replaceInDocument(billing, '- id: ledger-api', '- id: ledger-write-api');
    await waitFor(() => unknown().length === 1, 'payments.md to report the milestone billing-core no longer has');
    assert.deepEqual(summarize(unknown()), [at('dependency-unknown', payments, 'billing-core#ledger-api')]);
    assert.match(unknown()[0].message, /has no milestone `ledger-api`; expected one of: ledger-write-api/);
    await replaceInDocument(billing, '- id: ledger-write-api', '- id: ledger-api');
    await waitFor(() => unknown().length === 0, 'the cross-file diagnostic to go away');
  });

  test('a deleted brief\'s diagnostics go away, and briefs depending on it learn it is gone', async () => {
    await snapshot.keep('programs/legacy.md', 'programs/identity.md');
    const legacy = fileUri('programs/legacy.md');
    await waitFor(() => briefDiagnostics(legacy).length > 0, 'legacy.md diagnostics');
    await vscode.workspace.fs.delete(legacy);
    await waitFor(() => briefDiagnostics(legacy).length === 0, 'diagnostics of the deleted brief to go away');

    // payments-v2 depends on identity-sso: deleting that brief makes the reference unknown.
    const payments = await open('programs/payments.md');
    const unknown = () => briefDiagnostics(payments.uri).filter((d) => ruleOf(d) === 'dependency-unknown');
    assert.deepEqual(unknown(), []);
    await vscode.workspace.fs.delete(fileUri('programs/identity.md'));
    await waitFor(() => unknown().length === 2, 'identity-sso and identity-sso#tokens-ga to be unknown in payments.md');
    assert.deepEqual(summarize(unknown()), [at('dependency-unknown', payments, 'identity-sso'), at('dependency-unknown', payments, 'identity-sso#tokens-ga')].sort());
    await snapshot.restore();
    await waitFor(() => briefDiagnostics(legacy).length === 2 && unknown().length === 0, 'both back after restoring the files');
  });

  test('a new file that is a brief is picked up from disk', async () => {
    await snapshot.keep('programs/created.md');
    const uri = fileUri('programs/created.md');
    const text = '---\nprogram: created-on-disk\ntitle: Created on disk\nowner: "@li"\ndepends_on: [nowhere]\n---\n# Created\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await waitFor(() => briefDiagnostics(uri).some((d) => ruleOf(d) === 'dependency-unknown'), 'the new brief to be linted');
  });

  test('New Program Brief writes a brief from the template and opens it', async () => {
    await snapshot.keep('programs/ledger-v3.md');
    const api = await extensionApi();
    await vscode.window.showTextDocument(await open('programs/billing.md'));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('programBriefs.newBrief', { id: 'ledger-v3', title: 'Ledger v3' });
    assert.equal(uri.toString(), fileUri('programs/ledger-v3.md').toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.match(text, /^---\nprogram: ledger-v3\ntitle: "Ledger v3"\nowner: ""\nstatus: proposed\n/);
    for (const section of ['Scope', 'Milestones', 'Dependencies', 'Risks', 'Stakeholders', 'Decisions', 'Checklist']) assert.match(text, new RegExp(`^## ${section}$`, 'm'));
    await waitFor(() => api.model.briefs().some((b) => b.program === 'ledger-v3'), 'the new program in the server\'s model');
    // One example milestone, risk and decision; the owner is left to fill in, everywhere.
    const brief = (await serverFile(uri)).brief!;
    assert.deepEqual([brief.milestones, brief.risks, brief.decisions], [1, 1, 1]);
    await waitFor(() => summarize(briefDiagnostics(uri)).length === 4, 'the owner-missing diagnostics on the new brief');
    assert.deepEqual(briefDiagnostics(uri).map(ruleOf), ['owner-missing', 'owner-missing', 'owner-missing', 'owner-missing']);
  });

  test('New Program Brief inserts the template as a snippet: tab goes from the title to the owner, then the status', async () => {
    await snapshot.keep('programs/ledger-v5.md');
    const api = await extensionApi();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('programBriefs.newBrief', { id: 'ledger-v5', title: 'Ledger $5 } \\ v5' });
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), uri.toString());
    // The editor holds exactly the template with its defaults, `$`, `}` and `\` as typed; the disk too.
    const expected = resolveSnippet(newBriefSnippet({ program: 'ledger-v5', title: 'Ledger $5 } \\ v5', today: (await api.model.request<BriefsResult>(BRIEFS))!.today }));
    assert.equal(editor.document.getText(), expected);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), expected);
    assert.match(expected, /^# Ledger \$5 \} \\ v5$/m);
    const line = (n: number) => editor.document.lineAt(n).text;
    // The first tab stop selects the title's text, inside its quotes.
    assert.equal(line(2), 'title: "Ledger $5 } \\\\ v5"');
    assert.deepEqual([editor.selection.start.line, editor.selection.start.character, editor.selection.end.character], [2, 8, line(2).length - 1]);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await waitFor(() => editor.selection.start.line === 3, 'the owner tab stop');
    assert.deepEqual([editor.selection.start.character, editor.selection.isEmpty], ['owner: "'.length, true]);
    // The owner's tab stop is also the milestone's, the risk's and the decision's: typed once, for all four.
    assert.equal(editor.selections.length, 4);
    await editor.edit((edit) => { for (const selection of editor.selections) edit.insert(selection.active, '@li'); }, { undoStopBefore: false, undoStopAfter: false });
    await waitFor(() => editor.document.getText().split('owner: "@li"').length === 5, `the owner mirrored:\n${editor.document.getText()}`);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await waitFor(() => editor.selection.start.line === 4, 'the status tab stop');
    assert.equal(editor.document.getText(editor.selection), 'proposed');
    await vscode.commands.executeCommand('leaveSnippet');
    await waitFor(async () => (await serverFile(uri)).brief?.owner === '@li', 'the server to read the typed owner');
    await waitFor(() => briefDiagnostics(uri).length === 0, `no diagnostics once the owner is typed: ${summarize(briefDiagnostics(uri)).join(', ')}`);
    // Saved and closed, as a user would leave it: the restore then deletes a clean, closed file.
    // (code-server's default auto-save, a second after the last edit, may have saved it already.)
    if (editor.document.isDirty) assert.ok(await editor.document.save());
    assert.equal(editor.document.isDirty, false);
    await closeEditorsOf(uri);
  });

  test('New Program Brief offers the folder most briefs live in first, not the workspace root nor the active brief\'s folder', async () => {
    await snapshot.keep('programs/ledger-v4.md', 'ledger-v4.md');
    const api = await extensionApi();
    const choices = folderChoices(api.model.briefs());
    const onDisk = (await workspaceFromDisk()).briefs().filter((b) => b.isBrief);
    const inPrograms = onDisk.filter((b) => b.uri.startsWith(`${fileUri('programs').toString()}/`)).length;
    const atRoot = onDisk.filter((b) => !b.uri.slice(root().toString().length + 1).includes('/')).length;
    assert.ok(atRoot > inPrograms, `the root holds more briefs (${atRoot}) than programs/ (${inPrograms}), yet is not the default`);
    assert.deepEqual(choices.filter((c) => c.kind !== vscode.QuickPickItemKind.Separator).map((c) => [c.label, c.description]), [
      ['programs', `${inPrograms} briefs`],
      [vscode.workspace.workspaceFolders![0].name, `workspace root · ${atRoot} briefs`],
      ['Other folder…', 'choose a folder in the workspace'],
    ]);
    assert.equal(choices[0].folder?.toString(), fileUri('programs').toString());
    // Without a folder (and with an id, so nothing is asked), the default is that folder, even
    // from a brief at the root.
    await vscode.window.showTextDocument(await open('views-alpha.md'));
    const uri = await vscode.commands.executeCommand<vscode.Uri>('programBriefs.newBrief', { id: 'ledger-v4', title: 'Ledger v4' });
    assert.equal(uri.toString(), fileUri('programs/ledger-v4.md').toString());
  });

  test('New Program Brief rejects a malformed or taken id', async () => {
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('programBriefs.newBrief', { id: 'Bad Id', title: 'x' })), /lowercase letters, digits and dashes/);
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('programBriefs.newBrief', { id: 'billing-core', title: 'x' })), /already exists in programs\/billing\.md/);
  });

  test('a huge file and a binary file are skipped, once each, and never linted', async () => {
    await snapshot.keep('programs/huge.md', 'programs/binary.brief.md');
    const api = await extensionApi();
    const huge = fileUri('programs/huge.md');
    const binary = fileUri('programs/binary.brief.md');
    const limitKB = vscode.workspace.getConfiguration('programBriefs').get<number>('maxFileSizeKB', 2048);
    const filler = `- [ ] task\n`.repeat(Math.ceil((limitKB * 1024) / 11) + 100);
    await vscode.workspace.fs.writeFile(huge, new TextEncoder().encode(`---\nprogram: huge-one\ntitle: Huge\n---\n${filler}`));
    await vscode.workspace.fs.writeFile(binary, new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0x0a]));
    const skipped = () => api.model.skipped();
    await waitFor(async () => (await skipped()).has(huge.toString()) && (await skipped()).has(binary.toString()), 'both files to be skipped', 30_000);
    assert.match((await skipped()).get(huge.toString())!, /larger than \d+ KB/);
    assert.match((await skipped()).get(binary.toString())!, /binary/);
    assert.equal((await serverFile(huge)).text, undefined);
    assert.equal(api.model.briefs().some((b) => b.program === 'huge-one'), false);
    assert.deepEqual(briefDiagnostics(huge), []);
    assert.deepEqual(briefDiagnostics(binary), []);
    // Touching the huge file again does not repeat the message.
    await vscode.workspace.fs.writeFile(huge, new TextEncoder().encode(`---\nprogram: huge-one\ntitle: Huge too\n---\n${filler}`));
    await reindex();
    const notices = (name: string) => api.model.notices.filter((notice) => notice.includes(name));
    assert.equal(notices('huge.md').length, 1, api.model.notices.join('\n'));
    assert.match(notices('huge.md')[0], /^Program Briefs skipped programs\/huge\.md: it is larger than \d+ KB \(setting programBriefs\.maxFileSizeKB\)\.$/);
    assert.equal(notices('binary.brief.md').length, 1);
    // A smaller version of the same file is linted again.
    await vscode.workspace.fs.writeFile(huge, new TextEncoder().encode('---\nprogram: huge-one\ntitle: Huge\n---\n'));
    await waitFor(() => briefDiagnostics(huge).some((d) => ruleOf(d) === 'owner-missing'), 'the file, now small, to be linted');
    assert.equal((await skipped()).has(huge.toString()), false);
  });

  test('the server\'s indexing did not open the workspace\'s files in editors to read them', () => {
    const opened = vscode.workspace.textDocuments.map((d) => d.uri.toString());
    assert.ok(!opened.includes(fileUri('notes/meeting.md').toString()), 'notes/meeting.md was never opened');
  });
});

suite('Live updates: renames', () => {
  const snapshot = new Snapshot();

  teardown(async () => {
    await closeAllEditors();
    await snapshot.restore();
  });

  test('a renamed brief keeps its diagnostics under its new name only', async () => {
    await snapshot.keep('data-platform.md', 'data-platform-renamed.md');
    await extensionApi();
    const from = fileUri('data-platform.md');
    const to = fileUri('data-platform-renamed.md');
    await waitFor(() => briefDiagnostics(from).length === 2, 'diagnostics before the rename');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => briefDiagnostics(from).length === 0 && briefDiagnostics(to).length === 2, 'diagnostics to move with the file');
  });

  test('deleting a folder removes the diagnostics of every brief in it', async () => {
    await extensionApi();
    const folder = fileUri('archive');
    const inside = fileUri('archive/old/retired.md');
    await vscode.workspace.fs.writeFile(inside, new TextEncoder().encode('---\nprogram: retired\ntitle: Retired\n---\n'));
    await waitFor(() => briefDiagnostics(inside).some((d) => ruleOf(d) === 'owner-missing'), 'the brief in the new folder to be linted');
    await vscode.workspace.fs.delete(folder, { recursive: true });
    await waitFor(() => briefDiagnostics(inside).length === 0, 'its diagnostics to go with the folder');
  });
});
