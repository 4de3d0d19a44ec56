/** The commands "New Program Brief", "Lint Workspace" and "Refresh", and the quick-fix command. */
import * as vscode from 'vscode';
import { HANDLE_PATTERN, ID_PATTERN } from '../core';
import { humanize } from '../core/fixes';
import { briefFolders, briefsDirectlyIn, newBriefSnippet, resolveSnippet } from '../core/fixes/newBrief';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BRIEFS, HANDLES, REINDEX, type BriefsResult, type BriefSummary, type ReindexResult } from '../server/protocol';
import { setOwner, SET_OWNER_COMMAND, type SetOwnerArgs } from './ownerFix';
import type { ServerModel } from './serverModel';
import { escapeIcons, showError } from './plainText';

/** Arguments for tests and keybindings; without them the command asks. */
export interface NewBriefArgs {
  id?: string;
  title?: string;
  /**
   * Folder to create the brief in. Without one the command asks (the folder most briefs live in
   * first); when `id` is given it does not ask and uses that folder.
   */
  folder?: vscode.Uri | string;
}

export function registerCommands(client: LanguageClient, model: ServerModel): vscode.Disposable[] {
  const reindex = async () => (await client.sendRequest<ReindexResult>(REINDEX)).briefs;
  return [
    vscode.commands.registerCommand('programBriefs.newBrief', (arg?: vscode.Uri | NewBriefArgs) =>
      newBrief(model, arg instanceof vscode.Uri ? { folder: arg } : arg ?? {})),
    vscode.commands.registerCommand('programBriefs.lintWorkspace', () => lintWorkspace(reindex)),
    vscode.commands.registerCommand('programBriefs.refresh', reindex),
    vscode.commands.registerCommand(SET_OWNER_COMMAND, (args: SetOwnerArgs, handle?: string) =>
      // The picker offers the handles the server's workspace uses, most used first.
      setOwner(async () => (await model.request<string[]>(HANDLES, { uri: args.uri })) ?? [], args, handle)),
  ];
}

/** Why an id cannot be used, or undefined when it can (`briefs`: the server's). */
export function programIdProblem(briefs: readonly BriefSummary[], id: string): string | undefined {
  if (id === '') return 'Enter a program id, e.g. payments-v2';
  if (!ID_PATTERN.test(id)) return 'Use lowercase letters, digits and dashes, starting with a letter or digit (e.g. payments-v2)';
  const existing = briefs.find((brief) => brief.program === id);
  if (existing) return `Program \`${id}\` already exists in ${vscode.workspace.asRelativePath(vscode.Uri.parse(existing.uri))}`;
  return undefined;
}

async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** An entry of the "where" quick pick. */
export interface FolderChoice extends vscode.QuickPickItem {
  /** Undefined for "Other folder…" and separators. */
  folder?: vscode.Uri;
  other?: boolean;
}

/**
 * The folders to offer: those inside the workspace folders that hold briefs, the one with the
 * most briefs first (the default), then each workspace root, then "Other folder…".
 */
export function folderChoices(briefs: readonly BriefSummary[]): FolderChoice[] {
  const roots = vscode.workspace.workspaceFolders ?? [];
  const multiRoot = roots.length > 1;
  const uris = briefs.map((brief) => brief.uri);
  const ranked = briefFolders(uris, roots.map((root) => root.uri.toString()));
  const choices: FolderChoice[] = ranked.map(({ uri, count }) => {
    const folder = vscode.Uri.parse(uri);
    return { label: escapeIcons(vscode.workspace.asRelativePath(folder, multiRoot)), description: count === 1 ? '1 brief' : `${count} briefs`, folder };
  });
  if (choices.length > 0) choices.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  for (const root of roots) {
    const count = briefsDirectlyIn(uris, root.uri.toString());
    choices.push({ label: escapeIcons(root.name), description: `workspace root${count > 0 ? ` · ${count === 1 ? '1 brief' : `${count} briefs`}` : ''}`, folder: root.uri });
  }
  choices.push({ label: 'Other folder…', description: 'choose a folder in the workspace', other: true });
  return choices;
}

