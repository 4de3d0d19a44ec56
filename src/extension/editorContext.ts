/** The `programBriefs.isBrief` context key (package.json `when` clauses): whether the active editor shows a brief (the language server's model says). */
import * as vscode from 'vscode';
import type { ServerModel } from './serverModel';

export const IS_BRIEF_CONTEXT = 'programBriefs.isBrief';

export function registerEditorContext(model: ServerModel): vscode.Disposable[] {
  let current: boolean | undefined;
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const isBrief = uri !== undefined && model.brief(uri) !== undefined;
    if (isBrief === current) return;
    current = isBrief;
    void vscode.commands.executeCommand('setContext', IS_BRIEF_CONTEXT, isBrief);
  };
  update();
  return [vscode.window.onDidChangeActiveTextEditor(update), model.onDidChange(update)];
}
