/** The one place core ranges (0-based, plain objects) become VS Code's. */
import * as vscode from 'vscode';
import type { Range } from '../core';

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
