/** Live diagnostics: what the Problems panel shows for the test workspace, and how it follows config and settings. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  at, briefDiagnostics, closeAllEditors, extensionApi, fileUri, open, rangeOf, replaceInDocument, ruleOf, Snapshot,
  summarize, waitFor,
} from './helpers';

suite('Diagnostics', () => {
  const snapshot = new Snapshot();

  suiteSetup(async () => {
    await extensionApi();
  });

  teardown(async () => {
    await snapshot.restore();
    await closeAllEditors();
  });

  test('every brief of the workspace gets its diagnostics, with rule codes and ranges, without opening it', async () => {
    const payments = await open('programs/payments.md');
    const identity = await open('programs/identity.md');
    const billing = await open('programs/billing.md');
    const dataPlatform = await open('data-platform.md');
    const legacy = await open('programs/legacy.md');
    const expected = new Map<vscode.TextDocument, string[]>([
      [payments, [
        at('team-undeclared', payments, 'mobile'),
        at('owner-missing', payments, '- id: vendor-delay'),
        at('dependency-undeclared', payments, 'data-platform', 0),
      ]],
      [identity, [at('schema', identity, 'on-trak')]],
      [billing, [at('dependency-unknown', billing, 'ghost-ledger')]],
      [dataPlatform, [at('owner-missing', dataPlatform, 'program'), at('milestone-overdue', dataPlatform, '2026-01-15')]],
      [legacy, [at('dependency-unknown', legacy, 'billing-core#payouts'), at('risk-unmitigated', legacy, '- id: contract')]],
    ]);
    for (const [document, want] of expected) {
      await waitFor(() => summarize(briefDiagnostics(document.uri)).length === want.length, `diagnostics of ${document.uri.path}`);
      assert.deepEqual(summarize(briefDiagnostics(document.uri)), [...want].sort(), document.uri.path);
    }
    // The clean brief and the Markdown file that is not a brief get nothing.
    assert.deepEqual(briefDiagnostics(fileUri('programs/mobile.md')), []);
    assert.deepEqual(briefDiagnostics(fileUri('notes/meeting.md')), []);
  });

  test('severity, message, source, docs link and related information', async () => {
    const dataPlatform = await open('data-platform.md');
    const legacy = await open('programs/legacy.md');
    const owner = briefDiagnostics(dataPlatform.uri).find((d) => ruleOf(d) === 'owner-missing');
    assert.ok(owner);
    assert.equal(owner.severity, vscode.DiagnosticSeverity.Error, 'a program without owner is an error');
    assert.equal(owner.source, 'program-briefs');
    assert.match(owner.message, /Program `data-platform` has no owner/);
    const code = owner.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'owner-missing');
    assert.ok(code.target.path.endsWith('/docs/rules/owner-missing.md'), code.target.toString());
    const docs = new TextDecoder().decode(await vscode.workspace.fs.readFile(code.target));
    assert.match(docs, /^# owner-missing/, 'the docs link opens the rule page shipped with the extension');

    const overdue = briefDiagnostics(dataPlatform.uri).find((d) => ruleOf(d) === 'milestone-overdue');
    assert.equal(overdue?.severity, vscode.DiagnosticSeverity.Warning);

    const unknownMilestone = briefDiagnostics(legacy.uri).find((d) => ruleOf(d) === 'dependency-unknown');
    assert.ok(unknownMilestone?.relatedInformation?.length, 'points at the program that lacks the milestone');
    const related = unknownMilestone.relatedInformation[0];
    assert.equal(related.location.uri.toString(), fileUri('programs/billing.md').toString());
    const billing = await open('programs/billing.md');
    assert.deepEqual(related.location.range, rangeOf(billing, 'billing-core'));
  });

  test('settings apply live: a rule turned off, and a different today', async () => {
    const dataPlatform = await open('data-platform.md');
    const config = vscode.workspace.getConfiguration('programBriefs');
    const has = (rule: string) => briefDiagnostics(dataPlatform.uri).some((d) => ruleOf(d) === rule);
    await waitFor(() => has('milestone-overdue'), 'milestone-overdue');
    try {
      await config.update('rules', { 'milestone-overdue': 'off', 'owner-missing': 'info' }, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => !has('milestone-overdue'), 'milestone-overdue to go away when turned off');
      const owner = briefDiagnostics(dataPlatform.uri).find((d) => ruleOf(d) === 'owner-missing');
      assert.equal(owner?.severity, vscode.DiagnosticSeverity.Information);
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => has('milestone-overdue'), 'milestone-overdue back');
      await config.update('today', '2026-01-01', vscode.ConfigurationTarget.Workspace);
      await waitFor(() => !has('milestone-overdue'), 'not overdue before its due date');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('today', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => has('milestone-overdue'), 'milestone-overdue back after resetting today');
  });

  test('a broken briefs.config.json is reported on that file, and fixing it clears it', async () => {
    await snapshot.keep('briefs.config.json');
    const configUri = fileUri('briefs.config.json');
    const document = await open('briefs.config.json');
    await vscode.window.showTextDocument(document);
    await replaceInDocument(document, '"today": "2026-03-01"', '"today": "2026-03-01",, ');
    await document.save();
    const problem = await waitFor(() => briefDiagnostics(configUri)[0], 'a diagnostic on briefs.config.json');
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.match(problem.message, /briefs\.config\.json.*not valid JSON/);
    assert.equal(problem.range.start.line, rangeOf(document, ',, ').start.line, 'points at the broken line');
    await snapshot.restore();
    await waitFor(() => briefDiagnostics(configUri).length === 0, 'the config diagnostic to go away');
  });

  test('Lint Workspace re-reads everything and keeps the diagnostics', async () => {
    await vscode.commands.executeCommand('programBriefs.lintWorkspace');
    assert.ok(briefDiagnostics(fileUri('programs/billing.md')).some((d) => ruleOf(d) === 'dependency-unknown'));
  });
});
