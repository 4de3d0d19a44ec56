/**
 * The Checklist view: programs → headings → task items → the items nested in them, each level
 * built when it is expanded (a brief whose items share one heading skips the heading level).
 * Items carry native tree checkboxes; ticking one is handled by `checkboxToggle.ts`.
 */
import * as vscode from 'vscode';
import { describeFilter, itemDescription, progressLabel, type ChecklistEntry, type ChecklistFilter, type ChecklistNode } from '../../core/views/checklistTree';
import type { ChecklistState } from '../../core/parse/checklist';
import { CHECKLIST_STATE_ICONS } from './statusIcons';
import { CHECKLIST, type ChecklistParams, type ChecklistResult, type ChecklistWireNode } from '../../server/protocol';
import type { ServerModel } from '../serverModel';
import { utcDate } from './openLine';
import type { ChecklistFilters } from './checklistFilters';
import { escapeMarkdown, openAt, plural, safeMarkdown } from './shared';

export class ChecklistTreeProvider implements vscode.TreeDataProvider<ChecklistNode> {
  private readonly changeEmitter = new vscode.EventEmitter<ChecklistNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  /** Set once the view exists: the provider keeps its description and message current. */
  view: vscode.TreeView<ChecklistNode> | undefined;
  /** False until the server has read the workspace once (an empty tree then means "not yet"). */
  indexed = false;
  /** The effective today of the server's last answer. */
  today: string | undefined;
  /** The UTC date of the server's last answer (a view shown on another day is rebuilt). */
  answeredOn: string | undefined;

  constructor(private readonly model: ServerModel, private readonly filters: ChecklistFilters) {}

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  /** The children of a node (none: the programs), from the server (`programBriefs/checklist`). */
  async getChildren(node?: ChecklistNode): Promise<ChecklistNode[]> {
    const filter = this.filters.effective();
    // The node may predate the last edit: the server finds it again by uri and id. Its text stays here.
    const params: ChecklistParams = { filter, ...(node && { parent: wireNode(node) }) };
    const result = await this.model.request<ChecklistResult>(CHECKLIST, params);
    if (!result) return [];
    this.today = result.today;
    this.answeredOn = utcDate();
    const nodes = result.nodes.map((n): ChecklistNode => (n.kind === 'item' ? { ...n, source: result.text ?? '' } : n));
    if (!node) this.describe(filter, nodes.length, result.briefs);
    return nodes;
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    if (node.kind === 'item') return itemTreeItem(node);
    const expanded = node.kind === 'heading' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, expanded);
    item.id = node.id;
    item.description = progressLabel(node.progress);
    const complete = node.progress.total > 0 && node.progress.done === node.progress.total;
    if (node.kind === 'program') {
      item.contextValue = 'checklistProgram';
      item.iconPath = complete
        ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
        : node.progress.overdue > 0 ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground')) : new vscode.ThemeIcon('project');
      item.tooltip = safeMarkdown(`**${escapeMarkdown(node.title ?? node.label)}**\n\n${node.progress.done} of ${plural(node.progress.total, 'item')} done${node.progress.overdue > 0 ? `, ${node.progress.overdue} overdue` : ''}\n\n${escapeMarkdown(vscode.workspace.asRelativePath(vscode.Uri.parse(node.uri)))}`);
    } else {
      item.contextValue = 'checklistHeading';
      item.tooltip = `${node.label}: ${node.progress.done} of ${plural(node.progress.total, 'item')} done`;
    }
    return item;
  }

  private describe(effective: ChecklistFilter, groups: number, briefs: number): void {
    if (!this.view) return;
    const filter = describeFilter(effective);
    this.view.description = filter || undefined;
    if (groups > 0) this.view.message = undefined;
    else if (filter) this.view.message = `No checklist items match the filters (${filter}).`;
    else if (!this.indexed) this.view.message = 'Reading the briefs…';
    else this.view.message = briefs === 0 ? 'No program briefs in this workspace.' : 'No checklist items in the briefs.';
  }
}

/** A node as the server takes it back: an item without the text it was built from. */
function wireNode(node: ChecklistNode): ChecklistWireNode {
  if (node.kind !== 'item') return node;
  const { source: _text, ...wire } = node;
  return wire;
}

const STATE_LABELS: Readonly<Record<ChecklistState, string>> = { 'open': 'Open', 'in-progress': 'In progress', 'done': 'Done', 'cancelled': 'Cancelled' };

function itemTreeItem(node: ChecklistEntry): vscode.TreeItem {
  const { item } = node;
  const treeItem = new vscode.TreeItem(node.label, node.children > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  treeItem.id = node.id;
  treeItem.description = itemDescription(item, node.overdue);
  // A cancelled item has no checkbox: ticking would undo a decision the box records (docs/extension.md).
  if (item.state !== 'cancelled') {
    const done = item.state === 'done';
    treeItem.checkboxState = {
      state: done ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked,
      tooltip: done ? 'Mark as not done' : 'Mark as done',
    };
  }
  treeItem.contextValue = node.overdue ? 'checklistItem.overdue' : 'checklistItem';
  const icon = CHECKLIST_STATE_ICONS[item.state];
  if (node.overdue) treeItem.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'));
  else if (icon) treeItem.iconPath = new vscode.ThemeIcon(icon.icon, icon.color === undefined ? undefined : new vscode.ThemeColor(icon.color));
  const details = itemDescription(item, false, { state: false });
  treeItem.tooltip = `${item.text}\n\n${STATE_LABELS[item.state]}${details ? ` · ${details}` : ''}${node.overdue ? `\n\nOverdue: was due ${item.due?.value}` : ''}${node.context ? '\n\nShown for the items nested in it (the filters hide it)' : ''}\n\nLine ${item.line + 1}`;
  treeItem.command = openAt(node.uri, item.range, 'Open Checklist Item');
  return treeItem;
}
