/** Helpers of the People and Due views: a row's click command, and the date their "overdue" depends on. */
import * as vscode from 'vscode';

/** Opens a brief with the cursor at the start of a 0-based line (VS Code's own `vscode.open`). */
export function openLine(uri: string, line: number, title: string): vscode.Command {
  const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(line, 0, line, 0), preview: true };
  return { command: 'vscode.open', title, arguments: [vscode.Uri.parse(uri), options] };
}

/** The current UTC date, YYYY-MM-DD: a view answered on another day is asked again when shown. */
export const utcDate = (): string => new Date().toISOString().slice(0, 10);
