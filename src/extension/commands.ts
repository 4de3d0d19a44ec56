/** The commands "New Program Brief", "Lint Workspace" and "Refresh", and the quick-fix command. */
import * as vscode from 'vscode';
import { HANDLE_PATTERN, ID_PATTERN } from '../core';
import { briefText, humanize } from '../core/fixes';
import type { BriefIndex } from './briefIndex';
import { setOwner, SET_OWNER_COMMAND, type SetOwnerArgs } from './codeActions';

/** Arguments for tests and keybindings; without them the command asks. */
export interface NewBriefArgs {
  id?: string;
  title?: string;
  /** Folder to create the brief in (default: the active brief's folder, else the workspace root). */
  folder?: vscode.Uri | string;
}

export function registerCommands(index: BriefIndex): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('programBriefs.newBrief', (arg?: vscode.Uri | NewBriefArgs) =>
      newBrief(index, arg instanceof vscode.Uri ? { folder: arg } : arg ?? {})),
    vscode.commands.registerCommand('programBriefs.lintWorkspace', () => lintWorkspace(index)),
    vscode.commands.registerCommand('programBriefs.refresh', () => index.reindex()),
    vscode.commands.registerCommand(SET_OWNER_COMMAND, (args: SetOwnerArgs, handle?: string) => setOwner(index, args, handle)),
  ];
}

/** Why an id cannot be used, or undefined when it can. */
export function programIdProblem(index: BriefIndex, id: string): string | undefined {
  if (id === '') return 'Enter a program id, e.g. payments-v2';
  if (!ID_PATTERN.test(id)) return 'Use lowercase letters, digits and dashes, starting with a letter or digit (e.g. payments-v2)';
  const existing = index.workspace.program(id);
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

function targetFolder(index: BriefIndex, folder: NewBriefArgs['folder']): vscode.Uri | undefined {
  if (folder) return typeof folder === 'string' ? vscode.Uri.parse(folder) : folder;
  const active = vscode.window.activeTextEditor?.document;
  if (active && index.workspace.get(active.uri.toString())?.isBrief) return vscode.Uri.joinPath(active.uri, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** Returns the new brief's uri, or undefined when cancelled. */
export async function newBrief(index: BriefIndex, args: NewBriefArgs): Promise<vscode.Uri | undefined> {
  let folder = targetFolder(index, args.folder);
  if (folder && (await vscode.workspace.fs.stat(folder).then((s) => s.type, () => undefined)) === vscode.FileType.File) {
    folder = vscode.Uri.joinPath(folder, '..');
  }
  if (!folder) {
    void vscode.window.showErrorMessage('Program Briefs: open a folder first; a brief is created in the workspace.');
    return undefined;
  }
  const where = folder;
  const fileProblem = async (id: string) => ((await fileExists(vscode.Uri.joinPath(where, `${id}.md`))) ? `${id}.md already exists in ${vscode.workspace.asRelativePath(where)}` : undefined);
  let id = args.id;
  if (id === undefined) {
    id = await vscode.window.showInputBox({
      title: 'New Program Brief (1/2)',
      prompt: 'Program id: lowercase letters, digits and dashes, unique in the workspace',
      placeHolder: 'payments-v2',
      ignoreFocusOut: true,
      validateInput: async (value) => programIdProblem(index, value.trim()) ?? await fileProblem(value.trim()),
    });
    if (id === undefined) return undefined;
    id = id.trim();
  }
  const problem = programIdProblem(index, id) ?? await fileProblem(id);
  if (problem) throw new Error(`New Program Brief: ${problem}`);
  let title = args.title;
  if (title === undefined) {
    title = await vscode.window.showInputBox({
      title: 'New Program Brief (2/2)',
      prompt: 'Title',
      value: humanize(id),
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? 'Enter a title, e.g. Payments platform v2' : undefined),
    });
    if (title === undefined) return undefined;
  }
  const me = vscode.workspace.getConfiguration('programBriefs').get<string>('me', '').trim();
  const text = briefText({ program: id, title: title.trim(), owner: HANDLE_PATTERN.test(me) ? me : undefined });
  const uri = vscode.Uri.joinPath(where, `${id}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const editor = await vscode.window.showTextDocument(uri);
  // Put the cursor on the summary-to-be: the scope line under the heading.
  const scope = text.split('\n').findIndex((line) => line === '## Scope');
  if (scope >= 0) editor.selection = new vscode.Selection(scope + 2, 0, scope + 2, editor.document.lineAt(Math.min(scope + 2, editor.document.lineCount - 1)).text.length);
  index.updateNow(editor.document);
  return uri;
}

async function lintWorkspace(index: BriefIndex): Promise<void> {
  await index.reindex();
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const count = index.workspace.briefs().length;
  vscode.window.setStatusBarMessage(`Program Briefs: linted ${count} brief${count === 1 ? '' : 's'}`, 5000);
}
