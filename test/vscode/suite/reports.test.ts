/**
 * The reports in the real VS Code (docs/extension.md "Status Report", "What Changed Since…"),
 * through the language server, on a real git repository made of the workspace in the test (and
 * removed after): the status report opens in a webview with each program's health, is set again
 * when a brief changes, copies its Markdown and saves its HTML; What Changed Since lists a change
 * made after a commit, grouped by program, opens its line, and says git's problems as plain text.
 * The workspace's `today` is 2026-03-01; payments-v2's cutover is due 2026-05-15.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReportsApi } from '../../../src/extension/report';
import type { WhatChangedShown } from '../../../src/extension/report/whatChanged';
import { closeAllEditors, extensionApi, fileUri, open, rangeOf, replaceInDocument, root, settled, Snapshot, waitFor } from './helpers';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2026-02-20T12:00:00Z', GIT_COMMITTER_DATE: '2026-02-20T12:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: root().fsPath, env: GIT_ENV, encoding: 'utf8' }).trim();
}

/** Replaces the window's `showErrorMessage` while `run` runs; returns the messages it got. */
async function errorsDuring(run: () => Thenable<unknown>): Promise<string[]> {
  const window = vscode.window as { showErrorMessage: (message: string) => Thenable<undefined> };
  const original = window.showErrorMessage;
  const messages: string[] = [];
  window.showErrorMessage = async (message: string) => {
    messages.push(message);
    return undefined;
  };
  try {
    await run();
  } finally {
    window.showErrorMessage = original;
  }
  return messages;
}

