/**
 * The People view: every handle with what it owns (programs, teams, milestones, risks,
 * decisions, checklist items), open items first, the user's own handle (`programBriefs.me`) on
 * top and marked "me". The data is the language server's (the same computation as `brief
 * owners`): the handles with their counts from `programBriefs/ownersSummary`, and a handle's
 * items from `programBriefs/owned` only once it is expanded (every item of 10,000 briefs is tens
 * of megabytes: docs/benchmark.md); statuses and "overdue" come decided from the core. Each leaf
 * opens its brief at its line. Every label, description and tooltip is plain text.
 */
import * as vscode from 'vscode';
import { itemLabel } from '../../core/views/checklistTree';
import { STATUS_LABELS } from '../../core/model/status';
import type { OwnedKind } from '../../core';
import { OWNED, OWNERS_SUMMARY, type OwnedParams, type OwnedResult, type OwnedWireItem, type OwnersSummaryEntry, type OwnersSummaryParams, type OwnersSummaryResult } from '../../server/protocol';
import type { ServerModel } from '../serverModel';
import { registerServerTree, ServerTreeProvider } from './serverTree';
import { openLine, utcDate } from './openLine';
import { CHECKLIST_STATE_ICONS, STATUS_ICONS } from './statusIcons';

export type PeopleNode =
  | { kind: 'person'; entry: OwnersSummaryEntry }
  | { kind: 'group'; owner: string; owned: OwnedKind; items: OwnedWireItem[] }
  | { kind: 'item'; owner: string; owned: OwnedKind; item: OwnedWireItem };

const KINDS: readonly { owned: OwnedKind; label: string; one: string }[] = [
  { owned: 'programs', label: 'Programs', one: 'Program' },
  { owned: 'teams', label: 'Teams', one: 'Team' },
  { owned: 'milestones', label: 'Milestones', one: 'Milestone' },
  { owned: 'risks', label: 'Risks', one: 'Risk' },
  { owned: 'decisions', label: 'Decisions', one: 'Decision' },
  { owned: 'checklist', label: 'Checklist items', one: 'Checklist item' },
];


const openCount = (items: readonly OwnedWireItem[]) => items.filter((item) => item.open).length;

/** "2 open · 1 closed", "3 open", "1 closed". */
function tally(open: number, closed: number): string {
  return [open > 0 && `${open} open`, closed > 0 && `${closed} closed`].filter(Boolean).join(' · ');
}

/** The items' tally, as `tally`. */
const counts = (items: readonly OwnedWireItem[]): string => tally(openCount(items), items.length - openCount(items));

/** Everything a person owns, counted: open, closed. */
function totals(entry: OwnersSummaryEntry): { open: number; closed: number } {
  let open = 0;
  let closed = 0;
  for (const { owned } of KINDS) {
    open += entry[owned].open;
    closed += entry[owned].closed;
  }
  return { open, closed };
}

export class PeopleTreeProvider extends ServerTreeProvider<PeopleNode> {
  async getChildren(node?: PeopleNode): Promise<PeopleNode[]> {
    if (!node) {
      // The server checks it is a handle (`@maria`); anything else marks no one.
      const setting = vscode.workspace.getConfiguration('programBriefs').get<unknown>('me');
      const me = typeof setting === 'string' ? setting.trim() : '';
      const params: OwnersSummaryParams = me ? { me } : {};
      const result = await this.model.request<OwnersSummaryResult>(OWNERS_SUMMARY, params, 'people');
      if (!result) return []; // a newer request replaced this one
      this.answeredOn = utcDate();
      if (this.view) {
        this.view.message = result.owners.length > 0 ? undefined : result.briefs === 0 ? 'No program briefs in this workspace.' : 'Nobody owns anything in the briefs yet.';
      }
      return result.owners.map((entry) => ({ kind: 'person', entry }));
    }
    if (node.kind === 'person') {
      const { open, closed } = totals(node.entry);
      if (open + closed === 0) return [];
      // This person's items only; a newer request for the same person replaces this one.
      const params: OwnedParams = { owner: node.entry.owner };
      const result = await this.model.request<OwnedResult>(OWNED, params, `people/${node.entry.owner}`);
      const entry = result?.entry;
      if (!entry) return [];
      return KINDS.filter(({ owned }) => entry[owned].length > 0).map(({ owned }) => ({ kind: 'group', owner: entry.owner, owned, items: entry[owned] }));
    }
    if (node.kind === 'group') return node.items.map((item) => ({ kind: 'item', owner: node.owner, owned: node.owned, item }));
    return [];
  }

