/** Quick fixes: each one applies in the real editor and its diagnostic goes away. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { knownHandles } from '../../../src/core/fixes';
import {
  briefDiagnostics, closeAllEditors, extensionApi, quickFixesAt, fileUri, open, rangeOf, replaceInDocument, ruleOf, settled, Snapshot, waitFor, workspaceFromDisk,
} from './helpers';

async function diagnosticOf(document: vscode.TextDocument, rule: string, needle?: string): Promise<vscode.Diagnostic> {
  await settled(document);
  const range = needle ? rangeOf(document, needle) : undefined;
  return waitFor(() => briefDiagnostics(document.uri).find((d) => ruleOf(d) === rule && (!range || d.range.intersection(range))), `${rule} in ${document.uri.path}`);
}

/** The quick fixes offered at a diagnostic's range (the API command drops `action.diagnostics`, so match by title). */
async function fixesFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction[]> {
  const actions = await quickFixesAt(document.uri, diagnostic.range);
  return actions.filter((action) => title.test(action.title));
}

async function apply(action: vscode.CodeAction, ...extraArgs: unknown[]): Promise<unknown> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `edit of "${action.title}" applied`);
  if (action.command) return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []), ...extraArgs);
  return undefined;
}

function gone(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): () => boolean {
  return () => !briefDiagnostics(document.uri).some((d) => ruleOf(d) === ruleOf(diagnostic) && d.message === diagnostic.message);
}

