/**
 * The Programs view: (groups →) programs → milestones / risks / open decisions → entries, each
 * level built when it is expanded. The grouping is remembered per workspace.
 */
import * as vscode from 'vscode';
import {
  decisionDescription, milestoneDescription, programDescription, programRowDescription, PROGRAMS_GROUPINGS, riskDescription, sectionDescription,
  type ProgramNode, type ProgramsGrouping,
} from '../../core/views/programsTree';
import { STATUS_LABELS, type DisplayStatus } from '../../core/model/status';
import { PROGRAMS, type ProgramsParams, type ProgramsResult, type ProgramsWireNode } from '../../server/protocol';
import type { ServerModel } from '../serverModel';
import { utcDate } from './openLine';
import { STATUS_ICONS } from './statusIcons';
import { escapeMarkdown, openAt, plural, safeMarkdown } from './shared';

const STATE_KEY = 'programBriefs.programs.grouping';

export class ProgramsTreeProvider implements vscode.TreeDataProvider<ProgramsWireNode> {
  private readonly changeEmitter = new vscode.EventEmitter<ProgramsWireNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  view: vscode.TreeView<ProgramsWireNode> | undefined;
  /** False until the server has read the workspace once. */
  indexed = false;
  /** The effective today of the server's last answer. */
  today: string | undefined;
  /** The UTC date of the server's last answer (a view shown on another day is rebuilt). */
  answeredOn: string | undefined;

  constructor(private readonly model: ServerModel, private readonly memento: vscode.Memento) {}

  get grouping(): ProgramsGrouping {
    const stored = this.memento.get<string>(STATE_KEY);
    return PROGRAMS_GROUPINGS.find((g) => g.grouping === stored)?.grouping ?? 'program';
  }

  async setGrouping(grouping: ProgramsGrouping): Promise<void> {
    await this.memento.update(STATE_KEY, grouping);
    this.refresh();
  }

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  /** The children of a node (none: the top level of the grouping), from the server (`programBriefs/programs`). */
  async getChildren(node?: ProgramsWireNode): Promise<ProgramsWireNode[]> {
    const grouping = this.grouping;
    // Nodes may predate the last edit: the server reads the briefs afresh.
    const params: ProgramsParams = { grouping, ...(node && { parent: node }) };
    const result = await this.model.request<ProgramsResult>(PROGRAMS, params);
    if (!result) return [];
    this.today = result.today;
    this.answeredOn = utcDate();
    if (!node && this.view) {
      this.view.description = grouping === 'program' ? undefined : `by ${grouping}`;
      this.view.message = result.briefs > 0 ? undefined : this.indexed ? 'No program briefs in this workspace.' : 'Reading the briefs…';
    }
    return result.nodes;
  }

  /** The program tooltip: built on hover only. */
  resolveTreeItem(item: vscode.TreeItem, node: ProgramsWireNode): vscode.TreeItem {
    if (node.kind === 'program' && item.tooltip === undefined) item.tooltip = programTooltip(node);
    return item;
  }