suite('Reports: Status Report and What Changed Since…', () => {
  const snapshot = new Snapshot();
  let reports: ReportsApi;
  let commit = '';

  suiteSetup(async () => {
    const api = await extensionApi();
    reports = api.reports as ReportsApi;
    assert.ok(!fs.existsSync(path.join(root().fsPath, '.git')), 'the workspace copy is no git repository yet');
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'the plan as it was');
    commit = git('rev-parse', 'HEAD');
  });

  suiteTeardown(async () => {
    reports?.panel?.dispose();
    fs.rmSync(path.join(root().fsPath, '.git'), { recursive: true, force: true });
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await snapshot.restore();
    await closeAllEditors();
  });

  test('Status Report opens a webview with each program\'s health, from the commit, and follows a brief as it changes', async () => {
    await snapshot.keep('programs/payments.md');
    await vscode.commands.executeCommand('programBriefs.statusReport');
    const panel = await waitFor(() => reports.panel?.report && reports.panel, 'the status report', 30_000);
    assert.equal(panel.panel.visible, true);
    assert.match(panel.panel.title, /^Status Report, 2026-03-01$/);
    const html = panel.report!.html;
    assert.match(html, /<h1>Status report, 2026-03-01<\/h1>/);
    assert.ok(html.includes(`from commit <code>${commit.slice(0, 12)}</code>`), 'made from the commit');
    // views-alpha: reported at risk, computed at risk (overdue, at risk, a risk); payments-v2 on track.
    assert.match(html, /<h2>views-alpha[^<]*<\/h2>\n<p>Health <span class="health at-risk">At risk<\/span>/);
    assert.match(html, /<h2>payments-v2: Payments platform v2<\/h2>\n<p>Health <span class="health on-track">On track<\/span>/);
    assert.equal(panel.report!.programs.find((p) => p.program === 'payments-v2')?.health, 'on-track');

    // An unsaved edit: the cutover due before today is overdue, so payments-v2 is no longer on track.
    const payments = await open('programs/payments.md');
    await vscode.window.showTextDocument(payments, vscode.ViewColumn.Beside);
    await replaceInDocument(payments, 'due: 2026-05-15', 'due: 2026-02-15');
    await settled(payments);
    const updated = await waitFor(() => {
      const health = panel.report?.programs.find((p) => p.program === 'payments-v2')?.health;
      return health !== 'on-track' && panel.report;
    }, 'the report to follow the edit', 30_000);
    assert.match(updated.html, /<h2>payments-v2: Payments platform v2<\/h2>\n<p>Health <span class="health (at-risk|off-track)">/);
    assert.match(updated.html, /<h3>Overdue<\/h3>\n<ul><li><span class="date">2026-02-15<\/span> milestone payments-v2#cutover: Production cutover/);
  });

  test('Copy as Markdown puts the report\'s Markdown on the clipboard; Save as HTML… writes the self-contained file', async () => {
    await vscode.commands.executeCommand('programBriefs.statusReport');
    const panel = await waitFor(() => reports.panel?.report && reports.panel, 'the status report', 30_000);
    await vscode.env.clipboard.writeText('before');
    await panel.receive({ type: 'copyMarkdown' });
    const markdown = await vscode.env.clipboard.readText();
    assert.equal(markdown, panel.report!.markdown);
    assert.match(markdown, /^# Status report, 2026-03-01\n/);
    assert.match(markdown, /\| payments\\-v2 \| Payments platform v2 \| \\@maria \|/);

    const target = fileUri('status-report-test.html');
    await snapshot.keep('status-report-test.html');
    const window = vscode.window as { showSaveDialog: typeof vscode.window.showSaveDialog };
    const original = window.showSaveDialog;
    let asked: vscode.SaveDialogOptions | undefined;
    window.showSaveDialog = async (options) => {
      asked = options;
      return target;
    };
    try {
      await panel.receive({ type: 'saveHtml' });
    } finally {
      window.showSaveDialog = original;
    }
    assert.equal(asked?.defaultUri?.path.endsWith('/status-report-2026-03-01.html'), true);
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.equal(written, panel.report!.html);
    assert.match(written, /content="default-src 'none'; style-src 'unsafe-inline'"/);
    assert.ok(!written.includes('<script'), 'the saved file has no script');
  });

  test('What Changed Since… lists a change made after the commit, grouped by program, and opens its line', async () => {
    await snapshot.keep('programs/payments.md');
    const payments = await open('programs/payments.md');
    await replaceInDocument(payments, 'due: 2026-05-15', 'due: 2026-05-29');
    await settled(payments);
    const shown = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<WhatChangedShown | undefined>('programBriefs.whatChangedSince', 'main');
      if (result?.result.changes.length) return result;
      result?.pick.dispose();
      return undefined;
    }, 'the change since main', 30_000);
    assert.deepEqual(shown.result.since, { ref: 'main', commit, date: '2026-02-20' });
    assert.deepEqual(shown.items.map((item) => [item.kind === vscode.QuickPickItemKind.Separator ? 'separator' : 'change', item.label, item.detail]), [
      ['separator', 'payments-v2', undefined],
      ['change', 'due 2026-05-15 → 2026-05-29 (+14 days)', `milestone payments-v2#cutover (Production cutover) · programs/payments.md:${rangeOf(payments, '- id: cutover').start.line + 1}`],
    ]);
    assert.match(shown.pick.title ?? '', /^Changes since main \(commit [0-9a-f]{10}, 2026-02-20\): 1 in 1 program$/);

    // Picking it opens the brief at the milestone's line (the list stays open).
    await closeAllEditors();
    const item = shown.pick.items.find((candidate) => candidate.change?.kind === 'milestone-due-moved');
    assert.ok(item);
    shown.pick.activeItems = [item];
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
      return active?.document.uri.toString() === payments.uri.toString() && active;
    }, 'payments.md to open', 20_000);
    assert.equal(editor.selection.active.line, rangeOf(payments, '- id: cutover').start.line);
    shown.pick.dispose();
  });

  test('What Changed Since… says git\'s problems as plain text: an unknown revision, no commit before a date', async () => {
    const unknown = await errorsDuring(() => vscode.commands.executeCommand('programBriefs.whatChangedSince', 'no-such-branch'));
    assert.deepEqual(unknown, ['What Changed Since: unknown revision `no-such-branch`: not a branch, tag, commit or date (YYYY-MM-DD) of this repository']);
    const early = await errorsDuring(() => vscode.commands.executeCommand('programBriefs.whatChangedSince', '2025-01-01'));
    assert.deepEqual(early, ['What Changed Since: no commit on or before 2025-01-01: the first commit is of 2026-02-20']);
  });
});