suite('Quick fixes', () => {
  const snapshot = new Snapshot();

  suiteSetup(async () => {
    await extensionApi();
  });

  setup(async () => {
    await snapshot.keep('programs/payments.md', 'programs/identity.md', 'programs/billing.md', 'programs/legacy.md', 'data-platform.md', 'programs/ghost-ledger.md');
  });

  teardown(async () => {
    await closeAllEditors();
    await snapshot.restore();
  });

  test('owner-missing: a handle chosen for the risk is written and the warning goes away', async () => {
    const document = await open('programs/payments.md');
    await vscode.window.showTextDocument(document);
    const diagnostic = await diagnosticOf(document, 'owner-missing', '- id: vendor-delay');
    const [action] = await fixesFor(document, diagnostic, /owner/);
    assert.equal(action?.title, 'Set an owner…');
    assert.equal(await apply(action, '@li'), true);
    assert.match(document.getText(), /  - id: vendor-delay\n    title: Card vendor API ships late\n    owner: "@li"\n/);
    await waitFor(gone(document, diagnostic), 'owner-missing to go away');
  });

  test('owner-missing: the QuickPick offers the workspace\'s handles, most used first', async () => {
    await extensionApi();
    const document = await open('data-platform.md');
    await vscode.window.showTextDocument(document);
    const diagnostic = await diagnosticOf(document, 'owner-missing', 'program');
    const [action] = await fixesFor(document, diagnostic, /^Set an owner…$/);
    // The handles as the test reads them from the files (the test workspace's config names no `people`).
    const expected = knownHandles(await workspaceFromDisk())[0];
    assert.ok(expected, 'the workspace uses handles');
    let settled = false;
    const running = Promise.resolve(apply(action)).finally(() => (settled = true));
    // Accept the first item as soon as the picker is up.
    await waitFor(async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    }, 'the owner QuickPick to be accepted');
    assert.equal(await running, true);
    assert.match(document.getText(), new RegExp(`\ntitle: Data platform\nowner: "${expected}"\n`));
    await waitFor(gone(document, diagnostic), 'owner-missing to go away');
  });

  test('dependency-undeclared: declares the program in depends_on', async () => {
    const document = await open('programs/payments.md');
    const diagnostic = await diagnosticOf(document, 'dependency-undeclared');
    const actions = await fixesFor(document, diagnostic, /depends_on/);
    const action = actions.find((a) => a.title === 'Declare `data-platform` in depends_on');
    assert.ok(action, actions.map((a) => a.title).join(', '));
    assert.equal(action.isPreferred, true);
    await apply(action);
    assert.match(document.getText(), /    reason: needs the ledger write API\n  - data-platform\nmilestones:/);
    await waitFor(gone(document, diagnostic), 'dependency-undeclared to go away');
  });

  test('team-undeclared: adds the team, owned by the milestone\'s owner', async () => {
    const document = await open('programs/payments.md');
    const diagnostic = await diagnosticOf(document, 'team-undeclared');
    const [action] = await fixesFor(document, diagnostic, /team/);
    assert.equal(action?.title, 'Add team `mobile` to teams');
    await apply(action);
    assert.match(document.getText(), /    role: lead\n  - id: mobile\n    owner: "@li"\nstakeholders:/);
    await waitFor(gone(document, diagnostic), 'team-undeclared to go away');
  });

  test('status-optimistic: the ledger API moved past payments\' target (another file) makes `on-track` optimistic; "Set status to `at-risk`" clears it', async () => {
    const billing = await open('programs/billing.md');
    const payments = await open('programs/payments.md');
    await settled(payments);
    assert.ok(!briefDiagnostics(payments.uri).some((d) => ruleOf(d) === 'status-optimistic'), 'not optimistic at first');
    // payments-v2's top-level depends_on names billing-core#ledger-api: its finish waits for it.
    await replaceInDocument(billing, 'due: 2026-03-15', 'due: 2026-08-01');
    const diagnostic = await diagnosticOf(payments, 'status-optimistic');
    assert.match(diagnostic.message, /forecast to finish 2026-08-01, 32 days after its target 2026-06-30/);
    assert.ok((diagnostic.relatedInformation ?? []).some((r) => r.location.uri.toString() === billing.uri.toString()), 'a related location in billing.md');
    const actions = await fixesFor(payments, diagnostic, /^Set status to /);
    assert.deepEqual(actions.map((a) => a.title), ['Set status to `at-risk`', 'Set status to `off-track`']);
    await apply(actions[0]);
    assert.match(payments.getText(), /\nstatus: at-risk\n/);
    await waitFor(gone(payments, diagnostic), 'status-optimistic to go away');
  });

  test('schema enum: one fix per allowed value, the closest first', async () => {
    const document = await open('programs/identity.md');
    const diagnostic = await diagnosticOf(document, 'schema', 'on-trak');
    const actions = await fixesFor(document, diagnostic, /^Change to /);
    assert.equal(actions.length, 8, actions.map((a) => a.title).join(', '));
    assert.equal(actions[0].title, 'Change to `on-track`');
    assert.equal(actions[0].isPreferred, true);
    await apply(actions[0]);
    assert.match(document.getText(), /\nstatus: on-track\n/);
    await waitFor(gone(document, diagnostic), 'schema error to go away');
  });

  test('dependency-unknown: creates a stub brief for the program, next to the brief', async () => {
    const document = await open('programs/billing.md');
    const diagnostic = await diagnosticOf(document, 'dependency-unknown', 'ghost-ledger');
    const [action] = await fixesFor(document, diagnostic, /stub/);
    assert.match(action?.title ?? '', /^Create a stub brief for `ghost-ledger` \(programs\/ghost-ledger\.md\)$/);
    await apply(action);
    const stub = fileUri('programs/ghost-ledger.md');
    await waitFor(gone(document, diagnostic), 'dependency-unknown to go away once the stub exists');
    const text = (await vscode.workspace.openTextDocument(stub)).getText();
    assert.match(text, /^---\nprogram: ghost-ledger\ntitle: "Ghost ledger"\n/);
    for (const section of ['Scope', 'Milestones', 'Dependencies', 'Risks', 'Stakeholders', 'Decisions', 'Checklist']) assert.match(text, new RegExp(`^## ${section}$`, 'm'));
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === stub.toString(), 'the stub to open');
    // The stub asks for an owner: that is the next thing to do.
    await waitFor(() => briefDiagnostics(stub).some((d) => ruleOf(d) === 'owner-missing'), 'owner-missing on the stub');
  });

  test('dependency-unknown on a missing milestone: declares it in the program that exists', async () => {
    const document = await open('programs/legacy.md');
    const diagnostic = await diagnosticOf(document, 'dependency-unknown', 'billing-core#payouts');
    const [action] = await fixesFor(document, diagnostic, /milestone/);
    assert.equal(action?.title, 'Add milestone `payouts` to `billing-core`');
    await apply(action);
    await waitFor(gone(document, diagnostic), 'dependency-unknown to go away');
    const billing = await open('programs/billing.md');
    assert.match(billing.getText(), /  - id: payouts\n    title: "Payouts"\n/);
  });

  test('a fix whose text changed meanwhile writes nothing', async () => {
    const document = await open('programs/payments.md');
    const diagnostic = await diagnosticOf(document, 'owner-missing', '- id: vendor-delay');
    const [action] = await fixesFor(document, diagnostic, /owner/);
    // The user renames the risk while the owner picker is open: the fix must not land.
    await replaceInDocument(document, '- id: vendor-delay', '- id: vendor-slip');
    const before = document.getText();
    assert.equal(await apply(action, '@li'), false);
    assert.equal(document.getText(), before);
  });
});
