/** Small helpers shared by the tree views: click-to-open, debouncing. */
import * as vscode from 'vscode';
import type { Range } from '../../core';
import { toVsRange } from '../convert';

/** A tree item command that opens a brief with `range` selected (VS Code's own `vscode.open`). */
export function openAt(uri: string, range: Range, title: string): vscode.Command {
  const options: vscode.TextDocumentShowOptions = { selection: toVsRange(range), preview: true };
  return { command: 'vscode.open', title, arguments: [vscode.Uri.parse(uri), options] };
}

/** Calls `fn` once, `delayMs` after the last of a burst of calls. */
export function debounce(fn: () => void, delayMs: number): { (): void; flush(): void; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    fn();
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };
  schedule.flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      run();
    }
  };
  schedule.dispose = () => clearTimeout(timer);
  return schedule;
}

export { plural } from '../../core/model/text';

/** Text from a brief, safe inside a MarkdownString (a tooltip): see src/extension/plainText.ts. */
export { escapeMarkdown, safeMarkdown } from '../plainText';
