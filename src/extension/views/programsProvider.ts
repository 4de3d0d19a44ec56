/**
 * The Programs view: (groups →) programs → milestones / risks / open decisions → entries, each
 * level built when it is expanded. The grouping is remembered per workspace.
 */
import * as vscode from 'vscode';
import {
  decisionDescription, milestoneDescription, programAttention, programDescription, programNodes, programSections, programsRoot,
  PROGRAMS_GROUPINGS, riskDescription, sectionDescription, sectionEntries,
  type ProgramAttention, type ProgramNode, type ProgramsGrouping, type ProgramsTreeNode,
} from '../../core/views/programsTree';
import type { Brief } from '../../core';
import { displayStatus, milestoneFacts, programFacts, STATUS_LABELS, type DisplayStatus } from '../../core/model/status';
import type { BriefIndex } from '../briefIndex';
import { STATUS_ICONS } from './statusIcons';
import { escapeMarkdown, openAt, plural, safeMarkdown, todayOf } from './shared';

const STATE_KEY = 'programBriefs.programs.grouping';

export class ProgramsTreeProvider implements vscode.TreeDataProvider<ProgramsTreeNode> {
  private readonly changeEmitter = new vscode.EventEmitter<ProgramsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  view: vscode.TreeView<ProgramsTreeNode> | undefined;
  /** False until the index has read the workspace once. */
  indexed = false;

  constructor(private readonly index: BriefIndex, private readonly memento: vscode.Memento) {}

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

  getChildren(node?: ProgramsTreeNode): ProgramsTreeNode[] {
    const today = todayOf(this.index);
    const workspace = this.index.workspace;
    if (!node) {
      const briefs = workspace.briefs();
      const grouping = this.grouping;
      if (this.view) {
        this.view.description = grouping === 'program' ? undefined : `by ${grouping}`;
        this.view.message = briefs.length > 0 ? undefined : this.indexed ? 'No program briefs in this workspace.' : 'Reading the briefs…';
      }
      return programsRoot(briefs, grouping);
    }
    // Nodes may predate the last edit (refreshes are debounced): read the briefs afresh.
    switch (node.kind) {
      case 'group':
        return programNodes(node.briefs.map((b) => workspace.get(b.uri)).filter((b): b is Brief => b?.isBrief === true), node.id);
      case 'program': {
        const brief = workspace.get(node.uri);
        return brief ? programSections(brief, node.id, today) : [];
      }
      case 'section': {
        const brief = workspace.get(node.uri);
        return brief ? sectionEntries({ ...node, brief }, today) : [];
      }
      default:
        return [];
    }
  }

  /** The program tooltip needs a pass over its milestones and risks: only on hover. */
  resolveTreeItem(item: vscode.TreeItem, node: ProgramsTreeNode): vscode.TreeItem {
    if (node.kind === 'program' && item.tooltip === undefined) {
      const brief = this.index.workspace.get(node.uri) ?? node.brief;
      item.tooltip = programTooltip(node, programAttention(brief, todayOf(this.index)));
    }
    return item;
  }

  /** A milestone's display status, from the core (the node's id ends with `/milestone:<index>`). */
  private milestoneDisplay(node: Extract<ProgramsTreeNode, { kind: 'milestone' }>): DisplayStatus | undefined {
    const index = /\/milestone:(\d+)$/.exec(node.id)?.[1];
    const brief = this.index.workspace.get(node.uri);
    const milestone = index === undefined ? undefined : brief?.milestones[Number(index)];
    return brief && milestone ? displayStatus(milestoneFacts(brief, milestone), todayOf(this.index)) : undefined;
  }

  getTreeItem(node: ProgramsTreeNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.label, collapsed);
        item.id = node.id;
        item.description = plural(node.briefs.length, 'program');
        // A status group's key is the status as written: the core says what it shows as.
        item.iconPath = node.grouping === 'status' ? statusIcon(displayStatus({ kind: 'program', status: node.key }, todayOf(this.index))) : new vscode.ThemeIcon(node.grouping === 'owner' ? 'person' : 'organization');
        item.contextValue = 'programGroup';
        return item;
      }
      case 'program': {
        const item = new vscode.TreeItem(node.label, collapsed);
        item.id = node.id;
        item.description = programDescription(node);
        const brief = this.index.workspace.get(node.uri) ?? node.brief;
        item.iconPath = statusIcon(displayStatus(programFacts(brief), todayOf(this.index)));
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
        const display = this.milestoneDisplay(node);
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

function programTooltip(node: ProgramNode, attention: ProgramAttention): vscode.MarkdownString {
  const lines = [
    `**${escapeMarkdown(node.title ?? node.label)}** (${escapeMarkdown(node.label)})`,
    [node.status && `Status: ${escapeMarkdown(node.status)}`, node.owner && `Owner: ${escapeMarkdown(node.owner)}`, node.target && `Target: ${escapeMarkdown(node.target)}`].filter(Boolean).join(' · '),
    [attention.overdueMilestones && `${plural(attention.overdueMilestones, 'overdue milestone')}`,
      attention.atRiskMilestones && `${plural(attention.atRiskMilestones, 'milestone')} at risk or blocked`,
      attention.unmitigatedRisks && `${plural(attention.unmitigatedRisks, 'unmitigated risk')}`,
      attention.openDecisions && `${plural(attention.openDecisions, 'open decision')}`]
      .filter(Boolean).join(' · '),
  ];
  return safeMarkdown(lines.filter(Boolean).join('\n\n'));
}
