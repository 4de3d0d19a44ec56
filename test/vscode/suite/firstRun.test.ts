/**
 * A first run that explains itself (issue 10): the status bar item (its text follows the index
 * and the diagnostics, its click opens the Programs view), and the Program Briefs view revealed
 * once per workspace, remembered in workspaceState, never in a workspace without briefs.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIRST_RUN_KEY } from '../../../src/extension/firstRun';
import { PROGRAMS_FOCUS_COMMAND, statusBarSummary, statusBarText } from '../../../src/extension/statusBar';
import type { TreeViewsApi } from '../../../src/extension/views';
import { briefDiagnostics, extensionApi, fileUri, ruleOf, SOURCE, Snapshot, waitFor, waitForIndex } from './helpers';

/** A Memento of a workspace that has never seen the extension. */
class FreshState implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

async function programsView(): Promise<TreeViewsApi['programs']['view']> {
  return ((await extensionApi()).views as TreeViewsApi).programs.view;
}

async function closeSideBar(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  const view = await programsView();
  await waitFor(() => !view.visible, 'the Programs view to be hidden', 30_000);
}

/** Errors of Program Briefs and milestone-overdue reports, counted from what lint published. */
function published(): { errors: number; overdue: number } {
  let errors = 0;
  let overdue = 0;
  for (const [uri] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of briefDiagnostics(uri)) {
      if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
      if (ruleOf(diagnostic) === 'milestone-overdue') overdue++;
    }
  }
  return { errors, overdue };
}

const NEW_BRIEF = 'statusbar-probe.md';
const NEW_BRIEF_TEXT = `---
program: statusbar-probe
title: Status bar probe
owner: "@vera"
depends_on: [no-such-program-anywhere]
milestones:
  - id: late
    title: Late milestone
    owner: "@vera"
    due: 2020-01-01
    status: in-progress
---

# Status bar probe
`;