/** Where to create the brief: the folder given, else the default (no id given: the user picks). */
async function targetFolder(briefs: readonly BriefSummary[], args: NewBriefArgs): Promise<vscode.Uri | undefined | null> {
  if (args.folder) {
    const folder = typeof args.folder === 'string' ? vscode.Uri.parse(args.folder) : args.folder;
    const type = await vscode.workspace.fs.stat(folder).then((s) => s.type, () => undefined);
    return type === vscode.FileType.File ? vscode.Uri.joinPath(folder, '..') : folder;
  }
  const choices = folderChoices(briefs);
  const byDefault = choices.find((choice) => choice.folder);
  if (!byDefault) return undefined;
  if (args.id !== undefined) return byDefault.folder;
  const picked = await vscode.window.showQuickPick(choices, {
    title: 'New Program Brief (1/3): where',
    placeHolder: 'Folder for the new brief (the one most briefs live in is first)',
    ignoreFocusOut: true,
  });
  if (!picked) return null;
  if (!picked.other) return picked.folder;
  const chosen = await vscode.window.showOpenDialog({
    title: 'New Program Brief: folder for the new brief',
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: byDefault.folder,
    openLabel: 'Create Here',
  });
  if (!chosen?.[0]) return null;
  if (!vscode.workspace.getWorkspaceFolder(chosen[0])) {
    void showError('Program Briefs: choose a folder inside the workspace; briefs outside it are not read.');
    return null;
  }
  return chosen[0];
}

/** Returns the new brief's uri, or undefined when cancelled. */
export async function newBrief(model: ServerModel, args: NewBriefArgs): Promise<vscode.Uri | undefined> {
  // The folders offered, the ids taken and today come from the language server: right after
  // activation it may still be reading the workspace (the request waits for it).
  const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Program Briefs: reading the briefs…' }, () => model.request<BriefsResult>(BRIEFS));
  if (!answer) return undefined;
  const { briefs, today } = answer;
  const folder = await targetFolder(briefs, args);
  if (folder === null) return undefined;
  if (!folder) {
    void vscode.window.showErrorMessage('Program Briefs: open a folder first; a brief is created in the workspace.');
    return undefined;
  }
  const where = folder;
  const fileProblem = async (id: string) => ((await fileExists(vscode.Uri.joinPath(where, `${id}.md`))) ? `${id}.md already exists in ${vscode.workspace.asRelativePath(where)}` : undefined);
  let id = args.id;
  if (id === undefined) {
    id = await vscode.window.showInputBox({
      title: 'New Program Brief (2/3): id',
      prompt: `Program id: lowercase letters, digits and dashes, unique in the workspace (the file is ${escapeIcons(vscode.workspace.asRelativePath(where))}/<id>.md)`,
      placeHolder: 'payments-v2',
      ignoreFocusOut: true,
      validateInput: async (value) => programIdProblem(briefs, value.trim()) ?? await fileProblem(value.trim()),
    });
    if (id === undefined) return undefined;
    id = id.trim();
  }
  const problem = programIdProblem(briefs, id) ?? await fileProblem(id);
  if (problem) throw new Error(`New Program Brief: ${problem}`);
  let title = args.title;
  if (title === undefined) {
    title = await vscode.window.showInputBox({
      title: 'New Program Brief (3/3): title',
      prompt: 'Title',
      value: humanize(id),
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? 'Enter a title, e.g. Payments platform v2' : undefined),
    });
    if (title === undefined) return undefined;
  }
  const me = vscode.workspace.getConfiguration('programBriefs').get<string>('me', '').trim();
  const snippet = newBriefSnippet({ program: id, title: title.trim(), owner: HANDLE_PATTERN.test(me) ? me : undefined, today });
  const uri = vscode.Uri.joinPath(where, `${id}.md`);
  // On disk: the template with its defaults, a valid brief even if the editor is closed unsaved.
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(resolveSnippet(snippet)));
  const editor = await vscode.window.showTextDocument(uri);
  // In the editor: the same text as a snippet, to tab through title, owner, status, dates and
  // the example milestone, risk and decision.
  const document = editor.document;
  const all = new vscode.Range(0, 0, document.lineCount, 0);
  await editor.insertSnippet(new vscode.SnippetString(snippet), document.validateRange(all), { undoStopBefore: false, undoStopAfter: true, keepWhitespace: true });
  // The snippet wrote the same text the file has: save, so the new brief opens clean (the
  // snippet's tab stops stay active).
  if (document.isDirty && document.getText() === resolveSnippet(snippet)) await document.save();
  return uri;
}

async function lintWorkspace(reindex: () => Promise<number>): Promise<void> {
  const count = await reindex();
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  vscode.window.setStatusBarMessage(`Program Briefs: linted ${count} brief${count === 1 ? '' : 's'}`, 5000);
}
