/**
 * The Due view: everything open that is due within the next N days (`programBriefs.due.withinDays`,
 * default 14) across milestones and checklist items, overdue first, then by date, each with its
 * owner. The data is the language server's `programBriefs/due` (the same computation as
 * `brief due`, with "overdue" decided by the core). Each row opens its brief at its line. Every
 * label, description and tooltip is plain text.
 */
import * as vscode from 'vscode';
import { DEFAULT_DUE_WITHIN, type DueItem } from '../../core';
import { itemLabel } from '../../core/views/checklistTree';
import { DUE, type DueParams, type DueResult } from '../../server/protocol';
import type { ServerModel } from '../serverModel';
import { registerServerTree, ServerTreeProvider } from './serverTree';
import { openLine, utcDate } from './openLine';
import { plural } from './shared';

export const DUE_WITHIN_SETTING = 'due.withinDays';

/** The window of the view, in days: the setting when it is a whole number ≥ 0, else 14. */
export function dueWithinDays(): number {
  const value = vscode.workspace.getConfiguration('programBriefs').get<unknown>(DUE_WITHIN_SETTING);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_DUE_WITHIN;
}

export class DueTreeProvider extends ServerTreeProvider<DueItem> {
  /** One flat list in the core's order: the overdue ones first, then by date (a group level would cost the rows' width). */
  async getChildren(node?: DueItem): Promise<DueItem[]> {
    if (node) return [];
    const within = dueWithinDays();
    const params: DueParams = { within };
    const result = await this.model.request<DueResult>(DUE, params, 'due');
    if (!result) return []; // a newer request replaced this one
    this.answeredOn = utcDate();
    if (this.view) {
      const overdue = result.items.filter((item) => item.overdue).length;
      this.view.description = `next ${plural(result.within, 'day')}${overdue > 0 ? ` · ${overdue} overdue` : ''}`;
      this.view.message = result.items.length > 0 ? undefined
        : result.briefs === 0 ? 'No program briefs in this workspace.' : `Nothing open is due in the next ${plural(result.within, 'day')}.`;
    }
    return result.items;
  }

  getTreeItem(due: DueItem): vscode.TreeItem {
    const milestone = due.kind === 'milestone';
    const label = milestone ? due.text : itemLabel(due.text);
    const item = new vscode.TreeItem(label || '(untitled)', vscode.TreeItemCollapsibleState.None);
    item.id = `due/${due.uri}#${due.line}`;
    // Short enough for the default side bar width: "overdue" is the icon's (a clock, its own shape),
    // the view's title counts them, and the tooltip and the screen reader's label say it.
    item.description = [due.due, due.owner ?? 'no owner'].join(' · ');
    item.accessibilityInformation = { label: [label, due.overdue ? 'overdue' : undefined, `due ${due.due}`, due.owner ? `owner ${due.owner}` : 'no owner'].filter(Boolean).join(', ') };
    item.iconPath = due.overdue
      ? new vscode.ThemeIcon('watch', new vscode.ThemeColor('list.errorForeground'))
      : new vscode.ThemeIcon(milestone ? 'milestone' : 'circle-large-outline');
    const file = vscode.workspace.asRelativePath(vscode.Uri.parse(due.uri));
    item.tooltip = [
      milestone ? `Milestone${due.id ? ` ${due.id}` : ''}` : 'Checklist item',
      due.text,
      `Due ${due.due}${due.overdue ? ' (overdue)' : ''}`,
      due.owner ? `Owner ${due.owner}` : 'No owner',
      due.program && `Program ${due.program}`,
      `${file}, line ${due.line + 1}`,
    ].filter(Boolean).join('\n');
    item.contextValue = due.overdue ? 'due.overdue' : 'due';
    item.command = openLine(due.uri, due.line, milestone ? 'Open Milestone' : 'Open Checklist Item');
    return item;
  }

}

export interface DueViewApi {
  provider: DueTreeProvider;
  view: vscode.TreeView<DueItem>;
}

/** The Due view, refreshed after each change of the server's model and when its setting changes. */
export function registerDueView(context: vscode.ExtensionContext, model: ServerModel): DueViewApi {
  return registerServerTree(context, model, 'programBriefs.due', new DueTreeProvider(model), DUE_WITHIN_SETTING);
}