suite('First run and status bar', () => {
  const snapshot = new Snapshot();

  teardown(async () => {
    await snapshot.restore();
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  test('status bar wording: programs always, errors and overdue only when there are some; zeros spelled out in the summary', () => {
    assert.equal(statusBarText({ briefs: 9, programs: 8, errors: 1, overdue: 1 }), '$(checklist) 8 programs · 1 error · 1 overdue');
    assert.equal(statusBarText({ briefs: 1, programs: 1, errors: 0, overdue: 0 }), '$(checklist) 1 program');
    assert.equal(statusBarText({ briefs: 1, programs: 0, errors: 2, overdue: 0 }), '$(checklist) 0 programs · 2 errors');
    assert.equal(statusBarText({ briefs: 3, programs: 3, errors: 0, overdue: 5 }), '$(checklist) 3 programs · 5 overdue');
    assert.equal(statusBarSummary({ briefs: 1, programs: 1, errors: 0, overdue: 0 }), '1 program, no errors, no overdue milestones');
    assert.equal(statusBarSummary({ briefs: 9, programs: 8, errors: 1, overdue: 2 }), '8 programs, 1 error, 2 overdue milestones');
  });

  test('the status bar item counts programs, errors and overdue milestones as lint does, and follows the workspace', async () => {
    const api = await extensionApi();
    const statusBar = api.statusBar!;
    await waitFor(() => statusBar.shown, 'the status bar item to be shown', 30_000);
    const briefsWithId = () => api.model.briefs().filter((brief) => brief.program !== undefined).length;
    /** The text the item should show now: programs from the server's model, the rest from the published diagnostics. */
    const expected = () => {
      const { errors, overdue } = published();
      return statusBarText({ briefs: 0, programs: briefsWithId(), errors, overdue });
    };
    const before = await waitFor(() => statusBar.item.text === expected() && statusBar.item.text, 'the item to agree with lint', 30_000);
    const counts = { ...statusBar.counts! };
    assert.ok(counts.programs > 1 && counts.errors > 0 && counts.overdue > 0, `the test workspace has programs, errors and overdue milestones: ${before}`);
    assert.match(before, /^\$\(checklist\) \d+ programs · \d+ errors? · \d+ overdue$/);
    assert.equal(statusBar.item.tooltip, `Program Briefs: ${statusBarSummary(counts)}. Click to open the Programs view.`);
    assert.equal(statusBar.item.accessibilityInformation?.label, `Program Briefs: ${statusBarSummary(counts)}. Open the Programs view`);

    // A new brief with an unknown dependency (an error) and an overdue milestone: one more of each.
    await snapshot.keep(NEW_BRIEF);
    await vscode.workspace.fs.writeFile(fileUri(NEW_BRIEF), new TextEncoder().encode(NEW_BRIEF_TEXT));
    await waitForIndex(fileUri(NEW_BRIEF), NEW_BRIEF_TEXT);
    const more = statusBarText({ ...counts, programs: counts.programs + 1, errors: counts.errors + 1, overdue: counts.overdue + 1 });
    await waitFor(() => statusBar.item.text === more, `the item to read "${more}" (it reads "${statusBar.item.text}")`, 30_000);
    assert.equal(statusBar.item.text, expected(), 'still what lint says');
    assert.ok(vscode.languages.getDiagnostics(fileUri(NEW_BRIEF)).some((d) => d.source === SOURCE && ruleOf(d) === 'dependency-unknown'));

    // Deleted again: back to the first text.
    await snapshot.restore();
    await waitFor(() => statusBar.item.text === before, `the item to read "${before}" again (it reads "${statusBar.item.text}")`, 30_000);
  });

  test('without briefs (none included) the status bar item is hidden and there is no first run; with them again it is back', async function () {
    // Three waits of up to 30 s each (the language server re-reads the workspace twice).
    this.timeout(120_000);
    const api = await extensionApi();
    const statusBar = api.statusBar!;
    await waitFor(() => statusBar.shown, 'the status bar item to be shown', 30_000);
    // The text to come back to: once the item agrees with lint (an earlier test's restore may still be on its way).
    const agreed = () => statusBarText({ briefs: 0, programs: api.model.briefs().filter((brief) => brief.program !== undefined).length, ...published() });
    const before = await waitFor(() => statusBar.item.text === agreed() && statusBar.item.text, 'the item to agree with lint first', 30_000);
    const config = vscode.workspace.getConfiguration('programBriefs');
    try {
      await config.update('include', ['no-such-folder/**/*.md'], vscode.ConfigurationTarget.Workspace);
      await waitFor(() => api.model.briefs().length === 0, 'the server to hold no brief', 30_000);
      await waitFor(() => !statusBar.shown, 'the status bar item to be hidden', 30_000);
      const state = new FreshState();
      assert.equal(await api.firstRun!.run({ state }), 'no-briefs');
      assert.deepEqual(state.keys(), []);
    } finally {
      await config.update('include', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => statusBar.shown && statusBar.item.text === before, `the item to read "${before}" again`, 30_000);
  });

  test('clicking the status bar item opens the Programs view', async () => {
    const api = await extensionApi();
    const command = api.statusBar!.item.command;
    const id = typeof command === 'string' ? command : command?.command;
    assert.equal(id, PROGRAMS_FOCUS_COMMAND);
    await closeSideBar();
    await vscode.commands.executeCommand(id!);
    const view = await programsView();
    await waitFor(() => view.visible, 'the Programs view to be visible', 30_000);
  });

  test('the first activation in a workspace with briefs revealed the view, once: the workspace state remembers it', async () => {
    const api = await extensionApi();
    const firstRun = api.firstRun!;
    // This run's user data is fresh (test/harness): the activation of this suite was the first.
    assert.equal(await firstRun.done, 'shown');
    assert.equal(firstRun.shown(), true, `workspaceState has ${FIRST_RUN_KEY}`);
    assert.match(firstRun.walkthroughId, /^program-briefs\.program-briefs#gettingStarted$/);
    // Again (another activation in the same workspace): nothing.
    await closeSideBar();
    assert.equal(await firstRun.run(), 'already-shown');
    assert.equal((await programsView()).visible, false, 'the view stays hidden');
  });

  test('the first run reveals the Program Briefs view in a fresh workspace state, and only once', async () => {
    const api = await extensionApi();
    const firstRun = api.firstRun!;
    const state = new FreshState();
    await closeSideBar();
    assert.equal(await firstRun.run({ state }), 'shown');
    assert.equal(state.get(FIRST_RUN_KEY), true);
    const view = await programsView();
    await waitFor(() => view.visible, 'the Programs view to be revealed', 30_000);

    await closeSideBar();
    assert.equal(await firstRun.run({ state }), 'already-shown');
    assert.equal(view.visible, false, 'not revealed a second time');
  });

  test('a workspace without briefs gets no first run, and nothing is remembered', async () => {
    const api = await extensionApi();
    const state = new FreshState();
    await closeSideBar();
    assert.equal(await api.firstRun!.run({ state, briefs: 0 }), 'no-briefs');
    assert.deepEqual(state.keys(), [], 'nothing written: its first brief makes the next activation the first run');
    assert.equal((await programsView()).visible, false);
  });
});
