/**
 * The "Set an owner…" quick fix, client-side: LSP has no picker, so the extension offers one
 * action per missing owner (src/extension/client.ts) that runs this command, a QuickPick of the
 * handles the workspace already uses, where typing a new handle offers it too. The edit is
 * computed after the pick, from the text as it is then, and only while the diagnostic's text is
 * still the same (a fix never lands on text that moved or changed).
 */
import * as vscode from 'vscode';
import { HANDLE_PATTERN, type Range } from '../core';
import { guardsHold, setOwnerFix, type Fix } from '../core/fixes';
import { toVsRange } from './convert';
import { escapeIcons } from './plainText';

export const SET_OWNER_COMMAND = 'programBriefs.fix.setOwner';

/** Arguments of the set-owner command: which owner is missing, and the text that must still be there. */
export interface SetOwnerArgs {
  uri: string;
  path: (string | number)[];
  /** The diagnostic's range and the text it covered when the action was offered. */
  range: Range;
  expected: string;
  label: string;
}

/** "Milestone `cutover` has no owner; …" → "Milestone `cutover`". */
export function ownerLabel(message: string): string {
  return message.split(' has no owner')[0];
}

/** The edit of a fix, when its guards hold on the editor's current text. */
function workspaceEdit(document: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit | undefined {
  if (!guardsHold(document.getText(), fix.guards)) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const textEdit of fix.edits) edit.replace(document.uri, toVsRange(textEdit.range), textEdit.newText);
  return edit;
}

/**
 * Sets a missing owner. `knownHandles` lists the workspace's handles, most used first, for the
 * picker; `handle` skips the picker (tests, keybindings).
 */
export async function setOwner(knownHandles: () => Promise<string[]>, args: SetOwnerArgs, handle?: string): Promise<boolean> {
  const uri = vscode.Uri.parse(args.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const stale = () => {
    void vscode.window.showWarningMessage('Program Briefs: the brief changed since the fix was offered; try the fix again.');
    return false;
  };
  if (document.getText(toVsRange(args.range)) !== args.expected) return stale();
  const chosen = handle ?? await pickHandle(await knownHandles(), args.label);
  if (!chosen) return false;
  if (!HANDLE_PATTERN.test(chosen)) throw new Error(`Not a handle: ${chosen}; expected @name or @org/team`);
  // Computed now, after the pick, from the text as it is now: nothing can move under it.
  if (document.getText(toVsRange(args.range)) !== args.expected) return stale();
  const fix = setOwnerFix(document.getText(), args.path, chosen);
  const edit = fix && workspaceEdit(document, fix);
  if (!edit) return stale();
  return vscode.workspace.applyEdit(edit);
}

async function pickHandle(handles: string[], label: string): Promise<string | undefined> {
  // Quick pick labels render `$(icon)`: handles from the workspace are shown literally.
  type HandleItem = vscode.QuickPickItem & { handle: string };
  const base: HandleItem[] = handles.map((handle) => ({ label: escapeIcons(handle), handle }));
  const picker = vscode.window.createQuickPick<HandleItem>();
  picker.title = `Owner of ${escapeIcons(label.replace(/`/g, ''))}`;
  picker.placeholder = handles.length > 0 ? 'Pick a handle used in the workspace, or type a new one (@name)' : 'Type a handle (@name)';
  picker.items = base;
  picker.onDidChangeValue((value) => {
    const typed = value.trim();
    const candidate = typed.startsWith('@') ? typed : `@${typed}`;
    picker.items = typed && HANDLE_PATTERN.test(candidate) && !handles.includes(candidate)
      ? [{ label: escapeIcons(candidate), description: 'new handle', handle: candidate }, ...base]
      : base;
  });
  return new Promise<string | undefined>((resolve) => {
    let result: string | undefined;
    picker.onDidAccept(() => {
      result = picker.selectedItems[0]?.handle;
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(result);
    });
    picker.show();
  });
}
