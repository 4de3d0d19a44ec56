/** The `programBriefs.isBrief` context key (package.json `when` clauses): whether the active editor shows a brief. */
import * as vscode from 'vscode';
import type { BriefIndex } from './briefIndex';

export const IS_BRIEF_CONTEXT = 'programBriefs.isBrief';

export function registerEditorContext(index: BriefIndex): vscode.Disposable[] {
  let current: boolean | undefined;
  const update = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const isBrief = uri !== undefined && index.workspace.get(uri)?.isBrief === true;
    if (isBrief === current) return;
    current = isBrief;
    void vscode.commands.executeCommand('setContext', IS_BRIEF_CONTEXT, isBrief);
  };
  update();
  return [vscode.window.onDidChangeActiveTextEditor(update), index.onDidChange(update)];
}