  getTreeItem(node: PeopleNode): vscode.TreeItem {
    switch (node.kind) {
      case 'person': {
        const { entry } = node;
        const { open, closed } = totals(entry);
        const item = new vscode.TreeItem(entry.owner, entry.me ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `person/${entry.owner}`;
        const owns = open + closed === 0 ? 'owns nothing' : tally(open, closed);
        item.description = entry.me ? `me · ${owns}` : owns;
        item.iconPath = new vscode.ThemeIcon('account', entry.me ? new vscode.ThemeColor('charts.blue') : undefined);
        const has = (owned: OwnedKind) => entry[owned].open + entry[owned].closed > 0;
        item.tooltip = [`${entry.owner}${entry.me ? ' (me: the setting programBriefs.me)' : ''}`,
          ...KINDS.filter(({ owned }) => has(owned)).map(({ owned, label }) => `${label}: ${tally(entry[owned].open, entry[owned].closed)}`)].join('\n');
        item.contextValue = entry.me ? 'person.me' : 'person';
        return item;
      }
      case 'group': {
        const kind = KINDS.find((k) => k.owned === node.owned)!;
        const item = new vscode.TreeItem(kind.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `person/${node.owner}/${node.owned}`;
        item.description = counts(node.items);
        item.tooltip = `${kind.label} ${node.owner} owns: ${counts(node.items)}`;
        return item;
      }
      case 'item':
        return ownedTreeItem(node);
    }
  }

}

/** A checklist item's state beyond open/done (src/core/report/owners.ts sets it), in words. */
const CHECKLIST_STATE_WORDS: Readonly<Record<string, string>> = { 'in-progress': 'in progress', 'cancelled': 'cancelled' };

function ownedTreeItem(node: Extract<PeopleNode, { kind: 'item' }>): vscode.TreeItem {
  const { item: owned, owned: kind } = node;
  const label = kind === 'checklist' ? itemLabel(owned.text) : owned.text;
  const item = new vscode.TreeItem(label || '(untitled)', vscode.TreeItemCollapsibleState.None);
  item.id = `person/${node.owner}/${kind}/${owned.uri}#${owned.line}`;
  // As the Programs view words it: the status as written, "overdue" when the core says so.
  const overdue = owned.overdue === true || owned.display === 'overdue';
  const state = overdue ? 'overdue' : kind === 'checklist' ? CHECKLIST_STATE_WORDS[owned.status ?? ''] ?? (owned.open ? undefined : 'done') : owned.status;
  // Short enough for the default side bar width: the date, else the program (both in the
  // tooltip); beside a date, "overdue" is the icon's (a clock, its own shape) and the screen
  // reader's label's, as in the Due view.
  const where = kind === 'programs' ? undefined : owned.program;
  item.description = [overdue && owned.due ? undefined : state, owned.due ?? where].filter(Boolean).join(' · ');
  item.accessibilityInformation = { label: [label, state, owned.due && `due ${owned.due}`, where].filter(Boolean).join(', ') };
  item.iconPath = iconOf(node);
  const one = KINDS.find((k) => k.owned === kind)!.one;
  const file = vscode.workspace.asRelativePath(vscode.Uri.parse(owned.uri));
  item.tooltip = [
    `${one}${owned.id ? ` ${owned.id}` : ''}`,
    owned.text,
    owned.display ? `Status: ${STATUS_LABELS[owned.display]}` : state && `Status: ${state}`,
    owned.due && `Due ${owned.due}${owned.overdue ? ' (overdue)' : ''}`,
    owned.program && `Program ${owned.program}`,
    `Owner ${node.owner}`,
    `${file}, line ${owned.line + 1}`,
  ].filter(Boolean).join('\n');
  item.contextValue = owned.open ? 'owned.open' : 'owned.closed';
  item.command = openLine(owned.uri, owned.line, `Open ${one}`);
  return item;
}

function iconOf(node: Extract<PeopleNode, { kind: 'item' }>): vscode.ThemeIcon {
  const { item } = node;
  if (item.display) {
    const icon = STATUS_ICONS[item.display];
    return new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
  }
  if (item.overdue) return new vscode.ThemeIcon('watch', new vscode.ThemeColor('list.errorForeground'));
  // A checklist item in progress or cancelled: the Checklist view's icon for it.
  const state = node.owned === 'checklist' && (item.status === 'in-progress' || item.status === 'cancelled') ? CHECKLIST_STATE_ICONS[item.status] : undefined;
  if (state) return new vscode.ThemeIcon(state.icon, state.color ? new vscode.ThemeColor(state.color) : undefined);
  if (!item.open) return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  switch (node.owned) {
    case 'teams': return new vscode.ThemeIcon('organization');
    case 'risks': return new vscode.ThemeIcon('flame');
    case 'decisions': return new vscode.ThemeIcon('lightbulb');
    default: return new vscode.ThemeIcon('circle-large-outline');
  }
}

export interface PeopleViewApi {
  provider: PeopleTreeProvider;
  view: vscode.TreeView<PeopleNode>;
}

/** The People view, refreshed after each change of the server's model and when `programBriefs.me` changes. */
export function registerPeopleView(context: vscode.ExtensionContext, model: ServerModel): PeopleViewApi {
  return registerServerTree(context, model, 'programBriefs.people', new PeopleTreeProvider(model), 'me', { showCollapseAll: true });
}
