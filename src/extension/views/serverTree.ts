/**
 * What the Due and People views share: a tree whose rows the language server answers, refreshed
 * after each change of the server's model (soon, or once the typing pauses while a brief is
 * typed in: ./typingPause.ts), at once when its own setting changes, and when shown again on
 * another day ("overdue" depends on the date). VS Code asks a hidden view nothing until it is
 * shown again.
 */
import * as vscode from 'vscode';
import type { ServerModel } from '../serverModel';
import { utcDate } from './openLine';
import { refreshAfterTypingPause } from './typingPause';

export abstract class ServerTreeProvider<T> implements vscode.TreeDataProvider<T> {
  private readonly changeEmitter = new vscode.EventEmitter<T | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  view: vscode.TreeView<T> | undefined;
  /** The UTC date of the last answer (subclasses set it when the server answers). */
  answeredOn: string | undefined;

  constructor(protected readonly model: ServerModel) {}

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  abstract getChildren(node?: T): Promise<T[]>;
  abstract getTreeItem(node: T): vscode.TreeItem;

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

/** Creates the view `id` over `provider` and wires its refreshes; `setting` is its own setting (`programBriefs.<setting>`). */
export function registerServerTree<T, P extends ServerTreeProvider<T>>(
  context: vscode.ExtensionContext, model: ServerModel, id: string, provider: P, setting: string, options: { showCollapseAll?: boolean } = {},
): { provider: P; view: vscode.TreeView<T> } {
  const view = vscode.window.createTreeView(id, { treeDataProvider: provider, ...options });
  provider.view = view;
  const refreshes = refreshAfterTypingPause(() => provider.refresh());
  context.subscriptions.push(
    provider,
    view,
    refreshes,
    model.onDidChange((change) => refreshes.schedule(change)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`programBriefs.${setting}`)) refreshes.now();
    }),
    view.onDidChangeVisibility(({ visible }) => {
      if (visible && provider.answeredOn !== utcDate()) refreshes.now();
    }),
  );
  return { provider, view };
}
