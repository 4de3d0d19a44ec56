/**
 * What the Due and People views share: a tree whose rows the language server answers, refreshed
 * (debounced) after each change of the server's model, at once when its own setting changes, and
 * when shown again on another day ("overdue" depends on the date).
 */
import * as vscode from 'vscode';
import type { ServerModel } from '../serverModel';
import { utcDate } from './openLine';
import { debounce } from './shared';

const REFRESH_DEBOUNCE_MS = 100;

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
  const refreshSoon = debounce(() => provider.refresh(), REFRESH_DEBOUNCE_MS);
  context.subscriptions.push(
    provider,
    view,
    { dispose: () => refreshSoon.dispose() },
    model.onDidChange(() => refreshSoon()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`programBriefs.${setting}`)) provider.refresh();
    }),
    view.onDidChangeVisibility(({ visible }) => {
      if (visible && provider.answeredOn !== utcDate()) provider.refresh();
    }),
  );
  return { provider, view };
}
