/**
 * The suppression quick fixes in the real editor: "Disable `rule` for this line" writes a YAML
 * comment above a frontmatter line, "… for this file" an HTML comment at the top of the body;
 * each diagnostic goes away, the others stay, and one undo puts the text and the diagnostic back.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { briefDiagnostics, closeAllEditors, extensionApi, quickFixesAt, open, rangeOf, ruleOf, settled, Snapshot, waitFor } from './helpers';

async function diagnosticAt(document: vscode.TextDocument, rule: string, needle: string): Promise<vscode.Diagnostic> {
  await settled(document);
  const range = rangeOf(document, needle);
  return waitFor(() => briefDiagnostics(document.uri).find((d) => ruleOf(d) === rule && d.range.intersection(range)), `${rule} at ${needle}`);
}

async function actionTitled(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: string): Promise<vscode.CodeAction> {
  const actions = await quickFixesAt(document.uri, diagnostic.range);
  const action = actions.find((a) => a.title === title);
  assert.ok(action?.edit, `"${title}" among ${actions.map((a) => a.title).join(', ')}`);
  return action;
}

const count = (document: vscode.TextDocument, rule: string) => briefDiagnostics(document.uri).filter((d) => ruleOf(d) === rule).length;

suite('Suppression quick fixes', () => {
  const snapshot = new Snapshot();

  suiteSetup(async () => {
    await extensionApi();
  });

  setup(async () => {
    await snapshot.keep('programs/payments.md');
  });

  teardown(async () => {
    await closeAllEditors();
    await snapshot.restore();
  });

  test('Disable for this line: a YAML comment above the line; undo restores it', async () => {
    const document = await open('programs/payments.md');
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    const diagnostic = await diagnosticAt(document, 'owner-missing', '- id: vendor-delay');
    const others = briefDiagnostics(document.uri).length;
    const action = await actionTitled(document, diagnostic, 'Disable `owner-missing` for this line');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.match(document.getText(), /\nrisks:\n {2}# brief-disable-next-line owner-missing\n {2}- id: vendor-delay\n/);
    await waitFor(() => !briefDiagnostics(document.uri).some((d) => ruleOf(d) === 'owner-missing' && d.message === diagnostic.message), 'owner-missing to go away');
    assert.equal(briefDiagnostics(document.uri).length, others - 1, 'only that diagnostic went away');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => document.getText() === original, 'undo to restore the text');
    await waitFor(() => briefDiagnostics(document.uri).some((d) => ruleOf(d) === 'owner-missing' && d.message === diagnostic.message), 'owner-missing to come back');
  });

  test('Disable for this file: an HTML comment at the top of the body; undo restores it', async () => {
    const document = await open('programs/payments.md');
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    const diagnostic = await diagnosticAt(document, 'dependency-undeclared', '[[data-platform]]');
    const before = count(document, 'dependency-undeclared');
    assert.ok(before >= 1);
    const action = await actionTitled(document, diagnostic, 'Disable `dependency-undeclared` for this file');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.match(document.getText(), /\n---\n<!-- brief-disable-file dependency-undeclared -->\n/);
    await waitFor(() => count(document, 'dependency-undeclared') === 0, 'every dependency-undeclared of the file to go away');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => document.getText() === original, 'undo to restore the text');
    await waitFor(() => count(document, 'dependency-undeclared') === before, 'dependency-undeclared to come back');
  });
});