  getTreeItem(node: ProgramsWireNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.label, collapsed);
        item.id = node.id;
        item.description = plural(node.uris.length, 'program');
        // A status group's key is the status as written: the server says what it shows as.
        item.iconPath = node.display ? statusIcon(node.display) : new vscode.ThemeIcon(node.grouping === 'owner' ? 'person' : 'organization');
        item.contextValue = 'programGroup';
        return item;
      }
      case 'program': {
        // The title, then what a TPM scans for: health, next milestone, overdue and high risks.
        const item = new vscode.TreeItem(node.title ?? node.label, collapsed);
        item.id = node.id;
        item.description = programRowDescription(node.row, this.today ?? '', node.status);
        item.iconPath = statusIcon(node.display);
        item.contextValue = 'program';
        item.command = openAt(node.uri, node.range, 'Open Brief');
        return item;
      }
      case 'section': {
        // Sections are short and are what a program is opened for: shown expanded.
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.description = sectionDescription(node);
        item.iconPath = new vscode.ThemeIcon(node.section === 'milestones' ? 'milestone' : node.section === 'risks' ? 'shield' : 'question');
        item.contextValue = `programSection.${node.section}`;
        return item;
      }
      case 'milestone': {
        const item = leaf(node.id, node.label, milestoneDescription(node), node.uri, node.range);
        const display = node.display;
        item.iconPath = display ? statusIcon(display) : new vscode.ThemeIcon('milestone');
        item.tooltip = [node.milestoneId && `Milestone ${node.milestoneId}`, display && `Status: ${STATUS_LABELS[display]}`, node.owner && `Owner ${node.owner}`,
          node.overdue && `Overdue: was due ${node.due}`, node.dependencies === 1 ? '1 dependency' : `${node.dependencies} dependencies`].filter(Boolean).join('\n');
        item.contextValue = node.overdue ? 'milestone.overdue' : node.atRisk ? 'milestone.atRisk' : 'milestone';
        return item;
      }
      case 'risk': {
        const item = leaf(node.id, node.label, riskDescription(node), node.uri, node.range);
        item.iconPath = node.unmitigated ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('shield');
        item.tooltip = [node.riskId && `Risk ${node.riskId}`, node.owner && `Owner ${node.owner}`, `Likelihood ${node.likelihood ?? '?'}, impact ${node.impact ?? '?'}`,
          node.unmitigated && 'High and no mitigation'].filter(Boolean).join('\n');
        item.contextValue = node.unmitigated ? 'risk.unmitigated' : 'risk';
        // The row says likelihood and impact; the icon says "no mitigation": a screen reader hears both.
        item.accessibilityInformation = { label: [node.label, riskDescription(node), node.unmitigated && 'high and no mitigation'].filter(Boolean).join(', ') };
        return item;
      }
      case 'decision': {
        const item = leaf(node.id, node.label, decisionDescription(node), node.uri, node.range);
        item.iconPath = new vscode.ThemeIcon('question');
        item.tooltip = [node.decisionId && `Decision ${node.decisionId}`, 'Status proposed', node.owner && `Owner ${node.owner}`].filter(Boolean).join('\n');
        item.contextValue = 'decision';
        return item;
      }
    }
  }
}

function leaf(id: string, label: string, description: string, uri: string, range: ProgramNode['range']): vscode.TreeItem {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.description = description;
  item.command = openAt(uri, range, 'Reveal in Brief');
  return item;
}

/** The icon of a display status (decided by src/core/model/status.ts): one codicon per status. */
function statusIcon(display: DisplayStatus): vscode.ThemeIcon {
  const { icon, color } = STATUS_ICONS[display];
  return color ? new vscode.ThemeIcon(icon, new vscode.ThemeColor(color)) : new vscode.ThemeIcon(icon);
}

/** Untrusted Markdown, every workspace part escaped: what the row says, in full, with the health's reasons. */
function programTooltip(node: Extract<ProgramsWireNode, { kind: 'program' }>): vscode.MarkdownString {
  const { attention, row } = node;
  const title = node.title ? `**${escapeMarkdown(node.title)}** (${escapeMarkdown(node.label)})` : `**${escapeMarkdown(node.label)}**`;
  const lines = [
    title,
    [`Status: ${escapeMarkdown(node.status ?? 'none')}`, row.healthLabel && `Health: ${escapeMarkdown(row.healthLabel)}`].filter(Boolean).join(' · '),
    row.reasons.length > 0 ? row.reasons.map((reason) => `- ${escapeMarkdown(reason)}`).join('\n') : undefined,
    programDescription({ owner: node.owner, target: node.target }) ? escapeMarkdown(programDescription({ owner: node.owner, target: node.target })) : undefined,
    row.next && escapeMarkdown(`Next milestone: ${row.next.label}${row.next.milestoneId ? ` (${row.next.milestoneId})` : ''}, due ${row.next.due}${row.next.owner ? `, owner ${row.next.owner}` : ''}${row.next.overdue ? ' (overdue)' : ''}`),
    [attention.overdueMilestones && `${plural(attention.overdueMilestones, 'overdue milestone')}`,
      attention.atRiskMilestones && `${plural(attention.atRiskMilestones, 'milestone')} at risk or blocked`,
      row.highRisks && `${plural(row.highRisks, 'high risk')}`,
      attention.unmitigatedRisks && `${plural(attention.unmitigatedRisks, 'unmitigated risk')}`,
      attention.openDecisions && `${plural(attention.openDecisions, 'open decision')}`]
      .filter(Boolean).join(' · '),
  ];
  return safeMarkdown(lines.filter(Boolean).join('\n\n'));
}
