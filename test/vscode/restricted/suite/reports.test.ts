/**
 * The reports in Restricted Mode (docs/extension.md "Status Report", "What Changed Since…"): git
 * reads the repository's own config, which can make it run programs (`core.fsmonitor` runs on
 * `git status`). So in an untrusted workspace the status report runs no git ("outside git") and
 * What Changed Since… refuses with a message. The workspace is made a git repository whose config
 * would leave a marker file if git ran there.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReportsApi } from '../../../../src/extension/report';
import { extensionApi, root, waitFor } from '../../suite/helpers';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
};

suite('Reports in Restricted Mode: no git', () => {
  const marker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'brief-fsmonitor-')), 'git-ran-a-program');
  let reports: ReportsApi;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root().fsPath, env: GIT_ENV, encoding: 'utf8' });

  suiteSetup(async () => {
    const api = await extensionApi();
    reports = api.reports as ReportsApi;
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is untrusted');
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'briefs');
    git('config', 'core.fsmonitor', `touch '${marker}'; true`);
  });

  suiteTeardown(() => {
    reports?.panel?.dispose();
    fs.rmSync(path.join(root().fsPath, '.git'), { recursive: true, force: true });
    fs.rmSync(path.dirname(marker), { recursive: true, force: true });
  });

  test('the status report opens without git; What Changed Since… refuses and runs nothing', async () => {
    await vscode.commands.executeCommand('programBriefs.statusReport');
    const panel = await waitFor(() => reports.panel?.report && reports.panel, 'the status report', 30_000);
    assert.match(panel.report!.html, /Made on [0-9-]+ outside git/);

    const window = vscode.window as { showWarningMessage: (message: string) => Thenable<undefined> };
    const original = window.showWarningMessage;
    const warnings: string[] = [];
    window.showWarningMessage = async (message: string) => {
      warnings.push(message);
      return undefined;
    };
    try {
      const shown = await vscode.commands.executeCommand('programBriefs.whatChangedSince', 'HEAD');
      assert.equal(shown, undefined);
    } finally {
      window.showWarningMessage = original;
    }
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^What Changed Since… runs git, .*trust this workspace to use it\.$/);
    assert.equal(fs.existsSync(marker), false, 'git ran no program of the repository\'s config');
  });
});
