/**
 * "Program Briefs: What Changed Since…" (docs/extension.md): picks a git revision (a branch, a
 * tag, a recent commit, or a date typed in a validated input box), asks the language server
 * what changed in the plan since then (`programBriefs/changesSince`: `brief diff --since` over
 * the server's model), and lists the changes in a quick pick grouped by program, each opening
 * its brief at its line (the pick stays open, to walk through them). Git's problems (not a git
 * repository, unknown revision, shallow clone, no commit before the date) are plain-text
 * messages. In Restricted Mode it does not run: git reads the repository's own config, which
 * can make it run programs.
 *
 * Workspace text (branch and tag names, commit subjects, the changes' sentences, file names)
 * goes through `escapeIcons`: a quick pick renders `$(name)` as an icon (docs/security.md).
 */
import * as vscode from 'vscode';
import { isCalendarDate } from '../../core';
import { CHANGES_SINCE, GIT_REFS, type ChangesSinceParams, type ChangesSinceResult, type ChangeWire, type GitRefsParams, type GitRefsResult } from '../../server/protocol';
import { escapeIcons, showError, showInformation, showWarning } from '../plainText';
import type { ServerModel } from '../serverModel';

export const WHAT_CHANGED_COMMAND = 'programBriefs.whatChangedSince';

interface RefItem extends vscode.QuickPickItem {
  ref?: string;
  date?: true;
}

interface ChangeItem extends vscode.QuickPickItem {
  change?: ChangeWire;
}

/** What the command showed, returned for the real-editor tests (the pick stays open for the user). */
export interface WhatChangedShown {
  result: ChangesSinceResult;
  pick: vscode.QuickPick<ChangeItem>;
  items: { label: string; description?: string; detail?: string; kind?: vscode.QuickPickItemKind; change?: ChangeWire }[];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function registerWhatChanged(model: ServerModel): vscode.Disposable {
  return vscode.commands.registerCommand(WHAT_CHANGED_COMMAND, async (ref?: unknown): Promise<WhatChangedShown | undefined> => {
    if (!vscode.workspace.isTrusted) {
      void showWarning('What Changed Since… runs git, and a repository\'s own git config can make git run programs: trust this workspace to use it.');
      return undefined;
    }
    const since = typeof ref === 'string' && ref.trim() !== '' ? ref.trim() : await pickRef(model);
    if (since === undefined) return undefined;
    let result: ChangesSinceResult | undefined;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Reading the briefs from git' },
        () => model.request<ChangesSinceResult>(CHANGES_SINCE, { ref: since } satisfies ChangesSinceParams),
      );
    } catch (error) {
      void showError(`What Changed Since: ${errorText(error)}`);
      return undefined;
    }
    if (!result) return undefined;
    return showChanges(result);
  });
}

/** The branches, tags, recent commits and "A date…"; a date is then asked for. */
export async function pickRef(model: ServerModel, title = 'What Changed Since…'): Promise<string | undefined> {
  let refs: GitRefsResult | undefined;
  try {
    refs = await model.request<GitRefsResult>(GIT_REFS, {} satisfies GitRefsParams);
  } catch (error) {
    void showError(`${title.replace(/…$/, '')}: ${errorText(error)}`);
    return undefined;
  }
  if (!refs) return undefined;
  const items: RefItem[] = [{ label: '$(calendar) A date…', description: 'the last commit on or before a day (YYYY-MM-DD)', date: true }];
  if (refs.branches.length > 0) items.push({ label: 'Branches', kind: vscode.QuickPickItemKind.Separator }, ...refs.branches.map((name) => ({ label: escapeIcons(name), ref: name })));
  if (refs.tags.length > 0) items.push({ label: 'Tags', kind: vscode.QuickPickItemKind.Separator }, ...refs.tags.map((name) => ({ label: escapeIcons(name), ref: name })));
  if (refs.commits.length > 0) {
    items.push({ label: refs.shallow ? 'Recent commits (shallow clone: older history not fetched)' : 'Recent commits', kind: vscode.QuickPickItemKind.Separator });
    items.push(...refs.commits.map((commit) => ({ label: commit.id.slice(0, 10), description: escapeIcons(`${commit.date} · ${commit.subject}`), ref: commit.id })));
  }
  const pick = vscode.window.createQuickPick<RefItem>();
  pick.title = title;
  pick.placeholder = 'A branch, tag, commit or date to compare the plan with';
  pick.matchOnDescription = true;
  pick.items = items;
  const chosen = await new Promise<RefItem | undefined>((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
  if (!chosen) return undefined;
  if (chosen.ref !== undefined) return chosen.ref;
  return askDate(title);
}

async function askDate(title: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt: 'A date: the plan is compared with the last commit on or before it',
    placeHolder: 'YYYY-MM-DD',
    validateInput: (value) => dateProblem(value),
  });
  return answer === undefined ? undefined : answer.trim();
}

/** Why a typed date is not one, or undefined when it is. */
export function dateProblem(value: string): string | undefined {
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'A date as YYYY-MM-DD, e.g. 2026-11-01';
  if (!isCalendarDate(text)) return `${text} is no calendar date`;
  return undefined;
}

function showChanges(result: ChangesSinceResult): WhatChangedShown {
  const items: ChangeItem[] = [];
  let program: string | undefined;
  for (const change of result.changes) {
    if (change.program !== program) {
      program = change.program;
      items.push({ label: escapeIcons(program), kind: vscode.QuickPickItemKind.Separator });
    }
    // The change first (`due 2026-05-15 → 2026-05-29 (+14 days)`); what and where below it.
    const where = change.location ? `${change.file}:${change.location.line + 1}` : `${change.file} (removed)`;
    const rest = change.subject ? change.sentence.slice(change.subject.length).replace(/^[:\s]+/, '') : '';
    items.push({
      label: escapeIcons(rest || change.sentence),
      detail: escapeIcons(rest ? `${change.subject} · ${where}` : where),
      change,
    });
  }
  if (items.length === 0) items.push({ label: 'No changes to the plan', description: 'the briefs say the same as then' });
  const count = result.changes.length;
  const programs = new Set(result.changes.map((change) => change.program)).size;
  const pick = vscode.window.createQuickPick<ChangeItem>();
  pick.title = escapeIcons(`Changes since ${result.since.ref} (commit ${result.since.commit.slice(0, 10)}, ${result.since.date}): ${count === 0 ? 'none' : `${count} in ${programs} program${programs === 1 ? '' : 's'}`}`);
  pick.placeholder = 'Pick a change to open its line; Escape closes the list';
  pick.matchOnDetail = true;
  pick.items = items;
  pick.onDidAccept(async () => {
    const change = pick.selectedItems[0]?.change;
    if (!change) return;
    if (!change.location) {
      void showInformation(`What Changed Since: ${change.sentence}; it is no longer in the workspace.`);
      return;
    }
    const { uri, line } = change.location;
    const position = new vscode.Position(line, 0);
    // The list stays open (focus kept): the next change is one key away.
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(position, position), preview: true, preserveFocus: true });
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
  return { result, pick, items: items.map(({ label, description, detail, kind, change }) => ({ label, description, detail, kind, change })) };
}
